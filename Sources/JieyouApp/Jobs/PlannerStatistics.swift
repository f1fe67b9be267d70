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
        let sql = database.sql
        if sql.dialect.name == "sqlite" {
            try await optimizeIfSQLite(on: database)
        } else {
            try await sql.raw("ANALYZE \(unsafeRaw: tables.joined(separator: ", "))").run()
        }
    }

    /// SQLite's periodic upkeep (`HourlyJob.plannerStatistics`). `0x10002` is "analyze where it
    /// helps" (0x02) over every table (0x10000), not only the tables this connection has queried.
    static func optimizeIfSQLite(on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA optimize = 0x10002").run()
    }
}
