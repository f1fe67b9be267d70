import Foundation
import SQLKit

/// A ledger read for an export a page at a time in the order of one column (a day, a name) and then
/// the id, never with OFFSET: each page starts after the last row of the one before, so every row is
/// read once and each page costs the same however deep into the ledger it is.
struct KeysetPages {
    /// The ordering column, e.g. `b.granted_on`; its values must be text (ISO days, names).
    let key: SQLColumn
    /// The row's id, which breaks ties.
    let id: SQLColumn
    var size = 1_000

    /// `ORDER BY key, id`, for the statement `read` runs.
    var order: SQLQueryString { "\(key), \(id)" }

    /// Calls `read` with the conditions and the page's start, then `body` with each page, until a page
    /// comes back short. `position` gives a row's key and id.
    func forEach<Row>(
        _ conditions: [SQLQueryString],
        read: (_ where: SQLQueryString, _ limit: Int) async throws -> [Row],
        position: (Row) -> (key: String, id: UUID),
        _ body: ([Row]) async throws -> Void
    ) async throws {
        var after: (key: String, id: UUID)?
        while true {
            var paged = conditions
            if let after {
                paged.append(
                    "(\(key) > \(bind: after.key) OR (\(key) = \(bind: after.key) AND \(id) > \(bind: after.id)))")
            }
            let rows = try await read(paged.isEmpty ? "1 = 1" : paged.joined(separator: " AND "), size)
            guard let last = rows.last else { return }
            try await body(rows)
            if rows.count < size { return }
            after = position(last)
        }
    }
}
