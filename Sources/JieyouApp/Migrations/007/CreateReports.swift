import Fluent
import SQLKit

/// Stored reports (issue 5): the 周调度 / 旬通报 / 月通报 / 季讲评 that the drafting job prepares when a
/// period ends, and the campaign summaries drafted when a campaign ends. A report is one per unit,
/// kind and period (`period_key` is the period's key, or the campaign's id for a summary); `content`
/// is its figures and paragraphs as JSON, written when drafted, rewritten while it is a draft and
/// never again once issued. Notifications gain a link, so a notice can point at a report.
struct CreateReports: AsyncMigration {
    var name: String { "007_CreateReports" }

    func prepare(on database: any Database) async throws {
        try await database.schema("reports")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("kind", .string, .required)
            .field("period_key", .string, .required)
            .field("title", .string, .required)
            .field("state", .string, .required)
            .field("content", .string, .required)
            .field("due_on", .string)
            .field("drafted_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("updated_by", .uuid, .references("users", "id"))
            .field("issued_at", .datetime)
            .field("issued_by", .uuid, .references("users", "id"))
            .unique(on: "org_unit_id", "kind", "period_key")
            .create()
        try await database.sql.create(index: "reports_state_idx").on("reports")
            .column("org_unit_id").column("state").run()
        try await database.schema("notifications").field("link", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notifications").deleteField("link").update()
        try await database.schema("reports").delete()
    }
}
