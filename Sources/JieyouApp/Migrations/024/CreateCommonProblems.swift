import Fluent
import SQLKit

/// 共性问题 confirmed by a service group (with their member problems) and the proposals it dismissed.
struct CreateCommonProblems: AsyncMigration {
    var name: String { "024_CreateCommonProblems" }

    func prepare(on database: any Database) async throws {
        try await database.schema("common_problems")
            .id()
            // The unit whose service group confirmed it; its members are that unit's problems.
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("title", .string, .required)
            .field("keywords", .string, .required)
            .field("state", .string, .required)
            .field("question", .string)
            .field("escalated_to", .uuid, .references("org_units", "id"))
            .field("escalated_on", .string)
            .field("answer", .string)
            .field("answer_kind", .string)
            .field("answered_by", .uuid, .references("users", "id"))
            .field("answered_on", .string)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .create()
        try await database.sql.create(index: "common_problems_unit_idx").on("common_problems")
            .column("org_unit_id").column("state").run()
        try await database.sql.create(index: "common_problems_escalated_idx").on("common_problems")
            .column("escalated_to").run()

        // A problem belongs to one 共性问题 at most: the primary key says so to every writer at once.
        try await database.schema("common_problem_members")
            .field("problem_id", .uuid, .identifier(auto: false), .references("problems", "id"))
            .field("group_id", .uuid, .required, .references("common_problems", "id"))
            .field("added_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "common_problem_members_group_idx").on("common_problem_members")
            .column("group_id").run()

        // A dismissed proposal: its members, so that the same problems are not proposed together again.
        try await database.schema("common_problem_dismissals")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("problem_ids", .string, .required)
            .field("dismissed_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "common_problem_dismissals_unit_idx").on("common_problem_dismissals")
            .column("org_unit_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("common_problem_dismissals").delete()
        try await database.schema("common_problem_members").delete()
        try await database.schema("common_problems").delete()
    }
}
