import JieyouDomain
import SQLKit
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
        let f = FormFields(errors: errors)
        let names = try await req.enterpriseDesk().tags()
        let items = names.map { n -> HTML in
            "<li>\(n)\(EnterpriseTags.builtIn.contains(n) ? HTML(" <small class=\"muted\">（内置）</small>") : .empty)</li>"
        }
        return """
            <h1>企业标签</h1>
            <ul data-testid="tags">\(items)</ul>
            <form method="post" action="\(WebPath.tags)" class="card">
            \(FormFields.csrf(ctx.signedIn))\(f.summary)
            \(f.text("name", "新增标签", value: name, required: true, hint: "如：独角兽企业、瞪羚企业。标签全平台共用，添加后不能删除"))
            <button type="submit">添加</button></form>
            """
    }

    private func form(_ req: Request, _ ctx: AdminContext, _ form: Form, id: UUID?, errors: [FieldError]) async throws
        -> HTML
    {
        let f = FormFields(errors: errors)
        let desk = try await req.enterpriseDesk()
        let tags = try await desk.tags().map { ($0, $0) }
        let (leaders, cadres, departments) = try await desk.liaisonChoices(
            for: formUUID(form.orgUnitId) ?? ctx.actor.orgUnitID)
        let scales = EnterpriseScale.allCases.map { ($0.rawValue, $0.chineseName) }
        let contacts = (0..<Self.contactRows).map { i -> HTML in
            """
            <div class="contact-row"><input name="contactName[]" aria-label="联系人\(i + 1)姓名" placeholder="姓名" value="\(form.contactName?[safe: i] ?? "")">\
            <input name="contactPost[]" aria-label="联系人\(i + 1)职务" placeholder="职务" value="\(form.contactPost?[safe: i] ?? "")">\
            <input name="contactPhone[]" type="tel" aria-label="联系人\(i + 1)电话" placeholder="电话" value="\(form.contactPhone?[safe: i] ?? "")"></div>
            """
        }
        let contactErrors = HTML.join(
            errors.filter { $0.field.hasPrefix("contacts") }.map { HTML("<p class=\"field-error\">\($0.message)</p>") })
        return """
            <h1>\(id == nil ? "新增企业" : "编辑企业")</h1>
            <form method="post" action="\(id.map(WebPath.enterprise) ?? WebPath.enterprises)" class="card">
            \(FormFields.csrf(ctx.signedIn))\(f.summary)
            \(f.select("orgUnitId", "所属园区", options: ctx.unitOptions(), selected: form.orgUnitId, required: true))
            \(f.text("creditCode", "统一社会信用代码", value: form.creditCode, required: true, hint: "18位，末位为校验码"))
            \(f.text("name", "企业全称", value: form.name, required: true))
            \(f.text("industry", "所属行业", value: form.industry, hint: "门类或大类的代码或名称，如 C27、医药制造业、医药业"))
            \(f.text("region", "所属市县", value: form.region, hint: "区划代码或名称，如 430104、岳麓区、岳阳市临湘市"))
            \(f.select("scale", "企业规模", options: scales, selected: form.scale, blank: "未填"))
            \(f.checkboxes("tags", "企业标签", options: tags, selected: Set(form.tags ?? [])))
            \(f.text("relatedInfo", "关联企业信息（含单位）", value: form.relatedInfo))
            \(f.checkbox("whitelisted", "白名单企业（无事不扰）", checked: form.whitelisted == "true"))
            \(f.text("registeredOn", "成立日期", value: form.registeredOn, type: "date"))
            \(f.text("revenue", "上年营业收入（万元）", value: form.revenue, hint: "政策申报条件按此判断，可精确到分"))
            \(f.text("employees", "从业人员（人）", value: form.employees, type: "number"))
            <fieldset class="field"><legend>联系人</legend>\(contacts)\(contactErrors)</fieldset>
            <h2>三联机制</h2>
            \(f.select("leaderId", "联点领导", options: leaders, selected: form.leaderId, blank: "未指定"))
            \(f.select("departmentId", "对口部门", options: departments, selected: form.departmentId, blank: "未指定"))
            \(f.checkboxes("cadreIds", "驻企干部", options: cadres, selected: Set(form.cadreIds ?? [])))
            <div class="actions"><button type="submit">保存</button><a class="button secondary" href="\(id.map(WebPath.enterprise) ?? WebPath.enterprises)">取消</a></div>
            </form>
            """
    }
}
