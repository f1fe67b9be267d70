import Fluent
import SQLKit

/// A counter bumped with every change to the stored calendar, beside the org tree's, so that each
/// instance keeps the working-day calendar in memory and reloads it only when an admin changed it.
/// Every deadline needs the calendar, and every problem request loaded it afresh.
struct VersionCalendar: AsyncMigration {
    var name: String { "005_VersionCalendar" }

    func prepare(on database: any Database) async throws {
        try await database.sql.raw(
            "ALTER TABLE org_tree_version ADD COLUMN calendar_version BIGINT NOT NULL DEFAULT 0"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE org_tree_version DROP COLUMN calendar_version").run()
    }
}
