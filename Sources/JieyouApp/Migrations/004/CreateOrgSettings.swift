import Fluent
import SQLKit

/// Settings an org unit's own admin keeps, one row per setting: the 催办 webhook and the time limits
/// of the problem loop (`limits.*`, see `ProblemTimeLimits.Overrides`).
struct CreateOrgSettings: AsyncMigration {
    var name: String { "004_CreateOrgSettings" }

    func prepare(on database: any Database) async throws {
        try await database.schema("org_settings")
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("name", .string, .required)
            .field("value", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "org_unit_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("org_settings").delete()
    }
}
