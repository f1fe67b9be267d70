import Fluent

struct CreateOrgUnits: AsyncMigration {
    var name: String { "001_CreateOrgUnits" }

    func prepare(on database: any Database) async throws {
        try await database.schema("org_units")
            .id()
            .field("parent_id", .uuid, .references("org_units", "id"))
            .field("level", .string, .required)
            .field("name", .string, .required)
            .field("code", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("org_units").delete()
    }
}
