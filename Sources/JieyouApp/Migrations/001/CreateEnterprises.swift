import Fluent

/// The core of the enterprise registry: enough for enterprise accounts to belong to an enterprise.
/// The registry's other fields arrive in later migrations.
struct CreateEnterprises: AsyncMigration {
    var name: String { "001_CreateEnterprises" }

    func prepare(on database: any Database) async throws {
        try await database.schema("enterprises")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("credit_code", .string, .required)
            .field("name", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "credit_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("enterprises").delete()
    }
}
