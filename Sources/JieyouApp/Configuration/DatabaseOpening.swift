import Fluent
import Foundation
import SQLKit
import Vapor

extension Application {
    private struct DatabaseOpenedKey: StorageKey {
        typealias Value = Bool
    }

    /// Opens the database for a command that uses it: makes the SQLite file's folder and applies
    /// `SQLiteTuning`. Configuring and booting the application leave the database alone, so that
    /// `jieyou --help` and a mistyped option touch no file; each command that reads or writes calls this
    /// (or `prepareDatabase()`) first. Opening twice does nothing the second time.
    public func openDatabase() async throws {
        if storage[DatabaseOpenedKey.self] == true { return }
        if case .sqliteFile(let path) = appConfiguration.database {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        try await SQLiteTuning.apply(to: self)
        storage[DatabaseOpenedKey.self] = true
    }

    /// Opens the database and brings its schema up to date, as every command that writes does first.
    public func prepareDatabase() async throws {
        try await openDatabase()
        try await autoMigrate()
    }
}

/// SQLite's settings for this workload. WAL lets readers run beside the writer; busy_timeout makes a
/// connection wait for the write lock instead of failing at once. The Fluent SQLite driver keeps one
/// connection per event loop, so each loop's connection is set up here. PostgreSQL needs nothing.
enum SQLiteTuning {
    static func apply(to app: Application) async throws {
        guard app.appConfiguration.database.kindName == "sqlite" else { return }
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let db = app.databases.database(logger: app.logger, on: eventLoop)?.sql else { continue }
            try await db.raw("PRAGMA busy_timeout = 10000").run()
            try await db.raw("PRAGMA synchronous = NORMAL").run()
        }
        if case .sqliteFile = app.appConfiguration.database {
            try await app.db.sql.raw("PRAGMA journal_mode = WAL").run()
        }
    }
}
