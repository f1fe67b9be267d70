import Fluent
import SQLKit

/// The append-only event log and its chain head (see `AuditLog`).
struct CreateEvents: AsyncMigration {
    var name: String { "001_CreateEvents" }

    func prepare(on database: any Database) async throws {
        try await database.schema("events")
            .field("sequence", .int64, .identifier(auto: false))
            .field("occurred_at_ms", .int64, .required)
            .field("actor_id", .uuid)
            .field("org_unit_id", .uuid)
            .field("entity_type", .string, .required)
            .field("entity_id", .string, .required)
            .field("action", .string, .required)
            .field("changes", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        try await database.schema("event_chain_head")
            .field("id", .int, .identifier(auto: false))
            .field("last_sequence", .int64, .required)
            .field("last_hash", .string, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "events_entity_idx").on("events").column("entity_type").column("entity_id").run()
        try await sql.create(index: "events_org_unit_idx").on("events").column("org_unit_id").column("sequence").run()
        try await sql.insert(into: "event_chain_head")
            .columns("id", "last_sequence", "last_hash")
            .values(SQLBind(1), SQLBind(Int64(0)), SQLBind(String(repeating: "0", count: 64)))
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("event_chain_head").delete()
        try await database.schema("events").delete()
    }
}
