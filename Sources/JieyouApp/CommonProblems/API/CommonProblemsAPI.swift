import Foundation
import JieyouDomain
import Vapor

/// `/api/v1/common-problems`: the groups proposed among a unit's open problems (`GET proposals`), the
/// groups of a subtree (`GET`), confirming one (`POST`), one group (`GET /{id}`), its members
/// (`POST /{id}/members`, `DELETE /{id}/members/{problemId}`), merging (`POST /{id}/merge`), dismissing a
/// proposal (`POST dismissals`), and 报上级 (`POST /{id}/escalate`), the answer (`POST /{id}/answer`) and
/// resolving the members by it (`POST /{id}/resolve-members`).
struct CommonProblemsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let groups = routes.grouped("common-problems")
        groups.get(use: list)
        groups.post(use: confirm)
        groups.get("proposals", use: proposals)
        groups.get("awaiting-answer", use: awaiting)
        groups.post("dismissals", use: dismiss)
        groups.get(":id", use: show)
        groups.post(":id", "members", use: add)
        groups.delete(":id", "members", ":problemID", use: remove)
        groups.post(":id", "merge", use: merge)
        groups.post(":id", "escalate", use: escalate)
        groups.post(":id", "answer", use: answer)
        groups.post(":id", "resolve-members", use: resolveMembers)
    }

    struct MemberDTO: Content {
        let id: UUID
        let number: String
        let enterpriseId: UUID?
        let enterpriseName: String?
        let state: String
        let categoryCode: String?
        let description: String
        let leadDepartmentName: String?
        let deadline: String?

        init(_ p: CommonProblemStore.Problem) {
            (id, number, enterpriseId, enterpriseName, state) = (
                p.id, p.number, p.enterpriseId, p.enterpriseName, p.state
            )
            (categoryCode, description, leadDepartmentName, deadline) =
                (p.categoryCode, p.description, p.leadDepartmentName, p.deadline)
        }
    }

    struct ProposalDTO: Content {
        let suggestedTitle: String
        let keywords: [String]
        let cohesion: Double
        let enterprises: Int
        let members: [MemberDTO]
    }

    struct ProposalsDTO: Content {
        let orgUnitId: UUID
        let items: [ProposalDTO]
    }

    struct GroupDTO: Content {
        let id: UUID
        let orgUnitId: UUID
        let orgUnitName: String
        let title: String
        let keywords: [String]
        let state: String
        let members: Int
        let enterprises: Int
        let openMembers: Int
        let question: String?
        let escalatedTo: UUID?
        let escalatedToName: String?
        let escalatedOn: String?
        let answer: String?
        let resultKind: String?
        let answeredBy: String?
        let answeredOn: String?
        let createdBy: String
        let createdAt: Date
        let version: Int
        var problems: [MemberDTO]? = nil

        init(_ r: CommonProblemStore.Row, members: [CommonProblemStore.Problem]? = nil) {
            (id, orgUnitId, orgUnitName, title, state) = (r.id, r.orgUnitId, r.unitName, r.title, r.state)
            keywords = r.keywords.split(separator: "、").map(String.init)
            (self.members, enterprises, openMembers) = (r.members, r.enterprises, r.openMembers)
            (question, escalatedTo, escalatedToName, escalatedOn) = (
                r.question, r.escalatedTo, r.escalatedToName, r.escalatedOn
            )
            (answer, resultKind, answeredBy, answeredOn) = (r.answer, r.answerKind, r.answererName, r.answeredOn)
            (createdBy, createdAt, version) = (r.creatorName, r.createdAt, r.version)
            problems = members?.map(MemberDTO.init)
        }
    }

    struct ListDTO: Content {
        let items: [GroupDTO]
    }

    struct Selection: Content {
        let problemIds: [UUID]?
        let title: String?
    }

    struct MergeBody: Content {
        let groupId: UUID?
    }

    struct EscalateBody: Content {
        let question: String?
    }

    struct AnswerBody: Content {
        let answer: String?
        let resultKind: String?
    }

    struct ResolutionDTO: Content {
        struct Refusal: Content {
            let number: String
            let reason: String
        }
        let resolved: [String]
        let refused: [Refusal]
    }

    @Sendable func proposals(req: Request) async throws -> ProposalsDTO {
        let actor = try req.requireSignedIn().actor
        var v = JieyouDomain.Validator()
        let unit = req.queryID("orgUnit", "组织", &v)
        try v.throwIfFailed()
        let (readable, proposals) = try await req.commonProblemDesk().proposals(in: unit, for: actor)
        return ProposalsDTO(
            orgUnitId: readable,
            items: proposals.map {
                ProposalDTO(
                    suggestedTitle: $0.suggestedTitle, keywords: $0.keywords, cohesion: $0.cohesion,
                    enterprises: $0.enterprises, members: $0.members.map(MemberDTO.init))
            })
    }

    @Sendable func list(req: Request) async throws -> ListDTO {
        let actor = try req.requireSignedIn().actor
        var v = JieyouDomain.Validator()
        let unit = req.queryID("orgUnit", "组织", &v)
        let states = Self.states(req, &v)
        try v.throwIfFailed()
        let rows = try await req.commonProblemDesk().list(in: unit, states: states, for: actor)
        return ListDTO(items: rows.map { GroupDTO($0) })
    }

    /// `state`: comma-separated states; an unknown one is named.
    static func states(_ req: Request, _ v: inout JieyouDomain.Validator) -> [CommonProblemState] {
        guard let text = req.queryText("state") else { return [] }
        var states: [CommonProblemState] = []
        for word in text.split(separator: ",") {
            guard let state = CommonProblemState(rawValue: String(word)) else {
                v.fail("state", "状态“\(word)”无效，应为 confirmed、escalated 或 answered")
                return []
            }
            states.append(state)
        }
        return states
    }

    @Sendable func awaiting(req: Request) async throws -> ListDTO {
        let actor = try req.requireSignedIn().actor
        return ListDTO(items: try await req.commonProblemDesk().awaitingAnswer(for: actor).map { GroupDTO($0) })
    }

    @Sendable func show(req: Request) async throws -> GroupDTO {
        let actor = try req.requireSignedIn().actor
        let (row, members) = try await req.commonProblemDesk().group(try req.idParameter("共性问题"), for: actor)
        return GroupDTO(row, members: members)
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(Selection.self)
        let desk = try await req.commonProblemDesk()
        let id = try await desk.confirm(body.problemIds ?? [], title: body.title, by: actor)
        let (row, members) = try await desk.group(id, for: actor)
        return try await GroupDTO(row, members: members).encodeResponse(status: .created, for: req)
    }

    @Sendable func add(req: Request) async throws -> GroupDTO {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(Selection.self)
        let desk = try await req.commonProblemDesk()
        let id = try req.idParameter("共性问题")
        try await desk.add(body.problemIds ?? [], to: id, by: actor)
        let (row, members) = try await desk.group(id, for: actor)
        return GroupDTO(row, members: members)
    }

    @Sendable func remove(req: Request) async throws -> HTTPStatus {
        let actor = try req.requireSignedIn().actor
        guard let problem = req.parameters.get("problemID").flatMap(UUID.init(uuidString:)) else {
            throw AppError.notFound("问题")
        }
        _ = try await req.commonProblemDesk().remove(problem, from: try req.idParameter("共性问题"), by: actor)
        return .noContent
    }

    @Sendable func merge(req: Request) async throws -> GroupDTO {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(MergeBody.self)
        guard let other = body.groupId else { throw AppError.invalid("groupId", "请选择要并入的共性问题") }
        let desk = try await req.commonProblemDesk()
        let id = try req.idParameter("共性问题")
        try await desk.merge(other, into: id, by: actor)
        let (row, members) = try await desk.group(id, for: actor)
        return GroupDTO(row, members: members)
    }

    @Sendable func dismiss(req: Request) async throws -> HTTPStatus {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(Selection.self)
        try await req.commonProblemDesk().dismiss(body.problemIds ?? [], by: actor)
        return .noContent
    }

    @Sendable func escalate(req: Request) async throws -> GroupDTO {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(EscalateBody.self)
        let desk = try await req.commonProblemDesk()
        let id = try req.idParameter("共性问题")
        try await desk.escalate(id, question: body.question, by: actor)
        return GroupDTO(try await desk.group(id, for: actor).row)
    }

    @Sendable func answer(req: Request) async throws -> GroupDTO {
        let actor = try req.requireSignedIn().actor
        let body = try req.content.decode(AnswerBody.self)
        let desk = try await req.commonProblemDesk()
        let id = try req.idParameter("共性问题")
        try await desk.answer(id, answer: body.answer, resultKind: body.resultKind, by: actor)
        return GroupDTO(try await desk.group(id, for: actor).row)
    }

    @Sendable func resolveMembers(req: Request) async throws -> ResolutionDTO {
        let actor = try req.requireSignedIn().actor
        let result = try await req.commonProblemDesk().resolveMembers(of: try req.idParameter("共性问题"), by: actor)
        return ResolutionDTO(
            resolved: result.resolved, refused: result.refused.map { .init(number: $0.number, reason: $0.reason) })
    }
}

extension Request {
    func commonProblemDesk() async throws -> CommonProblemDesk {
        CommonProblemDesk(database: db, now: now, calendar: try await CalendarStore.calendar(on: db))
    }
}
