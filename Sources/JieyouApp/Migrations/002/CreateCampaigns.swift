import Fluent
import SQLKit

/// 专项行动. Dates are stored as ISO text (`2024-09-01`): calendar days, not instants, the same in
/// SQLite and PostgreSQL, and they sort and compare as text.
struct CreateCampaigns: AsyncMigration {
    var name: String { "002_CreateCampaigns" }

    func prepare(on database: any Database) async throws {
        try await database.schema("campaigns")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("name", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("mobilisation_ends_on", .string, .required)
            .field("action_ends_on", .string, .required)
            .field("scope", .string, .required)
            .field("scope_tag", .string)
            .field("required_visits", .int, .required)
            .field("cadences", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema("campaign_enterprises")
            .id()
            .field("campaign_id", .uuid, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .unique(on: "campaign_id", "enterprise_id")
            .create()
        try await database.sql.create(index: "campaigns_org_unit_idx").on("campaigns")
            .column("org_unit_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("campaign_enterprises").delete()
        try await database.schema("campaigns").delete()
    }
}
