import JieyouDomain
import Vapor

/// 组织机构 admin pages.
struct OrgUnitsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.orgUnits, use: index)
        routes.get(SiteURL.newOrgUnit, use: new)
        routes.post(SiteURL.orgUnits, use: create)
        routes.get(SiteURL.orgUnit(.key), use: edit)
        routes.post(SiteURL.orgUnit(.key), use: update)
    }

    struct Form: Content {
        var parentId: String?
        var level: String?
        var name: String?
        var code: String?

        var input: OrgUnitInput {
            OrgUnitInput(parentID: formUUID(parentId), level: level, name: name, code: code)
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let units = try await ctx.desk.orgUnits()
        let codes = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.code) })
        let view = OrgUnitListView(actor: ctx.actor, tree: ctx.tree, codes: codes)
        return try await req.page("组织机构", view.html, flash: req.flash)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        return try await req.page(
            "新增组织", form(ctx, Form(parentId: ctx.actor.orgUnitID.uuidString), id: nil, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let form = try req.content.decode(Form.self)
        do {
            _ = try await req.orgUnitService.create(form.input, by: ctx.actor)
            return req.redirect(to: WebPath.orgUnits + "?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "新增组织", self.form(ctx, form, id: nil, errors: error.fieldErrors), status: error.status)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let id = try req.idParameter("组织")
        let unit = try await ctx.desk.editableOrgUnit(id)
        let form = Form(parentId: unit.$parent.id?.uuidString, level: unit.level, name: unit.name, code: unit.code)
        return try await req.page("编辑组织", self.form(ctx, form, id: id, errors: []))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let id = try req.idParameter("组织")
        let form = try req.content.decode(Form.self)
        var input = form.input
        input.code = form.code ?? ""
        do {
            _ = try await req.orgUnitService.update(id, input, by: ctx.actor)
            return req.redirect(to: WebPath.orgUnits + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "编辑组织", self.form(ctx, form, id: id, errors: error.fieldErrors), status: error.status)
        }
    }

    private func form(_ ctx: AdminContext, _ form: Form, id: UUID?, errors: [FieldError]) -> HTML {
        OrgUnitFormView(
            form: form, id: id, errors: errors, csrf: FormFields.csrf(ctx.signedIn),
            parents: ctx.unitOptions { $0.level != .park && $0.id != id }
        ).html
    }
}
