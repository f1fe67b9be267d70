import Fluent
import Foundation
import JieyouDomain

/// A holiday or adjusted working day added by an admin.
final class CalendarEntryModel: Model, @unchecked Sendable {
    static let schema = "calendar_entries"

    @ID(key: .id) var id: UUID?
    /// ISO date, `YYYY-MM-DD`.
    @Field(key: "date") var date: String
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ entry: CalendarEntry) {
        self.date = entry.date.iso
        self.kind = entry.kind.rawValue
        self.name = entry.name
    }

    var entry: CalendarEntry? {
        guard let day = LocalDate(iso: date), let kind = CalendarEntry.Kind(rawValue: kind) else { return nil }
        return CalendarEntry(date: day, kind: kind, name: name)
    }
}
