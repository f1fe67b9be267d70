import SQLKit
import Vapor

/// `/api/v1/notifications`: the caller's own notices and their unread count; `POST …/read` marks
/// them all read.
struct NotificationsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let notifications = routes.grouped("notifications")
        notifications.get(use: list)
        notifications.post("read", use: markRead)
    }

    struct NotificationList: Content {
        let unread: Int
        let items: [NotificationItem]
    }

    @Sendable func list(req: Request) async throws -> NotificationList {
        let desk = try req.notificationDesk()
        return NotificationList(unread: try await desk.unreadCount(), items: try await desk.recent())
    }

    @Sendable func markRead(req: Request) async throws -> NotificationList {
        try await req.notificationDesk().markAllRead()
        return try await list(req: req)
    }
}
