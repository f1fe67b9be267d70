import Fluent
import JieyouDomain

/// The working-day calendar in force: the shipped schedule with the admins' entries laid over it.
enum CalendarStore {
    static func calendar(on database: any Database) async throws -> WorkCalendar {
        let stored = try await CalendarEntryModel.query(on: database).all().compactMap(\.entry)
        return WorkCalendar.shipped.merging(stored)
    }
}
