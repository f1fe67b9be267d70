import JieyouDomain
import Vapor

/// 项目申报: the applications of a scope with their totals by stage (the figures a bulletin quotes:
/// 26 projects, about 4.4亿元 asked), the form the 政策小组 records one with, and one application's
/// steps with the form that moves it on (申报 → 审核 → 入库 → 兑现, or 未通过).
struct ProjectsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.projects, use: index)
        routes.post(SiteURL.projects, use: create)
        routes.get(SiteURL.project(.key), use: show)
        routes.post(SiteURL.projectSteps(.key), use: advance)
    }

    struct Form: Content {
        /// By full name or 统一社会信用代码.
        var enterprise: String?
        var policyId: String?
        var name: String?
        var fund: String?
        var amountAsked: String?
        var appliedOn: String?
        var note: String?
    }

    @Sendable func index(req: Request) async throws -> Response {
        try await page(req, form: Form(), errors: [], status: .ok)
    }

    private func page(_ req: Request, form: Form, errors: [FieldError], status: HTTPResponseStatus) async throws
        -> Response
    {
        let desk = try await req.policyDesk()
        let signedIn = try req.requireSignedIn()
        if signedIn.actor.has(.enterprise) { return req.redirect(to: WebPath.myPolicies) }
        let (totals, items, filter) = try await desk.projects(req.queryText)
        let view = ProjectListView(
            totals: totals, projects: items, filter: filter, today: desk.today,
            policyOptions: try await desk.policyChoices().map { ($0.id.uuidString.lowercased(), $0.title) },
            entry: AccessPolicy.has(signedIn.actor, .managePolicies)
                ? StepEntry(form: form, errors: errors, csrf: FormFields.csrf(signedIn)) : nil,
            query: req.url.query ?? "")
        return try await req.page("项目申报", view.html, flash: req.flash, status: status)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .managePolicies) else { throw AppError.forbidden() }
        let form = try req.content.decode(Form.self)
        do {
            let desk = try await req.policyDesk()
            let id = try await desk.apply(
                ProjectApplicationDraft(
                    name: form.name, fund: form.fund, amountAsked: form.amountAsked, appliedOn: form.appliedOn,
                    note: form.note),
                enterprise: try await desk.enterprise(named: form.enterprise ?? ""), policy: formUUID(form.policyId))
            return req.redirect(to: "\(WebPath.project(id))?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await page(req, form: form, errors: error.fieldErrors.map(Self.rename), status: error.status)
        }
    }

    /// The service names the enterprise by id; the form has a text box for it.
    private static func rename(_ e: FieldError) -> FieldError {
        e.field == "enterpriseId" ? FieldError(field: "enterprise", message: e.message) : e
    }

    struct StepForm: Content {
        var stage: String?
        var on: String?
        var amountGranted: String?
        var reason: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await detail(req, form: StepForm(), errors: [], status: .ok)
    }

    private func detail(_ req: Request, form: StepForm, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let desk = try await req.policyDesk()
        let signedIn = try req.requireSignedIn()
        let p = try await desk.project(try req.idParameter("项目申报"))
        let view = ProjectPageView(
            project: p, readerIsEnterprise: signedIn.actor.has(.enterprise), today: desk.today,
            step: desk.mayAdvance(p) ? StepEntry(form: form, errors: errors, csrf: FormFields.csrf(signedIn)) : nil)
        return try await req.page(p.name, view.html, flash: req.flash, status: status)
    }

    @Sendable func advance(req: Request) async throws -> Response {
        let id = try req.idParameter("项目申报")
        let form = try req.content.decode(StepForm.self)
        do {
            _ = try await req.policyDesk().advance(
                id,
                ProjectStepDraft(
                    stage: form.stage, on: form.on, amountGranted: form.amountGranted, reason: form.reason))
            return req.redirect(to: "\(WebPath.project(id))?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await detail(req, form: form, errors: error.fieldErrors, status: error.status)
        }
    }
}
