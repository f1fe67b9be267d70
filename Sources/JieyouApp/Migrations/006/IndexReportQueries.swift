import Fluent
import SQLKit

/// Indexes for the reports of issue 5. A 旬通报 counts the problems closed in its period and lists
/// the 督办 problems and typical cases; at a province's million problems the first read every problem
/// of the province (2.5 s in SQLite's shell) and the flag searches every resolved one (2.6 s). Closing
/// days get an index beside the unit; flagged problems, which are few, a partial index that the
/// queries reach by saying `flags <> ''` (SQLite and PostgreSQL both use a partial index when the
/// query's condition implies its own).
struct IndexReportQueries: AsyncMigration {
    var name: String { "006_IndexReportQueries" }

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(index: "problems_org_closed_idx").on("problems").column("org_unit_id").column("closed_on")
            .run()
        try await sql.raw("CREATE INDEX problems_flagged_idx ON problems (org_unit_id, state) WHERE flags <> ''").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.drop(index: "problems_org_closed_idx").run()
        try await sql.drop(index: "problems_flagged_idx").run()
    }
}
