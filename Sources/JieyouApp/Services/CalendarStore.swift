import Fluent
import JieyouDomain
import SQLKit

/// The working-day calendar in force: the shipped schedule with the admins' entries laid over it.
enum CalendarStore {
    static func calendar(on database: any Database) async throws -> WorkCalendar {
        let stored = try await CalendarEntryModel.query(on: database).all().compactMap(\.entry)
        return WorkCalendar.shipped.merging(stored)
    }

    /// The same, for code that holds a transaction as SQL.
    static func calendar(on sql: any SQLDatabase) async throws -> WorkCalendar {
        struct Row: Decodable {
            let date: String
            let kind: String
            let name: String
        }
        let stored = try await sql.raw("SELECT date, kind, name FROM calendar_entries").all(decoding: Row.self)
            .compactMap { row in
                LocalDate(iso: row.date).flatMap { day in
                    CalendarEntry.Kind(rawValue: row.kind).map { CalendarEntry(date: day, kind: $0, name: row.name) }
                }
            }
        return WorkCalendar.shipped.merging(stored)
    }
}
