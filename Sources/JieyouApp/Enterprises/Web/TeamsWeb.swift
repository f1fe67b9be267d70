import JieyouDomain
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
        let view = TeamListView(teams: teams, mayManage: access.mayManage)
        return try await req.page("一对一专班", view.html, flash: req.flash)
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
            let input = TeamInput(
                kind: form.kind, name: form.name, project: form.project, leaderID: formUUID(form.leaderId),
                memberIDs: (form.memberIds ?? []).compactMap(formUUID),
                enterpriseIDs: try await desk.enterprises(pasted: form.enterpriseList ?? "", field: "enterpriseIds"))
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
        return TeamFormView(
            form: form, id: id, errors: errors, csrf: FormFields.csrf(ctx.signedIn), leaders: leaders.map { ($0, $1) },
            cadres: cadres.map { ($0, $1) }
        ).html
    }
}
