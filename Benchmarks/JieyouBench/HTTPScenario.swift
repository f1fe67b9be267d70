import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Throughput of the request pipeline on the demo: an authenticated read (`GET /api/v1/me`) and a
/// write with its hash-chained event (`POST /api/v1/departments`), from several keep-alive connections.
struct HTTPScenario {
    let options: Options

    func run() async throws {
        let workspace = try Workspace()
        defer { workspace.finish(keeping: options.keep) }
        let server = try Server(binary: options.binary, workspace: workspace, loadDemo: true)
        defer { server.stop() }
        let client = keepAliveClient(connections: options.concurrency)
        do {
            try await measure(server: server, client: client, database: workspace.databaseName)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    private func measure(server: Server, client: HTTPClient, database: String) async throws {
        try await server.waitUntilReady(client)
        try await Task.sleep(nanoseconds: 3_000_000_000)
        let idleRSS = server.residentMegabytes
        let api = try await APIClient.signIn(client, base: server.base, username: "gx_admin", password: "Jieyou2024")
        let orgUnit = api.orgUnitID

        // Warm up the connections and the code paths before measuring.
        _ = try await concurrently("warm-up", total: 500, expect: .ok, client: client) { _ in
            try api.request("/api/v1/me")
        }
        let read = try await concurrently("GET /api/v1/me", total: options.requests, expect: .ok, client: client) { _ in
            try api.request("/api/v1/me")
        }
        let run = UUID().uuidString.prefix(6)
        let write = try await concurrently(
            "POST /api/v1/departments", total: options.writes, expect: .created, client: client
        ) { i in
            try api.request(
                "/api/v1/departments", method: .POST,
                json: ["orgUnitId": orgUnit, "name": "基准部门\(run)-\(i)", "kind": "bureau"])
        }

        print(
            "\n| scenario (\(database), \(options.concurrency) keep-alive connections) | requests | req/s | p50 ms | p99 ms |"
        )
        print("|---|---:|---:|---:|---:|")
        for m in [read, write] {
            print(
                String(
                    format: "| %@ | %d | %.0f | %.2f | %.2f |", m.name, m.count, m.requestsPerSecond,
                    m.percentile(0.50), m.percentile(0.99)))
        }
        print(String(format: "\nIdle server resident memory (after loading the demo): %.1f MB", idleRSS))
    }

    /// Runs `total` requests from `options.concurrency` workers, each reusing its keep-alive connection.
    private func concurrently(
        _ name: String, total: Int, expect: HTTPResponseStatus, client: HTTPClient,
        _ makeRequest: @escaping @Sendable (Int) throws -> HTTPClientRequest
    ) async throws -> Measurement {
        try await JieyouBench.concurrently(name, total: total, concurrency: options.concurrency) { i in
            let t0 = DispatchTime.now().uptimeNanoseconds
            let (status, body) = try await send(client, try makeRequest(i))
            guard status == expect else {
                throw BenchError("\(name): request \(i) answered \(status): \(String(buffer: body))")
            }
            return [milliseconds(since: t0)]
        }
    }
}
