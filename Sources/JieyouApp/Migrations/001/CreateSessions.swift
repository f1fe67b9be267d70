import Fluent

/// Web sessions and API tokens, both stored here so any app instance can serve any request. Only the
/// SHA-256 of a token is stored: a copy of the database does not let anyone sign in.
struct CreateSessions: AsyncMigration {
    var name: String { "001_CreateSessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("kind", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("user_agent", .string)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sessions").delete()
    }
}
