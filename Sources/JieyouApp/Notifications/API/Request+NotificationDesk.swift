import Vapor

extension Request {
    /// The signed-in person's notices.
    func notificationDesk() throws -> NotificationDesk {
        NotificationDesk(sql: db.sql, userID: try requireSignedIn().userID, now: now)
    }
}
