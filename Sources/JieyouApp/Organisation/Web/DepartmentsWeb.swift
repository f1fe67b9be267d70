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
        let f = FormFields(errors: errors)
        let kinds = DepartmentKind.allCases.map { ($0.rawValue, $0.chineseName) }
        return """
            <h1>\(id == nil ? "新增部门" : "编辑部门")</h1>
            <form method="post" action="\(id.map(WebPath.department) ?? WebPath.departments)" class="card">
            \(FormFields.csrf(ctx.signedIn))\(f.summary)
            \(f.select("orgUnitId", "所属组织", options: ctx.unitOptions(), selected: form.orgUnitId, required: true))
            \(f.text("name", "部门名称", value: form.name, required: true, hint: "如：经济发展局、行政审批服务局、服务小组"))
            \(f.select("kind", "类型", options: kinds, selected: form.kind, required: true))
            \(f.text("phone", "联系电话", value: form.phone, type: "tel"))
            \(id == nil ? .empty : f.checkbox("active", "启用（停用后不再接收交办）", checked: form.active == "true"))
            <div class="actions"><button type="submit">保存</button><a class="button secondary" href="\(WebPath.departments)">取消</a></div>
            </form>
            """
    }
}
