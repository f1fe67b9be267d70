import Foundation
import JieyouDomain

/// Dashboards that were slow to compose, kept for an hour. A park's dashboard takes tens of
/// milliseconds and is composed on every view, so a dispatcher sees the problem closed a moment ago;
/// a province's aggregates a year of a million problems (about half a minute on SQLite), so it is
/// kept, shown with the time it was composed, and composed again in the background every hour
/// (`HourlyJob.dashboardWarmUp`) so that a leader never waits for it. Only whole-subtree views are
/// kept: their figures depend on the unit, the days and the campaign, not on who reads them.
actor DashboardCache {
    struct Key: Hashable, Sendable {
        let unit: UUID
        let from: LocalDate
        let to: LocalDate
        let campaign: UUID?
    }

    struct Entry: Sendable {
        let dashboard: Dashboard
        let composedAt: Date
    }

    /// Composing for longer than this keeps the result.
    let slowerThan: TimeInterval
    static let freshFor: TimeInterval = 3600
    static let capacity = 200
    private var entries: [Key: Entry] = [:]

    init(slowerThan: TimeInterval = 1) {
        self.slowerThan = slowerThan
    }

    /// A kept dashboard composed within the hour and on the same day as `now`.
    func fresh(_ key: Key, now: Date) -> Entry? {
        guard let entry = entries[key], now.timeIntervalSince(entry.composedAt) < Self.freshFor,
            entry.dashboard.asOf == LocalDate(now, in: .chinaStandard)
        else { return nil }
        return entry
    }

    /// Keeps `dashboard` if it took `seconds` or more to compose; at capacity the oldest goes first.
    func keep(_ dashboard: Dashboard, for key: Key, composedAt: Date, seconds: TimeInterval) {
        guard seconds >= slowerThan else {
            entries[key] = nil
            return
        }
        if entries[key] == nil, entries.count >= Self.capacity,
            let oldest = entries.min(by: { $0.value.composedAt < $1.value.composedAt })?.key
        {
            entries[oldest] = nil
        }
        entries[key] = Entry(dashboard: dashboard, composedAt: composedAt)
    }

    /// The keys of the kept dashboards, for the hourly refresh.
    var keys: [Key] { Array(entries.keys) }
}
