import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// How each kind of database is copied out and back. SQLite: `VACUUM INTO`, which writes a consistent
/// snapshot of the live database from one read transaction while the server goes on writing (the C
/// online-backup API is not exposed by SQLiteNIO; `VACUUM INTO` gives the same snapshot, compacted).
/// PostgreSQL: `pg_dump` in the custom format, run inside a repeatable-read transaction whose snapshot
/// it shares (`--snapshot`), so the row counts of the manifest are those of the dump.
enum DatabaseCopy {
    /// What a snapshot holds besides its file.
    struct Snapshot {
        let file: URL
        let tables: [String: Int]
        let migrations: [String]
        /// The SHA-256 of every attachment the snapshot refers to.
        let attachments: Set<String>
    }

    static let sqliteFileName = "database.sqlite"
    static let postgresFileName = "database.pgdump"

    static func fileName(for kind: String) -> String {
        kind == "postgres" ? postgresFileName : sqliteFileName
    }

    // MARK: Taking a snapshot

    static func snapshot(of app: Application, into folder: URL) async throws -> Snapshot {
        switch app.appConfiguration.database {
        case .sqliteFile, .sqliteMemory:
            let file = folder.appendingPathComponent(sqliteFileName)
            try await app.db.sql.raw("VACUUM INTO \(bind: file.path)").run()
            return try await withSQLiteFile(file, app: app) { sql in
                Snapshot(
                    file: file, tables: try await counts(sql, kind: "sqlite"), migrations: try await migrations(sql),
                    attachments: try await attachmentDigests(sql))
            }
        case .postgres(let url):
            let file = folder.appendingPathComponent(postgresFileName)
            return try await app.db.transaction { tx in
                let sql = tx.sql
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
                let id = try await sql.raw("SELECT pg_export_snapshot() AS id").first()!.decode(
                    column: "id", as: String.self)
                let snapshot = Snapshot(
                    file: file, tables: try await counts(sql, kind: "postgres"),
                    migrations: try await migrations(sql), attachments: try await attachmentDigests(sql))
                try await ExternalProgram.run(
                    "pg_dump",
                    [
                        "--format=custom", "--no-owner", "--no-privileges", "--snapshot=\(id)", "--file=\(file.path)",
                        "--dbname=\(url)",
                    ])
                return snapshot
            }
        }
    }

    // MARK: Reading a database

