import JieyouDomain
import Vapor

/// 用户 admin pages.
struct UsersWeb: RouteCollection {
    static let pageSize = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.users, use: index)
        routes.get(SiteURL.newUser, use: new)
        routes.post(SiteURL.users, use: create)
        routes.get(SiteURL.user(.key), use: edit)
        routes.post(SiteURL.user(.key), use: update)
    }

    struct Form: Content {
        var username: String?
        var password: String?
        var displayName: String?
        var phone: String?
        var roles: [String]?
        var orgUnitId: String?
        var departmentId: String?
        var enterpriseCreditCode: String?
        var active: String?
    }

    @Sendable func index(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let q = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let role = req.query[String.self, at: "role"].flatMap(Role.init(rawValue:))
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let (users, total) = try await ctx.desk.users(matching: q, role: role, page: page, size: Self.pageSize)
        let list = UserListPage(
            users: users, total: total, page: page, pageSize: Self.pageSize, query: q, role: role, tree: ctx.tree)
        return try await req.page("用户", UserListView(list: list).html, flash: req.flash)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let form = Form(orgUnitId: ctx.actor.orgUnitID.uuidString, active: "true")
        return try await req.page("新增用户", try await self.form(req, ctx, form, id: nil, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let form = try req.content.decode(Form.self)
        do {
            let input = try await input(from: form, req: req, ctx: ctx)
            _ = try await req.userService
                .create(input, by: ctx.actor)
            return req.redirect(to: WebPath.users + "?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "新增用户", try await self.form(req, ctx, form, id: nil, errors: error.fieldErrors), status: error.status)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let id = try req.idParameter("用户")
        let user = try await ctx.desk.user(id, withEnterprise: true)
        let form = Form(
            username: user.username, displayName: user.displayName, phone: user.phone,
            roles: user.roles.map(\.rawValue), orgUnitId: user.$orgUnit.id.uuidString,
            departmentId: user.$department.id?.uuidString, enterpriseCreditCode: user.enterprise?.creditCode,
            active: user.active ? "true" : nil)
        var content = try await self.form(req, ctx, form, id: id, errors: [])
        if user.isLocked(at: req.now) {
            content = "<p class=\"error-summary\">该账号因多次输错密码已锁定；勾选“启用”并保存可立即解锁。</p>\(content)"
        }
        return try await req.page("编辑用户", content)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let id = try req.idParameter("用户")
        let form = try req.content.decode(Form.self)
        do {
            var input = try await input(from: form, req: req, ctx: ctx)
            input.username = nil
            input.active = form.active == "true"
            input.clearDepartment = input.departmentID == nil
            input.clearEnterprise = input.enterpriseID == nil
            _ = try await req.userService
                .update(id, input, by: ctx.actor)
            return req.redirect(to: WebPath.users + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "编辑用户", try await self.form(req, ctx, form, id: id, errors: error.fieldErrors), status: error.status)
        }
    }

    /// Maps the form to the service input; the enterprise is chosen by its credit code.
    private func input(from form: Form, req: Request, ctx: AdminContext) async throws -> UserInput {
        var enterpriseID: UUID?
        let code = (form.enterpriseCreditCode ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if !code.isEmpty {
            enterpriseID = try await ctx.desk.enterpriseID(creditCode: code)
        }
        return UserInput(
            username: form.username, password: form.password, displayName: form.displayName, phone: form.phone ?? "",
            roles: form.roles ?? [], orgUnitID: formUUID(form.orgUnitId), departmentID: formUUID(form.departmentId),
            enterpriseID: enterpriseID)
    }

    private func form(_ req: Request, _ ctx: AdminContext, _ form: Form, id: UUID?, errors: [FieldError]) async throws
        -> HTML
    {
        UserFormView(
            form: form, id: id, errors: errors, csrf: FormFields.csrf(ctx.signedIn), unitOptions: ctx.unitOptions(),
            departments: try await ctx.desk.departmentChoices().map { ($0, $1) }
        ).html
    }
}
