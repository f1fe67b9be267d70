import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// Adds holidays and adjusted working days (a year's State Council schedule) to the calendar.
struct CalendarService {
    let database: any Database
    let now: Date

    /// The working calendar as stored: every holiday and adjusted working day.
    func calendar() async throws -> WorkCalendar {
        try await CalendarStore.calendar(on: database)
    }

    @discardableResult
    func add(scheduleText: String, by actor: Actor) async throws -> [CalendarEntry] {
        guard AccessPolicy.has(actor, .manageOrganisation) else { throw AppError.forbidden() }
        let entries: [CalendarEntry]
        do {
            entries = try HolidaySchedule.parse(scheduleText)
        } catch let error as HolidaySchedule.ParseError {
            throw AppError.invalid("schedule", error.description)
        }
        guard !entries.isEmpty else { throw AppError.invalid("schedule", "请填写至少一行节假日安排") }
        if let bad = entries.first(where: { $0.kind == .workday && !$0.date.isWeekend }) {
            throw AppError.invalid("schedule", "调休上班日期\(bad.date.iso)不是周末")
        }
        if let bad = entries.first(where: { $0.name.count > 20 }) {
            throw AppError.invalid("schedule", "节日名称“\(bad.name)”过长")
        }
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            for entry in entries {
                let existing = try await CalendarEntryModel.query(on: tx).filter(\.$date == entry.date.iso).first()
                var changes = ChangeSet()
                changes.record("kind", before: existing?.kind, after: entry.kind.rawValue)
                changes.record("name", before: existing?.name, after: entry.name)
                if changes.isEmpty { continue }
                if let existing {
                    existing.kind = entry.kind.rawValue
                    existing.name = entry.name
                    try await existing.update(on: tx)
                } else {
                    try await CalendarEntryModel(entry).create(on: tx)
                }
                try await log.record(
                    "calendar", id: entry.date.iso, existing == nil ? "create" : "update", changes,
                    orgUnit: actor.orgUnitID)
            }
            try await CalendarStore.bumpVersion(on: tx.sql)
        }
        return entries
    }
}
