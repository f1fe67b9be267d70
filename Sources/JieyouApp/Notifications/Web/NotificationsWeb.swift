import JieyouDomain
import SQLKit
import Vapor

/// 通知: the signed-in user's notices (催办, 建议督办), each linking to its problem.
struct NotificationsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.notifications, use: list)
        routes.post(SiteURL.notificationsRead, use: markRead)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let items = try await req.notificationDesk().recent()
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
        let content: HTML = """
            <h1>通知</h1>
            \(unread ? HTML("<form method=\"post\" action=\"\(SiteURL.notificationsRead.path)\">\(FormFields.csrf(signedIn))<button type=\"submit\" class=\"secondary\">全部标为已读</button></form>") : .empty)
            \(rows.isEmpty ? HTML("<p class=\"muted\">暂无通知</p>") : HTML("<ul class=\"plain notices\" data-testid=\"notifications\">\(rows)</ul>"))
            """
        return try await req.page("通知", content, flash: req.flash)
    }

    @Sendable func markRead(req: Request) async throws -> Response {
        try await req.notificationDesk().markAllRead()
        return req.redirect(to: WebPath.notifications + "?done=saved")
    }
}
