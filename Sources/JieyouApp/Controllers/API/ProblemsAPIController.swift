import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/problems`: the problem loop. `POST` takes a problem in; `GET /{id}` shows it with its
/// timeline and the actions the caller may take now; `POST /{id}/actions/{action}` takes one.
/// `GET list.xlsx` is the 问题清单 of the ledger's query, `responsibility.xlsx` and `closed.xlsx` the
/// 责任清单 and 销号清单 (staff only; `closedFrom`/`closedTo` for the latter); `POST import` takes a
/// 问题清单 in.
struct ProblemsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let problems = routes.grouped("problems")
        problems.get(use: list)
        problems.post(use: create)
        problems.get("list.xlsx", use: { try await ProblemListDownload.response($0) })
        problems.get("responsibility.xlsx", use: { try await DutyListsWebController.responsibilityFile($0) })
        problems.get("closed.xlsx", use: { try await DutyListsWebController.closedFile($0) })
        problems.on(.POST, "import", body: .collect(maxSize: UploadedFile.maxSize), use: importList)
        problems.get(":id", use: show)
        problems.post(":id", "actions", ":action", use: act)
    }

    /// `POST /api/v1/problems/import?orgUnit=`: a 问题清单 sheet (multipart field `file`), all or
    /// nothing; a bad sheet is a 400 listing each bad row and column.
    @Sendable func importList(req: Request) async throws -> ProblemListImportReport {
        let actor = try req.requireSignedIn().actor
        let upload = try UploadedFile(req)
        defer { upload.remove() }
        var v = Validator()
        let target = req.queryID("orgUnit", "组织", &v) ?? actor.orgUnitID
        try v.throwIfFailed()
        return try await ProblemListImport(
            database: req.db, actor: actor, now: req.now, calendar: try await CalendarStore.calendar(on: req.db)
        ).run(file: upload.url, into: target)
    }

    struct ProblemWrite: Content {
        let enterpriseId: UUID?
        let orgUnitId: UUID?
        let kind: String?
        let category: String?
        let source: String?
        let description: String?
        let campaignId: UUID?
    }

    /// The fields any action may carry; each action reads the ones it needs.
    struct ActionBody: Content {
        let category: String?
        let reason: String?
        let leadDepartmentId: UUID?
        let coDepartmentIds: [UUID]?
        let deadline: String?
        let text: String?
        let upheld: Bool?
        let note: String?
        let result: String?
        let resultKind: String?
        let satisfaction: String?
        let comment: String?
        let overrideReason: String?
        let targetId: UUID?
        let plan: String?
        let responsibleUnit: String?
        let until: String?
        let workingDays: Int?
        let approve: Bool?
        let departmentId: UUID?
        let on: Bool?
        let rootCause: String?
    }

    struct TimelineEntry: Content {
        let sequence: Int64
        let at: Date
        let actor: String?
        let action: String
        let changes: [String: FieldChange]
    }

    struct ProblemDTO: Content {
        let id: UUID
        let number: String
        let orgUnitId: UUID
        let enterpriseId: UUID?
        let kind: String
        let category: String?
        let source: String
        let description: String
        let state: String
        let stateName: String
        let leadDepartmentId: UUID?
        let coDepartments: [String: String]
        let deadline: String?
        let signBy: String?
        let overdue: Bool
        let paused: Bool
        let returnCount: Int
        let reopenCount: Int
        let rootCause: String?
        let result: String?
        let resultKind: String?
        let satisfaction: String?
        let closeOverride: String?
        let flags: [String]
        let version: Int
        /// For an escalated problem: the linked problem in the parent org's ledger and how it stands,
        /// so the park sees the outcome of what it handed up.
        let escalatedTo: LinkedProblem?
        /// For a problem handed up from below: the problem it came from.
        let escalatedFrom: LinkedProblem?
        /// What the caller may do now.
        let actions: [String]
        let timeline: [TimelineEntry]
    }

    struct LedgerPage: Content {
        let items: [LedgerItem]
        let total: Int
        let limit: Int
        let offset: Int
        /// Pass as `cursor` for the next page; null on the last.
        let nextCursor: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(items, forKey: .items)
            try c.encode(total, forKey: .total)
            try c.encode(limit, forKey: .limit)
            try c.encode(offset, forKey: .offset)
            try c.encode(nextCursor, forKey: .nextCursor)
        }
    }

    /// The ledger the caller may read, with the filters, view, order and paging of `ledgerRequest`.
    @Sendable func list(req: Request) async throws -> LedgerPage {
        let signedIn = try req.requireSignedIn()
        let tree = try await OrgDirectory.tree(on: req.db)
        let request = try req.ledgerRequest(for: signedIn.actor, tree: tree)
        let page = try await ProblemLedger.page(
            request, actor: signedIn.actor, tree: tree, today: LocalDate(req.now, in: .chinaStandard),
            calendar: try await CalendarStore.calendar(on: req.db), on: req.db as! any SQLDatabase)
        let next = request.offset + request.limit
        return LedgerPage(
            items: page.items, total: page.total, limit: request.limit, offset: request.offset,
            nextCursor: next < page.total ? LedgerCursor.make(offset: next) : nil)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let body = try req.content.decode(ProblemWrite.self)
        let calendar = try await CalendarStore.calendar(on: req.db)
        let id = try await ProblemService(database: req.db, now: req.now, calendar: calendar).submit(
            ProblemInput(
                enterpriseID: body.enterpriseId, kind: body.kind, category: body.category, source: body.source,
                description: body.description, campaignID: body.campaignId),
            orgUnit: body.orgUnitId, by: signedIn.actor)
        req.parameters.set("id", to: id.uuidString)
        return try await show(req: req).encodeResponse(status: .created, for: req)
    }

    struct LinkedProblem: Content {
        let id: UUID
        let number: String
        let state: String
        let stateName: String
        let result: String?
        let resultKind: String?

        static func load(_ id: UUID?, on sql: any SQLDatabase) async throws -> LinkedProblem? {
            guard let id, let (record, snapshot) = try await ProblemRecord.load(id, on: sql) else { return nil }
            return LinkedProblem(
                id: id, number: record.number, state: snapshot.state.rawValue, stateName: snapshot.state.chineseName,
                result: snapshot.result, resultKind: snapshot.resultKind?.rawValue)
        }
    }

    @Sendable func show(req: Request) async throws -> ProblemDTO {
        let signedIn = try req.requireSignedIn()
        let sql = req.db as! any SQLDatabase
        let id = try req.idParameter("问题")
        let tree = try await OrgDirectory.tree(on: req.db)
        let (record, snapshot, parties) = try await ProblemParties.readable(id, by: signedIn.actor, tree: tree, on: sql)
        let calendar = try await CalendarStore.calendar(on: req.db)
        let today = LocalDate(req.now, in: .chinaStandard)
        return ProblemDTO(
            id: record.id, number: record.number, orgUnitId: record.orgUnitId, enterpriseId: record.enterpriseId,
            kind: record.kind, category: record.categoryCode, source: record.source, description: record.description,
            state: snapshot.state.rawValue, stateName: snapshot.state.chineseName,
            leadDepartmentId: snapshot.leadDepartment,
            coDepartments: Dictionary(
                uniqueKeysWithValues: snapshot.coDepartments.map { ($0.key.uuidString, $0.value.iso) }),
            deadline: snapshot.deadline?.iso, signBy: snapshot.signBy?.iso, overdue: snapshot.isOverdue(on: today),
            paused: snapshot.pausedSince != nil, returnCount: snapshot.returnCount, reopenCount: snapshot.reopenCount,
            rootCause: snapshot.rootCause, result: snapshot.result, resultKind: snapshot.resultKind?.rawValue,
            satisfaction: snapshot.satisfaction?.rawValue, closeOverride: snapshot.closeOverride,
            flags: snapshot.flags.map(\.rawValue).sorted(), version: record.version,
            escalatedTo: try await LinkedProblem.load(record.escalatedTo, on: sql),
            escalatedFrom: try await LinkedProblem.load(record.escalatedFrom, on: sql),
            actions: ProblemWorkflow(calendar: calendar).available(to: parties, on: snapshot).map(\.rawValue),
            timeline: try await Self.timeline(
                of: id, hideMonitor: record.reporterHidden && !parties.contains(.dispatcher), on: sql))
    }

    @Sendable func act(req: Request) async throws -> ProblemDTO {
        let signedIn = try req.requireSignedIn()
        let id = try req.idParameter("问题")
        guard let name = req.parameters.get("action").flatMap(ProblemAction.Name.init(rawValue:)) else {
            throw AppError.notFound("操作")
        }
        let body = try req.content.decode(ActionBody.self)
        let action = try Self.action(name, body, problemID: id)
        let calendar = try await CalendarStore.calendar(on: req.db)
        _ = try await ProblemService(database: req.db, now: req.now, calendar: calendar).act(
            action, on: id, note: body.note, by: signedIn.actor)
        return try await show(req: req)
    }

    /// The action with its fields from the body; a malformed enum or date names its field.
    static func action(_ name: ProblemAction.Name, _ b: ActionBody, problemID: UUID) throws -> ProblemAction {
        func day(_ text: String?, _ field: String) throws -> LocalDate? {
            guard let text, !text.isEmpty else { return nil }
            guard let value = LocalDate(iso: text) else { throw AppError.invalid(field, "日期格式应为2024-09-12") }
            return value
        }
        func value<T: RawRepresentable>(_ text: String?, _ field: String, _ type: T.Type, _ label: String) throws -> T?
        where T.RawValue == String {
            guard let text, !text.isEmpty else { return nil }
            guard let value = T(rawValue: text) else { throw AppError.invalid(field, "\(label)“\(text)”无效") }
            return value
        }
        switch name {
        case .accept: return .accept(category: b.category)
        case .reject: return .reject(reason: b.reason)
        case .assign:
            return .assign(
                lead: b.leadDepartmentId, co: b.coDepartmentIds ?? [], deadline: try day(b.deadline, "deadline"))
        case .sign: return .sign
        case .progress: return .progress(text: b.text)
        case .giveBack: return .giveBack(reason: b.reason)
        case .ruleOnReturn:
            guard let upheld = b.upheld else { throw AppError.invalid("upheld", "请选择是否同意退回") }
            return .ruleOnReturn(upheld: upheld, note: b.note)
        case .resolve:
            return .resolve(result: b.result, kind: try value(b.resultKind, "resultKind", ResultKind.self, "办理结果类别"))
        case .revisit:
            return .revisit(
                satisfaction: try value(b.satisfaction, "satisfaction", Satisfaction.self, "满意度"), comment: b.comment)
        case .close: return .close(overrideReason: b.overrideReason)
        case .escalate: return .escalate(reason: b.reason)
        case .merge: return .merge(into: b.targetId, ownID: problemID)
        case .keepWorking:
            return .keepWorking(plan: b.plan, responsibleUnit: b.responsibleUnit, until: try day(b.until, "until"))
        case .pause: return .pause(reason: b.reason)
        case .resume: return .resume
        case .requestExtension: return .requestExtension(workingDays: b.workingDays, reason: b.reason)
        case .decideExtension:
            guard let approve = b.approve else { throw AppError.invalid("approve", "请选择是否批准延期") }
            return .decideExtension(approve: approve)
        case .addDepartment: return .addDepartment(b.departmentId)
        case .flagTypicalCase: return .setFlag(.typicalCase, on: b.on ?? true)
        case .flagSupervised: return .setFlag(.supervised, on: b.on ?? true)
        case .flagLeaderCase: return .setFlag(.leaderCase, on: b.on ?? true)
        case .recordRootCause: return .recordRootCause(b.rootCause)
        }
    }

    /// The problem's events, oldest first. A monitor's report does not name the monitor to anyone but
    /// the dispatcher.
    static func timeline(of id: UUID, hideMonitor: Bool, on sql: any SQLDatabase) async throws -> [TimelineEntry] {
        struct Row: Decodable {
            let sequence: Int64
            let occurredAtMs: Int64
            let actorName: String?
            let action: String
            let changes: String
        }
        let rows = try await sql.raw(
            """
            SELECT e.sequence, e.occurred_at_ms, u.display_name AS actor_name, e.action, e.changes
            FROM events e LEFT JOIN users u ON u.id = e.actor_id
            WHERE e.entity_type = 'problem' AND e.entity_id = \(bind: id.uuidString)
            ORDER BY e.sequence
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        return rows.map { row in
            TimelineEntry(
                sequence: row.sequence, at: Date(timeIntervalSince1970: Double(row.occurredAtMs) / 1000),
                actor: hideMonitor && row.action == "submit" ? "监测员" : row.actorName, action: row.action,
                changes: (try? ChangeSet(canonicalJSON: row.changes))?.fields ?? [:])
        }
    }
}
