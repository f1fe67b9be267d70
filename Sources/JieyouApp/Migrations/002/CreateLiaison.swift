import Fluent
import SQLKit

/// 三联机制 (领导联点、部门对口、干部驻企) and the 一对一专班 teams.
struct CreateLiaison: AsyncMigration {
    var name: String { "002_CreateLiaison" }

    func prepare(on database: any Database) async throws {
        try await database.schema("enterprise_liaisons")
            .id()
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("user_id", .uuid, .references("users", "id"))
            .field("department_id", .uuid, .references("departments", "id"))
            .create()
        try await database.schema("teams")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("project", .string)
            .field("leader_id", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        try await database.schema("team_members")
            .id()
            .field("team_id", .uuid, .required, .references("teams", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .unique(on: "team_id", "user_id")
            .create()
        try await database.schema("team_enterprises")
            .id()
            .field("team_id", .uuid, .required, .references("teams", "id", onDelete: .cascade))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .unique(on: "team_id", "enterprise_id")
            .create()
        let sql = database.sql
        try await sql.create(index: "enterprise_liaisons_enterprise_idx").on("enterprise_liaisons")
            .column("enterprise_id").run()
        try await sql.create(index: "enterprise_liaisons_user_idx").on("enterprise_liaisons").column("user_id").run()
        try await sql.create(index: "teams_org_unit_idx").on("teams").column("org_unit_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["team_enterprises", "team_members", "teams", "enterprise_liaisons"] {
            try await database.schema(table).delete()
        }
    }
}
