import Foundation
import JieyouDomain

/// 新增企业 / 编辑企业: the registry's facts, up to three contacts, and the 三联 liaison.
struct EnterpriseFormView {
    let form: EnterpriseFormWeb.Form
    let id: UUID?
    let errors: [FieldError]
    let csrf: HTML
    let unitOptions: [(value: String, label: String)]
    let tags: [String]
    let leaders: [(value: String, label: String)]
    let cadres: [(value: String, label: String)]
    let departments: [(value: String, label: String)]

    var html: HTML {
        let f = FormFields(errors: errors)
        let scales = EnterpriseScale.allCases.map { ($0.rawValue, $0.chineseName) }
        let contacts = (0..<EnterpriseFormWeb.contactRows).map { i -> HTML in
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
            \(csrf)\(f.summary)
            \(f.select("orgUnitId", "所属园区", options: unitOptions, selected: form.orgUnitId, required: true))
            \(f.text("creditCode", "统一社会信用代码", value: form.creditCode, required: true, hint: "18位，末位为校验码"))
            \(f.text("name", "企业全称", value: form.name, required: true))
            \(f.text("industry", "所属行业", value: form.industry, hint: "门类或大类的代码或名称，如 C27、医药制造业、医药业"))
            \(f.text("region", "所属市县", value: form.region, hint: "区划代码或名称，如 430104、岳麓区、岳阳市临湘市"))
            \(f.select("scale", "企业规模", options: scales, selected: form.scale, blank: "未填"))
            \(f.checkboxes("tags", "企业标签", options: tags.map { ($0, $0) }, selected: Set(form.tags ?? [])))
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

/// 企业标签: the tags in use, built-in ones marked, and the form that adds one.
struct EnterpriseTagsView {
    let tags: [String]
    let name: String?
    let errors: [FieldError]
    let csrf: HTML

    var html: HTML {
        let f = FormFields(errors: errors)
        let items = tags.map { n -> HTML in
            "<li>\(n)\(EnterpriseTags.builtIn.contains(n) ? HTML(" <small class=\"muted\">（内置）</small>") : .empty)</li>"
        }
        return """
            <h1>企业标签</h1>
            <ul data-testid="tags">\(items)</ul>
            <form method="post" action="\(WebPath.tags)" class="card">
            \(csrf)\(f.summary)
            \(f.text("name", "新增标签", value: name, required: true, hint: "如：独角兽企业、瞪羚企业。标签全平台共用，添加后不能删除"))
            <button type="submit">添加</button></form>
            """
    }
}
