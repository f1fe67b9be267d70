import Fluent
import SQLKit

/// Notices by e-mail (issue 25): a unit's mail server (its admins set it; the units below use the
/// nearest one above them), each person's address and choices, and the outbox's recipient address for
/// an e-mail (beside `channel_id` for a robot).
struct AddMailDelivery: AsyncMigration {
    var name: String { "016_AddMailDelivery" }

    func prepare(on database: any Database) async throws {
        try await database.schema("mail_servers")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("host", .string, .required)
            .field("port", .int, .required)
            .field("security", .string, .required)
            .field("username", .string)
            .field("password", .string)
            .field("sender_address", .string, .required)
            .field("sender_name", .string)
            .field("active", .bool, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "org_unit_id")
            .create()
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema("users").field("email", .string).update()
        // off | each | digest; NULL reads as digest once an address is set.
        try await database.schema("users").field("notice_email", .string).update()
        // The `NoticeTopic`s not to be mailed, comma-separated.
        try await database.schema("users").field("notice_muted", .string).update()
        try await database.schema("outbox").field("email_to", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox").deleteField("email_to").update()
        for column in ["notice_muted", "notice_email", "email"] {
            try await database.schema("users").deleteField(.string(column)).update()
        }
        try await database.schema("mail_servers").delete()
    }
}
