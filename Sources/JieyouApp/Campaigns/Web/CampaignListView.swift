import Foundation
import JieyouDomain

/// 专项行动: every campaign the reader may see, with its phase today; admins get the 新建 and 编辑 links.
struct CampaignListView {
    let campaigns: [CampaignRecord]
    let today: LocalDate
    let mayManage: Bool
    /// The campaigns this admin may edit (its own unit's and those below).
    let editable: Set<UUID>
    let tree: OrgTree

    var html: HTML {
        let rows = campaigns.map { c -> HTML in
            let phase = c.schedule.phase(on: today)?.chineseName ?? (today < c.schedule.startsOn ? "未开始" : "已结束")
            let edit =
                editable.contains(c.id) ? HTML("<a href=\"\(SiteURL.editCampaign(.value(c.id)).path)\">编辑</a>") : .empty
            return """
                <tr><td><a href="\(WebPath.campaign(c.id))">\(c.name)</a></td><td>\(phase)</td>\
                <td class="hide-narrow">\(c.startsOn) 至 \(c.endsOn)</td><td class="hide-narrow">\(c.scopeText)</td>\
                <td class="hide-narrow">\(c.requiredVisits) 次</td><td class="hide-narrow">\(tree[c.orgUnitId]?.name)</td>\
                <td>\(edit)</td></tr>
                """
        }
        return """
            <h1>专项行动</h1>
            \(mayManage ? HTML("<div class=\"actions\"><a class=\"button\" href=\"\(SiteURL.newCampaign.path)\">新建专项行动</a></div>") : .empty)
            \(campaigns.isEmpty ? HTML("<p class=\"muted\">还没有专项行动。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="campaigns"><thead><tr><th>名称</th><th>阶段</th><th class="hide-narrow">时间</th><th class="hide-narrow">走访范围</th><th class="hide-narrow">每家应走访</th><th class="hide-narrow">牵头单位</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """))
            """
    }
}
