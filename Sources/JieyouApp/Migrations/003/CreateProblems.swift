import Fluent
import JieyouDomain
import SQLKit

/// The problem ledger (问题台账) of PRODUCT.md §3: categories, problems with every field the workflow
/// sets, co-departments with their own deadlines, progress entries and the per-org, per-year counter
/// behind numbers such as `WC-2024-0216`. A problem's timeline is its events in the audit log.
struct CreateProblems: AsyncMigration {
    var name: String { "003_CreateProblems" }

    func prepare(on database: any Database) async throws {
        try await createProblems(on: database)
        try await createParts(on: database)
        try await createIndexes(on: database)
    }

    func revert(on database: any Database) async throws {
        for table in [
            "problem_counters", "problem_progress", "problem_co_departments", "problems", "problem_categories",
        ] {
            try await database.schema(table).delete()
        }
    }

    /// The categories and the problems themselves.
    private func createProblems(on database: any Database) async throws {
        try await database.schema("problem_categories")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("parent_code", .string)
            .field("org_unit_id", .uuid, .references("org_units", "id"))
            .field("resolve_days", .int, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema("problems")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("number", .string, .required)
            .field("enterprise_id", .uuid, .references("enterprises", "id"))
            .field("kind", .string, .required)
            .field("category_code", .string)
            .field("source", .string, .required)
            .field("description", .string, .required)
            .field("campaign_id", .uuid, .references("campaigns", "id"))
            .field("finding_id", .uuid)
            .field("state", .string, .required)
            .field("lead_department_id", .uuid, .references("departments", "id"))
            .field("assigned_on", .string)
            .field("sign_by", .string)
            .field("deadline", .string)
            .field("paused_since", .string)
            .field("extension_days", .int)
            .field("extension_reason", .string)
            .field("return_reason", .string)
            .field("return_count", .int, .required)
            .field("reopen_count", .int, .required)
            .field("root_cause", .string)
            .field("result", .string)
            .field("result_kind", .string)
            .field("resolved_on", .string)
            .field("revisit_by", .string)
            .field("satisfaction", .string)
            .field("closed_on", .string)
            .field("close_override", .string)
            .field("ongoing_plan", .string)
            .field("ongoing_unit", .string)
            .field("ongoing_until", .string)
            .field("merged_into", .uuid)
            .field("flags", .string, .required)
            .field("escalated_to", .uuid)
            .field("escalated_from", .uuid)
            .field("reported_by", .uuid, .references("users", "id"))
            .field("reporter_hidden", .bool, .required)
            .field("overdue_count", .int, .required, .sql(.default(0)))
            .field("overdue_since", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "number")
            .create()
    }

    /// A problem's co-departments, progress notes, and the per-org number counters.
    private func createParts(on database: any Database) async throws {
        try await database.schema("problem_co_departments")
            .field("problem_id", .uuid, .required, .references("problems", "id", onDelete: .cascade))
            .field("department_id", .uuid, .required, .references("departments", "id"))
            .field("deadline", .string, .required)
            .unique(on: "problem_id", "department_id")
            .create()
        try await database.schema("problem_progress")
            .id()
            .field("problem_id", .uuid, .required, .references("problems", "id", onDelete: .cascade))
            .field("department_id", .uuid, .references("departments", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("problem_counters")
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("year", .int, .required)
            .field("last", .int, .required)
            .unique(on: "org_unit_id", "year")
            .create()
    }

    /// The ledger's lookups.
    private func createIndexes(on database: any Database) async throws {
        let sql = database.sql
        for (name, table, columns) in [
            ("problems_org_state_idx", "problems", ["org_unit_id", "state", "deadline"]),
            ("problems_lead_state_idx", "problems", ["lead_department_id", "state", "deadline"]),
            ("problems_enterprise_idx", "problems", ["enterprise_id"]),
            ("problems_campaign_idx", "problems", ["campaign_id"]),
            ("problem_co_departments_department_idx", "problem_co_departments", ["department_id"]),
            ("problem_progress_problem_idx", "problem_progress", ["problem_id"]),
        ] {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
        var insert = sql.insert(into: "problem_categories").columns("code", "name", "resolve_days")
        for category in ProblemCategory.shipped {
            insert = insert.values(SQLBind(category.code), SQLBind(category.name), SQLBind(category.resolveDays))
        }
        try await insert.run()
    }
}
