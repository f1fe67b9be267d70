import Foundation
import JieyouDomain

/// A unit's 攻坚 tasks across the plans the reader reads: what it leads, what it supports, and the
/// 旬调度 it still owes this 旬.
struct PlanUnitView {
    let unit: UUID
    let name: String
    /// The tasks the reader may see that the unit leads or supports.
    let tasks: [TaskRecord]
    let plans: [UUID: PlanRecord]
    /// The tasks reported this 旬.
    let reported: Set<UUID>
    let today: LocalDate

    var html: HTML {
        let id = unit
        let period = TenDayPeriod(containing: today)
        let leads = tasks.filter { t in t.leads.contains { $0.id == id } }
        let owed = leads.filter { $0.percent < 100 && !reported.contains($0.id) }
        func rows(_ list: [TaskRecord], owes: Bool) -> [HTML] {
            list.map { t in
                let standing = t.standing(on: today)
                return """
                    <tr><td class="hide-narrow">\(plans[t.planId]?.title ?? "")</td><td><a href="\(WebPath.planTask(t.id))">\(t.number.label)\(t.title)</a></td>
                    <td class="hide-narrow">\(t.dueOn ?? "—")</td><td class="num">\(t.percent)%</td><td>\(standing.chineseName)</td>
                    \(owes ? HTML("<td>\(reported.contains(t.id) ? "本旬已报" : t.percent >= 100 ? "已完成" : "本旬未报")</td>") : .empty)</tr>
                    """
            }
        }
        let supporting = tasks.filter { t in t.cos.contains { $0.id == id } }
        let planOrder = leads.map(\.planId).reduce(into: [UUID]()) { if !$0.contains($1) { $0.append($1) } }
        let chart =
            leads.isEmpty
            ? ""
            : PlanTimeline.svg(
                "\(name)牵头任务挂图作战",
                groups: planOrder.map { p in (plans[p]?.title ?? "", leads.filter { $0.planId == p }) },
                year: planOrder.compactMap { plans[$0]?.year }.min() ?? today.year,
                issuedOn: planOrder.compactMap { plans[$0]?.issuedOn }.min(), today: today)
        return """
            <h1>\(name)的攻坚任务</h1>
            <p data-testid="unit-owed">牵头任务\(leads.count)项、配合任务\(supporting.count)项；\(period.chineseName)应报送旬调度\(owed.count + leads.filter { reported.contains($0.id) }.count)项，尚未报送\(owed.count)项。</p>
            <h2>牵头任务</h2>
            \(leads.isEmpty ? HTML("<p>暂无。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="unit-lead-tasks"><thead><tr><th class="hide-narrow">方案</th><th>任务</th><th class="hide-narrow">完成时限</th><th>进度</th><th>状态</th><th>\(period.chineseName)</th></tr></thead><tbody>\(rows(leads, owes: true))</tbody></table></div>
            """))
            \(chart.isEmpty ? .empty : HTML("<h2>挂图作战</h2>\(HTML(raw: chart))"))
            <h2>配合任务</h2>
            \(supporting.isEmpty ? HTML("<p>暂无。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="unit-co-tasks"><thead><tr><th class="hide-narrow">方案</th><th>任务</th><th class="hide-narrow">完成时限</th><th>进度</th><th>状态</th></tr></thead><tbody>\(rows(supporting, owes: false))</tbody></table></div>
            """))
            """
    }
}
