import Foundation
import JieyouDomain

/// 通知: the reader's notices, newest first, each linking to its problem or page.
struct NotificationListView {
    let items: [NotificationItem]
    let csrf: HTML

    var html: HTML {
        let rows = items.map { n -> HTML in
            var link: HTML = .empty
            if let problem = n.problemId {
                link = " <a href=\"\(WebPath.problem(problem))\">查看问题</a>"
            } else if let path = n.link, WebPath.isSafeRedirect(path) {
                link = " <a href=\"\(path)\">查看</a>"
            }
            return
                "<li\(n.readAt == nil ? HTML(" class=\"unread\"") : .empty)><time>\(ChinaTime.dateTime(n.createdAt))</time> \(n.message)\(link)</li>"
        }
        let unread = items.contains { $0.readAt == nil }
        return """
            <h1>通知</h1>
            \(unread ? HTML("<form method=\"post\" action=\"\(SiteURL.notificationsRead.path)\">\(csrf)<button type=\"submit\" class=\"secondary\">全部标为已读</button></form>") : .empty)
            \(rows.isEmpty ? HTML("<p class=\"muted\">暂无通知</p>") : HTML("<ul class=\"plain notices\" data-testid=\"notifications\">\(rows)</ul>"))
            """
    }
}
