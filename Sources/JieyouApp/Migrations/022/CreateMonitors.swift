import Fluent
import SQLKit

/// The roster of 营商环境监督员 and 清廉园区监测点 (`MonitorKind`) a unit appoints, each with its term,
/// and the account through which a monitor files its reports, if it has one.
struct CreateMonitors: AsyncMigration {
    var name: String { "022_CreateMonitors" }

    func prepare(on database: any Database) async throws {
        try await database.schema("monitors")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("kind", .string, .required)
            .field("form", .string, .required)
            .field("name", .string, .required)
            .field("organisation", .string)
            .field("phone", .string)
            .field("term_starts_on", .string, .required)
            .field("term_ends_on", .string, .required)
            .field("user_id", .uuid, .references("users", "id"))
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id")
            .create()
        try await database.sql.create(index: "monitors_unit_idx").on("monitors").column("org_unit_id").column("kind")
            .run()
        // Each monitor's reports are counted on its roster line.
        try await database.sql.create(index: "problems_reported_by_idx").on("problems").column("reported_by").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "problems_reported_by_idx").run()
        try await database.schema("monitors").delete()
    }
}
