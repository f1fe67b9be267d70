import Fluent
import SQLKit

/// 双公示 records (行政许可 and 行政处罚 decisions, with the standard's data items) and the 信用修复
/// applications made against penalties.
struct CreateCreditRecords: AsyncMigration {
    var name: String { "023_CreateCreditRecords" }

    func prepare(on database: any Database) async throws {
        try await database.schema("credit_records")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("department_id", .uuid, .required, .references("departments", "id"))
            // The registry's enterprise with the record's 统一社会信用代码, when the park has it.
            .field("enterprise_id", .uuid, .references("enterprises", "id"))
            .field("kind", .string, .required)
            .field("counterparty_name", .string, .required)
            .field("counterparty_category", .string, .required)
            .field("credit_code", .string)
            .field("legal_representative", .string)
            .field("document_number", .string, .required)
            .field("licence_category", .string)
            .field("licence_content", .string)
            .field("licence_number", .string)
            .field("violation_type", .string)
            .field("violation_facts", .string)
            .field("penalty_basis", .string)
            .field("penalty_categories", .string)
            .field("penalty_content", .string)
            .field("fine_yuan", .int64)
            .field("confiscated_yuan", .int64)
            .field("severity", .string)
            .field("decided_on", .string, .required)
            .field("valid_from", .string)
            .field("valid_until", .string)
            .field("authority", .string, .required)
            .field("authority_code", .string)
            .field("publication_deadline", .string, .required)
            .field("public_until", .string, .required)
            .field("published_on", .string)
            .field("repaired_on", .string)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            // One decision document is entered once per park and kind.
            .unique(on: "org_unit_id", "kind", "document_number")
            .create()
        try await database.sql.create(index: "credit_records_unit_idx").on("credit_records")
            .column("org_unit_id").column("decided_on").run()
        try await database.sql.create(index: "credit_records_public_idx").on("credit_records")
            .column("published_on").column("public_until").run()
        try await database.sql.create(index: "credit_records_enterprise_idx").on("credit_records")
            .column("enterprise_id").run()

        try await database.schema("credit_repairs")
            .id()
            .field("record_id", .uuid, .required, .references("credit_records", "id"))
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("state", .string, .required)
            .field("statement", .string, .required)
            .field("contact", .string)
            .field("phone", .string)
            .field("applied_by", .uuid, .required, .references("users", "id"))
            .field("applied_on", .string, .required)
            .field("decided_by", .uuid, .references("users", "id"))
            .field("decided_on", .string)
            .field("reason", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "credit_repairs_record_idx").on("credit_repairs")
            .column("record_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("credit_repairs").delete()
        try await database.schema("credit_records").delete()
    }
}
