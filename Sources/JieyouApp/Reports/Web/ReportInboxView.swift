import Foundation
import JieyouDomain

/// 报送收件箱: first who has not reported what was due (and who reported late), then the reports that
/// came in, each opened from its title and marked 已阅 from its row.
struct ReportInboxView {
    let inbox: ReportInbox
    /// The reader is of the unit's task force and may mark reports 已阅.
    let mayMarkRead: Bool
    let csrf: HTML

    var html: HTML {
        """
        <h1>报送收件箱</h1>
        <p class="muted">\(inbox.unitName) · 下级单位印发的周调度、旬通报、月通报、季讲评和总结报告报送至此；\
        旬通报应于每月9日、19日、29日前报送，周调度于每周四报送。</p>
        <div class="cards">\
        \(StatCard.render("未阅报送", "\(inbox.unread)", testID: "inbox-unread", link: "#received"))\
        \(StatCard.render("逾期未报送", "\(inbox.missing)", testID: "inbox-missing", link: "#deliveries"))</div>
        <h2 id="deliveries">各单位报送情况</h2>
        \(deliveries)
        <h2 id="received">收到的报送</h2>
        \(received)
        """
    }

    private var deliveries: HTML {
        guard !inbox.deliveries.isEmpty else {
            return "<p class=\"muted\">没有向本单位报送的下级单位（下级单位的专项行动设定了周调度或旬通报后，这里列出每期的报送情况）。</p>"
        }
        let rows = inbox.deliveries.map { d -> HTML in
            let status: HTML =
                switch d.status {
                case .missing: "<span class=\"tag overdue\">未报送</span>"
                case .late: "<span class=\"tag overdue\">逾期报送</span>"
                case .onTime: "<span class=\"tag\">按期报送</span>"
                }
            let report: HTML =
                d.reportId.map { id in
                    HTML("<a href=\"\(WebPath.storedReport(id))\">\(d.issuedAt.map(ChinaTime.dateTime) ?? "查看")</a>")
                } ?? "—"
            return """
                <tr><td>\(d.unitName)</td><td>\(d.kindName)</td><td>\(d.periodName)</td><td>\(d.dueOn)</td>\
                <td>\(status)</td><td>\(report)</td></tr>
                """
        }
        return """
            <div class="table-wrap"><table data-testid="deliveries"><thead><tr><th>单位</th><th>报告</th><th>期次</th>\
            <th>应报送日</th><th>情况</th><th>印发时间</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    private var received: HTML {
        guard !inbox.received.isEmpty else { return "<p class=\"muted\">尚未收到下级单位的报送。</p>" }
        let rows = inbox.received.map { r -> HTML in
            let read: HTML =
                if let readAt = r.readAt {
                    "<span class=\"tag\">已阅</span> <span class=\"muted\">\(r.readByName ?? "") \(ChinaTime.dateTime(readAt))</span>"
                } else if mayMarkRead {
                    """
                    <form method="post" action="\(SiteURL.storedReportRead(.value(r.id)).path)?back=inbox" class="inline">\(csrf)\
                    <button type="submit" class="secondary">标记已阅</button></form>
                    """
                } else { "<span class=\"tag overdue\">未阅</span>" }
            return """
                <tr\(r.readAt == nil ? HTML(" class=\"unread\"") : .empty)><td><a href="\(WebPath.storedReport(r.id))">\(r.title)</a></td>\
                <td>\(r.unitName)</td><td>\(r.kindName)</td><td>\(ChinaTime.dateTime(r.issuedAt))\
                \(r.status == .late ? HTML(" <span class=\"tag overdue\">逾期</span>") : .empty)</td><td>\(read)</td></tr>
                """
        }
        return """
            <div class="table-wrap"><table data-testid="received"><thead><tr><th>报告</th><th>单位</th><th>类型</th>\
            <th>印发时间</th><th>阅读</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }
}
