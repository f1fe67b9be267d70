import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// A visit as a cadre reports it, fields still as sent.
struct VisitInput: Sendable {
    var enterpriseID: UUID?
    /// `2024-09-04`; empty means today.
    var visitedOn: String?
    var purposes: [String]
    var notes: String?
    /// Cadres who went; a cadre recording its own visit is included without naming itself.
    var cadreIDs: [UUID]
    /// Problems and suggestions found there.
    var findings: [(kind: String?, text: String?)]
}

/// Records visits (走访) with what was found there. Findings stay with the visit (table `findings`)
/// until the problem ledger takes them in, so nothing a cadre wrote down is lost.
struct VisitService {
    let database: any Database
    let now: Date

    static let maxFindings = 10

    func record(_ input: VisitInput, by actor: Actor) async throws -> UUID {
        guard AccessPolicy.has(actor, .recordFieldWork) else { throw AppError.forbidden() }
        let tree = try await OrgDirectory.tree(on: database)
        let sql = database.sql
        guard let enterpriseID = input.enterpriseID else { throw AppError.invalid("enterpriseId", "请选择走访的企业") }
        guard let enterprise = try await StoredEnterprise.load(enterpriseID, on: sql),
            AccessPolicy.may(actor, .recordFieldWork, at: enterprise.row.orgUnitId, in: tree)
        else { throw AppError.notFound("企业") }
        var v = Validator()
        let today = LocalDate(now, in: .chinaStandard)
        let day = v.pastDay(
            input.visitedOn, field: "visitedOn", label: "走访日期", today: today, maxAgeDays: 366, oldest: "一年前")
        var purposes: [VisitPurpose] = []
        for text in input.purposes {
            if let purpose = VisitPurpose(rawValue: text) {
                if !purposes.contains(purpose) { purposes.append(purpose) }
            } else {
                v.fail("purposes", "走访目的“\(text)”无效")
            }
        }
        if purposes.isEmpty && input.purposes.isEmpty { v.fail("purposes", "请至少选择一项走访目的") }
        let notes = v.optionalText(input.notes, field: "notes", label: "走访情况", maxLength: 2000)
        var cadreIDs = input.cadreIDs
        if actor.has(.cadre) && !cadreIDs.contains(actor.userID) { cadreIDs.insert(actor.userID, at: 0) }
        if cadreIDs.isEmpty { v.fail("cadreIds", "请选择参加走访的干部") }
        let line = Set(tree.lineage(of: enterprise.row.orgUnitId).map(\.id))
        let cadres = try await UserModel.query(on: database).filter(\.$id ~~ cadreIDs).all()
        for (index, id) in cadreIDs.enumerated() {
            let cadre = cadres.first { $0.id == id }
            if cadre == nil || !cadre!.active || !line.contains(cadre!.$orgUnit.id) || !cadre!.roles.contains(.cadre) {
                v.fail("cadreIds[\(index)]", "走访干部不存在，或不是本企业所属园区及上级单位的联点干部")
            }
        }
        var findings: [(FindingKind, String)] = []
        for (index, finding) in input.findings.enumerated() {
            let text = (finding.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            guard let kind = FindingKind(rawValue: finding.kind ?? FindingKind.problem.rawValue) else {
                v.fail("findings[\(index)].kind", "类别应为问题诉求或意见建议")
                continue
            }
            if text.count > 500 { v.fail("findings[\(index)].text", "每条问题或建议不能超过500字") }
            findings.append((kind, text))
        }
        if findings.count > Self.maxFindings { v.fail("findings", "一次走访最多记录\(Self.maxFindings)条问题或建议") }
        try v.throwIfFailed()

        let id = UUID()
        let now = now
        let visitDay = day
        let orgUnit = enterprise.row.orgUnitId
        let purposeCodes = purposes.map(\.rawValue)
        let foundItems = findings
        let team = cadreIDs
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            let campaigns = try await CoverageTallies.campaigns(over: [orgUnit], day: visitDay, tree: tree, on: sql)
            try await CoverageTallies.around([enterpriseID], campaigns: campaigns, tree: tree, on: sql) {
                try await Self.insert(
                    id: id, orgUnit: orgUnit, enterpriseID: enterpriseID, day: visitDay, purposes: purposeCodes,
                    notes: notes, cadres: team, by: actor.userID, now: now, on: sql)
            }
            try await FindingStore.insert(
                foundItems, orgUnit: orgUnit, enterpriseID: enterpriseID, visitID: id, meetingID: nil,
                campaigns: campaigns, tree: tree, by: actor.userID, now: now, on: sql, log: log)
            try await log.record(
                "visit", id: id.uuidString, "create",
                .created([
                    "enterpriseId": enterpriseID.uuidString, "visitedOn": visitDay.iso,
                    "purposes": purposeCodes.joined(separator: ","), "notes": notes,
                    "cadreIds": team.map(\.uuidString).joined(separator: ","),
                    "findings": foundItems.isEmpty
                        ? nil : foundItems.map { "[\($0.0.chineseName)]\($0.1)" }.joined(separator: "\n"),
                ]), orgUnit: orgUnit)
            return id
        }
    }

