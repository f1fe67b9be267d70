import Fluent

struct CreateDepartments: AsyncMigration {
    var name: String { "001_CreateDepartments" }

    func prepare(on database: any Database) async throws {
        try await database.schema("departments")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("phone", .string)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "org_unit_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("departments").delete()
    }
}
