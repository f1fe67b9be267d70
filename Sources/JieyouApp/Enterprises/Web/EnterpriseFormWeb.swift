import JieyouDomain
import Vapor

/// 新增企业 / 编辑企业 with its 三联 liaison, and the tag list admins extend (企业标签).
struct EnterpriseFormWeb: RouteCollection {
    static let contactRows = 3

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.newEnterprise, use: new)
        routes.post(SiteURL.enterprises, use: create)
        routes.get(SiteURL.editEnterprise(.key), use: edit)
        routes.post(SiteURL.enterprise(.key), use: update)
        routes.get(SiteURL.tags, use: tags)
        routes.post(SiteURL.tags, use: addTag)
    }

    struct Form: Content {
        var orgUnitId: String?
        var creditCode: String?
        var name: String?
        var industry: String?
        var region: String?
        var scale: String?
        var tags: [String]?
        var relatedInfo: String?
        var whitelisted: String?
        var registeredOn: String?
        var revenue: String?
        var employees: String?
        var contactName: [String]?
        var contactPost: [String]?
        var contactPhone: [String]?
        var leaderId: String?
        var departmentId: String?
        var cadreIds: [String]?

        var draft: EnterpriseDraft {
            let names = contactName ?? []
            let contacts = names.indices.compactMap { i -> (String?, String?, String?)? in
                let post = contactPost?[safe: i] ?? ""
                let phone = contactPhone?[safe: i] ?? ""
                if names[i].trimmingCharacters(in: .whitespaces).isEmpty && post.isEmpty && phone.isEmpty { return nil }
                return (names[i], post, phone)
            }
            return EnterpriseDraft(
                creditCode: creditCode, name: name, industry: industry, region: region, scale: scale, tags: tags ?? [],
                relatedInfo: relatedInfo, whitelisted: whitelisted == "true", contacts: contacts,
                registeredOn: registeredOn, revenue: revenue, employees: employees)
        }

        var liaison: LiaisonAssignment {
            LiaisonAssignment(
                leaderID: formUUID(leaderId), departmentID: formUUID(departmentId),
                cadreIDs: (cadreIds ?? []).compactMap(formUUID))
        }
    }

    @Sendable func new(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .manageEnterprises)
        let form = Form(orgUnitId: ctx.actor.orgUnitID.uuidString)
        return try await req.page("新增企业", try await self.form(req, ctx, form, id: nil, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .manageEnterprises)
        let form = try req.content.decode(Form.self)
        do {
            let id = try await req.enterpriseDesk().register(
                form.draft, orgUnit: formUUID(form.orgUnitId), liaison: form.liaison)
            return req.redirect(to: WebPath.enterprise(id) + "?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "新增企业", try await self.form(req, ctx, form, id: nil, errors: error.fieldErrors), status: error.status)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .manageEnterprises)
        let id = try req.idParameter("企业")
        let (stored, liaison) = try await req.enterpriseDesk().editable(id)
        let e = stored.row
        let form = Form(
            orgUnitId: e.orgUnitId.uuidString, creditCode: e.creditCode, name: e.name, industry: e.industryCode,
            region: e.regionCode, scale: e.scale, tags: stored.tags, relatedInfo: e.relatedInfo,
            whitelisted: e.whitelisted ? "true" : nil, registeredOn: e.registeredOn,
            revenue: e.revenueFen.map { Amount(fen: $0).wan }, employees: e.employees.map(String.init),
            contactName: stored.contacts.map(\.name),
            contactPost: stored.contacts.map { $0.post ?? "" }, contactPhone: stored.contacts.map { $0.phone ?? "" },
            leaderId: liaison.leader?.id.uuidString, departmentId: liaison.department?.id.uuidString,
            cadreIds: liaison.cadres.map(\.id.uuidString))
        return try await req.page("编辑企业", try await self.form(req, ctx, form, id: id, errors: []))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .manageEnterprises)
        let id = try req.idParameter("企业")
        let form = try req.content.decode(Form.self)
        do {
            // The liaison is checked first: a refused form writes neither the enterprise nor its liaison.
            try await req.enterpriseDesk().update(
                id, orgUnit: formUUID(form.orgUnitId), form.draft, liaison: form.liaison)
            return req.redirect(to: WebPath.enterprise(id) + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "编辑企业", try await self.form(req, ctx, form, id: id, errors: error.fieldErrors), status: error.status)
        }
    }

    @Sendable func tags(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .manageOrganisation)
        return try await req.page("企业标签", try await tagsPage(req, ctx, name: nil, errors: []), flash: req.flash)
    }

    @Sendable func addTag(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .manageOrganisation)
        struct TagForm: Content { var name: String? }
        let form = try req.content.decode(TagForm.self)
        do {
            try await req.enterpriseDesk().addTag(form.name)
            return req.redirect(to: WebPath.tags + "?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "企业标签", try await tagsPage(req, ctx, name: form.name, errors: error.fieldErrors), status: error.status)
        }
    }

    private func tagsPage(_ req: Request, _ ctx: AdminContext, name: String?, errors: [FieldError]) async throws -> HTML
    {
        EnterpriseTagsView(
            tags: try await req.enterpriseDesk().tags(), name: name, errors: errors, csrf: FormFields.csrf(ctx.signedIn)
        ).html
    }

    private func form(_ req: Request, _ ctx: AdminContext, _ form: Form, id: UUID?, errors: [FieldError]) async throws
        -> HTML
    {
        let desk = try await req.enterpriseDesk()
        let (leaders, cadres, departments) = try await desk.liaisonChoices(
            for: formUUID(form.orgUnitId) ?? ctx.actor.orgUnitID)
        return EnterpriseFormView(
            form: form, id: id, errors: errors, csrf: FormFields.csrf(ctx.signedIn), unitOptions: ctx.unitOptions(),
            tags: try await desk.tags(), leaders: leaders.map { ($0, $1) }, cadres: cadres.map { ($0, $1) },
            departments: departments.map { ($0, $1) }
        ).html
    }
}
