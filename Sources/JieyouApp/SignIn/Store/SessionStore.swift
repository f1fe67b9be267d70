import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// Sessions and API tokens in the database. The client holds a random token; the table holds only its
/// SHA-256, so a leaked backup does not let anyone sign in.
enum SessionStore {
    /// Sessions and tokens revoked or idle this long are deleted by the hourly sweep.
    static let retention: TimeInterval = 30 * 24 * 3600

    struct Issued {
        let token: String
        let session: SessionModel
    }

    static func issue(_ kind: SessionModel.Kind, for userID: UUID, now: Date, userAgent: String?, on db: any Database)
        async throws -> Issued
    {
        let token = Tokens.make()
        let session = SessionModel(
            tokenHash: Tokens.digest(token), kind: kind, userID: userID, csrfToken: Tokens.make(), now: now,
            userAgent: userAgent)
        try await session.create(on: db)
        return Issued(token: token, session: session)
    }

    /// The columns read for every authenticated request.
    private struct Row: Decodable {
        let session_id: UUID
        let csrf_token: String
        let last_seen_at: Date
        let revoked_at: Date?
        let user_id: UUID
        let username: String
        let display_name: String
        let phone: String?
        let roles: String
        let org_unit_id: UUID
        let department_id: UUID?
        let enterprise_id: UUID?
        let active: Bool
        let must_change_password: Bool
    }

    /// The live session for `token` with its user; nil when unknown, revoked, idle too long, or the
    /// account is disabled. One indexed join per request.
    static func find(
        token: String, kind: SessionModel.Kind, idleLimit: TimeInterval, now: Date, on db: any Database
    ) async throws -> SignedIn? {
        guard !token.isEmpty, token.count <= 100 else { return nil }
        let sql = db.sql
        let query: SQLQueryString = """
            SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, s.revoked_at, u.id AS user_id, u.username,
                   u.display_name, u.phone, u.roles, u.org_unit_id, u.department_id, u.enterprise_id, u.active,
                   u.must_change_password
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = \(bind: Tokens.digest(token)) AND s.kind = \(bind: kind.rawValue)
            """
        guard let found = try await sql.raw(query).first(decoding: Row.self) else { return nil }
        guard found.revoked_at == nil, found.active else { return nil }
        if now.timeIntervalSince(found.last_seen_at) > idleLimit {
            try await revoke(found.session_id, now: now, on: db)
            return nil
        }
        // Touch at most once a minute: a page view should not be a database write.
        if now.timeIntervalSince(found.last_seen_at) > 60 {
            try await sql.update("sessions").set("last_seen_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(found.session_id)).run()
        }
        return SignedIn(
            sessionID: found.session_id, csrfToken: found.csrf_token, userID: found.user_id, username: found.username,
            displayName: found.display_name, phone: found.phone,
            roles: Set(found.roles.split(separator: ",").compactMap { Role(rawValue: String($0)) }),
            orgUnitID: found.org_unit_id, departmentID: found.department_id, enterpriseID: found.enterprise_id,
            mustChangePassword: found.must_change_password)
    }

    static func revoke(_ sessionID: UUID, now: Date, on db: any Database) async throws {
        try await SessionModel.query(on: db).filter(\.$id == sessionID).set(\.$revokedAt, to: now).update()
    }

    /// Deletes sessions revoked, or last used, before `cutoff`; returns how many.
    @discardableResult
    static func purge(before cutoff: Date, on db: any Database) async throws -> Int {
        let stale = SessionModel.query(on: db).group(.or) {
            $0.filter(\.$revokedAt < cutoff).filter(\.$lastSeenAt < cutoff)
        }
        let count = try await stale.count()
        if count > 0 { try await stale.delete() }
        return count
    }

    static func revokeAll(of userID: UUID, except keep: UUID?, now: Date, on db: any Database) async throws {
        var query = SessionModel.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
        if let keep { query = query.filter(\.$id != keep) }
        try await query.set(\.$revokedAt, to: now).update()
    }
}
