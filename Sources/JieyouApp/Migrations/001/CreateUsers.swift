import Fluent

struct CreateUsers: AsyncMigration {
    var name: String { "001_CreateUsers" }

    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .id()
            .field("username", .string, .required)
            .field("password_hash", .string, .required)
            .field("display_name", .string, .required)
            .field("phone", .string)
            .field("roles", .string, .required)
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("department_id", .uuid, .references("departments", "id"))
            .field("enterprise_id", .uuid, .references("enterprises", "id"))
            .field("active", .bool, .required)
            .field("failed_logins", .int, .required)
            .field("locked_until", .datetime)
            .field("password_changed_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
    }
}
