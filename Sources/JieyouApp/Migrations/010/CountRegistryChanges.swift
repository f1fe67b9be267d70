import Fluent
import SQLKit

/// A counter of changes to the registry (enterprises and their tags), kept by triggers so that no
/// write path can forget it. Matching a policy against a province's 200,000 enterprises reads the
/// registry; with the counter, a repeated read (paging through a policy's eligible list, a second look)
/// reuses the result for as long as the counter has not moved (`EligibleCache`).
struct CountRegistryChanges: AsyncMigration {
    var name: String { "010_CountRegistryChanges" }

    static let tables = ["enterprises", "enterprise_tags"]

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("CREATE TABLE registry_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO registry_version (id, version) VALUES (1, 0)").run()
        if sql.dialect.name == "postgresql" {
            // Once per statement: an import of 10,000 rows moves the counter once.
            try await sql.raw(
                """
                CREATE FUNCTION bump_registry_version() RETURNS trigger AS $$
                BEGIN UPDATE registry_version SET version = version + 1 WHERE id = 1; RETURN NULL; END
                $$ LANGUAGE plpgsql
                """
            ).run()
            for table in Self.tables {
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_bump_registry AFTER INSERT OR UPDATE OR DELETE ON \(unsafeRaw: table)
                    FOR EACH STATEMENT EXECUTE PROCEDURE bump_registry_version()
                    """
                ).run()
            }
        } else {
            // SQLite has row triggers only; one UPDATE of a one-row table per changed row is cheap.
            for table in Self.tables {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await sql.raw(
                        """
                        CREATE TRIGGER \(unsafeRaw: table)_\(unsafeRaw: event.lowercased())_bump_registry
                        AFTER \(unsafeRaw: event) ON \(unsafeRaw: table)
                        BEGIN UPDATE registry_version SET version = version + 1 WHERE id = 1; END
                        """
                    ).run()
                }
            }
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        if sql.dialect.name == "postgresql" {
            for table in Self.tables {
                try await sql.raw("DROP TRIGGER \(unsafeRaw: table)_bump_registry ON \(unsafeRaw: table)").run()
            }
            try await sql.raw("DROP FUNCTION bump_registry_version()").run()
        } else {
            for table in Self.tables {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER \(unsafeRaw: table)_\(unsafeRaw: event)_bump_registry").run()
                }
            }
        }
        try await sql.raw("DROP TABLE registry_version").run()
    }
}
