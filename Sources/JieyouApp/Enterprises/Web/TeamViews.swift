import Foundation
import JieyouDomain

/// 一对一专班: the teams of the subtree with their leader, members and enterprises.
struct TeamListView {
    let teams: [TeamSummary]
    /// Managers open a team's form from its name.
    let mayManage: Bool

    var html: HTML {
        let rows = teams.map { t -> HTML in
            let enterprises = HTML.join(
                t.enterprises.map { HTML("<a href=\"\(WebPath.enterprise($0.id))\">\($0.name)</a>") }, separator: "、")
            let name: HTML = mayManage ? "<a href=\"\(WebPath.team(t.id))\">\(t.name)</a>" : "\(t.name)"
            return """
                <tr><td>\(name)</td><td>\(TeamKind(rawValue: t.kind)?.chineseName)</td><td>\(t.leader.name)</td>\
                <td class="hide-narrow">\(t.members.map(\.name).joined(separator: "、"))</td>\
                <td class="hide-narrow">\(enterprises)\(t.project.map { HTML("<br><small>项目：\($0)</small>") })</td></tr>
                """
        }
        return """
            <h1>一对一专班</h1>
            \(mayManage ? HTML("<div class=\"actions\"><a class=\"button\" href=\"\(SiteURL.newTeam.path)\">新建专班</a></div>") : .empty)
            \(teams.isEmpty ? HTML("<p class=\"muted\">还没有专班。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="teams"><thead><tr><th>专班</th><th>类型</th><th>组长</th><th class="hide-narrow">成员</th><th class="hide-narrow">服务企业、项目</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """))
            """
    }
}

/// 新建/编辑专班.
struct TeamFormView {
    let form: TeamsWeb.Form
    let id: UUID?
    let errors: [FieldError]
    let csrf: HTML
    let leaders: [(value: String, label: String)]
    let cadres: [(value: String, label: String)]

    var html: HTML {
        let f = FormFields(errors: errors)
        return """
            <h1>\(id == nil ? "新建专班" : "编辑专班")</h1>
            <form method="post" action="\(id.map(WebPath.team) ?? WebPath.teams)" class="card">
            \(csrf)\(f.summary)
            \(f.select("kind", "专班类型", options: TeamKind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: form.kind, required: true))
            \(f.text("name", "专班名称", value: form.name, required: true, hint: "如：恒信新材料一对一服务专班"))
            \(f.text("project", "服务项目（重点项目专班）", value: form.project))
            \(f.select("leaderId", "组长（联点领导）", options: leaders, selected: form.leaderId, required: true))
            \(f.checkboxes("memberIds", "成员（驻企干部）", options: cadres, selected: Set(form.memberIds ?? [])))
            <div class="field"><label for="enterpriseList">服务企业</label>
            <textarea id="enterpriseList" name="enterpriseList" rows="3" placeholder="每行一家：企业全称或统一社会信用代码">\(form.enterpriseList ?? "")</textarea>\(f.error(for: "enterpriseIds"))</div>
            <div class="actions"><button type="submit">保存</button><a class="button secondary" href="\(WebPath.teams)">返回</a></div>
            </form>
            """
    }
}
