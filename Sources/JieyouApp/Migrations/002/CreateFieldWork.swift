import Fluent
import SQLKit

/// 走访 and 活动 (meetings), with what was found there (findings) and a meeting's outcomes.
///
/// `visit_cadres` repeats the visit's day and enterprise so that "visits per cadre" and "cadres
/// active in a week" are answered from one indexed table without joining the visits.
struct CreateFieldWork: AsyncMigration {
    var name: String { "002_CreateFieldWork" }

    func prepare(on database: any Database) async throws {
        try await createVisits(on: database)
        try await createMeetings(on: database)
        try await createIndexes(on: database)
    }

    func revert(on database: any Database) async throws {
        for table in [
            "findings", "meeting_deals", "meeting_financings", "meeting_enterprises", "meetings", "visit_cadres",
            "visits",
        ] {
            try await database.schema(table).delete()
        }
    }

    /// Visits and the cadres who went.
    private func createVisits(on database: any Database) async throws {
        try await database.schema("visits")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("visited_on", .string, .required)
            .field("purposes", .string, .required)
            .field("notes", .string)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        try await database.schema("visit_cadres")
            .id()
            .field("visit_id", .uuid, .required, .references("visits", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("enterprise_id", .uuid, .required)
            .field("visited_on", .string, .required)
            .unique(on: "visit_id", "user_id")
            .create()
    }

    /// Meetings with their attending enterprises, financing and deals, and the findings of both.
    private func createMeetings(on database: any Database) async throws {
        try await database.schema("meetings")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("held_on", .string, .required)
            .field("place", .string)
            .field("department_id", .uuid, .references("departments", "id"))
            .field("notes", .string)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        try await database.schema("meeting_enterprises")
            .id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id", onDelete: .cascade))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .unique(on: "meeting_id", "enterprise_id")
            .create()
        try await database.schema("meeting_financings")
            .id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id", onDelete: .cascade))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("bank", .string, .required)
            .field("intended_yuan", .int64, .required)
            .field("lent_yuan", .int64, .required)
            .create()
        try await database.schema("meeting_deals")
            .id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id", onDelete: .cascade))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("counterpart", .string, .required)
            .field("subject", .string, .required)
            .field("amount_yuan", .int64)
            .create()
        try await database.schema("findings")
            .id()
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .field("enterprise_id", .uuid, .required, .references("enterprises", "id"))
            .field("visit_id", .uuid, .references("visits", "id", onDelete: .cascade))
            .field("meeting_id", .uuid, .references("meetings", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("problem_id", .uuid)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
    }

    /// The lookups of the lists and the coverage report.
    private func createIndexes(on database: any Database) async throws {
        let sql = database.sql
        for (name, table, columns) in [
            ("visits_enterprise_day_idx", "visits", ["enterprise_id", "visited_on"]),
            ("visits_org_day_idx", "visits", ["org_unit_id", "visited_on"]),
            ("visit_cadres_user_day_idx", "visit_cadres", ["user_id", "visited_on"]),
            ("visit_cadres_visit_idx", "visit_cadres", ["visit_id"]),
            ("visit_cadres_day_idx", "visit_cadres", ["visited_on", "enterprise_id", "user_id"]),
            ("meetings_org_day_idx", "meetings", ["org_unit_id", "held_on"]),
            ("meeting_enterprises_enterprise_idx", "meeting_enterprises", ["enterprise_id"]),
            ("meeting_financings_meeting_idx", "meeting_financings", ["meeting_id"]),
            ("meeting_deals_meeting_idx", "meeting_deals", ["meeting_id"]),
            ("findings_enterprise_idx", "findings", ["enterprise_id"]),
            ("findings_visit_idx", "findings", ["visit_id"]),
            ("findings_meeting_idx", "findings", ["meeting_id"]),
        ] {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }
}
