import Foundation
import JieyouDomain
import Vapor

/// 共性问题 pages: the proposals among the unit's open problems with the groups of its subtree and those
/// waiting for the reader's answer, and one group's page with its members and the steps it may take.
struct CommonProblemsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.commonProblems, use: index)
        routes.post(.commonProblems, use: shapeProposal)
        routes.get(.commonProblem(.key), use: show)
        routes.post(.commonProblemMemberRemove(.key, .key), use: remove)
        routes.post(.commonProblemMerge(.key), use: merge)
        routes.post(.commonProblemEscalate(.key), use: escalate)
        routes.post(.commonProblemAnswer(.key), use: answer)
        routes.post(.commonProblemResolve(.key), use: resolveMembers)
    }

    /// A proposal as posted: the members kept checked, the title, and which button was pressed.
    struct ProposalForm: Content {
        var problemIds: [String]?
        var title: String?
        /// `confirm`, `join` (into `groupId`) or `dismiss`.
        var intent: String?
        var groupId: String?

        var ids: [UUID] { (problemIds ?? []).compactMap(UUID.init(uuidString:)) }
    }

    struct EscalateForm: Content {
        var question: String?
    }

    struct AnswerForm: Content {
        var answer: String?
        var resultKind: String?
    }

    struct MergeForm: Content {
        var groupId: String?
    }

    @Sendable func index(req: Request) async throws -> Response {
        try await Self.indexPage(req, errors: [])
    }

    /// The list page, with the errors of the proposal form that failed above the proposals.
    static func indexPage(
        _ req: Request, errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let actor = signedIn.actor
        guard !actor.roles.isDisjoint(with: CommonProblemRules.readers) else { throw AppError.forbidden() }
        var v = JieyouDomain.Validator()
        let unit = req.queryID("orgUnit", "组织", &v)
        let states = CommonProblemsAPI.states(req, &v)
        try v.throwIfFailed()
        let desk = try await req.commonProblemDesk()
        let groups = try await desk.list(in: unit, states: states, for: actor)
        let mayShape = CommonProblemRules.mayShape(actor, unit: unit ?? actor.orgUnitID)
        let proposals = mayShape ? try await desk.proposals(in: unit, for: actor).proposals : []
        let view = CommonProblemListView(
            proposals: proposals, groups: groups, awaiting: try await desk.awaitingAnswer(for: actor),
            mayShape: mayShape, ownUnit: actor.orgUnitID, states: states, csrf: FormFields.csrf(signedIn),
            errors: errors)
        return try await req.page("共性问题", view.html, flash: req.flash, status: status)
    }

    @Sendable func shapeProposal(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let form = try req.content.decode(ProposalForm.self)
        let desk = try await req.commonProblemDesk()
        do {
            switch form.intent {
            case "dismiss":
                try await desk.dismiss(form.ids, by: actor)
                return req.redirect(to: SiteURL.commonProblems.path + "?done=dismissedProposal")
            case "join":
                guard let group = form.groupId.flatMap(UUID.init(uuidString:)) else {
                    throw AppError.invalid("groupId", "请选择要并入的共性问题")
                }
                try await desk.add(form.ids, to: group, by: actor)
                return req.redirect(to: SiteURL.commonProblem(.value(group)).path + "?done=joinedGroup")
            default:
                let id = try await desk.confirm(form.ids, title: form.title, by: actor)
                return req.redirect(to: SiteURL.commonProblem(.value(id)).path + "?done=confirmedGroup")
            }
        } catch {
            let error = try AppError.forForm(error)
            return try await Self.indexPage(req, errors: error.fieldErrors, status: error.status)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.groupPage(req, try req.idParameter("共性问题"))
    }

    /// A group's page, with the errors of the form that failed on it and what resolving its members did.
    static func groupPage(
        _ req: Request, _ id: UUID, errors: [FieldError] = [], question: String? = nil, answer: AnswerForm? = nil,
        resolution: CommonProblemDesk.Resolution? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let desk = try await req.commonProblemDesk()
        let (row, members) = try await desk.group(id, for: signedIn.actor)
        let tree = try await OrgDirectory.tree(on: req.db)
        let mayShape = CommonProblemRules.mayShape(signedIn.actor, unit: row.orgUnitId)
        let siblings =
            mayShape && row.stateValue == .confirmed
            ? try await desk.store.list(units: [row.orgUnitId], states: [.confirmed]).filter { $0.id != id } : []
        let view = CommonProblemView(
            row: row, members: members, actor: signedIn.actor, tree: tree, siblings: siblings,
            escalationTarget: mayShape && row.stateValue == .confirmed
                ? try await desk.escalationTarget(of: row.orgUnitId).flatMap { tree[$0]?.name } : nil,
            csrf: FormFields.csrf(signedIn), errors: errors, question: question, answer: answer, resolution: resolution)
        return try await req.page(row.title, view.html, flash: req.flash, status: status)
    }

    @Sendable func remove(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("共性问题")
        guard let problem = req.parameters.get("problemID").flatMap(UUID.init(uuidString:)) else {
            throw AppError.notFound("问题")
        }
        do {
            let dissolved = try await req.commonProblemDesk().remove(problem, from: id, by: actor)
            return dissolved
                ? req.redirect(to: SiteURL.commonProblems.path + "?done=dissolvedGroup")
                : req.redirect(to: SiteURL.commonProblem(.value(id)).path + "?done=removedMember")
        } catch {
            let error = try AppError.forForm(error)
            return try await Self.groupPage(req, id, errors: error.fieldErrors, status: error.status)
        }
    }

    @Sendable func merge(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("共性问题")
        let form = try req.content.decode(MergeForm.self)
        do {
            guard let other = form.groupId.flatMap(UUID.init(uuidString:)) else {
                throw AppError.invalid("groupId", "请选择要并入的共性问题")
            }
            try await req.commonProblemDesk().merge(other, into: id, by: actor)
            return req.redirect(to: SiteURL.commonProblem(.value(id)).path + "?done=mergedGroup")
        } catch {
            let error = try AppError.forForm(error)
            return try await Self.groupPage(req, id, errors: error.fieldErrors, status: error.status)
        }
    }

    @Sendable func escalate(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("共性问题")
        let form = try req.content.decode(EscalateForm.self)
        do {
            try await req.commonProblemDesk().escalate(id, question: form.question, by: actor)
            return req.redirect(to: SiteURL.commonProblem(.value(id)).path + "?done=escalatedGroup")
        } catch {
            let error = try AppError.forForm(error)
            return try await Self.groupPage(
                req, id, errors: error.fieldErrors, question: form.question, status: error.status)
        }
    }

    @Sendable func answer(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("共性问题")
        let form = try req.content.decode(AnswerForm.self)
        do {
            try await req.commonProblemDesk().answer(id, answer: form.answer, resultKind: form.resultKind, by: actor)
            return req.redirect(to: SiteURL.commonProblem(.value(id)).path + "?done=answeredGroup")
        } catch {
            let error = try AppError.forForm(error)
            return try await Self.groupPage(req, id, errors: error.fieldErrors, answer: form, status: error.status)
        }
    }

    @Sendable func resolveMembers(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let id = try req.idParameter("共性问题")
        do {
            let result = try await req.commonProblemDesk().resolveMembers(of: id, by: actor)
            guard !result.refused.isEmpty else {
                return req.redirect(to: SiteURL.commonProblem(.value(id)).path + "?done=resolvedMembers")
            }
            return try await Self.groupPage(req, id, resolution: result)
        } catch {
            let error = try AppError.forForm(error)
            return try await Self.groupPage(req, id, errors: error.fieldErrors, status: error.status)
        }
    }
}
