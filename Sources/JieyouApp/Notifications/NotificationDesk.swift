import Foundation
import SQLKit

/// One person's notices (站内通知): the newest, how many are unread, marking them read.
struct NotificationDesk {
    let sql: any SQLDatabase
    let userID: UUID
    let now: Date

    func recent() async throws -> [NotificationItem] {
        try await NotificationStore.recent(for: userID, on: sql)
    }

    func unreadCount() async throws -> Int {
        try await NotificationStore.unreadCount(for: userID, on: sql)
    }

    func markAllRead() async throws {
        try await NotificationStore.markAllRead(for: userID, now: now, on: sql)
    }
}
