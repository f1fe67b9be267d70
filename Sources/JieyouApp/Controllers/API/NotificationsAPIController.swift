import SQLKit
import Vapor

/// `/api/v1/notifications`: the caller's own notices and their unread count; `POST …/read` marks
/// them all read.
struct NotificationsAPIController: RouteCollection {
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
        let signedIn = try req.requireSignedIn()
        let sql = req.db.sql
        return NotificationList(
            unread: try await NotificationStore.unreadCount(for: signedIn.userID, on: sql),
            items: try await NotificationStore.recent(for: signedIn.userID, on: sql))
    }

    @Sendable func markRead(req: Request) async throws -> NotificationList {
        let signedIn = try req.requireSignedIn()
        try await NotificationStore.markAllRead(for: signedIn.userID, now: req.now, on: req.db.sql)
        return try await list(req: req)
    }
}
