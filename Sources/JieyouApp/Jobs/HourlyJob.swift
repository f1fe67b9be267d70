import Foundation
import Vapor

/// Runs a piece of housekeeping when the server starts and then once an hour (or every `interval`)
/// until it stops. A failed run is logged and tried again the next time; it never stops the server.
/// Only idempotent work belongs here: every instance of a cluster runs it, without a lock.
final class HourlyJob: LifecycleHandler, @unchecked Sendable {
    let name: String
    let interval: TimeInterval
    private let work: @Sendable (Application) async throws -> Void
    private var task: Task<Void, Never>?

    init(
        _ name: String, every interval: TimeInterval = 3600,
        work: @escaping @Sendable (Application) async throws -> Void
    ) {
        self.name = name
        self.interval = interval
        self.work = work
    }

    /// Starts the loop; `serve` calls this once the database is ready.
    func start(_ app: Application) {
        let (name, work, interval) = (name, work, interval)
        task = Task {
            while !Task.isCancelled {
                do {
                    try await work(app)
                } catch {
                    app.logger.warning("\(name) failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
    }
}

extension HourlyJob {
    /// Every job a serving instance runs.
    static var serverJobs: [HourlyJob] {
        [
            sessionSweeper, plannerStatistics, overdueSweep, reportDrafting, dashboardWarmUp, outboxDelivery,
            noticeDigest, planReminders, scheduledBackup,
        ]
    }

    /// Deletes sessions and API tokens that have been revoked or idle for `SessionStore.retention`.
    static var sessionSweeper: HourlyJob {
        HourlyJob("Session sweep") { app in
            let removed = try await SessionStore.purge(before: app.clock.now() - SessionStore.retention, on: app.db)
            if removed > 0 { app.logger.info("Removed \(removed) expired sessions") }
        }
    }

    /// SQLite's `PRAGMA optimize` at start and hourly, as SQLite advises; PostgreSQL's autovacuum
    /// analyzes by itself.
    static var plannerStatistics: HourlyJob {
        HourlyJob("PRAGMA optimize") { app in
            try await PlannerStatistics.optimizeIfSQLite(on: app.db)
        }
    }
}
