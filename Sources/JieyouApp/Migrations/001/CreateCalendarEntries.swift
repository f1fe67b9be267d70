import Fluent

/// Holidays and adjusted working days added by admins, laid over the shipped schedule.
struct CreateCalendarEntries: AsyncMigration {
    var name: String { "001_CreateCalendarEntries" }

    func prepare(on database: any Database) async throws {
        try await database.schema("calendar_entries")
            .id()
            .field("date", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "date")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("calendar_entries").delete()
    }
}