    /// The visit's row and one row per cadre who went.
    private static func insert(
        id: UUID, orgUnit: UUID, enterpriseID: UUID, day: LocalDate, purposes: [String], notes: String?,
        cadres: [UUID], by userID: UUID, now: Date, on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "visits")
            .columns(
                "id", "org_unit_id", "enterprise_id", "visited_on", "purposes", "notes", "recorded_by", "created_at"
            )
            .values(
                SQLBind(id), SQLBind(orgUnit), SQLBind(enterpriseID), SQLBind(day.iso),
                SQLBind(purposes.joined(separator: ",")), SQLBind(notes), SQLBind(userID), SQLBind(now)
            ).run()
        var cadreInsert = sql.insert(into: "visit_cadres").columns(
            "id", "visit_id", "user_id", "enterprise_id", "visited_on")
        for cadre in cadres {
            cadreInsert = cadreInsert.values(
                SQLBind(UUID()), SQLBind(id), SQLBind(cadre), SQLBind(enterpriseID), SQLBind(day.iso))
        }
        try await cadreInsert.run()
    }
}

/// Problems and suggestions found at visits and meetings. Each is kept with its visit or meeting and
/// taken into the ledger at once, as a problem waiting for the dispatcher (待受理) linked back to it,
/// under the campaign the visit or meeting was part of (of the `campaigns` running that day over the
/// enterprise's unit), so that the campaign counts it.
enum FindingStore {
    static func insert(
        _ items: [(FindingKind, String)], orgUnit: UUID, enterpriseID: UUID, visitID: UUID?, meetingID: UUID?,
        campaigns: [CampaignRecord], tree: OrgTree, by userID: UUID, now: Date, on sql: any SQLDatabase,
        log: AuditLog
    ) async throws {
        guard !items.isEmpty else { return }
        let calendar = try await CalendarStore.calendar(on: sql)
        let campaign = try await CampaignQueries.collecting(
            enterprise: enterpriseID, among: campaigns, tree: tree, sql: sql)
        var insert = sql.insert(into: "findings").columns(
            "id", "org_unit_id", "enterprise_id", "visit_id", "meeting_id", "kind", "text", "recorded_by", "created_at")
        var ids: [UUID] = []
        for (kind, text) in items {
            let id = UUID()
            ids.append(id)
            insert = insert.values(
                SQLBind(id), SQLBind(orgUnit), SQLBind(enterpriseID), SQLBind(visitID), SQLBind(meetingID),
                SQLBind(kind.rawValue), SQLBind(text), SQLBind(userID), SQLBind(now))
        }
        try await insert.run()
        for (id, (kind, text)) in zip(ids, items) {
            try await ProblemIntake.insert(
                ProblemIntake.NewProblem(
                    orgUnit: orgUnit, enterpriseID: enterpriseID, kind: kind == .problem ? .problem : .suggestion,
                    source: visitID != nil ? .visit : .meeting, description: text, campaignID: campaign, findingID: id,
                    reportedBy: userID),
                now: now, calendar: calendar, on: sql, log: log)
        }
    }
}
