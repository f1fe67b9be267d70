import Fluent
import SQLKit

/// Substring search over enterprise names at province scale (200,000 rows): a trigram index, which
/// finds `浮标` in `临湘市浮标产业有限公司` without scanning the table. SQLite uses an FTS5 table with
/// the trigram tokenizer, kept in step by triggers; PostgreSQL uses pg_trgm with a GIN index. Queries
/// shorter than three characters cannot use a trigram index and fall back to a scan (see
/// `EnterpriseSearch`).
struct CreateEnterpriseSearch: AsyncMigration {
    var name: String { "002_CreateEnterpriseSearch" }

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE enterprise_search USING fts5(name, content='enterprises', \
                content_rowid='rowid', tokenize='trigram')
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER enterprise_search_insert AFTER INSERT ON enterprises BEGIN
                INSERT INTO enterprise_search(rowid, name) VALUES (new.rowid, new.name); END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER enterprise_search_delete AFTER DELETE ON enterprises BEGIN
                INSERT INTO enterprise_search(enterprise_search, rowid, name) VALUES ('delete', old.rowid, old.name); END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER enterprise_search_update AFTER UPDATE OF name ON enterprises BEGIN
                INSERT INTO enterprise_search(enterprise_search, rowid, name) VALUES ('delete', old.rowid, old.name);
                INSERT INTO enterprise_search(rowid, name) VALUES (new.rowid, new.name); END
                """
            ).run()
            try await sql.raw("INSERT INTO enterprise_search(enterprise_search) VALUES ('rebuild')").run()
        } else {
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
            try await sql.raw("CREATE INDEX enterprises_name_trgm_idx ON enterprises USING gin (name gin_trgm_ops)")
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        if sql.dialect.name == "sqlite" {
            for trigger in ["insert", "delete", "update"] {
                try await sql.raw("DROP TRIGGER enterprise_search_\(unsafeRaw: trigger)").run()
            }
            try await sql.raw("DROP TABLE enterprise_search").run()
        } else {
            try await sql.raw("DROP INDEX enterprises_name_trgm_idx").run()
        }
    }
}
