import Foundation
import JieyouDomain

/// 政策清单: the catalogue with its 政策专栏 tabs, the search, and the checkboxes that choose what the
/// 政策汇编 (.docx) holds.
struct PolicyCatalogueView {
    let policies: [PolicyRecord]
    let columns: [String]
    let filter: PolicyFilter
    let today: LocalDate
    let mayManage: Bool

    var html: HTML {
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
        return """
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
    }
}

/// 新建/编辑政策: the policy's facts and its 申报条件 in the rule editor (or as JSON when the editor
/// cannot show it).
struct PolicyFormView {
    let form: PoliciesWeb.Form
    let id: UUID?
    let errors: [FieldError]
    let csrf: HTML
    /// Offered only for a new policy.
    let unitOptions: [(value: String, label: String)]
    let departments: [(value: String, label: String)]

    var html: HTML {
        let f = FormFields(errors: errors)
        let levels = PolicyLevel.allCases.map { ($0.rawValue, $0.chineseName) }
        let kinds = PolicyBenefitKind.allCases.map { ($0.rawValue, $0.chineseName) }
        let editor = RuleEditor(
            mode: form.ruleMode ?? "all", rows: form.conditions ?? [], json: form.ruleJSON, errors: errors)
        return """
            <h1>\(id == nil ? "新建政策" : "编辑政策")</h1>
            <form method="post" action="\(id.map(WebPath.policy) ?? WebPath.policies)" class="card">
            \(csrf)\(f.summary)
            \(id == nil ? f.select("orgUnitId", "发布单位", options: unitOptions, selected: form.orgUnitId, required: true) : .empty)
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
