import Foundation
import JieyouDomain
import SQLKit

/// One message waiting for (or done with) a robot or a mail server.
struct OutboxItem: Codable, Sendable {
    let id: UUID
    let orgUnitId: UUID
    let channelId: UUID?
    /// An e-mail's recipient (instead of a robot).
    let emailTo: String?
    let kind: String
    let title: String
    let text: String
    let link: String?
    let attempts: Int
    let nextAttemptAt: Date
    let deliveredAt: Date?
    let failedAt: Date?
    let lastError: String?
    let createdAt: Date
}

/// The outbox: a hand-off writes its robot messages here in its own transaction; the delivery job
/// claims what is due (each instance of a cluster its own rows), posts, and records how it went.
struct OutboxStore {
    let sql: any SQLDatabase

    private static let columns: SQLQueryString = """
        id, org_unit_id, channel_id, email_to, kind, title, text, link, attempts, next_attempt_at, delivered_at, failed_at,
        last_error, created_at
        """

    func enqueue(_ message: RobotMessage, kind: String, to channel: ChannelRecord, now: Date) async throws {
        try await sql.insert(into: "outbox")
            .columns(
                "id", "org_unit_id", "channel_id", "kind", "title", "text", "link", "attempts", "next_attempt_at",
                "created_at"
            )
            .values(
                SQLBind(UUID()), SQLBind(channel.orgUnitId), SQLBind(channel.id), SQLBind(kind), SQLBind(message.title),
                SQLBind(message.text), SQLBind(message.link), SQLBind(0), SQLBind(now), SQLBind(now)
            ).run()
    }

    /// Takes up to `limit` due messages for `lease` seconds: another instance skips them until then, so
    /// a message goes out once however many instances run the job, and again only if this one dies.
    func claim(limit: Int, now: Date, lease: TimeInterval = 120) async throws -> [OutboxItem] {
        let due: SQLQueryString = """
            SELECT id FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= \(bind: now)
              AND (claimed_until IS NULL OR claimed_until < \(bind: now))
            ORDER BY next_attempt_at LIMIT \(literal: limit)
            """
        let locked: SQLQueryString = sql.dialect.name == "postgresql" ? "\(due) FOR UPDATE SKIP LOCKED" : due
        return try await sql.raw(
            """
            UPDATE outbox SET claimed_until = \(bind: now.addingTimeInterval(lease)) WHERE id IN (\(locked))
            RETURNING \(Self.columns)
            """
        ).all(decoding: OutboxItem.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    func delivered(_ id: UUID, now: Date) async throws {
        try await sql.raw(
            """
            UPDATE outbox SET delivered_at = \(bind: now), attempts = attempts + 1, claimed_until = NULL,
              last_error = NULL WHERE id = \(bind: id)
            """
        ).run()
    }

    /// Gives a claimed message back untried, for the next run.
    func release(_ id: UUID) async throws {
        try await sql.raw("UPDATE outbox SET claimed_until = NULL WHERE id = \(bind: id)").run()
    }

    /// A failed try: tried again after the back-off, or given up after `OutboxRetry.maxAttempts`.
    func failed(_ item: OutboxItem, error: String, now: Date) async throws {
        let attempts = item.attempts + 1
        let givenUp = attempts >= OutboxRetry.maxAttempts
        try await sql.raw(
            """
            UPDATE outbox SET attempts = \(bind: attempts), claimed_until = NULL, last_error = \(bind: String(error.prefix(500))),
              next_attempt_at = \(bind: now.addingTimeInterval(OutboxRetry.delay(afterAttempts: attempts))),
              failed_at = \(bind: givenUp ? now : nil) WHERE id = \(bind: item.id)
            """
        ).run()
    }

    /// A unit's latest messages that have not gone out cleanly: waiting to be tried again, or given up.
    func troubles(of unit: UUID, limit: Int = 20) async throws -> [OutboxItem] {
        try await sql.raw(
            """
            SELECT \(Self.columns) FROM outbox WHERE org_unit_id = \(bind: unit) AND delivered_at IS NULL
              AND last_error IS NOT NULL ORDER BY created_at DESC LIMIT \(literal: limit)
            """
        ).all(decoding: OutboxItem.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }
}
