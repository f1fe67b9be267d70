import Foundation
import Logging
import NIOConcurrencyHelpers
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// What an operator reads when something goes wrong: the request id on every answer and in every
/// error, request durations per route and status on `/metrics`, and slow statements in the log.
@Suite struct ObservabilityTests {
    @Test func everyAnswerCarriesItsRequestIdAndErrorsQuoteIt() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let ok = try await client.send(.GET, "/healthz")
            #expect(UUID(uuidString: ok.headers.first(name: .xRequestId) ?? "") != nil)
            // A proxy's id is kept, so its log and ours line up.
            let proxied = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["X-Request-Id": "edge-42"])
            #expect(proxied.status == .unauthorized)
            #expect(proxied.headers.first(name: .xRequestId) == "edge-42")
            #expect(try proxied.content.get(String.self, at: "error", "requestId") == "edge-42")

            // Request durations per route pattern and status.
            let metrics = try await client.send(.GET, "/metrics").body.string
            #expect(
                metrics.contains(#"http_request_duration_seconds_bucket{method="GET",path="/api/v1/me",status="401""#))
        }
    }

    /// Collects what is logged.
    final class Captured: LogHandler, @unchecked Sendable {
        let lines = NIOLockedValueBox<[(Logger.Level, String, Logger.Metadata)]>([])
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lines.withLockedValue { $0.append((event.level, "\(event.message)", event.metadata ?? [:])) }
        }
    }

    @Test func slowStatementsAreLoggedWithTheirTextButNotTheirValues() async throws {
        try await withApp { app in
            let captured = Captured()
            let logger = Logger(label: "test") { _ in captured }
            let driver = app.db.sql.logging(to: logger)
            let slow = TimedSQLDatabase(base: driver, threshold: 1_000_000)  // 1 ms
            // Counting to 300,000 takes far longer than 1 ms on any machine.
            _ = try await slow.raw(
                """
                WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < \(bind: 300_000))
                SELECT COUNT(*) AS n FROM c
                """
            ).first()
            let fast = TimedSQLDatabase(base: driver, threshold: 60_000_000_000)  // a minute
            _ = try await fast.raw("SELECT \(bind: "身份证号") AS secret").first()
            let warnings = captured.lines.withLockedValue { $0 }.filter { $0.0 == .warning }
            #expect(warnings.count == 1)
            #expect(warnings.first?.1.hasPrefix("Slow query: ") == true)
            let text = warnings.first.map { "\($0.2["sql"] ?? "")" } ?? ""
            #expect(text.contains("WITH RECURSIVE") && !text.contains("300000"))
        }
    }
}
