import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import SQLKit
import Vapor

extension Application {
    private struct ConfigurationKey: StorageKey {
        typealias Value = AppConfiguration
    }

    var appConfiguration: AppConfiguration {
        get { storage[ConfigurationKey.self] ?? AppConfiguration() }
        set { storage[ConfigurationKey.self] = newValue }
    }
}

/// Sets up an application: databases, migrations, middleware, routes and commands, in that order.
/// Tests call this with `AppConfiguration.testing()`; `jieyou` calls it with the environment's.
public func configure(_ app: Application, _ config: AppConfiguration) async throws {
    app.appConfiguration = config
    try configureDatabase(app, config)
    app.attachmentFiles = AttachmentFiles(directory: AttachmentFiles.folder(for: config))
    // A temporary folder (an in-memory database's, a test's) goes with the application.
    if app.attachmentFiles.isTemporary { app.lifecycle.use(RemoveTemporaryAttachments()) }
    app.migrations.add(AllMigrations.list)

    app.routes.defaultMaxBodySize = "10mb"
    // Stable JSON: sorted keys, ISO 8601 dates, unescaped slashes (paths such as 湖南省 / 长沙市).
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    TextInputGuard.install()
    SlowQueryLog.configure(milliseconds: config.slowQueryMilliseconds)
    app.http.server.configuration.reportMetrics = true

    // Order matters: errors are rendered outside everything else, so that security headers are set
    // on error pages too.
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorResponseMiddleware())
    app.middleware.use(QueryTextMiddleware())

    try routes(app)
    registerCommands(app)
    Metrics.bootstrapOnce()
}

private func configureDatabase(_ app: Application, _ config: AppConfiguration) throws {
    let sqlLogLevel = Logger.Level(rawValue: config.sqlLogLevel) ?? .debug
    let poolTimeout = TimeAmount.seconds(Int64(config.databasePoolTimeoutSeconds))
    switch config.database {
    case .sqliteFile(let path):
        // The file and its folder are made when a command opens the database (`openDatabase()`), not
        // here: `jieyou --help` configures the app too.
        app.databases.use(
            .sqlite(.file(path), connectionPoolTimeout: poolTimeout, sqlLogLevel: sqlLogLevel), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, connectionPoolTimeout: poolTimeout, sqlLogLevel: sqlLogLevel), as: .sqlite)
    case .postgres(let url):
        app.databases.use(
            try .postgres(
                url: url, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: poolTimeout, sqlLogLevel: sqlLogLevel),
            as: .psql)
    }
}
