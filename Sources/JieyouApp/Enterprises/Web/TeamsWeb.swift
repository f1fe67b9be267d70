import JieyouDomain
import SQLKit
import Vapor

/// 一对一专班 pages: the teams of the subtree, and a form for those who manage enterprises.
struct TeamsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.teams, use: index)
        routes.get(SiteURL.newTeam, use: new)
        routes.post(SiteURL.teams, use: create)
        routes.get(SiteURL.team(.key), use: edit)
        routes.post(SiteURL.team(.key), use: update)
    }

    struct Form: Content {
        var kind: String?
        var name: String?
        var project: String?
        var leaderId: String?
        var memberIds: [String]?
        var enterpriseList: String?
    }

    @Sendable func index(req: Request) async throws -> Response {
        let desk = try await req.enterpriseDesk()
        let access = try desk.access()
        let teams = try await desk.teams()
        let rows = teams.map { t -> HTML in
            let enterprises = HTML.join(
                t.enterprises.map { HTML("<a href=\"\(WebPath.enterprise($0.id))\">\($0.name)</a>") }, separator: "、")
            let name: HTML = access.mayManage ? "<a href=\"\(WebPath.team(t.id))\">\(t.name)</a>" : "\(t.name)"
            return """
                <tr><td>\(name)</td><td>\(TeamKind(rawValue: t.kind)?.chineseName)</td><td>\(t.leader.name)</td>\
                <td class="hide-narrow">\(t.members.map(\.name).joined(separator: "、"))</td>\
                <td class="hide-narrow">\(enterprises)\(t.project.map { HTML("<br><small>项目：\($0)</small>") })</td></tr>
                """
        }
        let content: HTML = """
            <h1>一对一专班</h1>
            \(access.mayManage ? HTML("<div class=\"actions\"><a class=\"button\" href=\"\(SiteURL.newTeam.path)\">新建专班</a></div>") : .empty)
            \(teams.isEmpty ? HTML("<p class=\"muted\">还没有专班。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="teams"><thead><tr><th>专班</th><th>类型</th><th>组长</th><th class="hide-narrow">成员</th><th class="hide-narrow">服务企业、项目</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """))
            """
        return try await req.page("一对一专班", content, flash: req.flash)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .manageEnterprises)
        return try await req.page(
            "新建专班", try await form(req, ctx, Form(kind: TeamKind.keyEnterprise.rawValue), id: nil, errors: []))
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .manageEnterprises)
        let id = try req.idParameter("专班")
        let t = try await req.enterpriseDesk().editableTeam(id)
        let form = Form(
            kind: t.kind, name: t.name, project: t.project, leaderId: t.leader.id.uuidString,
            memberIds: t.members.map(\.id.uuidString), enterpriseList: t.enterprises.map(\.name).joined(separator: "\n")
        )
        return try await req.page("编辑专班", try await self.form(req, ctx, form, id: id, errors: []), flash: req.flash)
    }

    @Sendable func create(req: Request) async throws -> Response { try await save(req, id: nil) }

    @Sendable func update(req: Request) async throws -> Response { try await save(req, id: try req.idParameter("专班")) }

    private func save(_ req: Request, id: UUID?) async throws -> Response {
        let ctx = try await AdminContext.load(req, .manageEnterprises)
        let form = try req.content.decode(Form.self)
        do {
            let desk = try await req.enterpriseDesk()
            let lines = PastedLines.records(form.enterpriseList ?? "", maxFields: 1, separators: [])
            let found = try await desk.enterprises(named: lines.map { $0.fields[0] })
            var v = Validator()
            for record in lines where found[record.fields[0]] == nil {
                v.fail("enterpriseIds", "服务企业第\(record.line)行：找不到企业“\(record.fields[0])”")
            }
            try v.throwIfFailed()
            let input = TeamInput(
                kind: form.kind, name: form.name, project: form.project, leaderID: formUUID(form.leaderId),
                memberIDs: (form.memberIds ?? []).compactMap(formUUID),
                enterpriseIDs: lines.compactMap { found[$0.fields[0]]?.id })
            let saved = try await desk.saveTeam(input, id: id)
            return req.redirect(to: id == nil ? WebPath.teams + "?done=created" : WebPath.team(saved) + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                id == nil ? "新建专班" : "编辑专班", try await self.form(req, ctx, form, id: id, errors: error.fieldErrors),
                status: error.status)
        }
    }

    private func form(_ req: Request, _ ctx: AdminContext, _ form: Form, id: UUID?, errors: [FieldError]) async throws
        -> HTML
    {
        let (leaders, cadres) = try await req.enterpriseDesk().teamChoices()
        let f = FormFields(errors: errors)
        return """
            <h1>\(id == nil ? "新建专班" : "编辑专班")</h1>
            <form method="post" action="\(id.map(WebPath.team) ?? WebPath.teams)" class="card">
            \(FormFields.csrf(ctx.signedIn))\(f.summary)
            \(f.select("kind", "专班类型", options: TeamKind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: form.kind, required: true))
            \(f.text("name", "专班名称", value: form.name, required: true, hint: "如：恒信新材料一对一服务专班"))
            \(f.text("project", "服务项目（重点项目专班）", value: form.project))
            \(f.select("leaderId", "组长（联点领导）", options: leaders, selected: form.leaderId, required: true))
            \(f.checkboxes("memberIds", "成员（驻企干部）", options: cadres, selected: Set(form.memberIds ?? [])))
            <div class="field"><label for="enterpriseList">服务企业</label>
            <textarea id="enterpriseList" name="enterpriseList" rows="3" placeholder="每行一家：企业全称或统一社会信用代码">\(form.enterpriseList ?? "")</textarea>\(f.error(for: "enterpriseIds"))</div>
            <div class="actions"><button type="submit">保存</button><a class="button secondary" href="\(WebPath.teams)">返回</a></div>
            </form>
            """
    }
}
