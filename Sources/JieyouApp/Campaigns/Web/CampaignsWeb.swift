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
        let rows = campaigns.map { c -> HTML in
            let phase = c.schedule.phase(on: today)?.chineseName ?? (today < c.schedule.startsOn ? "未开始" : "已结束")
            let editable = mayManage && desk.mayEdit(c)
            return """
                <tr><td><a href="\(WebPath.campaign(c.id))">\(c.name)</a></td><td>\(phase)</td>\
                <td class="hide-narrow">\(c.startsOn) 至 \(c.endsOn)</td><td class="hide-narrow">\(c.scopeText)</td>\
                <td class="hide-narrow">\(c.requiredVisits) 次</td><td class="hide-narrow">\(desk.tree[c.orgUnitId]?.name)</td>\
                <td>\(editable ? HTML("<a href=\"\(SiteURL.editCampaign(.value(c.id)).path)\">编辑</a>") : .empty)</td></tr>
                """
        }
        let content: HTML = """
            <h1>专项行动</h1>
            \(mayManage ? HTML("<div class=\"actions\"><a class=\"button\" href=\"\(SiteURL.newCampaign.path)\">新建专项行动</a></div>") : .empty)
            \(campaigns.isEmpty ? HTML("<p class=\"muted\">还没有专项行动。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="campaigns"><thead><tr><th>名称</th><th>阶段</th><th class="hide-narrow">时间</th><th class="hide-narrow">走访范围</th><th class="hide-narrow">每家应走访</th><th class="hide-narrow">牵头单位</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """))
            """
        return try await req.page("专项行动", content, flash: req.flash)
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
        let f = FormFields(errors: errors)
        let tags = try await req.campaignDesk().tags().map { ($0, $0) }
        let scopes = CampaignScope.allCases.map { ($0.rawValue, $0.chineseName) }
        let cadences = ReportingCadence.allCases.map { ($0.rawValue, $0.chineseName) }
        return """
            <h1>\(id == nil ? "新建专项行动" : "编辑专项行动")</h1>
            <form method="post" action="\(id.map(WebPath.campaign) ?? WebPath.campaigns)" class="card">
            \(FormFields.csrf(ctx.signedIn))\(f.summary)
            \(id == nil ? f.select("orgUnitId", "牵头单位", options: ctx.unitOptions(), selected: form.orgUnitId, required: true) : .empty)
            \(f.text("name", "行动名称", value: form.name, required: true, hint: "如：两重两新送解优专项行动"))
            \(f.text("startsOn", "开始日期", value: form.startsOn, type: "date", required: true))
            \(f.text("mobilisationEndsOn", "动员部署阶段截止", value: form.mobilisationEndsOn, type: "date", required: true))
            \(f.text("actionEndsOn", "集中行动阶段截止", value: form.actionEndsOn, type: "date", required: true))
            \(f.text("endsOn", "总结提升阶段截止（行动结束）", value: form.endsOn, type: "date", required: true))
            \(f.select("scope", "走访范围", options: scopes, selected: form.scope, required: true))
            \(f.select("scopeTag", "企业标签（按标签时）", options: tags, selected: form.scopeTag, blank: "不限"))
            <div class="field"><label for="enterpriseList">企业名单（指定名单时）</label>
            <textarea id="enterpriseList" name="enterpriseList" rows="5" placeholder="每行一家，填企业全称或统一社会信用代码">\(form.enterpriseList ?? "")</textarea>
            <p class="hint">可从 Excel 中整列复制粘贴</p>\(f.error(for: "enterpriseIds"))</div>
            \(f.text("requiredVisits", "每家企业应走访次数", value: form.requiredVisits, type: "number", required: true, hint: "默认不少于3次"))
            \(f.checkboxes("cadences", "调度频次", options: cadences, selected: Set(form.cadences ?? [])))
            <div class="actions"><button type="submit">保存</button><a class="button secondary" href="\(WebPath.campaigns)">返回</a></div>
            </form>
            """
    }
}
