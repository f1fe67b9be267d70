import Fluent
import Foundation

/// A signed-in web session (cookie) or an API token (bearer).
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    enum Kind: String {
        case web, api
    }

    @ID(key: .id) var id: UUID?
    /// Hex SHA-256 of the token the client holds.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "kind") var kind: String
    @Parent(key: "user_id") var user: UserModel
    /// Echoed in every form of this session and checked on every unsafe request.
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "user_agent") var userAgent: String?

    init() {}

    init(tokenHash: String, kind: Kind, userID: UUID, csrfToken: String, now: Date, userAgent: String?) {
        self.tokenHash = tokenHash
        self.kind = kind.rawValue
        self.$user.id = userID
        self.csrfToken = csrfToken
        self.createdAt = now
        self.lastSeenAt = now
        self.userAgent = userAgent.map { String($0.prefix(200)) }
    }
}
