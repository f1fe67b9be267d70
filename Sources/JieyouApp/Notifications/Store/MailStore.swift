import Foundation
import JieyouDomain
import SQLKit

/// A unit's mail server as stored.
struct MailServerRecord: Codable, Sendable {
    let id: UUID
    let orgUnitId: UUID
    let host: String
    let port: Int
    let security: String
    let username: String?
    let password: String?
    let senderAddress: String
    let senderName: String?
    let active: Bool
    let updatedAt: Date

    var server: MailServer {
        MailServer(
            host: host, port: port, security: MailServer.Security(rawValue: security) ?? .none, username: username,
            password: password, senderAddress: senderAddress, senderName: senderName)
    }
}

/// A person's e-mail choices.
struct NoticePreferences: Sendable, Equatable {
    var email: String?
    var mode: NoticeEmailMode
    var muted: Set<NoticeTopic>
}

/// The mail servers, people's addresses and choices, and the e-mails the outbox holds.
struct MailStore {
    let sql: any SQLDatabase

    private static let serverColumns: SQLQueryString = """
        id, org_unit_id, host, port, security, username, password, sender_address, sender_name, active, updated_at
        """

    func server(of unit: UUID) async throws -> MailServerRecord? {
        try await sql.raw("SELECT \(Self.serverColumns) FROM mail_servers WHERE org_unit_id = \(bind: unit)")
            .first(decoding: MailServerRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// The active server nearest `unit`: its own, or the closest unit's above it.
    func server(for unit: UUID, in tree: OrgTree) async throws -> MailServerRecord? {
        let lineage = tree.lineage(of: unit).map(\.id)
        guard !lineage.isEmpty else { return nil }
        let found = try await sql.raw(
            """
            SELECT \(Self.serverColumns) FROM mail_servers
            WHERE active = \(bind: true) AND org_unit_id IN (\(binds: lineage))
            """
        ).all(decoding: MailServerRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
        return lineage.lazy.compactMap { id in found.first { $0.orgUnitId == id } }.first
    }

    /// Writes a unit's server (one per unit); a nil password keeps the stored one.
    func save(_ server: MailServer, unit: UUID, active: Bool, now: Date) async throws {
        if let existing = try await self.server(of: unit) {
            try await sql.raw(
                """
                UPDATE mail_servers SET host = \(bind: server.host), port = \(bind: server.port),
                  security = \(bind: server.security.rawValue), username = \(bind: server.username),
                  password = \(bind: server.password ?? existing.password), sender_address = \(bind: server.senderAddress),
                  sender_name = \(bind: server.senderName), active = \(bind: active), updated_at = \(bind: now)
                WHERE id = \(bind: existing.id)
                """
            ).run()
        } else {
            try await sql.raw(
                """
                INSERT INTO mail_servers (id, org_unit_id, host, port, security, username, password, sender_address,
                  sender_name, active, updated_at)
                VALUES (\(bind: UUID()), \(bind: unit), \(bind: server.host), \(bind: server.port),
                  \(bind: server.security.rawValue), \(bind: server.username), \(bind: server.password),
                  \(bind: server.senderAddress), \(bind: server.senderName), \(bind: active), \(bind: now))
                """
            ).run()
        }
    }

    func delete(unit: UUID) async throws {
        try await sql.raw("DELETE FROM mail_servers WHERE org_unit_id = \(bind: unit)").run()
    }

    // MARK: People

    func preferences(of user: UUID) async throws -> NoticePreferences {
        struct Row: Decodable {
            let email: String?
            let noticeEmail: String?
            let noticeMuted: String?
        }
        let row = try await sql.raw(
            "SELECT email, notice_email, notice_muted FROM users WHERE id = \(bind: user)"
        ).first(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        return NoticePreferences(
            email: row?.email, mode: row?.noticeEmail.flatMap(NoticeEmailMode.init(rawValue:)) ?? .digest,
            muted: Set((row?.noticeMuted ?? "").split(separator: ",").compactMap { NoticeTopic(rawValue: String($0)) }))
    }

    func save(_ preferences: NoticePreferences, of user: UUID) async throws {
        try await sql.raw(
            """
            UPDATE users SET email = \(bind: preferences.email), notice_email = \(bind: preferences.mode.rawValue),
              notice_muted = \(bind: preferences.muted.map(\.rawValue).sorted().joined(separator: ","))
            WHERE id = \(bind: user)
            """
        ).run()
    }

    /// The people among `users` who want `kind` mailed as it comes: their unit and address.
    func mailedAtOnce(_ users: [UUID], kind: String) async throws -> [(unit: UUID, email: String)] {
        guard !users.isEmpty else { return [] }
        let topic = NoticeTopic.of(kind: kind).rawValue
        return try await sql.raw(
            """
            SELECT org_unit_id, email, notice_muted FROM users
            WHERE id IN (\(binds: users)) AND active = \(bind: true) AND email IS NOT NULL
              AND notice_email = \(bind: NoticeEmailMode.each.rawValue)
            """
        ).all().compactMap { row in
            let muted = (try? row.decode(column: "notice_muted", as: String?.self)) ?? nil
            guard !(muted ?? "").split(separator: ",").contains(Substring(topic)) else { return nil }
            return (
                try row.decode(column: "org_unit_id", as: UUID.self), try row.decode(column: "email", as: String.self)
            )
        }
    }

    /// Queues an e-mail in the outbox (in the caller's transaction); the delivery job sends it through
    /// the mail server nearest `unit`.
    func enqueue(to email: String, unit: UUID, kind: String, subject: String, text: String, link: String?, now: Date)
        async throws
    {
        try await sql.insert(into: "outbox")
            .columns(
                "id", "org_unit_id", "email_to", "kind", "title", "text", "link", "attempts", "next_attempt_at",
                "created_at"
            )
            .values(
                SQLBind(UUID()), SQLBind(unit), SQLBind(email), SQLBind(kind), SQLBind(subject), SQLBind(text),
                SQLBind(link), SQLBind(0), SQLBind(now), SQLBind(now)
            ).run()
    }
}
