import Foundation
import JieyouDomain

/// Everything the app reads from its environment, parsed once at start-up. An invalid environment
/// fails with one message naming every bad variable.
public struct AppConfiguration: Sendable {
    public enum DatabaseTarget: Sendable, Equatable {
        /// An SQLite file (the embedded default) or, for tests, a private in-memory database.
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String)

        public var kindName: String {
            switch self {
            case .sqliteFile, .sqliteMemory: "sqlite"
            case .postgres: "postgres"
            }
        }
    }

    public var database: DatabaseTarget
    /// Idle time after which a web session ends (分钟).
    public var webSessionIdleMinutes: Int
    /// Idle time after which an API token stops working.
    public var apiTokenIdleMinutes: Int
    /// bcrypt cost; 12 in production, lower in tests where every user creation hashes a password.
    public var bcryptCost: Int
    /// Failed sign-ins in a row before an account is locked, and for how long.
    public var lockoutThreshold: Int
    public var lockoutMinutes: Int
    /// Mark every cookie `Secure`, whatever the request says. Without it a cookie is `Secure` when its
    /// request came over HTTPS or through a proxy that says so (`Request.cameOverHTTPS`).
    public var secureCookies: Bool
    /// Database query log level (`debug` shows every SQL statement).
    public var sqlLogLevel: String
    /// When set, `/metrics` answers only requests carrying `Authorization: Bearer <token>`.
    public var metricsToken: String?
    /// How long a request waits for a pooled database connection before it fails (秒).
    public var databasePoolTimeoutSeconds = 10
    /// The site's address as its users reach it (`https://jieyou.example.gov.cn`), for the links in
    /// messages that leave the site (group robots); without it those messages carry no link.
    public var publicURL: String?
    /// The folder attachments are stored in, by content hash. Unset: `attachments` beside the SQLite
    /// file, `./data/attachments` for PostgreSQL (where every instance must see the same folder: set it
    /// to a shared path), and a private temporary folder for an in-memory database.
    public var attachmentsDirectory: String?
    /// The largest file a record accepts (MB).
    public var attachmentMaxMegabytes = 20
    /// Where the daily backup goes (`ScheduledBackup`). Unset: `backups` beside the SQLite file; with
    /// PostgreSQL there is no daily backup unless this is set (a province has its own DBA's).
    public var backupDirectory: String?
    /// How many daily backups are kept; 0 turns the daily backup off.
    public var backupKeep = 7
    /// SQL statements slower than this are logged as warnings (毫秒).
    public var slowQueryMilliseconds = 500

    public static let defaultSQLitePath = "./data/jieyou.sqlite"

    public init(
        database: DatabaseTarget = .sqliteFile(path: AppConfiguration.defaultSQLitePath),
        webSessionIdleMinutes: Int = 30, apiTokenIdleMinutes: Int = 24 * 60, bcryptCost: Int = 12,
        lockoutThreshold: Int = 5, lockoutMinutes: Int = 15, secureCookies: Bool = false, sqlLogLevel: String = "debug"
    ) {
        self.database = database
        self.webSessionIdleMinutes = webSessionIdleMinutes
        self.apiTokenIdleMinutes = apiTokenIdleMinutes
        self.bcryptCost = bcryptCost
        self.lockoutThreshold = lockoutThreshold
        self.lockoutMinutes = lockoutMinutes
        self.secureCookies = secureCookies
        self.sqlLogLevel = sqlLogLevel
    }

    /// A configuration for tests: a fresh in-memory SQLite database, or PostgreSQL when
    /// `JIEYOU_TEST_DATABASE_URL` is set, and a cheap bcrypt cost.
    public static func testing(environment: [String: String] = ProcessInfo.processInfo.environment) -> AppConfiguration
    {
        var config = AppConfiguration(database: .sqliteMemory, bcryptCost: 4)
        if let url = environment["JIEYOU_TEST_DATABASE_URL"], !url.isEmpty {
            config.database = .postgres(url: url)
            config.attachmentsDirectory = AttachmentFiles.temporaryDirectory()
        }
        return config
    }

    public struct InvalidEnvironment: Error, CustomStringConvertible {
        public let problems: [String]
        public var description: String {
            "Invalid environment:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    /// Reads `DATABASE_URL`, `JIEYOU_SESSION_IDLE_MINUTES`, `JIEYOU_API_TOKEN_IDLE_MINUTES`,
    /// `JIEYOU_BCRYPT_COST`, `JIEYOU_SECURE_COOKIES`, `JIEYOU_SQL_LOG_LEVEL`, `JIEYOU_METRICS_TOKEN`,
    /// `JIEYOU_PUBLIC_URL`, `JIEYOU_ATTACHMENTS_DIR`, `JIEYOU_ATTACHMENT_MAX_MB`, `JIEYOU_BACKUP_DIR`,
    /// `JIEYOU_BACKUP_KEEP`, `JIEYOU_SLOW_QUERY_MS`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AppConfiguration
    {
        var config = AppConfiguration()
        var problems: [String] = []

        if let url = env["DATABASE_URL"], !url.isEmpty {
            switch parseDatabaseURL(url) {
            case .success(let target): config.database = target
            case .failure(let message): problems.append("DATABASE_URL: \(message.text)")
            }
        }

        func integer(_ name: String, in range: ClosedRange<Int>, into keyPath: WritableKeyPath<AppConfiguration, Int>) {
            guard let text = env[name], !text.isEmpty else { return }
            if let value = Int(text), range.contains(value) {
                config[keyPath: keyPath] = value
            } else {
                problems.append(
                    "\(name): expected a whole number in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
            }
        }
        integer("JIEYOU_SESSION_IDLE_MINUTES", in: 1...1440, into: \.webSessionIdleMinutes)
        integer("JIEYOU_API_TOKEN_IDLE_MINUTES", in: 1...525_600, into: \.apiTokenIdleMinutes)
        integer("JIEYOU_BCRYPT_COST", in: 4...16, into: \.bcryptCost)
        integer("JIEYOU_DB_POOL_TIMEOUT", in: 1...600, into: \.databasePoolTimeoutSeconds)
        integer("JIEYOU_ATTACHMENT_MAX_MB", in: 1...60, into: \.attachmentMaxMegabytes)
        if let folder = env["JIEYOU_ATTACHMENTS_DIR"], !folder.isEmpty { config.attachmentsDirectory = folder }
        integer("JIEYOU_BACKUP_KEEP", in: 0...365, into: \.backupKeep)
        integer("JIEYOU_SLOW_QUERY_MS", in: 1...600_000, into: \.slowQueryMilliseconds)
        if let folder = env["JIEYOU_BACKUP_DIR"], !folder.isEmpty { config.backupDirectory = folder }

        if let text = env["JIEYOU_SECURE_COOKIES"], !text.isEmpty {
            switch text.lowercased() {
            case "1", "true", "yes": config.secureCookies = true
            case "0", "false", "no": config.secureCookies = false
            default: problems.append("JIEYOU_SECURE_COOKIES: expected true or false, got '\(text)'")
            }
        }
        if let text = env["JIEYOU_SQL_LOG_LEVEL"], !text.isEmpty {
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            if levels.contains(text) {
                config.sqlLogLevel = text
            } else {
                problems.append(
                    "JIEYOU_SQL_LOG_LEVEL: expected one of \(levels.joined(separator: ", ")), got '\(text)'")
            }
        }
        if let token = env["JIEYOU_METRICS_TOKEN"], !token.isEmpty {
            if token.count < 16 {
                problems.append("JIEYOU_METRICS_TOKEN: use at least 16 characters")
            } else {
                config.metricsToken = token
            }
        }
        if let text = env["JIEYOU_PUBLIC_URL"], !text.isEmpty {
            let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
            if let url = URL(string: trimmed), ["http", "https"].contains(url.scheme ?? ""), url.host != nil {
                config.publicURL = trimmed
            } else {
                problems.append(
                    "JIEYOU_PUBLIC_URL: expected an http(s) address such as https://jieyou.example.gov.cn, got '\(text)'"
                )
            }
        }
        if !problems.isEmpty { throw InvalidEnvironment(problems: problems) }
        return config
    }

    /// `sqlite:PATH`, `sqlite://PATH`, `sqlite::memory:`, `postgres://…` or `postgresql://…`.
    static func parseDatabaseURL(_ url: String) -> Result<DatabaseTarget, ParseMessage> {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            guard URL(string: url)?.host != nil else {
                return .failure(ParseMessage("cannot read the host of '\(url)'"))
            }
            return .success(.postgres(url: url))
        }
        if url.hasPrefix("sqlite:") {
            var path = String(url.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            if path == ":memory:" { return .success(.sqliteMemory) }
            guard !path.isEmpty else {
                return .failure(ParseMessage("sqlite: needs a file path, e.g. sqlite:./data/jieyou.sqlite"))
            }
            return .success(.sqliteFile(path: path))
        }
        return .failure(ParseMessage("expected sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE"))
    }

    struct ParseMessage: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }
}
