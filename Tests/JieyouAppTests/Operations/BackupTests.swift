import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// `jieyou backup` and `jieyou restore` on the database the suite runs on (an SQLite file, or a fresh
/// PostgreSQL database with `pg_dump`): the round trip brings back every row of every table and every
/// attachment, with a verifying chain; a backup taken under writes restores to a consistent state.
@Suite struct BackupTests {
    /// A scratch folder removed after `body`.
    private func withFolder(_ body: (URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jieyou-backup-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder)
    }

    /// An app on a database file in `folder` (or the suite's PostgreSQL), attachments in `folder`.
    private func withApp(in folder: URL, _ name: String, _ body: (Application) async throws -> Void) async throws {
        try await JieyouAppTests.withApp(
            configure: { config in
                if !testingPostgres {
                    config.database = .sqliteFile(path: folder.appendingPathComponent("\(name).sqlite").path)
                }
                config.attachmentsDirectory = folder.appendingPathComponent("\(name)-attachments").path
            }, body)
    }

    /// Every row of every table, as text, sorted: what "the same rows" means.
    static func contents(_ app: Application) async throws -> [String: [String]] {
        let sql = app.db.sql
        let tables = try await DatabaseCopy.counts(sql, kind: app.appConfiguration.database.kindName).keys
        var result: [String: [String]] = [:]
        for table in tables where table != "_fluent_migrations" {
            result[table] = try await sql.raw("SELECT * FROM \(ident: table)").all().map { row in
                row.allColumns.sorted().map { column in
                    if (try? row.decodeNil(column: column)) == true { return "\(column)=null" }
                    if let v = try? row.decode(column: column, as: String.self) { return "\(column)=\(v)" }
                    if let v = try? row.decode(column: column, as: UUID.self) { return "\(column)=\(v)" }
                    if let v = try? row.decode(column: column, as: Int64.self) { return "\(column)=\(v)" }
                    if let v = try? row.decode(column: column, as: Double.self) { return "\(column)=\(v)" }
                    if let v = try? row.decode(column: column, as: Bool.self) { return "\(column)=\(v)" }
                    if let v = try? row.decode(column: column, as: Date.self) {
                        return "\(column)=\(v.timeIntervalSince1970)"
                    }
                    if let v = try? row.decode(column: column, as: Data.self) {
                        return "\(column)=\(v.base64EncodedString())"
                    }
                    return "\(column)=?"
                }.joined(separator: "|")
            }.sorted()
        }
        return result
    }

