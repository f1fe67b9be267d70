import Fluent
import Foundation
import JieyouDomain
import NIOConcurrencyHelpers
import SQLKit

/// The working-day calendar: the years shipped in the domain module merged with what admins stored.
/// Each instance keeps it in memory per database and reloads it when the calendar's version counter
/// (bumped by every change, in the changing transaction) moved on, as it does the org tree.
enum CalendarStore {
    static func calendar(on database: any Database) async throws -> WorkCalendar {
        try await calendar(on: database.sql)
    }

    static func calendar(on sql: any SQLDatabase) async throws -> WorkCalendar {
        guard
            let stamp = try await sql.raw("SELECT database_id, calendar_version FROM org_tree_version WHERE id = 1")
                .first()
        else { throw AppError(status: .internalServerError, code: "internal", message: "日历版本记录缺失") }
        let databaseID = try stamp.decode(column: "database_id", as: String.self)
        let version = try stamp.decode(column: "calendar_version", as: Int64.self)
        if let cached = cache.withLockedValue({ $0[databaseID] }), cached.version == version {
            return cached.calendar
        }
        let calendar = try await load(on: sql)
        cache.withLockedValue { $0[databaseID] = (version, calendar) }
        return calendar
    }

    /// Marks the calendar changed; call inside the transaction that changes it.
    static func bumpVersion(on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE org_tree_version SET calendar_version = calendar_version + 1 WHERE id = 1").run()
    }

    private static let cache = NIOLockedValueBox<[String: (version: Int64, calendar: WorkCalendar)]>([:])

    private static func load(on sql: any SQLDatabase) async throws -> WorkCalendar {
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
