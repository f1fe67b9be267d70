import JieyouDomain
import Vapor

/// 兑现台账: the ledger of benefits for a scope and period, with its totals by kind (the sentence a
/// quarterly report quotes) and by policy, and the form the 政策小组 records a benefit with.
struct BenefitsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.benefits, use: index)
        routes.post(SiteURL.benefits, use: create)
    }

    struct Form: Content {
        /// By full name or 统一社会信用代码.
        var enterprise: String?
        var policyId: String?
        var kind: String?
        var amount: String?
        var grantedOn: String?
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
        let (summary, filter) = try await desk.benefits(req.queryText)
        let view = BenefitLedgerView(
            summary: summary, filter: filter, today: desk.today,
            policyOptions: try await desk.policyChoices().map { ($0.id.uuidString.lowercased(), $0.title) },
            entry: AccessPolicy.has(signedIn.actor, .managePolicies)
                ? StepEntry(form: form, errors: errors, csrf: FormFields.csrf(signedIn)) : nil,
            query: req.url.query ?? "")
        return try await req.page("兑现台账", view.html, flash: req.flash, status: status)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .managePolicies) else { throw AppError.forbidden() }
        let form = try req.content.decode(Form.self)
        do {
            let desk = try await req.policyDesk()
            guard let enterprise = try await desk.enterprise(named: form.enterprise ?? "") else {
                throw AppError.invalid("enterprise", "请填写企业全称或统一社会信用代码")
            }
            _ = try await desk.addBenefit(
                BenefitDraft(kind: form.kind, amount: form.amount, grantedOn: form.grantedOn, note: form.note),
                enterprise: enterprise, policy: formUUID(form.policyId))
            return req.redirect(to: "\(WebPath.benefits)?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await page(req, form: form, errors: error.fieldErrors.map(Self.rename), status: error.status)
        }
    }

    /// The service names the enterprise by id; the form has a text box for it.
    private static func rename(_ e: FieldError) -> FieldError {
        e.field == "enterpriseId" ? FieldError(field: "enterprise", message: e.message) : e
    }
}
