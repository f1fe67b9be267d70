import Fluent
import SQLKit

extension Database {
    /// This database as SQLKit reads and writes it: the one way the app reaches SQL, each statement
    /// timed for the slow-query log (`SlowQueryLog`).
    ///
    /// Jieyou configures only Fluent's SQLite and PostgreSQL drivers, and each of their databases
    /// (a request's, a transaction's, a pool's) is an `SQLDatabase`; anything else is a wiring error
    /// found on the first query of any test, so it stops the process with a message instead of being a
    /// condition every caller would have to handle.
    public var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Jieyou runs on Fluent's SQLite or PostgreSQL driver, got \(type(of: self))")
        }
        return TimedSQLDatabase(base: sql)
    }
}
