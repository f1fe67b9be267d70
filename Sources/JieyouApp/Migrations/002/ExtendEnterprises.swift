import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// The rest of the enterprise registry: classification, scale, tags, contacts, 白名单.
struct ExtendEnterprises: AsyncMigration {
    var name: String { "002_ExtendEnterprises" }

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        for column in [
            "industry_code VARCHAR(3)", "region_code VARCHAR(6)", "scale VARCHAR(8)", "related_info TEXT",
            "whitelisted BOOLEAN NOT NULL DEFAULT FALSE",
        ] {
            try await sql.raw("ALTER TABLE enterprises ADD COLUMN \(unsafeRaw: column)").run()
        }
        try await database.schema("tags")
            .id()
            .field("name", .string, .required)
            .field("built_in", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()
        for name in EnterpriseTags.builtIn {
            try await sql.insert(into: "tags").columns("id", "name", "built_in")
                .values(SQLBind(UUID()), SQLBind(name), SQLBind(true)).run()
        }
        try await database.schema("enterprise_tags")
            .id()
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id", onDelete: .cascade))
            .field("tag", .string, .required)
            .unique(on: "enterprise_id", "tag")
            .create()
        try await database.schema("enterprise_contacts")
            .id()
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("post", .string)
            .field("phone", .string)
            .create()
        try await sql.create(index: "enterprise_tags_tag_idx").on("enterprise_tags").column("tag").run()
        try await sql.create(index: "enterprise_contacts_enterprise_idx").on("enterprise_contacts")
            .column("enterprise_id").run()
        try await sql.create(index: "enterprises_org_name_idx").on("enterprises").column("org_unit_id").column("name")
            .run()
        try await sql.create(index: "enterprises_name_idx").on("enterprises").column("name").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("enterprise_contacts").delete()
        try await database.schema("enterprise_tags").delete()
        try await database.schema("tags").delete()
    }
}
