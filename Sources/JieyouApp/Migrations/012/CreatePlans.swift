import Fluent
import SQLKit

/// 攻坚方案 (issue 7): a plan of an org unit, its workstreams with their 专班, targets with actuals per
/// month, the numbered tasks with their lead and co-units (departments of the plan's unit), milestones,
/// and the lead units' 旬调度 progress reports.
struct CreatePlans: AsyncMigration {
    var name: String { "012_CreatePlans" }

    func prepare(on database: any Database) async throws {
        try await createPlans(on: database)
        try await createTasks(on: database)
        try await createIndexes(on: database)
    }

    func revert(on database: any Database) async throws {
        for table in [
            "plan_progress", "plan_milestones", "plan_task_units", "plan_tasks", "plan_target_actuals", "plan_targets",
            "plan_workstream_units", "plan_workstreams", "plans",
        ] {
            try await database.schema(table).delete()
        }
    }

    /// A plan, its workstreams with their 专班 units, and its targets with their monthly actuals.
    private func createPlans(on database: any Database) async throws {
        try await database.schema("plans")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("title", .string, .required)
            .field("document_number", .string)
            .field("issued_on", .string)
            .field("year", .int, .required)
            .field("created_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("plan_workstreams")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("task_force", .string)
            .field("convener", .string)
            .field("office_department_id", .uuid, .references("departments", "id"))
            .create()
        // 副召集人 and 成员单位 of a workstream's 专班.
        try await database.schema("plan_workstream_units")
            .field("workstream_id", .uuid, .required, .references("plan_workstreams", "id"))
            .field("department_id", .uuid, .required, .references("departments", "id"))
            .field("role", .string, .required)
            .field("position", .int, .required)
            .unique(on: "workstream_id", "department_id", "role")
            .create()
        try await database.schema("plan_targets")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("workstream_id", .uuid, .required, .references("plan_workstreams", "id"))
            .field("position", .int, .required)
            .field("indicator", .string, .required)
            .field("comparison", .string, .required)
            .field("value", .string, .required)
            .field("unit", .string, .required)
            .field("baseline", .string)
            .field("source", .string)
            .create()
        try await database.schema("plan_target_actuals")
            .id()
            .field("target_id", .uuid, .required, .references("plan_targets", "id"))
            .field("month", .string, .required)
            .field("value", .string, .required)
            .field("note", .string)
            .field("reported_by", .uuid, .references("users", "id"))
            .field("reported_at", .datetime, .required)
            .unique(on: "target_id", "month")
            .create()
    }

    /// The numbered tasks, their lead and co-units, milestones and 旬调度 reports.
    private func createTasks(on database: any Database) async throws {
        try await database.schema("plan_tasks")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("workstream_id", .uuid, .required, .references("plan_workstreams", "id"))
            .field("parent_id", .uuid)
            .field("position", .int, .required)
            .field("style", .int, .required)
            .field("ordinal", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("groups", .string)
            .field("due_on", .string)
            .field("percent", .int, .required)
            .field("supervised_on", .string)
            .field("supervision_note", .string)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("plan_task_units")
            .field("task_id", .uuid, .required, .references("plan_tasks", "id"))
            .field("department_id", .uuid, .required, .references("departments", "id"))
            .field("role", .string, .required)
            .field("position", .int, .required)
            .unique(on: "task_id", "department_id")
            .create()
        try await database.schema("plan_milestones")
            .id()
            .field("task_id", .uuid, .required, .references("plan_tasks", "id"))
            .field("title", .string, .required)
            .field("due_on", .string, .required)
            .field("reached_on", .string)
            .create()
        try await database.schema("plan_progress")
            .id()
            .field("task_id", .uuid, .required, .references("plan_tasks", "id"))
            .field("department_id", .uuid, .required, .references("departments", "id"))
            .field("period", .string, .required)
            .field("progress", .string, .required)
            .field("percent", .int, .required)
            .field("difficulties", .string)
            .field("milestone_id", .uuid, .references("plan_milestones", "id"))
            .field("reported_by", .uuid, .references("users", "id"))
            .field("reported_at", .datetime, .required)
            .unique(on: "task_id", "department_id", "period")
            .create()
    }

    /// The lookups the pages and the API make.
    private func createIndexes(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(index: "plans_org_idx").on("plans").column("org_unit_id").run()
        try await sql.create(index: "plan_workstreams_plan_idx").on("plan_workstreams").column("plan_id").run()
        try await sql.create(index: "plan_tasks_plan_idx").on("plan_tasks").column("plan_id").column("position").run()
        // A task's page and a plan's lists ask whether tasks sit under it.
        try await sql.create(index: "plan_tasks_parent_idx").on("plan_tasks").column("parent_id").run()
        try await sql.create(index: "plan_task_units_department_idx").on("plan_task_units")
            .column("department_id").column("role").run()
        try await sql.create(index: "plan_targets_plan_idx").on("plan_targets").column("plan_id").run()
        try await sql.create(index: "plan_milestones_task_idx").on("plan_milestones").column("task_id").run()
        try await sql.create(index: "plan_progress_period_idx").on("plan_progress").column("period").run()
    }
}
