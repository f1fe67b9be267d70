import Fluent
import SQLKit

/// Indexes for the scoped listings (every list filters by org unit) and session clean-up.
struct CreateIndexes: AsyncMigration {
    var name: String { "001_CreateIndexes" }

    private let indexes: [(name: String, table: String, columns: [String])] = [
        ("org_units_parent_idx", "org_units", ["parent_id"]),
        ("departments_org_unit_idx", "departments", ["org_unit_id"]),
        ("enterprises_org_unit_idx", "enterprises", ["org_unit_id"]),
        ("users_org_unit_idx", "users", ["org_unit_id"]),
        ("users_department_idx", "users", ["department_id"]),
        ("sessions_user_idx", "sessions", ["user_id"]),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        for index in indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for index in indexes.reversed() {
            try await sql.drop(index: index.name).run()
        }
    }
}
