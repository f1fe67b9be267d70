import Foundation
import JieyouDomain

/// 攻坚方案: the plans of the reader's scope with their counts.
struct PlanListView {
    let plans: [PlanRecord]
    let mayImport: Bool

    var html: HTML {
        let rows = plans.map { p -> HTML in
            """
            <tr><td><a href="\(WebPath.plan(p.id))">\(p.title)</a></td><td class="hide-narrow">\(p.documentNumber ?? "—")</td>
            <td class="hide-narrow">\(p.issuedOn ?? "—")</td><td class="num">\(p.workstreamCount)</td><td class="num">\(p.targetCount)</td><td class="num">\(p.taskCount)</td></tr>
            """
        }
        return """
            <h1>攻坚方案</h1>
            \(mayImport ? HTML("<p><a class=\"button\" href=\"\(WebPath.planImport)\">导入方案</a></p>") : .empty)
            \(plans.isEmpty ? HTML("<p>暂无攻坚方案。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="plans"><thead><tr><th>方案</th><th class="hide-narrow">文号</th><th class="hide-narrow">印发日期</th><th>攻坚</th><th>目标</th><th>任务</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """))
            """
    }
}
