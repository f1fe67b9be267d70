import JieyouDomain
import Vapor

/// 本单位设置: what an admin sets for their own unit and the units below it — the address the daily
/// 催办 run posts the unit's overdue problems to, the time limits of the loop, and sub-categories
/// under the ten shipped problem categories. Each section is its own form; a refused one comes back
/// with the typed values and the reason beside the field.
struct OrgSettingsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.orgSettings, use: show)
        routes.post(SiteURL.orgSettings, use: saveWebhook)
        routes.post(SiteURL.orgSettingsLimits, use: saveLimits)
        routes.post(SiteURL.orgSettingsCategories, use: addCategory)
        routes.post(SiteURL.orgSettingsCategory(.key), use: updateCategory)
        routes.post(SiteURL.orgSettingsCategoryDelete(.key), use: deleteCategory)
    }

    /// Which form was refused, with what the admin typed and why.
    enum Refused {
        case webhook(String?, [FieldError])
        case limits([String: String], [FieldError])
        case newCategory(CategoryForm, [FieldError])
        case category(String, CategoryForm, [FieldError])

        var errors: [FieldError] {
            switch self {
            case .webhook(_, let e), .limits(_, let e), .newCategory(_, let e), .category(_, _, let e): e
            }
        }
    }

    struct WebhookForm: Content {
        var overdueWebhookUrl: String?
    }

    struct CategoryForm: Content {
        var parentCode: String?
        var name: String?
        var resolveDays: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, refused: nil)
    }

    @Sendable func saveWebhook(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let form = try req.content.decode(WebhookForm.self)
        do {
            _ = try await req.orgSettingsService.setWebhook(
                form.overdueWebhookUrl, for: ctx.actor.orgUnitID, by: ctx.actor)
            return req.redirect(to: WebPath.orgSettings + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(
                req, refused: .webhook(form.overdueWebhookUrl, error.fieldErrors), status: error.status)
        }
    }

    @Sendable func saveLimits(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let typed = try req.content.decode([String: String].self).filter { Self.limitFields.contains($0.key) }
        do {
            let overrides = try ProblemTimeLimits.Overrides.parse(typed).get()
            _ = try await req.problemSettingsService.setLimits(
                overrides, for: ctx.actor.orgUnitID, by: ctx.actor)
            return req.redirect(to: WebPath.orgSettings + "?done=saved#limits")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(req, refused: .limits(typed, error.fieldErrors), status: error.status)
        }
    }

    @Sendable func addCategory(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let form = try req.content.decode(CategoryForm.self)
        do {
            _ = try await req.problemSettingsService.addSubCategory(
                parentCode: form.parentCode, name: form.name, resolveDays: form.resolveDays, in: ctx.actor.orgUnitID,
                by: ctx.actor)
            return req.redirect(to: WebPath.orgSettings + "?done=created#categories")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(req, refused: .newCategory(form, error.fieldErrors), status: error.status)
        }
    }

    @Sendable func updateCategory(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let code = req.parameters.get("code") ?? ""
        let form = try req.content.decode(CategoryForm.self)
        do {
            _ = try await req.problemSettingsService.updateSubCategory(
                code, name: form.name ?? "", resolveDays: form.resolveDays, by: ctx.actor)
            return req.redirect(to: WebPath.orgSettings + "?done=saved#categories")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(req, refused: .category(code, form, error.fieldErrors), status: error.status)
        }
    }

    @Sendable func deleteCategory(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let code = req.parameters.get("code") ?? ""
        do {
            try await req.problemSettingsService.deleteSubCategory(code, by: ctx.actor)
            return req.redirect(to: WebPath.orgSettings + "?done=deleted#categories")
        } catch {
            let error = try AppError.forForm(error)
            return try await render(
                req, refused: .category(code, CategoryForm(), error.fieldErrors), status: error.status)
        }
    }

    // MARK: - The page

    static let limitFields = Set(
        ProblemTimeLimits.Overrides.fields.map(\.field) + ProblemCategory.shipped.map { "resolveDays." + $0.code })

    private func render(_ req: Request, refused: Refused?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let unit = ctx.actor.orgUnitID
        let webhook = try await req.orgSettingsService.webhook(of: unit, by: ctx.actor)
        let limits = try await req.problemSettingsService.limits(of: unit, by: ctx.actor)
        let subCategories = try await req.problemSettingsService.subCategories(around: unit, by: ctx.actor)
        let content: HTML = """
            <h1>本单位设置</h1>
            <p class="lead">\(ctx.tree.pathName(of: unit))</p>
            \(webhookSection(ctx, current: webhook, refused: refused))
            \(limitsSection(ctx, limits, refused: refused))
            \(categoriesSection(ctx, subCategories, limits: limits.inForce, refused: refused))
            """
        return try await req.page("本单位设置", content, flash: req.flash, status: status)
    }

    private func webhookSection(_ ctx: AdminContext, current: String?, refused: Refused?) -> HTML {
        var url = current
        var errors: [FieldError] = []
        if case .webhook(let typed, let e) = refused { (url, errors) = (typed, e) }
        let f = FormFields(errors: errors)
        return """
            <section class="card" id="webhook"><h2>催办推送</h2>
            <form method="post" action="\(WebPath.orgSettings)">
            \(FormFields.csrf(ctx.signedIn))\(f.summary)
            \(f.text("overdueWebhookUrl", "催办推送地址（Webhook）", value: url, type: "url", hint: "每日催办时，向该地址以 POST 推送本单位超期问题的 JSON（可填政务工作群机器人或本单位系统的接收地址）；留空则只在系统内提醒。"))
            <div class="actions"><button type="submit">保存</button></div>
            </form></section>
            """
    }

    private func limitsSection(_ ctx: AdminContext, _ limits: ProblemSettingsService.Limits, refused: Refused?)
        -> HTML
    {
        var typed: [String: String]?
        var errors: [FieldError] = []
        if case .limits(let values, let e) = refused { (typed, errors) = (values, e) }
        let f = FormFields(errors: errors)
        let own = limits.own
        let inherited = limits.inherited
        let owned: [String: Int?] = [
            "acceptDays": own.acceptDays, "signDays": own.signDays, "revisitDays": own.revisitDays,
            "addedDepartmentDays": own.addedDepartmentDays,
        ]
        let above: [String: Int] = [
            "acceptDays": inherited.acceptDays, "signDays": inherited.signDays, "revisitDays": inherited.revisitDays,
            "addedDepartmentDays": inherited.addedDepartmentDays,
        ]
        func field(_ name: String, _ label: String, own: Int?, above: Int) -> HTML {
            f.text(
                name, label + "（工作日）", value: typed.map { $0[name] ?? "" } ?? own.map { "\($0)" }, type: "number",
                placeholder: "沿用上级：\(above)", extra: " min=\"1\" max=\"60\" inputmode=\"numeric\"")
        }
        let scalars = ProblemTimeLimits.Overrides.fields.map {
            field($0.field, $0.label, own: owned[$0.field] ?? nil, above: above[$0.field] ?? 0)
        }
        let resolve = ProblemCategory.shipped.map {
            field(
                "resolveDays." + $0.code, "“\($0.name)”办理时限", own: own.resolveDays[$0.code],
                above: inherited.resolveDays(for: $0.code))
        }
        return """
            <section class="card" id="limits"><h2>办理时限</h2>
            <p class="hint">按工作日计（节假日不计，调休上班日计入）。留空即沿用上级单位的设置（未设置时：受理、签收各1个工作日，困难求助、政务服务办理5个工作日、其余10个工作日，回访3个工作日）。本单位的设置同样适用于下级单位，除非下级另行设置。修改只影响此后受理、交办、办结的问题。</p>
            <form method="post" action="\(SiteURL.orgSettingsLimits.path)">
            \(FormFields.csrf(ctx.signedIn))\(f.summary)
            <div class="field-grid">\(scalars)</div>
            <h3>各类问题的办理时限</h3>
            <div class="field-grid">\(resolve)</div>
            <div class="actions"><button type="submit">保存时限</button></div>
            </form></section>
            """
    }

    private func categoriesSection(
        _ ctx: AdminContext, _ subCategories: [ProblemCategory], limits: ProblemTimeLimits, refused: Refused?
    ) -> HTML {
        let unit = ctx.actor.orgUnitID
        let names = ProblemCategoryStore.displayNames(subCategories)
        let rows = subCategories.map { category -> HTML in
            let parent = ProblemCategory.shipped.first { $0.code == category.parentCode }?.name ?? ""
            let owner = category.orgUnitID.flatMap { ctx.tree[$0]?.name } ?? ""
            guard category.orgUnitID == unit else {
                return """
                    <tr><td>\(parent)</td><td>\(category.name)</td><td>\(category.resolveDays)</td><td>\(owner)设置</td></tr>
                    """
            }
            var typed = CategoryForm(name: category.name, resolveDays: "\(category.resolveDays)")
            var errors: [FieldError] = []
            if case .category(let code, let form, let e) = refused, code == category.code {
                errors = e
                if form.name != nil { typed = form }
            }
            let id = "c-" + category.code.replacingOccurrences(of: ".", with: "-")
            return """
                <tr id="\(id)" data-testid="sub-category"><td>\(parent)</td>
                <td><form method="post" action="\(SiteURL.orgSettingsCategory(.value(category.code)).path)" class="inline" id="\(id)-form">\(FormFields.csrf(ctx.signedIn))
                <label class="visually-hidden" for="\(id)-name">名称</label><input id="\(id)-name" name="name" value="\(typed.name ?? "")" maxlength="\(ProblemCategory.maxNameLength)" required\(errors.contains { $0.field == "name" } ? HTML(" aria-invalid=\"true\"") : .empty)></form></td>
                <td><label class="visually-hidden" for="\(id)-days">办理时限</label><input id="\(id)-days" form="\(id)-form" name="resolveDays" type="number" min="1" max="60" value="\(typed.resolveDays ?? "")"\(errors.contains { $0.field == "resolveDays" } ? HTML(" aria-invalid=\"true\"") : .empty)></td>
                <td><button type="submit" form="\(id)-form">保存</button>
                <form method="post" action="\(SiteURL.orgSettingsCategoryDelete(.value(category.code)).path)" class="inline">\(FormFields.csrf(ctx.signedIn))<button type="submit" class="secondary" aria-label="删除\(names[category.code] ?? category.name)">删除</button></form>
                \(errors.isEmpty ? HTML.empty : HTML("<p class=\"field-error\" role=\"alert\">\(errors.map(\.message).joined(separator: "；"))</p>"))</td></tr>
                """
        }
        var form = CategoryForm()
        var errors: [FieldError] = []
        if case .newCategory(let typed, let e) = refused { (form, errors) = (typed, e) }
        let f = FormFields(errors: errors)
        let parents = ProblemCategory.shipped.map { ($0.code, "\($0.name)（\(limits.resolveDays(for: $0.code))个工作日）") }
        let table: HTML =
            subCategories.isEmpty
            ? "<p class=\"muted\">尚未设置子类。</p>"
            : """
            <div class="table-wrap"><table><thead><tr><th>所属类别</th><th>子类名称</th><th>办理时限（工作日）</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        return """
            <section class="card" id="categories"><h2>问题子类</h2>
            <p class="hint">在十类问题类别下细分子类，供本单位及下级单位登记、受理问题时选用；统计时子类计入所属类别。已有问题的子类不能删除，可以改名。</p>
            \(table)
            <h3>新增子类</h3>
            <form method="post" action="\(SiteURL.orgSettingsCategories.path)">
            \(FormFields.csrf(ctx.signedIn))\(f.summary)
            <div class="field-grid">
            \(f.select("parentCode", "所属类别", options: parents, selected: form.parentCode, required: true))
            \(f.text("name", "子类名称", value: form.name, required: true, hint: "不超过\(ProblemCategory.maxNameLength)字，如“用电报装”"))
            \(f.text("resolveDays", "办理时限（工作日）", value: form.resolveDays, type: "number", hint: "留空则与所属类别相同", extra: " min=\"1\" max=\"60\" inputmode=\"numeric\""))
            </div>
            <div class="actions"><button type="submit">新增子类</button></div>
            </form></section>
            """
    }
}
