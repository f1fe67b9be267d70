import Foundation
import JieyouDomain
import SQLKit

/// A job that runs once a day per cluster: every instance tries it, the first to claim the day in
/// `job_runs` runs it, and a claim left unfinished for `stale` (the instance died, or the run failed)
/// may be taken over by the next try.
struct DailyRun {
    let sql: any SQLDatabase
    /// The job's name in `job_runs` (`overdue`, `reports`, `digest` …).
    let name: String
    let day: LocalDate

    static let stale: TimeInterval = 3600

    /// True for the first instance to ask for the day, or when an earlier claim went stale.
    func claim(now: Date, stale: TimeInterval = DailyRun.stale) async throws -> Bool {
        try await !sql.raw(
            """
            INSERT INTO job_runs (name, day, started_at) VALUES (\(bind: name), \(bind: day.iso), \(bind: now))
            ON CONFLICT (name, day) DO UPDATE SET started_at = excluded.started_at
            WHERE job_runs.finished_at IS NULL AND job_runs.started_at < \(bind: now - stale)
            RETURNING name
            """
        ).all().isEmpty
    }

    /// Marks the day's run done, with what it did.
    func finish(at time: Date, summary: String) async throws {
        try await sql.raw(
            """
            UPDATE job_runs SET finished_at = \(bind: time), summary = \(bind: summary)
            WHERE name = \(bind: name) AND day = \(bind: day.iso)
            """
        ).run()
    }
}
