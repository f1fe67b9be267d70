import Foundation
import JieyouDomain
import JieyouOffice

/// 挂图作战 and the unit links that the plan, task and unit pages share.
enum PlanTimeline {
    /// 挂图作战: the tasks of each group on the plan's calendar, as SVG.
    static func svg(
        _ title: String, groups: [(String, [TaskRecord])], year: Int, issuedOn: String?, today: LocalDate
    ) -> String {
        let yearStart = LocalDate(year: year, month: 1, day: 1)!
        let from = issuedOn.flatMap(LocalDate.init(iso:)).map { $0.firstOfMonth } ?? yearStart
        let dues = groups.flatMap { $0.1 }.compactMap { $0.dueOn.flatMap(LocalDate.init(iso:)) }
        let to = max(dues.max() ?? yearStart, LocalDate(year: year, month: 12, day: 31)!)
        var rows: [TimelineChart.Row] = []
        for (name, tasks) in groups {
            rows.append(.heading(name))
            for task in tasks {
                rows.append(
                    .task(
                        TimelineChart.Task(
                            label: "\(task.number.label)\(task.title)",
                            units: task.leads.map(\.name).joined(separator: "、"),
                            dueOn: task.dueOn.flatMap(LocalDate.init(iso:)), percent: task.percent,
                            standing: task.standing(on: today),
                            milestones: task.milestones.compactMap { m in
                                LocalDate(iso: m.dueOn).map { (m.title, $0, m.reachedOn != nil) }
                            }, link: WebPath.planTask(task.id))))
            }
        }
        guard !rows.isEmpty else { return "<p>没有需要推进的任务。</p>" }
        return
            "<figure data-testid=\"plan-timeline\">\(TimelineChart(title: title, from: from, to: to, today: today, rows: rows).svg)</figure>"
    }

    static func unitLinks(_ units: [UnitRef]) -> HTML {
        HTML.join(units.map { HTML("<a href=\"\(WebPath.planUnit($0.id))\">\($0.name)</a>") }, separator: "、")
    }
}
