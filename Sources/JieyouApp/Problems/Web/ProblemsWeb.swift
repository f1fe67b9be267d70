import Foundation
import JieyouDomain
import Vapor

/// 问题台账 on the web over `ProblemDesk`: the ledger with each role's saved views, the submission form,
/// and a problem's page with a form for each action the reader may take now. Every form posts with its
/// CSRF token; a refused action comes back on the page with its reason. The pages are rendered by
/// `LedgerPageView`, `NewProblemFormView` and `ProblemPageView` from what the desk returns.
struct ProblemsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.problems, use: ledger)
        routes.get(.problemList, use: ProblemDownloads.problemList)
        routes.get(.newProblem, use: new)
        routes.on(.POST, SiteURL.problems.pathComponents, body: .collect(maxSize: UploadedFile.maxSize), use: create)
        routes.get(.problem(.key), use: show)
        routes.post(.problemAction(.key, .key), use: act)
    }

    // MARK: ledger

    @Sendable func ledger(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let tree = try await req.orgTree()
        let desk = try await req.problemDesk()
        // A bad filter comes back on the page, named beside its field, over an empty table.
        var request = LedgerRequest()
        var errors: [FieldError] = []
        do {
            request = try req.ledgerRequest(for: actor, tree: tree, maxLimit: 50)
        } catch {
            let error = try AppError.forForm(error)
            guard error.status == .badRequest else { throw error }
            errors = error.fieldErrors
        }
        request.limit = 50
        let page =
            errors.isEmpty
            ? try await desk.ledger(request, for: actor, tree: tree) : LedgerPage(items: [], total: 0, request: request)
        let view = LedgerPageView(
            actor: actor, signedInCanImport: AccessPolicy.has(actor, .importProblemLists),
            views: LedgerView.views(for: actor), request: request, page: page,
            choices: try await desk.ledgerChoices(for: actor, tree: tree),
            typed: Dictionary(
                uniqueKeysWithValues: LedgerPageView.keptKeys.compactMap { key in
                    req.query[String.self, at: key].map { (key, $0) }
                }),
            errors: errors, today: LocalDate(req.now, in: .chinaStandard))
        return try await req.page(view.title, view.html, flash: req.flash, status: errors.isEmpty ? .ok : .badRequest)
    }

    // MARK: submission

    struct NewForm: Content {
        var enterpriseId: String?
        var kind: String?
        var category: String?
        var source: String?
        var description: String?
        /// 问题材料: photos and papers sent with the problem.
        var files: [File]?
        /// 诉求人 of a complaint, request or question.
        var requesterName: String?
        var requesterPhone: String?
        var confidential: String?
        var concern: String?
        var respondentDepartmentId: String?
        var respondent: String?

        /// The form asks for a requester: a complaint, request or question is being registered.
        var isRequest: Bool { kind.flatMap(ProblemKind.init(rawValue:))?.hasRequester == true }

        var requester: RequesterInput {
            RequesterInput(
                name: requesterName, phone: requesterPhone, confidential: confidential == "true", concern: concern,
                respondentDepartmentID: formUUID(respondentDepartmentId), respondent: respondent)
        }
    }

    /// `?kind=complaint` (or `request`, `inquiry`) opens the form that registers what a person
    /// brought, with its requester; otherwise the enterprise's problem or suggestion.
    @Sendable func new(req: Request) async throws -> Response {
        let asked = req.query[String.self, at: "kind"].flatMap(ProblemKind.init(rawValue:))
        let form = NewForm(
            enterpriseId: req.query[String.self, at: "enterprise"], kind: (asked ?? .problem).rawValue)
        return try await newForm(req, form, errors: [], status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let form = try req.content.decode(NewForm.self)
        do {
            // The files are checked first: a refused file records no problem.
            let attachments = try await req.attachmentDesk()
            let files = try attachments.check(
                (form.files ?? []).map { SentFile(name: $0.filename, data: Data(buffer: $0.data)) }, for: .problem,
                purpose: AttachmentPurpose.submission.rawValue)
            let id = try await req.problemDesk().submit(
                ProblemInput(
                    enterpriseID: formUUID(form.enterpriseId), kind: form.kind, category: form.category,
                    source: form.source, description: form.description, campaignID: nil,
                    requester: form.isRequest ? form.requester : nil),
                orgUnit: nil, by: actor)
            if !files.isEmpty { _ = try await attachments.add(files, to: .problem, id) }
            return req.redirect(to: WebPath.problem(id) + "?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await newForm(req, form, errors: error.fieldErrors, status: error.status)
        }
    }

    private func newForm(_ req: Request, _ form: NewForm, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let signedIn = try req.requireSignedIn()
        let choices = try await req.problemDesk().submissionChoices(
            for: signedIn.actor, enterprise: formUUID(form.enterpriseId))
        let view = NewProblemFormView(
            actor: signedIn.actor, signedIn: signedIn, choices: choices, form: form, errors: errors,
            maxMegabytes: req.application.appConfiguration.attachmentMaxMegabytes)
        return try await req.page(view.title, view.html, status: status)
    }

    // MARK: one problem

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.page(req, errors: [], failed: nil)
    }

    /// The fields of every action form, as a browser sends them.
    struct ActionForm: Content {
        var category: String?
        var reason: String?
        var leadDepartmentId: String?
        var coDepartmentIds: [String]?
        var deadline: String?
        var text: String?
        var upheld: String?
        var note: String?
        var result: String?
        var resultKind: String?
        var satisfaction: String?
        var comment: String?
        var overrideReason: String?
        var targetNumber: String?
        var plan: String?
        var responsibleUnit: String?
        var until: String?
        var workingDays: String?
        var approve: String?
        var departmentId: String?
        var on: String?
        var rootCause: String?
        var replyMethod: String?

        /// What was typed into `field` (by its form name), to show again when the form comes back.
        func value(_ field: String) -> String? {
            Mirror(reflecting: self).children.first { $0.label == field }.flatMap { $0.value as? String }
        }
    }

    @Sendable func act(req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        let (id, name) = try req.problemAction()
        let form = try req.content.decode(ActionForm.self)
        do {
            let desk = try await req.problemDesk()
            var target: UUID?
            if name == .merge, let number = form.targetNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
                target = try await desk.problemID(number: number)
            }
            let fields = ProblemActionFields(
                category: form.category, reason: form.reason, leadDepartmentId: formUUID(form.leadDepartmentId),
                coDepartmentIds: (form.coDepartmentIds ?? []).compactMap(formUUID), deadline: form.deadline,
                text: form.text, upheld: form.upheld.map { $0 == "true" }, note: form.note, result: form.result,
                resultKind: form.resultKind, satisfaction: form.satisfaction, comment: form.comment,
                overrideReason: form.overrideReason, targetId: target, plan: form.plan,
                responsibleUnit: form.responsibleUnit, until: form.until,
                workingDays: form.workingDays.flatMap { Int($0) },
                approve: form.approve.map { $0 == "true" }, departmentId: formUUID(form.departmentId),
                on: form.on.map { $0 == "true" }, rootCause: form.rootCause, replyMethod: form.replyMethod)
            let action = try fields.action(name, problemID: id)
            _ = try await desk.act(action, on: id, note: form.note, by: actor)
            return req.redirect(to: WebPath.problem(id) + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await Self.page(req, errors: error.fieldErrors, failed: name, typed: form, status: error.status)
        }
    }

    /// The problem's page; `attachmentErrors` are a refused upload's (`AttachmentsWeb`).
    static func page(
        _ req: Request, errors: [FieldError], failed: ProblemAction.Name?, typed: ActionForm? = nil,
        attachmentErrors: [FieldError] = [], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let id = try req.idParameter("问题")
        let context = try await req.problemDesk().page(id, for: signedIn.actor)
        let attachments = AttachmentSectionView(
            section: try await req.attachmentDesk().section(ofProblem: context.problem),
            csrf: FormFields.csrf(signedIn),
            errors: attachmentErrors,
            likely: .likely(
                on: context.problem.snapshot.state,
                fromHandler: !context.problem.parties.isDisjoint(with: [.leadHandler, .coHandler])))
        let view = ProblemPageView(
            context: context, signedIn: signedIn, failed: failed, errors: errors, typed: typed, attachments: attachments
        )
        return try await req.page(view.title, view.html, flash: req.flash, status: status)
    }
}
