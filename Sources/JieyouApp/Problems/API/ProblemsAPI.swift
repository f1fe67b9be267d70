import Foundation
import JieyouDomain
import Vapor

/// `/api/v1/problems`: the problem loop over `ProblemDesk`. `POST` takes a problem in; `GET /{id}`
/// shows it with its timeline and the actions the caller may take now; `POST /{id}/actions/{action}`
/// takes one.
/// `GET list.xlsx` is the 问题清单 of the ledger's query, `responsibility.xlsx` and `closed.xlsx` the
/// 责任清单 and 销号清单 (staff only; `closedFrom`/`closedTo` for the latter); `POST import` takes a
/// 问题清单 in.
struct ProblemsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let problems = routes.grouped("problems")
        problems.get(use: list)
        problems.post(use: create)
        problems.get("list.xlsx", use: ProblemDownloads.problemList)
        problems.get("responsibility.xlsx", use: ProblemDownloads.responsibility)
        problems.get("closed.xlsx", use: ProblemDownloads.closed)
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
        return try await req.problemListImport(by: actor).run(file: upload.url, into: target)
    }

    struct ProblemWrite: Content {
        let enterpriseId: UUID?
        let orgUnitId: UUID?
        let kind: String?
        let category: String?
        let source: String?
        let description: String?
        let campaignId: UUID?
        let requester: RequesterWrite?
    }

    /// 诉求人 of a complaint, request or question.
    struct RequesterWrite: Content {
        let name: String?
        let phone: String?
        let confidential: Bool?
        let concern: String?
        let respondentDepartmentId: UUID?
        let respondent: String?

        var input: RequesterInput {
            RequesterInput(
                name: name, phone: phone, confidential: confidential ?? false, concern: concern,
                respondentDepartmentID: respondentDepartmentId, respondent: respondent)
        }
    }

    /// The requester as the caller may see them.
    struct RequesterDTO: Codable {
        let name: String
        let phone: String?
        let confidential: Bool
        let concern: String
        let respondentDepartment: String?
        let respondent: String?

        init(_ r: ProblemView.Requester) {
            (name, phone, confidential) = (r.shown.name, r.shown.phone, r.shown.confidential)
            (concern, respondentDepartment, respondent) = (r.concern.rawValue, r.respondentDepartment, r.respondent)
        }
    }

    struct TimelineEntry: Codable {
        let sequence: Int64
        let at: Date
        let actor: String?
        let action: String
        let changes: [String: FieldChange]

        init(_ event: ProblemView.Event) {
            (sequence, at, actor, action, changes) = (
                event.sequence, event.at, event.actor, event.action, event.changes
            )
        }
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
        let replyMethod: String?
        let satisfaction: String?
        let closeOverride: String?
        let flags: [String]
        let requester: RequesterDTO?
        let version: Int
        /// For an escalated problem: the linked problem in the parent org's ledger and how it stands,
        /// so the park sees the outcome of what it handed up.
        let escalatedTo: LinkedProblem?
        /// For a problem handed up from below: the problem it came from.
        let escalatedFrom: LinkedProblem?
        /// What the caller may do now.
        let actions: [String]
        let timeline: [TimelineEntry]

        init(_ view: ProblemView) {
            let (record, snapshot) = (view.record, view.snapshot)
            id = record.id
            number = record.number
            orgUnitId = record.orgUnitId
            enterpriseId = record.enterpriseId
            kind = record.kind
            category = record.categoryCode
            source = record.source
            description = record.description
            state = snapshot.state.rawValue
            stateName = snapshot.state.chineseName
            leadDepartmentId = snapshot.leadDepartment
            coDepartments = Dictionary(
                uniqueKeysWithValues: snapshot.coDepartments.map { ($0.key.uuidString, $0.value.iso) })
            deadline = snapshot.deadline?.iso
            signBy = snapshot.signBy?.iso
            overdue = view.overdue
            paused = snapshot.pausedSince != nil
            returnCount = snapshot.returnCount
            reopenCount = snapshot.reopenCount
            rootCause = snapshot.rootCause
            result = snapshot.result
            resultKind = snapshot.resultKind?.rawValue
            replyMethod = snapshot.replyMethod?.rawValue
            requester = view.requester.map(RequesterDTO.init)
            satisfaction = snapshot.satisfaction?.rawValue
            closeOverride = snapshot.closeOverride
            flags = snapshot.flags.map(\.rawValue).sorted()
            version = record.version
            escalatedTo = LinkedProblem(view.escalatedTo)
            escalatedFrom = LinkedProblem(view.escalatedFrom)
            actions = view.actions.map(\.rawValue)
            timeline = view.timeline.map(TimelineEntry.init)
        }
    }

    struct LedgerPageDTO: Content {
        let items: [LedgerItem]
        let total: Int
        let limit: Int
        let offset: Int
        /// Pass as `cursor` for the next page; null on the last.
        let nextCursor: String?

        init(_ page: LedgerPage) {
            (items, total, limit, offset, nextCursor) = (
                page.items, page.total, page.request.limit, page.request.offset, page.nextCursor
            )
        }

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
    @Sendable func list(req: Request) async throws -> LedgerPageDTO {
        let actor = try req.requireSignedIn().actor
        let tree = try await req.orgTree()
        let request = try req.ledgerRequest(for: actor, tree: tree)
        return LedgerPageDTO(try await req.problemDesk().ledger(request, for: actor, tree: tree))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(ProblemWrite.self)
        let desk = try await req.problemDesk()
        let id = try await desk.submit(
            ProblemInput(
                enterpriseID: body.enterpriseId, kind: body.kind, category: body.category, source: body.source,
                description: body.description, campaignID: body.campaignId, requester: body.requester?.input),
            orgUnit: body.orgUnitId, by: actor)
        return try await ProblemDTO(try await desk.show(id, to: actor)).encodeResponse(status: .created, for: req)
    }

    struct LinkedProblem: Codable {
        let id: UUID
        let number: String
        let state: String
        let stateName: String
        let result: String?
        let resultKind: String?

        init?(_ linked: ProblemView.Linked?) {
            guard let linked else { return nil }
            (id, number, state, stateName, result, resultKind) = (
                linked.id, linked.number, linked.state.rawValue, linked.state.chineseName, linked.result,
                linked.resultKind?.rawValue
            )
        }
    }

    @Sendable func show(req: Request) async throws -> ProblemDTO {
        let actor = try req.requireSignedIn().actor
        return ProblemDTO(try await req.problemDesk().show(try req.idParameter("问题"), to: actor))
    }

    @Sendable func act(req: Request) async throws -> ProblemDTO {
        let actor = try req.requireSignedIn().actor
        let (id, name) = try req.problemAction()
        let body = try req.content.decode(ProblemActionFields.self)
        let action = try body.action(name, problemID: id)
        let desk = try await req.problemDesk()
        _ = try await desk.act(action, on: id, note: body.note, by: actor)
        return ProblemDTO(try await desk.show(id, to: actor))
    }
}

/// The API decodes an action's fields from JSON as they are.
extension ProblemActionFields: Content {}

/// The API answers an import with its report as it is.
extension ProblemListImportReport: Content {}
