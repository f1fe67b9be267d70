import JieyouDomain
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
        let view = NotificationListView(items: items, csrf: FormFields.csrf(signedIn))
        return try await req.page("通知", view.html, flash: req.flash)
    }

    @Sendable func markRead(req: Request) async throws -> Response {
        try await req.notificationDesk().markAllRead()
        return req.redirect(to: WebPath.notifications + "?done=saved")
    }
}
