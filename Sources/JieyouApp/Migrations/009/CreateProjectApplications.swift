import Fluent
import SQLKit

/// Project applications (项目申报, issue 6): one row per project with its fund, the amount asked and
/// the day of each stage it reached. 兑现 writes a benefit to the ledger and keeps its id here, so the
/// ledger's totals include the project funds without counting them twice.
struct CreateProjectApplications: AsyncMigration {
    var name: String { "009_CreateProjectApplications" }

    func prepare(on database: any Database) async throws {
        try await database.schema("project_applications")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("policy_id", .uuid, .references("policies", "id"))
            .field("name", .string, .required)
            .field("fund", .string, .required)
            .field("amount_asked_fen", .int64, .required)
            .field("amount_granted_fen", .int64)
            .field("stage", .string, .required)
            .field("applied_on", .string, .required)
            .field("reviewed_on", .string)
            .field("listed_on", .string)
            .field("disbursed_on", .string)
            .field("rejected_on", .string)
            .field("reason", .string)
            .field("note", .string)
            .field("benefit_id", .uuid, .references("benefits", "id"))
            .field("created_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "project_applications_org_idx").on("project_applications")
            .column("org_unit_id").column("applied_on").run()
        try await sql.create(index: "project_applications_enterprise_idx").on("project_applications")
            .column("enterprise_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("project_applications").delete()
    }
}
