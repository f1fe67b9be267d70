import Fluent
import SQLKit

/// In-app notifications (the bell), and the claims that let a daily job run once per cluster: the
/// instance whose insert of (job, day) succeeds runs it, the others see the row and skip.
struct CreateNotifications: AsyncMigration {
    var name: String { "003_CreateNotifications" }

    func prepare(on database: any Database) async throws {
        try await database.schema("notifications")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("problem_id", .uuid, .references("problems", "id"))
            .field("kind", .string, .required)
            .field("message", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await database.sql.create(index: "notifications_user_idx").on("notifications")
            .column("user_id").column("read_at").run()
        try await database.schema("job_runs")
            .field("name", .string, .required)
            .field("day", .string, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("summary", .string)
            .unique(on: "name", "day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("job_runs").delete()
        try await database.schema("notifications").delete()
    }
}
