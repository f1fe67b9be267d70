import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// The stored reports: drafting (once per unit, kind and period), reading within the reader's
/// subtree, rewriting a draft's paragraphs, and issuing. Every write is an event; an issued report
/// refuses every change.
enum ReportStore {
    /// The readers of stored reports are the readers of statistics, within their subtree.
    static func mayRead(_ actor: Actor, unit: UUID, tree: OrgTree) -> Bool {
        AccessPolicy.has(actor, .readStatistics) && tree.isWithin(unit, subtreeOf: actor.orgUnitID)
    }

    /// A unit's reports are drafted, edited and issued by its own dispatchers and admins.
    static func mayWrite(_ actor: Actor, unit: UUID) -> Bool {
        (actor.has(.dispatcher) || actor.has(.admin)) && actor.orgUnitID == unit
    }

    /// Stores `draft` for `unit` unless that unit already has the report; returns the stored one and
    /// whether it was new. With `notice`, a new draft is announced to the unit's dispatchers in the
    /// same transaction (`notified` says to how many).
    static func draft(
        _ draft: ReportDraft, unit: UUID, actorID: UUID?, now: Date, notice: String? = nil, on database: any Database
    ) async throws -> (id: UUID, created: Bool, notified: Int) {
        let content: String
        switch draft {
        case .bulletin(let bulletin): content = try encode(bulletin)
        case .campaignSummary(let summary): content = try encode(summary)
        }
        return try await database.writing(actorID: actorID, now: now) { tx, log in
            let sql = tx.sql
            if let existing = try await find(unit: unit, kind: draft.kind, periodKey: draft.periodKey, on: sql) {
                return (existing, false, 0)
            }
            let id = UUID()
            try await sql.insert(into: "reports")
                .columns(
                    "id", "org_unit_id", "kind", "period_key", "title", "state", "content", "due_on", "drafted_at",
                    "updated_at", "updated_by"
                )
                .values(
                    SQLBind(id), SQLBind(unit), SQLBind(draft.kind), SQLBind(draft.periodKey), SQLBind(draft.title),
                    SQLBind(StoredReport.State.draft.rawValue), SQLBind(content), SQLBind(draft.dueOn?.iso),
                    SQLBind(now), SQLBind(now), SQLBind(actorID)
                ).run()
            try await log.record(
                "report", id: id.uuidString, "draft",
                .created(["kind": draft.kind, "period": draft.periodKey, "title": draft.title]), orgUnit: unit)
            var notified = 0
            if let notice {
                notified = try await NotificationStore.send(
                    to: try await NotificationStore.users(of: unit, withRole: .dispatcher, on: sql),
                    kind: "reportDrafted",
                    message: notice, link: WebPath.storedReport(id), now: now, on: sql)
            }
            return (id, true, notified)
        }
    }

    static func find(unit: UUID, kind: String, periodKey: String, on sql: any SQLDatabase) async throws -> UUID? {
        try await sql.raw(
            """
            SELECT id FROM reports WHERE org_unit_id = \(bind: unit) AND kind = \(bind: kind)
              AND period_key = \(bind: periodKey)
            """
        ).first()?.decode(column: "id", as: UUID.self)
    }

    /// The report, if the actor may read it (404 otherwise: another unit's reports are not there).
    static func readable(_ id: UUID, by actor: Actor, tree: OrgTree, on sql: any SQLDatabase) async throws
        -> StoredReport
    {
        guard let report = try await load(id, on: sql), mayRead(actor, unit: report.orgUnitId, tree: tree) else {
            throw AppError.notFound("报告")
        }
        return report
    }

