import Fluent
import SQLKit

/// Notices beyond the bell (issue 25): the group robots an org or one of its departments posts to, and
/// the outbox a hand-off writes in its own transaction and the delivery job empties, retrying what
/// failed and keeping the last error for the org's admins.
struct CreateOutbox: AsyncMigration {
    var name: String { "013_CreateOutbox" }

    func prepare(on database: any Database) async throws {
        try await database.schema("notice_channels")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            // A department's own group; NULL: the whole unit's (its dispatchers and leaders).
            .field("department_id", .uuid, .references("departments", "id"))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("webhook_url", .string, .required)
            .field("secret", .string)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("outbox")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("channel_id", .uuid, .references("notice_channels", "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("text", .string, .required)
            .field("link", .string)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("claimed_until", .datetime)
            .field("delivered_at", .datetime)
            .field("failed_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "notice_channels_unit_idx").on("notice_channels").column("org_unit_id").run()
        // The delivery job's question: what is due and neither delivered nor given up.
        try await sql.create(index: "outbox_due_idx").on("outbox")
            .column("delivered_at").column("failed_at").column("next_attempt_at").run()
        try await sql.create(index: "outbox_unit_idx").on("outbox").column("org_unit_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox").delete()
        try await database.schema("notice_channels").delete()
    }
}
