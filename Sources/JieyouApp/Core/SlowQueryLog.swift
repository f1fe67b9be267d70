import Dispatch
import Logging
import NIOCore
import SQLKit
import Synchronization

/// Logs every SQL statement slower than `JIEYOU_SLOW_QUERY_MS` as a warning, with its text (never its
/// bound values, which may be personal data) and, for a request's query, the request's id. Every
/// statement of the app goes through `Database.sql`, which wraps the driver's database in this.
enum SlowQueryLog {
    /// Process-wide, like the metrics registry; set from the configuration.
    static let threshold = Atomic<UInt64>(500 * 1_000_000)

    static func configure(milliseconds: Int) {
        threshold.store(UInt64(milliseconds) * 1_000_000, ordering: .relaxed)
    }
}

/// A driver's database with each statement timed (`SlowQueryLog`).
struct TimedSQLDatabase: SQLDatabase {
    let base: any SQLDatabase
    /// Nanoseconds; the configured threshold unless a test sets its own.
    var threshold = SlowQueryLog.threshold.load(ordering: .relaxed)

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<
        Void
    > {
        let start = DispatchTime.now().uptimeNanoseconds
        return base.execute(sql: query, onRow).always { _ in report(query, since: start) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { report(query, since: start) }
        try await base.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await base.withSession { [threshold] in try await closure(TimedSQLDatabase(base: $0, threshold: threshold))
        }
    }

    private func report(_ query: any SQLExpression, since start: UInt64) {
        let elapsed = DispatchTime.now().uptimeNanoseconds &- start
        guard elapsed >= threshold else { return }
        let text = base.serialize(query).sql
        logger.warning(
            "Slow query: \(elapsed / 1_000_000) ms",
            metadata: ["sql": .string(text.count > 2_000 ? String(text.prefix(2_000)) + "…" : text)])
    }
}
