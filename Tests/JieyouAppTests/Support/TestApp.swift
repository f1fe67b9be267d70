import Fluent
import Foundation
import NIOCore
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// True when the suite runs against PostgreSQL (`JIEYOU_TEST_DATABASE_URL`).
let testingPostgres = !(ProcessInfo.processInfo.environment["JIEYOU_TEST_DATABASE_URL"] ?? "").isEmpty

/// Runs `body` with a fresh, migrated application: a private in-memory SQLite database, or a new
/// PostgreSQL database on the server of `JIEYOU_TEST_DATABASE_URL`. Tests run in parallel, each alone;
/// on PostgreSQL at most `TestAppSlots.shared`'s limit at once.
func withApp(
    configure adjust: (inout AppConfiguration) -> Void = { _ in },
    _ body: (Application) async throws -> Void
) async throws {
    // Each PostgreSQL test holds a pool of connections; unbounded, the suite's parallel tests ran the
    // server out of them ("too many clients already").
    if testingPostgres { await TestAppSlots.shared.acquire() }
    do {
        try await runApp(configure: adjust, body)
    } catch {
        if testingPostgres { await TestAppSlots.shared.release() }
        throw error
    }
    if testingPostgres { await TestAppSlots.shared.release() }
}

private func runApp(
    configure adjust: (inout AppConfiguration) -> Void, _ body: (Application) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    do {
        var config = AppConfiguration.testing()
        if case .postgres(let base) = config.database {
            config.database = .postgres(url: try await TestDatabases.create(on: app, base: base))
        }
        adjust(&config)
        try await configure(app, config)
        try await app.prepareDatabase()
        try await app.asyncBoot()
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        // PostgresNIO describes its errors generically unless reflected: say what the server said.
        throw TestSetupError(String(reflecting: error))
    }
    try await app.asyncShutdown()
}

/// At most `limit` test applications at once: a counting semaphore for async tests.
actor TestAppSlots {
    static let shared = TestAppSlots(limit: 12)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = limit }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

enum TestDatabases {
    /// Creates an empty database beside the one in `base` and returns its URL. The throwaway cluster of
    /// `.ci/run` is discarded afterwards, so the databases are not dropped one by one.
    static func create(on app: Application, base: String) async throws -> String {
        let name = "jy_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let adminID = DatabaseID(string: "pg-admin")
        app.databases.use(try .postgres(url: base), as: adminID, isDefault: false)
        guard let admin = app.databases.database(adminID, logger: app.logger, on: app.eventLoopGroup.any())?.sql else {
            throw TestSetupError("the PostgreSQL admin database was not configured")
        }
        try await admin.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        guard var components = URLComponents(string: base) else { throw TestSetupError("bad JIEYOU_TEST_DATABASE_URL") }
        components.path = "/" + name
        return components.string!
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A request helper: JSON for the API, url-encoded forms and cookies for pages.
struct Client {
    let app: Application

    func send(
        _ method: HTTPMethod, _ path: String, token: String? = nil, json: [String: Any]? = nil,
        form: [(String, String)]? = nil, cookie: String? = nil, rawBody: String? = nil
    ) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(
            method, path,
            beforeRequest: { req in
                if let token { req.headers.bearerAuthorization = BearerAuthorization(token: token) }
                if let cookie { req.headers.replaceOrAdd(name: .cookie, value: cookie) }
                if let json {
                    let data = try JSONSerialization.data(withJSONObject: json)
                    req.headers.contentType = .json
                    req.body = ByteBuffer(data: data)
                }
                if let form {
                    req.headers.contentType = .urlEncodedForm
                    req.body = ByteBuffer(string: Self.encode(form))
                }
                if let rawBody {
                    req.headers.contentType = .json
                    req.body = ByteBuffer(string: rawBody)
                }
            })
    }

    /// Uploads a file as `multipart/form-data` (field `file`), as a browser form or an integrator does.
    func upload(
        _ path: String, token: String? = nil, cookie: String? = nil, fileName: String, data: Data,
        fields: [(String, String)] = [], fileField: String = "file"
    ) async throws -> TestingHTTPResponse {
        let boundary = "----jieyou-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await app.testing().sendRequest(
            .POST, path,
            beforeRequest: { req in
                if let token { req.headers.bearerAuthorization = BearerAuthorization(token: token) }
                if let cookie { req.headers.replaceOrAdd(name: .cookie, value: cookie) }
                req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                req.body = ByteBuffer(data: body)
            })
    }

    static func encode(_ form: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return form.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }

    /// Signs in through the API and returns the bearer token.
    func token(_ username: String, password: String = World.password) async throws -> String {
        let response = try await send(.POST, "/api/v1/auth/login", json: ["username": username, "password": password])
        guard response.status == .ok else {
            throw TestSetupError("login \(username) failed: \(response.status) \(response.body.string)")
        }
        return try response.content.get(String.self, at: "token")
    }

    /// Signs in through the login form and returns the `Cookie` header value of the session.
    func webSession(_ username: String, password: String = World.password) async throws -> WebSession {
        let page = try await send(.GET, "/login")
        let csrf = try #require(page.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1)
        let loginCookie = try #require(page.headers.setCookie?[LoginWeb.loginCSRFCookie]?.string)
        let response = try await send(
            .POST, "/login", form: [("username", username), ("password", password), ("_csrf", String(csrf))],
            cookie: "\(LoginWeb.loginCSRFCookie)=\(loginCookie)")
        guard response.status == .seeOther,
            let token = response.headers.setCookie?[WebSessionMiddleware.cookieName]?.string
        else {
            throw TestSetupError("web login \(username) failed: \(response.status)")
        }
        let cookie = "\(WebSessionMiddleware.cookieName)=\(token)"
        let home = try await send(.GET, "/", cookie: cookie)
        let sessionCSRF = try #require(home.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1)
        return WebSession(cookie: cookie, csrf: String(sessionCSRF))
    }
}

struct WebSession {
    let cookie: String
    let csrf: String
}

extension TestingHTTPResponse {
    /// The `{"error": {...}}` envelope of an API error.
    var apiError: (code: String, message: String, field: String?)? {
        guard let code = try? content.get(String.self, at: "error", "code"),
            let message = try? content.get(String.self, at: "error", "message")
        else { return nil }
        return (code, message, try? content.get(String.self, at: "error", "field"))
    }
}

/// Counts rows, to prove that a refused request wrote nothing.
func rowCount(_ table: String, on app: Application) async throws -> Int {
    let row = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
    return try row!.decode(column: "n", as: Int.self)
}

extension TestingHTTPResponse {
    /// `key` of every object in the array at `path` of the JSON body (`items` → `name`).
    func list(_ path: String..., key: String) throws -> [String] {
        var value: Any = try JSONSerialization.jsonObject(with: Data(buffer: body))
        for component in path {
            guard let object = value as? [String: Any], let next = object[component] else {
                throw TestSetupError("no \(component) in \(body.string)")
            }
            value = next
        }
        guard let array = value as? [[String: Any]] else { throw TestSetupError("not an array of objects: \(value)") }
        return array.map { item in (item[key]).map { "\($0)" } ?? "" }
    }
}
