import Fluent
import SQLKit

/// Policies (issue 6): the 政策清单 with each policy's eligibility rule as JSON, deliveries (政策送达)
/// with their acknowledgement, and the 兑现 ledger in whole 分. The registry gains what rules ask about
/// that it did not hold yet: the day of registration, last year's revenue and the number of employees.
struct CreatePolicies: AsyncMigration {
    var name: String { "008_CreatePolicies" }

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        for column in ["registered_on VARCHAR(10)", "revenue_fen BIGINT", "employees INTEGER"] {
            try await sql.raw("ALTER TABLE enterprises ADD COLUMN \(unsafeRaw: column)").run()
        }
        try await database.schema("policies")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("title", .string, .required)
            .field("document_number", .string)
            .field("issuer", .string, .required)
            .field("level", .string, .required)
            .field("themes", .string, .required)
            .field("summary", .string)
            .field("valid_from", .string)
            .field("valid_until", .string)
            .field("department_id", .uuid, .references("departments", "id"))
            .field("benefit_kind", .string, .required)
            .field("source_text", .string)
            .field("source_url", .string)
            .field("automatic", .bool, .required)
            .field("columns", .string, .required)
            .field("rule", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await sql.create(index: "policies_org_idx").on("policies").column("org_unit_id").column("title").run()

        try await database.schema("policy_deliveries")
            .id()
            .field("policy_id", .uuid, .required, .references("policies", "id"))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("channel", .string, .required)
            .field("delivered_on", .string, .required)
            .field("delivered_by", .uuid, .references("users", "id"))
            .field("meeting_id", .uuid, .references("meetings", "id"))
            .field("acknowledged_at", .datetime)
            .field("acknowledged_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .unique(on: "policy_id", "enterprise_id", "channel")
            .create()
        try await sql.create(index: "policy_deliveries_enterprise_idx").on("policy_deliveries")
            .column("enterprise_id").run()

        try await database.schema("benefits")
            .id()
            .field("policy_id", .uuid, .references("policies", "id"))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("kind", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("granted_on", .string, .required)
            .field("note", .string)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .references("users", "id"))
            .create()
        try await sql.create(index: "benefits_org_day_idx").on("benefits").column("org_unit_id").column("granted_on")
            .run()
        try await sql.create(index: "benefits_enterprise_idx").on("benefits").column("enterprise_id").run()
        try await sql.create(index: "benefits_policy_idx").on("benefits").column("policy_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("benefits").delete()
        try await database.schema("policy_deliveries").delete()
        try await database.schema("policies").delete()
        for column in ["registered_on", "revenue_fen", "employees"] {
            try await database.sql.raw("ALTER TABLE enterprises DROP COLUMN \(unsafeRaw: column)")
                .run()
        }
    }
}
