import Fluent
import SQLKit
import Vapor

/// Keeps the query planner's statistics current. Without them SQLite guesses, and at province scale
/// it guesses badly: the first page of the enterprise list sorted all 200,000 rows (466 ms) instead of
/// reading 31 from the name index (1 ms). SQLite keeps statistics only when asked; its advice is
/// `PRAGMA optimize` when a connection opens and then periodically, which analyzes the tables that
/// were never analyzed or have grown tenfold since (https://sqlite.org/pragma.html#pragma_optimize).
/// PostgreSQL's autovacuum analyzes by itself, but only a while after a bulk load.
enum PlannerStatistics {
    /// After a bulk write (an import): brings the statistics of the written tables up to date now,
    /// so the next search does not run on the plan for a table a hundred times smaller.
    static func refresh(after tables: [String], on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("PRAGMA optimize = 0x10002").run()
        } else {
            try await sql.raw("ANALYZE \(unsafeRaw: tables.joined(separator: ", "))").run()
        }
    }
}

/// Runs SQLite's `PRAGMA optimize` when the server starts and then once an hour. Optimizing is
/// idempotent, so every instance may run it without a lock; on PostgreSQL it does nothing.
final class PlannerStatisticsJob: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        guard (app.db as? any SQLDatabase)?.dialect.name == "sqlite" else { return }
        task = Task {
            while !Task.isCancelled {
                do {
                    try await (app.db as! any SQLDatabase).raw("PRAGMA optimize = 0x10002").run()
                } catch {
                    app.logger.warning("PRAGMA optimize failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(nanoseconds: 3600 * 1_000_000_000)
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
    }
}
