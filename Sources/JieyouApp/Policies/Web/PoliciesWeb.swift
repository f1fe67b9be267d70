import JieyouDomain
import Vapor

/// The 政策清单 pages: the list with search, themes and 政策专栏, and the policy form with its rule
/// editor. A policy's own page is `PolicyPageWeb`; an enterprise's view is `/my/policies`.
struct PoliciesWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.policies, use: index)
        routes.get(SiteURL.policyCompilation, use: PolicyDownloads.compilation)
        routes.get(SiteURL.newPolicy, use: new)
        routes.post(SiteURL.policies, use: create)
        routes.get(SiteURL.editPolicy(.key), use: edit)
        routes.post(SiteURL.policy(.key), use: update)
    }

    struct Form: Content {
        var orgUnitId: String?
        var title: String?
        var documentNumber: String?
        var issuer: String?
        var level: String?
        var themes: String?
        var summary: String?
        var validFrom: String?
        var validUntil: String?
        var departmentId: String?
        var benefitKind: String?
        var sourceText: String?
        var sourceUrl: String?
        var automatic: String?
        var columns: String?
        var ruleMode: String?
        var conditions: [RuleEditor.Row]?
        var ruleJSON: String?

        var draft: PolicyDraft {
            PolicyDraft(
                title: title, documentNumber: documentNumber, issuer: issuer, level: level, themes: [themes ?? ""],
                summary: summary, validFrom: validFrom, validUntil: validUntil, benefitKind: benefitKind,
                sourceText: sourceText, sourceURL: sourceUrl, automatic: automatic == "true", columns: [columns ?? ""])
        }

        /// The rule the form describes; JSON that does not decode is named like any other error.
        func rule() throws -> EligibilityRuleDraft {
            guard let json = ruleJSON else { return RuleEditor.draft(mode: ruleMode, rows: conditions ?? []) }
            do {
                return try JSONDecoder().decode(EligibilityRuleDraft.self, from: Data(json.utf8))
            } catch {
                throw AppError.invalid("rule", "申报条件的 JSON 格式不正确")
            }
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        if signedIn.actor.has(.enterprise) { return req.redirect(to: WebPath.myPolicies) }
        let desk = try await req.policyDesk()
        let today = desk.today
        let filter = PolicyFilter(
            q: req.queryText("q"), theme: req.queryText("theme"), column: req.queryText("column"),
            automaticOnly: req.queryText("automatic") == "true")
        let view = PolicyCatalogueView(
            policies: try await desk.catalogue(filter), columns: try await desk.columns(), filter: filter, today: today,
            mayManage: AccessPolicy.has(signedIn.actor, .managePolicies))
        return try await req.page("政策清单", view.html)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .managePolicies)
        let form = Form(orgUnitId: ctx.actor.orgUnitID.uuidString, level: PolicyLevel.park.rawValue, ruleMode: "all")
        return try await req.page("新建政策", try await self.form(req, ctx, form, id: nil, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .managePolicies)
        var form = try req.content.decode(Form.self)
        do {
            let id = try await req.policyDesk().create(
                form.draft, rule: try form.rule(), department: formUUID(form.departmentId),
                orgUnit: formUUID(form.orgUnitId))
            return req.redirect(to: "\(WebPath.policy(id))?done=created")
        } catch {
            let error = try AppError.forForm(error)
            form.conditions = form.conditions?.filter { !$0.isBlank }
            return try await req.page(
                "新建政策", try await self.form(req, ctx, form, id: nil, errors: error.fieldErrors), status: error.status)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .managePolicies)
        let desk = try await req.policyDesk()
        let p = try await desk.managed(try req.idParameter("政策"))
        let rule = p.eligibility(tags: try await desk.tags(), tree: ctx.tree)
        let rows = RuleEditor.rows(of: rule)
        let form = Form(
            orgUnitId: p.orgUnitId.uuidString.lowercased(), title: p.title, documentNumber: p.documentNumber,
            issuer: p.issuer,
            level: p.level, themes: p.themeList.joined(separator: "、"), summary: p.summary, validFrom: p.validFrom,
            validUntil: p.validUntil, departmentId: p.departmentId?.uuidString.lowercased(), benefitKind: p.benefitKind,
            sourceText: p.sourceText, sourceUrl: p.sourceUrl, automatic: p.automatic ? "true" : nil,
            columns: p.columnList.joined(separator: "、"), ruleMode: rows?.mode, conditions: rows?.rows,
            ruleJSON: rows == nil ? p.rule : nil)
        return try await req.page("编辑政策", try await self.form(req, ctx, form, id: p.id, errors: []))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .managePolicies)
        let id = try req.idParameter("政策")
        var form = try req.content.decode(Form.self)
        do {
            try await req.policyDesk().update(
                id, form.draft, rule: try form.rule(), department: formUUID(form.departmentId))
            return req.redirect(to: "\(WebPath.policy(id))?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            form.conditions = form.conditions?.filter { !$0.isBlank }
            return try await req.page(
                "编辑政策", try await self.form(req, ctx, form, id: id, errors: error.fieldErrors), status: error.status)
        }
    }

    private func form(_ req: Request, _ ctx: AdminContext, _ form: Form, id: UUID?, errors: [FieldError]) async throws
        -> HTML
    {
        let unit = formUUID(form.orgUnitId) ?? ctx.actor.orgUnitID
        return PolicyFormView(
            form: form, id: id, errors: errors, csrf: FormFields.csrf(ctx.signedIn), unitOptions: ctx.unitOptions(),
            departments: try await req.policyDesk().departmentChoices(under: unit).map { ($0, $1) }
        ).html
    }
}
