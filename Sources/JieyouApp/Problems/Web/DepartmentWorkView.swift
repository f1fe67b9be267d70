import Foundation
import JieyouDomain

/// The 部门工作台 page of a `DepartmentWork`.
struct DepartmentWorkView {
    let work: DepartmentWork

    var title: String { "\(work.name) · 部门工作台" }

    var html: HTML {
        let id = work.id
        let ledger = WebPath.problems + "?department=\(id.uuidString.lowercased())"
        func count(_ label: String, _ items: [LedgerItem], _ testID: String, _ link: String) -> HTML {
            """
            <a class="stat" href="\(link)" data-testid="\(testID)"><span class="stat-label">\(label)</span><b>\(items.count)</b></a>
            """
        }
        let m = work.year.metrics
        let rows = work.items.map { p -> HTML in
            let role = p.leadDepartmentId == id ? "牵头" : "配合"
            let state = ProblemState(rawValue: p.state)?.chineseName ?? p.state
            return """
                <tr><td class="mono"><a href="\(WebPath.problem(p.id))">\(p.number)</a></td><td>\(p.enterpriseName ?? "—")</td>\
                <td>\(LedgerPageView.excerpt(p.description))</td><td>\(role)</td><td>\(state)</td>\
                <td>\(p.deadline ?? "—")\(work.isOverdue(p) ? HTML(" <span class=\"tag overdue\">超期</span>") : .empty)\(p.pausedSince != nil ? HTML(" <span class=\"tag off\">挂起</span>") : .empty)</td></tr>
                """
        }
        let more: HTML =
            work.total > work.items.count
            ? HTML(
                "<p class=\"muted\">共 \(work.total) 件，此处列出办理时限最近的 \(work.items.count) 件，<a href=\"\(ledger)&view=working\">在问题台账中查看全部</a>。</p>"
            )
            : .empty
        let content: HTML = """
            <h1>\(work.name) · 部门工作台</h1>
            <p class="lead">\(work.unitPath)</p>
            <div class="cards" data-testid="department-counts">
            \(count("待签收", work.toSign, "to-sign", ledger + "&view=toSign"))
            \(count("牵头办理中", work.working, "working", ledger + "&view=working"))
            \(count("配合办理", work.assisting, "assisting", ledger))
            \(count("三个工作日内到期", work.dueSoon, "due-soon", ledger + "&view=dueSoon"))
            \(count("超期", work.overdue, "overdue", ledger + "&overdue=true"))
            </div>
            <h2>\(work.today.year)年以来（牵头办理）</h2>
            <div class="cards" data-testid="department-metrics">
            \(StatCard.render("交办", "\(work.year.tally.assigned)", testID: "assigned"))
            \(StatCard.render("办结率", m.resolutionRate.percent, note: "\(m.resolutionRate.count) / \(m.resolutionRate.of)", testID: "resolution-rate"))
            \(StatCard.render("按期办结率", m.onTimeRate.percent, note: "\(m.onTimeRate.count) / \(m.onTimeRate.of)", testID: "on-time-rate"))
            \(StatCard.render("满意率", m.satisfactionRate.percent, note: "\(m.satisfactionRate.count) / \(m.satisfactionRate.of)", testID: "satisfaction-rate"))
            \(StatCard.render("响应率", m.responseRate.percent, note: "\(m.responseRate.count) / \(m.responseRate.of)", testID: "response-rate"))
            \(StatCard.render("平均办理工作日", m.averageResolveDays.map { String(format: "%.1f", $0) } ?? "—", testID: "average-days"))
            </div>
            <p><a href="\(WebPath.stats)?department=\(id.uuidString.lowercased())&from=\(work.yearStart.iso)">查看统计分析</a></p>
            <h2>在办问题</h2>
            \(work.items.isEmpty ? HTML("<p class=\"muted\">目前没有在办的问题。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="department-problems"><thead><tr><th>编号</th><th>企业</th><th>困难问题</th><th>职责</th><th>状态</th><th>办理时限</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """))
            \(more)
            """
        return content
    }
}
