import JieyouDomain
import Vapor

/// One policy's page: what it is, its rule in words, who qualifies and why, how far it has reached
/// them (知晓率), and the actions: push online, record an in-person delivery, grant 免申即享.
struct PolicyPageWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.policy(.key), use: show)
        routes.post(SiteURL.policyPush(.key), use: push)
        routes.post(SiteURL.policyDeliveries(.key), use: deliver)
        routes.post(SiteURL.policyGrants(.key), use: grant)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req, errors: [], status: .ok)
    }

    private func page(_ req: Request, errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        if signedIn.actor.has(.enterprise) { return req.redirect(to: WebPath.myPolicies) }
        let desk = try await req.policyDesk()
        let (tree, today, actor) = (desk.tree, desk.today, desk.actor)
        let p = try await desk.policy(try req.idParameter("政策"))
        let (reach, evaluator, root) = try await desk.reach(of: p)
        let mayGrant = p.automatic && AccessPolicy.has(actor, .managePolicies)
        let view = PolicyPageView(
            policy: p, reach: reach, evaluator: evaluator, root: root,
            departmentName: try await desk.departmentName(of: p),
            tree: tree, today: today, mayEdit: PolicyService.mayManage(actor, p, in: tree),
            mayPush: AccessPolicy.has(actor, .managePolicies), mayDeliver: AccessPolicy.has(actor, .recordFieldWork),
            granted: mayGrant ? try await desk.granted(under: p.id) : nil, errors: errors,
            csrf: FormFields.csrf(signedIn))
        return try await req.page(p.title, view.html, flash: req.flash, status: status)
    }

    @Sendable func push(req: Request) async throws -> Response {
        let id = try req.idParameter("政策")
        let pushed = try await req.policyDesk().push(id)
        return req.redirect(to: "\(WebPath.policy(id))?done=\(pushed > 0 ? "pushed" : "nothingToPush")")
    }

    struct DeliverForm: Content {
        var enterpriseIds: [String]?
        var channel: String?
        var deliveredOn: String?
    }

    @Sendable func deliver(req: Request) async throws -> Response {
        let id = try req.idParameter("政策")
        let form = try req.content.decode(DeliverForm.self)
        do {
            var v = JieyouDomain.Validator()
            let channel = form.channel.flatMap(DeliveryChannel.parse)
            if channel == nil { v.fail("channel", "请选择送达方式") }
            let day = v.pastDay(
                form.deliveredOn, field: "deliveredOn", label: "送达日期", today: LocalDate(req.now, in: .chinaStandard),
                maxAgeDays: 366, oldest: "一年前")
            let ids = (form.enterpriseIds ?? []).compactMap(UUID.init(uuidString:))
            if ids.isEmpty { v.fail("enterpriseIds", "请在表中勾选送达的企业") }
            try v.throwIfFailed()
            _ = try await req.policyDesk().recordDelivery(id, enterprises: ids, channel: channel!, on: day)
            return req.redirect(to: "\(WebPath.policy(id))?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await page(req, errors: error.fieldErrors, status: error.status)
        }
    }

    struct GrantForm: Content {
        var enterpriseIds: [String]?
        var kind: String?
        var amount: String?
        var grantedOn: String?
    }

    @Sendable func grant(req: Request) async throws -> Response {
        let id = try req.idParameter("政策")
        let form = try req.content.decode(GrantForm.self)
        do {
            _ = try await req.policyDesk().grant(
                BenefitDraft(kind: form.kind, amount: form.amount, grantedOn: form.grantedOn), under: id,
                to: (form.enterpriseIds ?? []).compactMap(UUID.init(uuidString:)))
            return req.redirect(to: "\(WebPath.policy(id))?done=granted")
        } catch {
            let error = try AppError.forForm(error)
            return try await page(req, errors: error.fieldErrors, status: error.status)
        }
    }
}
