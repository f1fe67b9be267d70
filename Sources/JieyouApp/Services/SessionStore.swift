import Fluent
import Foundation

/// Sessions and API tokens in the database. The client holds a random token; the table holds only its
/// SHA-256, so a leaked backup does not let anyone sign in.
enum SessionStore {
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

    /// The live session for `token`, with its user; nil when unknown, revoked, idle too long, or the
    /// account is disabled.
    static func find(
        token: String, kind: SessionModel.Kind, idleLimit: TimeInterval, now: Date, on db: any Database
    ) async throws -> (SessionModel, UserModel)? {
        guard !token.isEmpty, token.count <= 100,
            let session = try await SessionModel.query(on: db)
                .filter(\.$tokenHash == Tokens.digest(token))
                .filter(\.$kind == kind.rawValue)
                .with(\.$user)
                .first()
        else { return nil }
        guard session.revokedAt == nil, session.user.active else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) > idleLimit {
            session.revokedAt = now
            try await session.update(on: db)
            return nil
        }
        // Touch at most once a minute: a page view should not be a database write.
        if now.timeIntervalSince(session.lastSeenAt) > 60 {
            session.lastSeenAt = now
            try await session.update(on: db)
        }
        return (session, session.user)
    }

    static func revoke(_ session: SessionModel, now: Date, on db: any Database) async throws {
        session.revokedAt = now
        try await session.update(on: db)
    }

    static func revokeAll(of userID: UUID, except keep: UUID?, now: Date, on db: any Database) async throws {
        var query = SessionModel.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
        if let keep { query = query.filter(\.$id != keep) }
        try await query.set(\.$revokedAt, to: now).update()
    }
}
