import Foundation
import JieyouDomain

/// The parts of a 工作台 that read the unit as a whole: a leader's last 旬 beside the one before, and
/// an upper task force's units below, most overdue first, each figure opening its list.
enum HomeFiguresView {
    /// 上旬情况: new problems, resolved, 按期办结率 and 满意率, with the change since the 旬 before.
    static func tenDay(_ figures: TenDayFigures) -> HTML {
        let (now, before) = (figures.current, figures.previous)
        func count(_ label: String, _ value: Int, _ previous: Int, testID: String) -> HTML {
            card(label, "\(value)", change: change(value - previous, unit: ""), testID: testID)
        }
        func rate(_ label: String, _ value: Rate, _ previous: Rate, testID: String) -> HTML {
            guard let now = value.value, let then = previous.value else {
                return card(label, value.percent, change: "上一旬无可比数据", testID: testID)
            }
            return card(label, value.percent, change: change((now - then) * 100, unit: "个百分点"), testID: testID)
        }
        let bulletin = "\(WebPath.reports)?kind=tenDay&period=\(figures.period.key)"
        return """
            <h2>上一旬情况 <small class="muted">\(figures.period.chineseName)，与前一旬比</small></h2>
            <div class="cards" data-testid="ten-day">
            \(count("新增问题", now.tally.problemsRegistered, before.tally.problemsRegistered, testID: "ten-day-registered"))
            \(count("解决问题", now.tally.problemsResolved, before.tally.problemsResolved, testID: "ten-day-resolved"))
            \(rate("按期办结率", now.metrics.onTimeRate, before.metrics.onTimeRate, testID: "ten-day-on-time"))
            \(rate("满意率", now.metrics.satisfactionRate, before.metrics.satisfactionRate, testID: "ten-day-satisfaction"))
            </div>
            <p><a href="\(bulletin)">查看本旬通报</a></p>
            """
    }

    /// 下级单位: open and overdue problems of each unit below, and its unissued reports.
    static func unitsBelow(_ units: [UnitBelow]) -> HTML {
        guard !units.isEmpty else { return .empty }
        let rows = units.map { unit -> HTML in
            let ledger = "\(WebPath.problems)?orgUnit=\(unit.id.uuidString.lowercased())"
            return """
                <tr><td>\(unit.name)</td><td><a href="\(ledger)">\(unit.open)</a></td>\
                <td>\(unit.overdue > 0 ? HTML("<a class=\"overdue-count\" href=\"\(ledger)&overdue=true\">\(unit.overdue)</a>") : "0")</td>\
                <td>\(unit.unreported > 0 ? HTML("<a href=\"\(SiteURL.reportInbox.path)#deliveries\">\(unit.unreported)</a>") : "0")</td></tr>
                """
        }
        return """
            <h2>下级单位</h2>
            <div class="table-wrap"><table data-testid="units-below"><thead><tr><th>单位</th><th>在办问题</th><th>超期</th>\
            <th>逾期未报送</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    private static func card(_ label: String, _ value: String, change: String, testID: String) -> HTML {
        """
        <div class="stat" data-testid="\(testID)"><span class="stat-label">\(label)</span><b>\(value)</b><small>\(change)</small></div>
        """
    }

    private static func change(_ delta: Int, unit: String) -> String {
        delta == 0 ? "与上一旬持平" : delta > 0 ? "比上一旬多\(delta)\(unit)" : "比上一旬少\(-delta)\(unit)"
    }

    private static func change(_ delta: Double, unit: String) -> String {
        let rounded = (delta * 10).rounded() / 10
        if rounded == 0 { return "与上一旬持平" }
        return rounded > 0
            ? "比上一旬高\(String(format: "%.1f", rounded))\(unit)" : "比上一旬低\(String(format: "%.1f", -rounded))\(unit)"
    }
}
