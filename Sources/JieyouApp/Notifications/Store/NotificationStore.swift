import Foundation
import JieyouDomain
import SQLKit

/// One in-app notice (催办, 建议督办, a drafted report …) for one user.
struct NotificationItem: Codable, Sendable {
    let id: UUID
    let problemId: UUID?
    /// A page the notice is about when it is not a problem's (a drafted report's).
    let link: String?
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
            SELECT id, problem_id, link, kind, message, created_at, read_at FROM notifications
            WHERE user_id = \(bind: user) ORDER BY created_at DESC, id LIMIT \(literal: limit)
            """
        ).all(decoding: NotificationItem.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// Sends one notice to each of `users` (once to each, however often listed); returns how many.
    @discardableResult
    static func send(
        to users: [UUID], kind: String, message: String, problem: UUID? = nil, link: String? = nil, now: Date,
        on sql: any SQLDatabase
    ) async throws -> Int {
        let unique = Array(Set(users))
        guard !unique.isEmpty else { return 0 }
        var insert = sql.insert(into: "notifications").columns(
            "id", "user_id", "problem_id", "link", "kind", "message", "created_at")
        for user in unique {
            insert = insert.values(
                SQLBind(UUID()), SQLBind(user), SQLBind(problem), SQLBind(link), SQLBind(kind), SQLBind(message),
                SQLBind(now))
        }
        try await insert.run()
        // Those who want each notice mailed get it through the outbox, in the same transaction.
        let mail = MailStore(sql: sql)
        for person in try await mail.mailedAtOnce(unique, kind: kind) {
            try await mail.enqueue(
                to: person.email, unit: person.unit, kind: kind, subject: MailText.subject(of: message), text: message,
                link: link ?? problem.map(WebPath.problem), now: now)
        }
        return unique.count
    }

    /// The active users of a unit who hold `role` (its dispatchers, say).
    static func users(of unit: UUID, withRole role: Role, on sql: any SQLDatabase) async throws -> [UUID] {
        try await sql.raw(
            """
            SELECT id FROM users WHERE active = \(bind: true) AND org_unit_id = \(bind: unit)
              AND roles LIKE \(bind: "%,\(role.rawValue),%")
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
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
