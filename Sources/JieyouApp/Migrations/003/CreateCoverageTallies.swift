import Fluent
import SQLKit

/// The running coverage tallies of each campaign (`CoverageTallies`), filled for the campaigns that
/// already exist. No foreign keys to enterprises or users: rows are written and deleted only by
/// `CoverageTallies`, and a key check per upsert would be paid on every visit recorded.
struct CreateCoverageTallies: AsyncMigration {
    var name: String { "003_CreateCoverageTallies" }

    func prepare(on database: any Database) async throws {
        try await database.schema("coverage_enterprise_tallies")
            .field("campaign_id", .uuid, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("enterprise_id", .uuid, .required)
            .field("org_unit_id", .uuid, .required)
            .field("visits", .int, .required)
            .unique(on: "campaign_id", "enterprise_id")
            .create()
        try await database.schema("coverage_day_tallies")
            .field("campaign_id", .uuid, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("org_unit_id", .uuid, .required)
            .field("day", .string, .required)
            .field("visits", .int, .required)
            .field("enterprises", .int, .required)
            .unique(on: "campaign_id", "org_unit_id", "day")
            .create()
        try await database.schema("coverage_cadre_tallies")
            .field("campaign_id", .uuid, .required, .references("campaigns", "id", onDelete: .cascade))
            .field("org_unit_id", .uuid, .required)
            .field("user_id", .uuid, .required)
            .field("visits", .int, .required)
            .field("enterprises", .int, .required)
            .unique(on: "campaign_id", "org_unit_id", "user_id")
            .create()
        // Coverage of a campaign over a subtree reads its rows by unit.
        try await database.sql.create(index: "coverage_enterprise_tallies_unit_idx")
            .on("coverage_enterprise_tallies").column("campaign_id").column("org_unit_id").column("visits").run()
        try await CoverageTallies.rebuildAll(
            tree: try await OrgDirectory.uncachedTree(on: database), on: database.sql)
    }

    func revert(on database: any Database) async throws {
        for table in CoverageTallies.tables { try await database.schema(table).delete() }
    }
}
