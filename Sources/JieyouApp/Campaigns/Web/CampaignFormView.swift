import Foundation
import JieyouDomain

/// The 新建/编辑专项行动 form, filled from what was typed, with each field's error beside it.
struct CampaignFormView {
    let form: CampaignsWeb.Form
    /// Nil for a new campaign.
    let id: UUID?
    let errors: [FieldError]
    let csrf: HTML
    /// The units a new campaign may be led by (not offered when editing).
    let unitOptions: [(value: String, label: String)]
    let tags: [String]

    var html: HTML {
        let f = FormFields(errors: errors)
        let scopes = CampaignScope.allCases.map { ($0.rawValue, $0.chineseName) }
        let cadences = ReportingCadence.allCases.map { ($0.rawValue, $0.chineseName) }
        return """
            <h1>\(id == nil ? "新建专项行动" : "编辑专项行动")</h1>
            <form method="post" action="\(id.map(WebPath.campaign) ?? WebPath.campaigns)" class="card">
            \(csrf)\(f.summary)
            \(id == nil ? f.select("orgUnitId", "牵头单位", options: unitOptions, selected: form.orgUnitId, required: true) : .empty)
            \(f.text("name", "行动名称", value: form.name, required: true, hint: "如：两重两新送解优专项行动"))
            \(f.text("startsOn", "开始日期", value: form.startsOn, type: "date", required: true))
            \(f.text("mobilisationEndsOn", "动员部署阶段截止", value: form.mobilisationEndsOn, type: "date", required: true))
            \(f.text("actionEndsOn", "集中行动阶段截止", value: form.actionEndsOn, type: "date", required: true))
            \(f.text("endsOn", "总结提升阶段截止（行动结束）", value: form.endsOn, type: "date", required: true))
            \(f.select("scope", "走访范围", options: scopes, selected: form.scope, required: true))
            \(f.select("scopeTag", "企业标签（按标签时）", options: tags.map { ($0, $0) }, selected: form.scopeTag, blank: "不限"))
            <div class="field"><label for="enterpriseList">企业名单（指定名单时）</label>
            <textarea id="enterpriseList" name="enterpriseList" rows="5" placeholder="每行一家，填企业全称或统一社会信用代码">\(form.enterpriseList ?? "")</textarea>
            <p class="hint">可从 Excel 中整列复制粘贴</p>\(f.error(for: "enterpriseIds"))</div>
            \(f.text("requiredVisits", "每家企业应走访次数", value: form.requiredVisits, type: "number", required: true, hint: "默认不少于3次"))
            \(f.checkboxes("cadences", "调度频次", options: cadences, selected: Set(form.cadences ?? [])))
            <div class="actions"><button type="submit">保存</button><a class="button secondary" href="\(WebPath.campaigns)">返回</a></div>
            </form>
            """
    }
}
