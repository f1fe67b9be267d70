import Fluent
import JieyouDomain
import SQLKit
import Vapor

/// The 政策清单 pages: the list with search, themes and 政策专栏, and the policy form with its rule
/// editor. A policy's own page is `PolicyPageWeb`; an enterprise's view is `/my/policies`.
struct PoliciesWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.policies, use: index)
        routes.get(SiteURL.policyCompilation, use: PolicyDownloads.compilation)
        routes.get(SiteURL.newPolicy, use: new)
        routes.post(SiteURL.policies, use: create)
        routes.get(SiteURL.editPolicy(.key), use: edit)
        routes.post(SiteURL.policy(.key), use: update)
    }

    struct Form: Content {
        var orgUnitId: String?
        var title: String?
        var documentNumber: String?
        var issuer: String?
        var level: String?
        var themes: String?
        var summary: String?
        var validFrom: String?
        var validUntil: String?
        var departmentId: String?
        var benefitKind: String?
        var sourceText: String?
        var sourceUrl: String?
        var automatic: String?
        var columns: String?
        var ruleMode: String?
        var conditions: [RuleEditor.Row]?
        var ruleJSON: String?

        var draft: PolicyDraft {
            PolicyDraft(
                title: title, documentNumber: documentNumber, issuer: issuer, level: level, themes: [themes ?? ""],
                summary: summary, validFrom: validFrom, validUntil: validUntil, benefitKind: benefitKind,
                sourceText: sourceText, sourceURL: sourceUrl, automatic: automatic == "true", columns: [columns ?? ""])
        }

        /// The rule the form describes; JSON that does not decode is named like any other error.
        func rule() throws -> EligibilityRuleDraft {
            guard let json = ruleJSON else { return RuleEditor.draft(mode: ruleMode, rows: conditions ?? []) }
            do {
                return try JSONDecoder().decode(EligibilityRuleDraft.self, from: Data(json.utf8))
            } catch {
                throw AppError.invalid("rule", "申报条件的 JSON 格式不正确")
            }
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        if signedIn.actor.has(.enterprise) { return req.redirect(to: WebPath.myPolicies) }
        let desk = try await req.policyDesk()
        let today = desk.today
        let filter = PolicyFilter(
            q: req.queryText("q"), theme: req.queryText("theme"), column: req.queryText("column"),
            automaticOnly: req.queryText("automatic") == "true")
        let policies = try await desk.catalogue(filter)
        let columns = try await desk.columns()
        let rows = policies.map { p -> HTML in
            let state = p.isValid(on: today) ? HTML("有效") : HTML("<span class=\"muted\">不在有效期</span>")
            return """
                <tr><td class="pick"><input type="checkbox" name="ids[]" value="\(p.id.uuidString.lowercased())" aria-label="选入汇编"></td>
                <td><a href="\(WebPath.policy(p.id))">\(p.title)</a>\(p.automatic ? HTML(" <span class=\"tag\">免申即享</span>") : .empty)</td>
                <td class="hide-narrow">\(p.documentNumber ?? "")</td><td class="hide-narrow">\(p.levelName) · \(p.issuer)</td>
                <td class="hide-narrow">\(p.themeList.joined(separator: "、"))</td><td>\(p.benefitKindName)</td>
                <td class="hide-narrow">\(p.validityText)</td><td>\(state)</td></tr>
                """
        }
        let tabs = ([("", "全部")] + columns.map { ($0, $0) }).map { value, label -> HTML in
            let current = (filter.column ?? "") == value
            let href = value.isEmpty ? WebPath.policies : "\(WebPath.policies)?\(WebPath.query([("column", value)]))"
            return "<li><a href=\"\(href)\"\(current ? HTML(" aria-current=\"page\"") : .empty)>\(label)</a></li>"
        }
        let themes = PolicyThemes.common.map { ($0, $0) }
        // The compilation of nothing checked is the list as filtered, so it carries the filter along.
        let filterPairs: [(String, String)] = [
            ("column", filter.column), ("theme", filter.theme), ("q", filter.q),
            ("automatic", filter.automaticOnly ? "true" : nil),
        ].compactMap { key, value in value.flatMap { $0.isEmpty ? nil : (key, $0) } }
        let f = FormFields()
        let mayManage = AccessPolicy.has(signedIn.actor, .managePolicies)
        let content: HTML = """
            <h1>政策清单</h1>
            <div class="actions">\(mayManage ? HTML("<a class=\"button\" href=\"\(SiteURL.newPolicy.path)\">新建政策</a>") : .empty)
            <a class="button secondary" href="\(WebPath.benefits)">兑现台账</a></div>
            <nav aria-label="政策专栏"><ul class="tabs">\(tabs)</ul></nav>
            <form method="get" action="\(WebPath.policies)" class="filters">
            \(filter.column.map { HTML("<input type=\"hidden\" name=\"column\" value=\"\($0)\">") })
            \(f.text("q", "搜索", value: filter.q, placeholder: "政策名称、文号或摘要"))
            \(f.select("theme", "主题", options: themes, selected: filter.theme, blank: "全部主题"))
            \(f.checkbox("automatic", "只看免申即享", checked: filter.automaticOnly))
            <div class="actions"><button type="submit">查询</button></div></form>
            \(policies.isEmpty ? HTML("<p class=\"muted\">没有符合条件的政策。</p>") : HTML("""
            <form method="get" action="\(SiteURL.policyCompilation.path)" data-testid="compilation">
            \(HTML.join(filterPairs.map { HTML("<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">") }))
            <div class="table-wrap"><table data-testid="policies"><thead><tr><th class="pick">汇编</th><th>政策名称</th><th class="hide-narrow">文号</th><th class="hide-narrow">发文</th><th class="hide-narrow">主题</th><th>惠企方式</th><th class="hide-narrow">有效期</th><th>状态</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <div class="actions"><button type="submit" class="secondary">下载政策汇编（.docx）</button>
            <span class="hint">勾选要汇编的政策；不勾选则汇编当前列出的全部政策。</span></div></form>
            """))
            """
        return try await req.page("政策清单", content)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .managePolicies)
        let form = Form(orgUnitId: ctx.actor.orgUnitID.uuidString, level: PolicyLevel.park.rawValue, ruleMode: "all")
        return try await req.page("新建政策", try await self.form(req, ctx, form, id: nil, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .managePolicies)
        var form = try req.content.decode(Form.self)
        do {
            let id = try await req.policyDesk().create(
                form.draft, rule: try form.rule(), department: formUUID(form.departmentId),
                orgUnit: formUUID(form.orgUnitId))
            return req.redirect(to: "\(WebPath.policy(id))?done=created")
        } catch {
            let error = try AppError.forForm(error)
            form.conditions = form.conditions?.filter { !$0.isBlank }
            return try await req.page(
                "新建政策", try await self.form(req, ctx, form, id: nil, errors: error.fieldErrors), status: error.status)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .managePolicies)
        let desk = try await req.policyDesk()
        let p = try await desk.managed(try req.idParameter("政策"))
        let rule = p.eligibility(tags: try await desk.tags(), tree: ctx.tree)
        let rows = RuleEditor.rows(of: rule)
        let form = Form(
            orgUnitId: p.orgUnitId.uuidString.lowercased(), title: p.title, documentNumber: p.documentNumber,
            issuer: p.issuer,
            level: p.level, themes: p.themeList.joined(separator: "、"), summary: p.summary, validFrom: p.validFrom,
            validUntil: p.validUntil, departmentId: p.departmentId?.uuidString.lowercased(), benefitKind: p.benefitKind,
            sourceText: p.sourceText, sourceUrl: p.sourceUrl, automatic: p.automatic ? "true" : nil,
            columns: p.columnList.joined(separator: "、"), ruleMode: rows?.mode, conditions: rows?.rows,
            ruleJSON: rows == nil ? p.rule : nil)
        return try await req.page("编辑政策", try await self.form(req, ctx, form, id: p.id, errors: []))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .managePolicies)
        let id = try req.idParameter("政策")
        var form = try req.content.decode(Form.self)
        do {
            try await req.policyDesk().update(
                id, form.draft, rule: try form.rule(), department: formUUID(form.departmentId))
            return req.redirect(to: "\(WebPath.policy(id))?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            form.conditions = form.conditions?.filter { !$0.isBlank }
            return try await req.page(
                "编辑政策", try await self.form(req, ctx, form, id: id, errors: error.fieldErrors), status: error.status)
        }
    }

    private func form(_ req: Request, _ ctx: AdminContext, _ form: Form, id: UUID?, errors: [FieldError]) async throws
        -> HTML
    {
        let f = FormFields(errors: errors)
        let unit = formUUID(form.orgUnitId) ?? ctx.actor.orgUnitID
        let departments = try await req.policyDesk().departmentChoices(under: unit)
        let levels = PolicyLevel.allCases.map { ($0.rawValue, $0.chineseName) }
        let kinds = PolicyBenefitKind.allCases.map { ($0.rawValue, $0.chineseName) }
        let editor = RuleEditor(
            mode: form.ruleMode ?? "all", rows: form.conditions ?? [], json: form.ruleJSON, errors: errors)
        return """
            <h1>\(id == nil ? "新建政策" : "编辑政策")</h1>
            <form method="post" action="\(id.map(WebPath.policy) ?? WebPath.policies)" class="card">
            \(FormFields.csrf(ctx.signedIn))\(f.summary)
            \(id == nil ? f.select("orgUnitId", "发布单位", options: ctx.unitOptions(), selected: form.orgUnitId, required: true) : .empty)
            \(f.text("title", "政策名称", value: form.title, required: true, hint: "如：关于支持企业设备更新和技术改造的若干措施"))
            \(f.text("documentNumber", "文号", value: form.documentNumber, placeholder: "如：临高新管发〔2024〕05号"))
            \(f.text("issuer", "发文单位", value: form.issuer, required: true))
            \(f.select("level", "发文层级", options: levels, selected: form.level, required: true))
            \(f.text("themes", "政策主题", value: form.themes, hint: "多个用顿号分开，常用：\(PolicyThemes.common.joined(separator: "、"))"))
            \(f.text("columns", "政策专栏", value: form.columns, hint: "列入的专栏，如：两重两新"))
            \(f.select("benefitKind", "惠企方式", options: kinds, selected: form.benefitKind, required: true))
            \(f.select("departmentId", "责任部门", options: departments, selected: form.departmentId, blank: "未指定"))
            \(f.text("validFrom", "有效期起", value: form.validFrom, type: "date"))
            \(f.text("validUntil", "有效期止", value: form.validUntil, type: "date", hint: "不填即长期有效"))
            <div class="field"><label for="summary">政策摘要</label><textarea id="summary" name="summary" rows="4">\(form.summary ?? "")</textarea>\(f.error(for: "summary"))</div>
            \(f.checkbox("automatic", "免申即享（符合条件的企业无需申请，审核后直接兑现）", checked: form.automatic == "true"))
            \(editor.render())
            \(f.text("sourceUrl", "原文链接", value: form.sourceUrl, placeholder: "https://"))
            <div class="field"><label for="sourceText">政策原文</label><textarea id="sourceText" name="sourceText" rows="6">\(form.sourceText ?? "")</textarea>\(f.error(for: "sourceText"))</div>
            <div class="actions"><button type="submit">保存</button><a class="button secondary" href="\(id.map(WebPath.policy) ?? WebPath.policies)">返回</a></div>
            </form>
            """
    }
}
