import Foundation
import SQLKit
import Vapor

/// One in-app notice (催办, 建议督办 …) for one user.
struct NotificationItem: Content, Sendable {
    let id: UUID
    let problemId: UUID?
    let kind: String
    let message: String
    let createdAt: Date
    let readAt: Date?
}

/// The bell: a user's notices, newest first, and marking them read. A user only ever reads and marks
/// its own.
enum NotificationStore {
    static func unreadCount(for user: UUID, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw(
            "SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: user) AND read_at IS NULL"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func recent(for user: UUID, limit: Int = 100, on sql: any SQLDatabase) async throws -> [NotificationItem] {
        try await sql.raw(
            """
            SELECT id, problem_id, kind, message, created_at, read_at FROM notifications
            WHERE user_id = \(bind: user) ORDER BY created_at DESC, id LIMIT \(literal: limit)
            """
        ).all(decoding: NotificationItem.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// Marks all of the user's notices read; returns how many were unread.
    @discardableResult
    static func markAllRead(for user: UUID, now: Date, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw(
            """
            UPDATE notifications SET read_at = \(bind: now) WHERE user_id = \(bind: user) AND read_at IS NULL
            RETURNING id
            """
        ).all().count
    }
}
