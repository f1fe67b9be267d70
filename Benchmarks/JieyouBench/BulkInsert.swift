import SQLKit

/// Multi-row INSERTs of `rowsPerStatement` rows, within both databases' limits on bound parameters
/// (SQLite 32,766, PostgreSQL 65,535): the seeders' way of writing years of use quickly.
func bulkInsert(
    into table: String, columns: [String], rows: [[any SQLExpression]], rowsPerStatement: Int = 500,
    on sql: any SQLDatabase
) async throws {
    for batch in stride(from: 0, to: rows.count, by: rowsPerStatement) {
        var builder = sql.insert(into: table).columns(columns)
        for row in rows[batch..<min(batch + rowsPerStatement, rows.count)] { builder = builder.values(row) }
        try await builder.run()
    }
}
