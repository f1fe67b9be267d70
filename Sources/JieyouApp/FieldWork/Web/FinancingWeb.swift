import JieyouDomain
import Vapor

/// 融资诉求 pages: the demands of a scope with their totals, the form a cadre records one with, and one
/// demand with the form that follows it (对接中 with a bank, 已放款 with the amount, 未达成 with why).
/// A 政银企对接会 recorded under 活动 moves them on by itself.
struct FinancingWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.financing, use: index)
        routes.post(SiteURL.financing, use: create)
        routes.get(SiteURL.financingDemand(.key), use: show)
        routes.post(SiteURL.financingSteps(.key), use: advance)
    }

    struct Form: Content {
        /// By full name or 统一社会信用代码.
        var enterprise: String?
        var amount: String?
        var purpose: String?
        var raisedOn: String?
        var note: String?
    }

    @Sendable func index(req: Request) async throws -> Response {
        try await page(req, form: Form(), errors: [], status: .ok)
    }

    private func page(_ req: Request, form: Form, errors: [FieldError], status: HTTPResponseStatus) async throws
        -> Response
    {
        let desk = try await req.fieldWorkDesk()
        let (wanted, totals, items) = try await desk.financingDemands(status: req.queryText("status"))
        let view = FinancingListView(
            status: wanted, totals: totals, demands: items, today: desk.today,
            entry: AccessPolicy.has(desk.actor, .recordFieldWork)
                ? StepEntry(form: form, errors: errors, csrf: FormFields.csrf(desk.signedIn)) : nil)
        return try await req.page("融资诉求", view.html, flash: req.flash, status: status)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .recordFieldWork) else { throw AppError.forbidden() }
        let form = try req.content.decode(Form.self)
        do {
            let desk = try await req.fieldWorkDesk()
            let id = try await desk.raiseFinancingDemand(
                FinancingDemandDraft(
                    amount: form.amount, purpose: form.purpose, raisedOn: form.raisedOn, note: form.note),
                enterprise: try await desk.enterprise(named: form.enterprise ?? ""))
            return req.redirect(to: "\(WebPath.financingDemand(id))?done=created")
        } catch {
            let error = try AppError.forForm(error)
            let errors = error.fieldErrors.map {
                $0.field == "enterpriseId" ? FieldError(field: "enterprise", message: $0.message) : $0
            }
            return try await page(req, form: form, errors: errors, status: error.status)
        }
    }

    struct StepForm: Content {
        var status: String?
        var on: String?
        var bank: String?
        var amountLent: String?
        var reason: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await detail(req, form: StepForm(), errors: [], status: .ok)
    }

    private func detail(_ req: Request, form: StepForm, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let desk = try await req.fieldWorkDesk()
        let demand = try await desk.financingDemand(try req.idParameter("融资诉求"))
        let view = FinancingPageView(
            demand: demand, today: desk.today,
            step: desk.mayAdvance(demand)
                ? StepEntry(form: form, errors: errors, csrf: FormFields.csrf(desk.signedIn)) : nil)
        return try await req.page("融资诉求", view.html, flash: req.flash, status: status)
    }

    @Sendable func advance(req: Request) async throws -> Response {
        let id = try req.idParameter("融资诉求")
        let form = try req.content.decode(StepForm.self)
        do {
            try await req.fieldWorkDesk().advanceFinancingDemand(
                id,
                FinancingStepDraft(
                    status: form.status, on: form.on, bank: form.bank, amountLent: form.amountLent, reason: form.reason)
            )
            return req.redirect(to: "\(WebPath.financingDemand(id))?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await detail(req, form: form, errors: error.fieldErrors, status: error.status)
        }
    }
}