    static func load(_ id: UUID, on sql: any SQLDatabase) async throws -> StoredReport? {
        struct Row: Decodable {
            let id: UUID
            let orgUnitId: UUID
            let kind: String
            let periodKey: String
            let title: String
            let state: String
            let content: String
            let dueOn: String?
            let draftedAt: Date
            let updatedAt: Date
            let issuedAt: Date?
            let submittedTo: UUID?
            let readAt: Date?
            let readByName: String?
        }
        guard
            let row = try await sql.raw(
                """
                SELECT r.id, r.org_unit_id, r.kind, r.period_key, r.title, r.state, r.content, r.due_on, r.drafted_at,
                  r.updated_at, r.issued_at, r.submitted_to, r.read_at, u.display_name AS read_by_name
                FROM reports r LEFT JOIN users u ON u.id = r.read_by WHERE r.id = \(bind: id)
                """
            ).first(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        else { return nil }
        let data = Data(row.content.utf8)
        let campaign = row.kind == StoredReport.campaignKind
        return StoredReport(
            id: row.id, orgUnitId: row.orgUnitId, kind: row.kind, periodKey: row.periodKey, title: row.title,
            state: StoredReport.State(rawValue: row.state) ?? .draft, dueOn: row.dueOn, draftedAt: row.draftedAt,
            updatedAt: row.updatedAt, issuedAt: row.issuedAt, submittedTo: row.submittedTo, readAt: row.readAt,
            readByName: row.readByName,
            bulletin: campaign ? nil : try decoder.decode(Bulletin.self, from: data),
            campaignSummary: campaign ? try decoder.decode(CampaignSummary.self, from: data) : nil)
    }

    /// One line of the list: what it is and where it stands, without its content.
    struct Entry: Codable, Sendable {
        let id: UUID
        let orgUnitId: UUID
        let unitName: String
        let kind: String
        let kindName: String
        let periodKey: String
        let title: String
        let state: StoredReport.State
        let dueOn: String?
        let draftedAt: Date
        let issuedAt: Date?
    }

    /// The reports of `unit`'s subtree, drafts first, then the latest drafted.
    static func list(
        under unit: UUID, state: StoredReport.State?, tree: OrgTree, limit: Int = 200, on sql: any SQLDatabase
    ) async throws -> [Entry] {
        struct Row: Decodable {
            let id: UUID
            let orgUnitId: UUID
            let kind: String
            let periodKey: String
            let title: String
            let state: String
            let dueOn: String?
            let draftedAt: Date
            let issuedAt: Date?
        }
        let units = Array(tree.subtree(of: unit))
        let stateCondition: SQLQueryString = state.map { "AND state = \(bind: $0.rawValue)" } ?? ""
        return try await sql.raw(
            """
            SELECT id, org_unit_id, kind, period_key, title, state, due_on, drafted_at, issued_at FROM reports
            WHERE org_unit_id IN (\(binds: units)) \(stateCondition)
            ORDER BY CASE WHEN state = 'draft' THEN 0 ELSE 1 END, drafted_at DESC, title
            LIMIT \(literal: limit)
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase).map { row in
            Entry(
                id: row.id, orgUnitId: row.orgUnitId, unitName: tree[row.orgUnitId]?.name ?? "—", kind: row.kind,
                kindName: ReportPeriod.Kind(rawValue: row.kind)?.reportName ?? "总结报告", periodKey: row.periodKey,
                title: row.title, state: StoredReport.State(rawValue: row.state) ?? .draft, dueOn: row.dueOn,
                draftedAt: row.draftedAt, issuedAt: row.issuedAt)
        }
    }

    static let paragraphLimit = 3000

    /// Rewrites a draft's two paragraphs (总体情况, 下步工作). Refused for an issued report.
    static func edit(
        _ id: UUID, summary: String?, nextSteps: String?, actor: Actor, tree: OrgTree, now: Date,
        on database: any Database
    ) async throws {
        var v = JieyouDomain.Validator()
        func checked(_ text: String?, _ field: String, _ label: String) -> String? {
            guard let text else { return nil }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                v.fail(field, "\(label)不能为空")
            } else if trimmed.count > paragraphLimit {
                v.fail(field, "\(label)不能超过\(paragraphLimit)字")
            }
            return trimmed
        }
        let summary = checked(summary, "summary", "总体情况")
        let nextSteps = checked(nextSteps, "nextSteps", "下步工作")
        try v.throwIfFailed()
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            let report = try await writable(id, by: actor, tree: tree, on: sql)
            var changes = ChangeSet()
            let content: String
            if var bulletin = report.bulletin {
                if let summary { bulletin.summary = summary }
                if let nextSteps { bulletin.nextSteps = nextSteps }
                content = try encode(bulletin)
            } else if var campaign = report.campaignSummary {
                if let summary { campaign.summary = summary }
                if let nextSteps { campaign.nextSteps = nextSteps }
                content = try encode(campaign)
            } else {
                return
            }
            if let summary, summary != report.summary {
                changes.record("summary", before: report.summary, after: summary)
            }
            if let nextSteps, nextSteps != report.nextSteps {
                changes.record("nextSteps", before: report.nextSteps, after: nextSteps)
            }
            guard !changes.isEmpty else { return }
            try await sql.raw(
                """
                UPDATE reports SET content = \(bind: content), updated_at = \(bind: now), updated_by = \(bind: actor.userID)
                WHERE id = \(bind: id) AND state = 'draft'
                """
            ).run()
            try await log.record("report", id: id.uuidString, "edit", changes, orgUnit: report.orgUnitId)
        }
    }

    /// Issues (印发) a draft: from now on it is what was sent and never changes. It is submitted (报送)
    /// in the same transaction to the nearest unit above with a task force (`ReportDelivery.receiver`).
    static func issue(_ id: UUID, actor: Actor, tree: OrgTree, now: Date, on database: any Database) async throws {
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            let report = try await writable(id, by: actor, tree: tree, on: sql)
            let receiver = ReportDelivery.receiver(
                of: report.orgUnitId, in: tree, staffed: try await RecipientStore(sql: sql).staffedUnits())
            try await sql.raw(
                """
                UPDATE reports SET state = 'issued', issued_at = \(bind: now), issued_by = \(bind: actor.userID),
                  updated_at = \(bind: now), updated_by = \(bind: actor.userID), submitted_to = \(bind: receiver)
                WHERE id = \(bind: id) AND state = 'draft'
                """
            ).run()
            var changes = ChangeSet()
            changes.record(
                "state", before: StoredReport.State.draft.rawValue, after: StoredReport.State.issued.rawValue)
            if let receiver { changes.record("submittedTo", before: nil, after: tree[receiver]?.name) }
            try await log.record("report", id: id.uuidString, "issue", changes, orgUnit: report.orgUnitId)
            if let receiver { try await submit(report, to: receiver, tree: tree, now: now, on: sql) }
        }
    }

    /// 报送: an issued report reaches the receiving unit's task force (dispatchers, leaders, 上级专班) on
    /// their bell and in the unit's work groups, in the transaction that issues it.
    private static func submit(
        _ report: StoredReport, to receiver: UUID, tree: OrgTree, now: Date, on sql: any SQLDatabase
    ) async throws {
        let from = tree[report.orgUnitId]?.name ?? ""
        let message = "\(from)报送了《\(report.title)》\(report.dueOn.map { "（应于\($0)前报送）" } ?? "")，请查阅。"
        let users = try await RecipientStore(sql: sql).taskForce(of: receiver)
        let link = WebPath.storedReport(report.id)
        try await NotificationStore.send(
            to: users, kind: "report.submitted", message: message, link: link, now: now, on: sql)
        let robot = RobotMessage(title: "【报送】\(from)《\(report.title)》", text: message, link: link)
        let outbox = OutboxStore(sql: sql)
        for channel in try await ChannelStore(sql: sql).channels(for: [.dispatchers, .leaders], unit: receiver) {
            try await outbox.enqueue(robot, kind: "report.submitted", to: channel, now: now)
        }
    }

    /// Whether `actor` reads reports submitted to `unit`: a member of its task force, or its admin.
    static func mayReceive(_ actor: Actor, unit: UUID) -> Bool {
        actor.orgUnitID == unit
            && (actor.has(.dispatcher) || actor.has(.leader) || actor.has(.upper) || actor.has(.admin))
    }

    /// Marks a report submitted to the actor's unit 已阅 (once: the first reader's name and time stay).
    static func markRead(_ id: UUID, actor: Actor, tree: OrgTree, now: Date, on database: any Database) async throws {
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            let report = try await readable(id, by: actor, tree: tree, on: sql)
            guard report.state == .issued, let receiver = report.submittedTo, mayReceive(actor, unit: receiver) else {
                throw AppError.forbidden("只有接收报送的单位可以标记已阅")
            }
            guard report.readAt == nil else { return }
            try await sql.raw(
                """
                UPDATE reports SET read_at = \(bind: now), read_by = \(bind: actor.userID)
                WHERE id = \(bind: id) AND read_at IS NULL
                """
            ).run()
            try await log.record(
                "report", id: id.uuidString, "read", .created(["readBy": tree[receiver]?.name]),
                orgUnit: report.orgUnitId)
        }
    }

    /// A draft the actor may change: 404 outside its reach, 403 for a reader who does not write the
    /// unit's reports, 409 once issued.
    private static func writable(_ id: UUID, by actor: Actor, tree: OrgTree, on sql: any SQLDatabase) async throws
        -> StoredReport
    {
        let report = try await readable(id, by: actor, tree: tree, on: sql)
        guard mayWrite(actor, unit: report.orgUnitId) else {
            throw AppError.forbidden("只有本单位的调度员或管理员可以修改和印发报告")
        }
        guard report.state == .draft else { throw AppError.conflict("state", "报告已印发，不能再修改") }
        return report
    }

    private static let decoder = JSONDecoder()

    private static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
