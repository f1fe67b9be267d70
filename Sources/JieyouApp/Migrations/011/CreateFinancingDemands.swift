import Fluent
import SQLKit

/// 融资诉求 (issue 6): an enterprise's need for money, the bank it was brought to, and the outcome,
/// with the 政银企对接会 that matched it when there was one.
struct CreateFinancingDemands: AsyncMigration {
    var name: String { "011_CreateFinancingDemands" }

    func prepare(on database: any Database) async throws {
        try await database.schema("financing_demands")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("amount_fen", .int64, .required)
            .field("purpose", .string, .required)
            .field("raised_on", .string, .required)
            .field("status", .string, .required)
            .field("bank", .string)
            .field("lent_fen", .int64)
            .field("matched_on", .string)
            .field("lent_on", .string)
            .field("failed_on", .string)
            .field("reason", .string)
            .field("meeting_id", .uuid, .references("meetings", "id"))
            .field("note", .string)
            .field("created_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "financing_demands_org_idx").on("financing_demands")
            .column("org_unit_id").column("raised_on").run()
        try await sql.create(index: "financing_demands_enterprise_idx").on("financing_demands")
            .column("enterprise_id").column("status").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("financing_demands").delete()
    }
}