    @Test func roundTripBringsBackEveryRowAndAttachment() async throws {
        try await withFolder { folder in
            let archive = folder.appendingPathComponent("backup.zip")
            var original: [String: [String]] = [:]
            try await withApp(in: folder, "source") { app in
                let world = try await World.build(on: app)
                let client = Client(app: app)
                let id = try await AttachmentsTests().assignedProblem(app, world, client)
                let upload = try await client.upload(
                    "/api/v1/problems/\(id)/attachments", token: try await client.token("lx_handler"),
                    fileName: "办结报告.pdf",
                    data: AttachmentsTests.pdf, fields: [("purpose", "resolution")])
                #expect(upload.status == .created, "\(upload.body.string)")
                let made = try await Backups.make(of: app, to: archive)
                #expect(made.manifest.attachments == 1)
                #expect(made.manifest.tables["problems"] == 1)
                original = try await Self.contents(app)
            }
            try await withApp(in: folder, "target") { app in
                let restored = try await Backups.restore(archive, into: app, replace: false)
                #expect(restored.attachmentsWritten == 1)
                #expect(restored.eventsVerified == restored.manifest.tables["events"])
                #expect(try await Self.contents(app) == original)
                // The attachment opens from the restored folder.
                let client = Client(app: app)
                let token = try await client.token("lx_dispatcher")
                let file = try await app.db.sql.raw("SELECT id FROM attachments").first()!.decode(
                    column: "id", as: UUID.self)
                let bytes = try await client.send(.GET, "/api/v1/attachments/\(file)", token: token)
                #expect(bytes.status == .ok)
                #expect(Data(buffer: bytes.body) == AttachmentsTests.pdf)

                // The full-text index of enterprise names is rebuilt.
                let name = try await app.db.sql.raw("SELECT name FROM enterprises LIMIT 1").first()!
                    .decode(column: "name", as: String.self)
                let search = try await client.send(
                    .GET, "/api/v1/enterprises?q=\(String(name.prefix(4)).urlEncoded)", token: token)
                #expect(search.body.string.contains(name), "\(search.body.string)")

                // A second restore over data is refused and changes nothing, unless told.
                await #expect(throws: Backups.Refusal.self) {
                    try await Backups.restore(archive, into: app, replace: false)
                }
                let again = try await Backups.restore(archive, into: app, replace: true)
                #expect(again.attachmentsWritten == 0)
                #expect(try await Self.contents(app) == original)
            }
        }
    }

    @Test func aBackupTakenUnderWritesRestoresConsistently() async throws {
        try await withFolder { folder in
            let archive = folder.appendingPathComponent("busy.zip")
            var written = 0
            try await withApp(in: folder, "busy") { app in
                let world = try await World.build(on: app)
                let client = Client(app: app)
                let dispatcher = try await client.token("lx_dispatcher")
                let done = NIOLockedValueBox(0)
                let writes = Task {
                    while !Task.isCancelled && done.withLockedValue({ $0 }) < 200 {
                        _ = try await ProblemsAPITests().submit(client, dispatcher, enterprise: world.enterprise)
                        done.withLockedValue { $0 += 1 }
                    }
                    return done.withLockedValue { $0 }
                }
                // The backup starts once writing is under way, and writing goes on while it runs.
                for _ in 0..<6_000 where done.withLockedValue({ $0 }) < 5 {
                    try await Task.sleep(nanoseconds: 10_000_000)
                }
                let made = try await Backups.make(of: app, to: archive)
                writes.cancel()
                written = try await writes.value
                #expect((made.manifest.tables["problems"] ?? 0) > 0)
            }
            try await withApp(in: folder, "restored") { app in
                // The restore checks each table's rows against the manifest and verifies the chain.
                let restored = try await Backups.restore(archive, into: app, replace: false)
                let problems = restored.manifest.tables["problems"] ?? 0
                #expect(problems > 0 && problems <= written)
                // Every problem has the events of its submission: no row without its history.
                let orphans = try await app.db.sql.raw(
                    "SELECT COUNT(*) AS n FROM problems p WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.entity_id = UPPER(CAST(p.id AS TEXT)) OR e.entity_id = CAST(p.id AS TEXT))"
                ).first()!.decode(column: "n", as: Int.self)
                #expect(orphans == 0)
            }
        }
    }

    @Test func restoreRefusesWhatItCannotUse() async throws {
        try await withFolder { folder in
            let notZip = folder.appendingPathComponent("notes.zip")
            try Data("不是备份".utf8).write(to: notZip)
            try await withApp(in: folder, "empty") { app in
                await #expect(throws: Backups.Refusal.self) {
                    try await Backups.restore(notZip, into: app, replace: false)
                }
                let missing = folder.appendingPathComponent("missing.zip")
                await #expect(throws: Backups.Refusal.self) {
                    try await Backups.restore(missing, into: app, replace: false)
                }
            }
        }
    }

    @Test func theDailyBackupRunsOnceADayAndKeepsTheNewest() async throws {
        try await withFolder { folder in
            let backups = folder.appendingPathComponent("daily")
            try await JieyouAppTests.withApp(configure: { config in
                if !testingPostgres {
                    config.database = .sqliteFile(path: folder.appendingPathComponent("park.sqlite").path)
                }
                config.attachmentsDirectory = folder.appendingPathComponent("attachments").path
                config.backupDirectory = backups.path
                config.backupKeep = 3
            }) { app in
                _ = try await World.build(on: app)
                // 01:00 China time is too early; 02:30 makes the day's backup, once.
                let day = ISO8601DateFormatter().date(from: "2026-12-01T17:00:00Z")!  // 01:00 on the 2nd
                #expect(try await ScheduledBackup.runIfDue(app, now: day) == nil)
                for offset in 0..<5 {
                    let morning = day.addingTimeInterval(Double(offset) * 86_400 + 5_400)
                    #expect(try await ScheduledBackup.runIfDue(app, now: morning) != nil)
                    #expect(try await ScheduledBackup.runIfDue(app, now: morning + 3_600) == nil)
                }
                let kept = try FileManager.default.contentsOfDirectory(atPath: backups.path).sorted()
                #expect(
                    kept == [
                        "jieyou-backup-20261204-023000.zip", "jieyou-backup-20261205-023000.zip",
                        "jieyou-backup-20261206-023000.zip",
                    ])
            }
        }
    }
}