    /// Rows per table of the application's schema.
    static func counts(_ sql: any SQLDatabase, kind: String) async throws -> [String: Int] {
        let names: [String]
        if kind == "postgres" {
            names = try await sql.raw("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()")
                .all().map { try $0.decode(column: "name", as: String.self) }
        } else {
            // A full-text index and its shadow tables are derived data, rebuilt on restore.
            let tables = try await sql.raw(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).all().map {
                (try $0.decode(column: "name", as: String.self), try $0.decode(column: "sql", as: String.self))
            }
            let indexes = tables.filter { $0.1.hasPrefix("CREATE VIRTUAL") }.map(\.0)
            names = tables.map(\.0).filter { name in !indexes.contains { name == $0 || name.hasPrefix($0 + "_") } }
        }
        var counts: [String: Int] = [:]
        for name in names {
            counts[name] = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: name)").first()!
                .decode(column: "n", as: Int.self)
        }
        return counts
    }

    static func migrations(_ sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw("SELECT name FROM _fluent_migrations ORDER BY name").all()
            .map { try $0.decode(column: "name", as: String.self) }
    }

    static func attachmentDigests(_ sql: any SQLDatabase) async throws -> Set<String> {
        Set(
            try await sql.raw("SELECT DISTINCT sha256 FROM attachments").all()
                .map { try $0.decode(column: "sha256", as: String.self) })
    }

    /// Runs `body` on a connection of its own to the SQLite file at `file` (a snapshot), outside the
    /// app's pool.
    static func withSQLiteFile<T>(_ file: URL, app: Application, _ body: (any SQLDatabase) async throws -> T)
        async throws -> T
    {
        let connection = try await SQLiteConnection.open(
            storage: .file(path: file.path), threadPool: app.threadPool, logger: app.logger,
            on: app.eventLoopGroup.any())
        do {
            let result = try await body(connection.sql())
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    // MARK: Restoring

    /// The rows a person would miss in the target, or nil when it holds none (no schema, or empty).
    static func existingData(in app: Application) async throws -> [String: Int]? {
        try await meaningfulRows(app.db.sql, app.appConfiguration.database.kindName)
    }

    private static func meaningfulRows(_ sql: any SQLDatabase, _ kind: String) async throws -> [String: Int]? {
        let counts = try await counts(sql, kind: kind).filter { $0.key != "_fluent_migrations" && $0.value > 0 }
        let kept = counts.filter { table, _ in BackupSummary.labels.contains { $0.table == table } }
        // Migrations seed reference rows (categories, the chain head); what would be lost is data.
        return kept.isEmpty ? nil : kept
    }

    /// Loads the database file of a backup into the target, in place of whatever schema and rows it
    /// has (the caller has checked it holds no data or was told to replace it). SQLite: through the
    /// app's own connection, in one transaction — the backup is attached, the target's tables dropped,
    /// the backup's schema created and its rows copied table by table — so connections already open
    /// (a running pool) see the restored database, and a failure leaves the old one. PostgreSQL: the
    /// schema is emptied, then `pg_restore` loads the dump in one transaction.
    static func restore(_ dump: URL, into app: Application) async throws {
        switch app.appConfiguration.database {
        case .sqliteFile, .sqliteMemory:
            try await app.db.withConnection { connection in
                try await restoreSQLite(dump, on: connection.sql)
            }
        case .postgres(let url):
            try await app.db.sql.raw("DROP SCHEMA public CASCADE").run()
            try await app.db.sql.raw("CREATE SCHEMA public").run()
            try await ExternalProgram.run(
                "pg_restore",
                [
                    "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname=\(url)",
                    dump.path,
                ])
        }
    }

    private static func restoreSQLite(_ dump: URL, on sql: any SQLDatabase) async throws {
        struct Object: Decodable {
            let type: String
            let name: String
            let sql: String
        }
        try await sql.raw("ATTACH DATABASE \(bind: dump.path) AS backup").run()
        // Outside the transaction: SQLite ignores this pragma inside one.
        try await sql.raw("PRAGMA foreign_keys = OFF").run()
        do {
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let existing = try await sql.raw(
                    """
                    SELECT type, name, sql FROM main.sqlite_master
                    WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND sql IS NOT NULL
                    ORDER BY CASE WHEN sql LIKE 'CREATE VIRTUAL%' THEN 0 ELSE 1 END
                    """
                ).all(decoding: Object.self)
                for object in existing {
                    // A full-text index goes first and takes its shadow tables with it.
                    let kind: SQLQueryString = object.type == "view" ? "VIEW" : "TABLE"
                    try await sql.raw("DROP \(kind) IF EXISTS main.\(ident: object.name)").run()
                }
                let objects = try await sql.raw(
                    """
                    SELECT type, name, sql FROM backup.sqlite_master
                    WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
                    ORDER BY CASE WHEN sql LIKE 'CREATE VIRTUAL%' THEN 0 WHEN type = 'table' THEN 1
                      WHEN type = 'index' THEN 2 ELSE 3 END
                    """
                ).all(decoding: Object.self)
                let virtual = objects.filter { $0.sql.hasPrefix("CREATE VIRTUAL") }
                for table in virtual { try await sql.raw("\(unsafeRaw: table.sql)").run() }
                // The shadow tables of a full-text index are made with it and filled by its rebuild.
                let shadows = { (name: String) in virtual.contains { name.hasPrefix($0.name + "_") } }
                for table in objects where table.type == "table" && !table.sql.hasPrefix("CREATE VIRTUAL") {
                    guard !shadows(table.name) else { continue }
                    try await sql.raw("\(unsafeRaw: table.sql)").run()
                    try await sql.raw("INSERT INTO main.\(ident: table.name) SELECT * FROM backup.\(ident: table.name)")
                        .run()
                }
                for other in objects where other.type != "table" {
                    try await sql.raw("\(unsafeRaw: other.sql)").run()
                }
                for index in virtual where index.sql.lowercased().contains("using fts5") {
                    try await sql.raw("INSERT INTO main.\(ident: index.name)(\(ident: index.name)) VALUES ('rebuild')")
                        .run()
                }
                let sequences = try await sql.raw(
                    "SELECT COUNT(*) AS n FROM backup.sqlite_master WHERE name = 'sqlite_sequence'"
                ).first()?.decode(column: "n", as: Int.self)
                if (sequences ?? 0) > 0 {
                    try await sql.raw("DELETE FROM main.sqlite_sequence").run()
                    try await sql.raw("INSERT INTO main.sqlite_sequence SELECT * FROM backup.sqlite_sequence").run()
                }
                try await sql.raw("COMMIT").run()
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        } catch {
            try? await sql.raw("PRAGMA foreign_keys = ON").run()
            try? await sql.raw("DETACH DATABASE backup").run()
            throw error
        }
        try await sql.raw("PRAGMA foreign_keys = ON").run()
        try await sql.raw("DETACH DATABASE backup").run()
    }
}
