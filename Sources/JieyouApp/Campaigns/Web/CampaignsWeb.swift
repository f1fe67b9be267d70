import Fluent
import JieyouDomain
import SQLKit
import Vapor

/// 专项行动 pages: the list for everyone who reads enterprises, the form for admins. A campaign's own
/// page is its coverage (走访覆盖).
struct CampaignsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.campaigns, use: index)
        routes.get(SiteURL.newCampaign, use: new)
        routes.post(SiteURL.campaigns, use: create)
        routes.get(SiteURL.campaign(.key), use: show)
        routes.get(SiteURL.editCampaign(.key), use: edit)
        routes.post(SiteURL.campaign(.key), use: update)
    }

    struct Form: Content {
        var orgUnitId: String?
        var name: String?
        var startsOn: String?
        var mobilisationEndsOn: String?
        var actionEndsOn: String?
        var endsOn: String?
        var scope: String?
        var scopeTag: String?
        var requiredVisits: String?
        var cadences: [String]?
        /// Scope `list`: one enterprise per line, by name or credit code.
        var enterpriseList: String?
    }

    @Sendable func index(req: Request) async throws -> Response {
        let desk = try await req.campaignDesk()
        let today = desk.today
        let campaigns = try await desk.list()
        let mayManage = AccessPolicy.has(desk.actor, .manageCampaigns)
        let view = CampaignListView(
            campaigns: campaigns, today: today, mayManage: mayManage,
            editable: Set(campaigns.filter { mayManage && desk.mayEdit($0) }.map(\.id)), tree: desk.tree)
        return try await req.page("专项行动", view.html, flash: req.flash)
    }

    /// A campaign's page is its coverage.
    @Sendable func show(req: Request) async throws -> Response {
        let id = try req.idParameter("专项行动")
        return req.redirect(to: "\(WebPath.coverage)?campaign=\(id.uuidString.lowercased())")
    }

    @Sendable func new(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .manageCampaigns)
        let today = LocalDate(req.now, in: .chinaStandard)
        let form = Form(
            orgUnitId: ctx.actor.orgUnitID.uuidString, startsOn: today.iso,
            mobilisationEndsOn: today.adding(days: 6).iso, actionEndsOn: today.adding(days: 76).iso,
            endsOn: today.adding(days: 90).iso, scope: CampaignScope.aboveScale.rawValue,
            requiredVisits: String(CampaignRules.defaultRequiredVisits),
            cadences: [ReportingCadence.weekly.rawValue, ReportingCadence.tenDay.rawValue])
        return try await req.page("新建专项行动", try await self.form(req, ctx, form, id: nil, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .manageCampaigns)
        let form = try req.content.decode(Form.self)
        do {
            let unit = formUUID(form.orgUnitId) ?? ctx.actor.orgUnitID
            let draft = try await self.draft(req, ctx, form, unit: unit)
            let id = try await req.campaignDesk().create(draft, orgUnit: unit)
            return req.redirect(to: "\(SiteURL.editCampaign(.value(id)).path)?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "新建专项行动", try await self.form(req, ctx, form, id: nil, errors: error.fieldErrors),
                status: error.status)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .manageCampaigns)
        let id = try req.idParameter("专项行动")
        let (c, listed) = try await req.campaignDesk().editable(id)
        let form = Form(
            orgUnitId: c.orgUnitId.uuidString, name: c.name, startsOn: c.startsOn,
            mobilisationEndsOn: c.mobilisationEndsOn, actionEndsOn: c.actionEndsOn, endsOn: c.endsOn, scope: c.scope,
            scopeTag: c.scopeTag, requiredVisits: String(c.requiredVisits), cadences: c.cadenceList.map(\.rawValue),
            enterpriseList: listed.map(\.name).joined(separator: "\n"))
        return try await req.page(
            "编辑专项行动", try await self.form(req, ctx, form, id: id, errors: []), flash: req.flash)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .manageCampaigns)
        let id = try req.idParameter("专项行动")
        let form = try req.content.decode(Form.self)
        do {
            let desk = try await req.campaignDesk()
            let c = try await desk.editable(id).record
            try await desk.update(id, try await self.draft(req, ctx, form, unit: c.orgUnitId))
            return req.redirect(to: "\(SiteURL.editCampaign(.value(id)).path)?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "编辑专项行动", try await self.form(req, ctx, form, id: id, errors: error.fieldErrors),
                status: error.status)
        }
    }

    /// The draft the form describes; the enterprise list is matched by name or credit code, and a line
    /// that matches nothing is named.
    private func draft(_ req: Request, _ ctx: AdminContext, _ form: Form, unit: UUID) async throws -> CampaignDraft {
        var ids: [UUID] = []
        if form.scope == CampaignScope.list.rawValue {
            ids = try await req.campaignDesk().enterprises(pasted: form.enterpriseList ?? "", under: unit)
        }
        let required = (form.requiredVisits ?? "").trimmingCharacters(in: .whitespaces)
        guard required.isEmpty || Int(required) != nil else {
            throw AppError.invalid("requiredVisits", "每家企业应走访次数应为整数")
        }
        return CampaignDraft(
            name: form.name, startsOn: form.startsOn, mobilisationEndsOn: form.mobilisationEndsOn,
            actionEndsOn: form.actionEndsOn, endsOn: form.endsOn, scope: form.scope, scopeTag: form.scopeTag,
            requiredVisits: Int(required), cadences: form.cadences ?? [], enterpriseIDs: ids)
    }

    private func form(_ req: Request, _ ctx: AdminContext, _ form: Form, id: UUID?, errors: [FieldError]) async throws
        -> HTML
    {
        CampaignFormView(
            form: form, id: id, errors: errors, csrf: FormFields.csrf(ctx.signedIn), unitOptions: ctx.unitOptions(),
            tags: try await req.campaignDesk().tags()
        ).html
    }
}
