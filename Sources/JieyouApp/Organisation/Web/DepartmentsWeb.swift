import JieyouDomain
import Vapor

/// 部门 admin pages.
struct DepartmentsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.departments, use: index)
        routes.get(SiteURL.newDepartment, use: new)
        routes.post(SiteURL.departments, use: create)
        routes.get(SiteURL.department(.key), use: edit)
        routes.post(SiteURL.department(.key), use: update)
    }

    struct Form: Content {
        var orgUnitId: String?
        var name: String?
        var kind: String?
        var phone: String?
        var active: String?

        var input: DepartmentInput {
            DepartmentInput(
                orgUnitID: formUUID(orgUnitId), name: name, kind: kind, phone: phone ?? "", active: active == "true")
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let filterUnit = formUUID(req.query[String.self, at: "orgUnit"]).flatMap { ctx.scope.contains($0) ? $0 : nil }
        let departments = try await ctx.desk.departments(in: try filterUnit.map(ctx.desk.subtree(of:)), byUnit: true)
        let view = DepartmentListView(
            departments: departments, unitOptions: ctx.unitOptions(), filterUnit: filterUnit, tree: ctx.tree)
        return try await req.page("部门", view.html, flash: req.flash)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        return try await req.page(
            "新增部门", form(ctx, Form(orgUnitId: ctx.actor.orgUnitID.uuidString, active: "true"), id: nil, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let form = try req.content.decode(Form.self)
        var input = form.input
        input.active = true
        do {
            _ = try await req.departmentService.create(input, by: ctx.actor)
            return req.redirect(to: WebPath.departments + "?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "新增部门", self.form(ctx, form, id: nil, errors: error.fieldErrors), status: error.status)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let id = try req.idParameter("部门")
        let d = try await ctx.desk.department(id)
        let form = Form(
            orgUnitId: d.$orgUnit.id.uuidString, name: d.name, kind: d.kind, phone: d.phone,
            active: d.active ? "true" : nil)
        return try await req.page("编辑部门", self.form(ctx, form, id: id, errors: []))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let id = try req.idParameter("部门")
        let form = try req.content.decode(Form.self)
        do {
            _ = try await req.departmentService.update(id, form.input, by: ctx.actor)
            return req.redirect(to: WebPath.departments + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "编辑部门", self.form(ctx, form, id: id, errors: error.fieldErrors), status: error.status)
        }
    }

    private func form(_ ctx: AdminContext, _ form: Form, id: UUID?, errors: [FieldError]) -> HTML {
        DepartmentFormView(
            form: form, id: id, errors: errors, csrf: FormFields.csrf(ctx.signedIn), unitOptions: ctx.unitOptions()
        ).html
    }
}
