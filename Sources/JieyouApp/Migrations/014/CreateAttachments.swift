import Fluent
import SQLKit

/// Files on a problem, a visit or a meeting (issue 25). The bytes live in the attachment folder under
/// their SHA-256 (the same photo uploaded twice is stored once); this table says whose they are.
struct CreateAttachments: AsyncMigration {
    var name: String { "014_CreateAttachments" }

    func prepare(on database: any Database) async throws {
        try await database.schema("attachments")
            .id()
            // The unit whose record it is: whose admins read its events, and the first check on a download.
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("owner_type", .string, .required)
            .field("owner_id", .uuid, .required)
            .field("purpose", .string, .required)
            .field("file_name", .string, .required)
            .field("media_type", .string, .required)
            .field("byte_count", .int64, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "attachments_owner_idx").on("attachments")
            .column("owner_type").column("owner_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("attachments").delete()
    }
}
