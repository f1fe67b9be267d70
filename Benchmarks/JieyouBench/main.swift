// jieyou-bench: measures a running `jieyou` server over real HTTP with keep-alive.
//
//   swift build -c release && swift run -c release jieyou-bench [--requests N] [--concurrency C]
//
// It starts `.build/release/jieyou serve --demo` on a fresh SQLite file (or on DATABASE_URL when that
// is set to a PostgreSQL database), signs in through the API, and reports requests per second and
// p50/p99 latency of each scenario, and the resident memory of the idle server.
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

struct Options {
    var binary = ".build/release/jieyou"
    var requests = 20_000
    var writes = 2_000
    var concurrency = 8

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            switch flag {
            case "--binary": binary = iterator.next() ?? binary
            case "--requests": requests = Int(iterator.next() ?? "") ?? requests
            case "--writes": writes = Int(iterator.next() ?? "") ?? writes
            case "--concurrency": concurrency = Int(iterator.next() ?? "") ?? concurrency
            default:
                FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
                exit(2)
            }
        }
    }
}

struct Measurement {
    let name: String
    let count: Int
    let seconds: Double
    let latencies: [Double]  // milliseconds, sorted

    var requestsPerSecond: Double { Double(count) / seconds }
    func percentile(_ p: Double) -> Double {
        latencies[min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)]
    }
}

/// The server under test, in its own process.
final class Server {
    let process = Process()
    let port: Int
    let folder: URL

    init(binary: String) throws {
        port = Int.random(in: 20_000...40_000)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jieyou-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--demo", "--hostname", "127.0.0.1", "--port", String(port), "--log", "warning"]
        var environment = ProcessInfo.processInfo.environment
        if environment["DATABASE_URL"]?.hasPrefix("postgres") != true {
            environment["DATABASE_URL"] = "sqlite:" + folder.appendingPathComponent("bench.sqlite").path
        }
        process.environment = environment
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
    }

    var residentMegabytes: Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return .nan }
        return kb / 1024
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}

func send(_ client: HTTPClient, _ request: HTTPClientRequest) async throws -> (HTTPResponseStatus, ByteBuffer) {
    let response = try await client.execute(request, timeout: .seconds(30))
    let body = try await response.body.collect(upTo: 1 << 20)
    return (response.status, body)
}

/// Runs `total` requests from `concurrency` workers, each reusing its keep-alive connection.
func measure(
    _ name: String, total: Int, concurrency: Int, expect: HTTPResponseStatus,
    _ makeRequest: @escaping @Sendable (Int) -> HTTPClientRequest, client: HTTPClient
) async throws -> Measurement {
    let start = DispatchTime.now().uptimeNanoseconds
    let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
        for worker in 0..<concurrency {
            group.addTask {
                var own: [Double] = []
                var i = worker
                while i < total {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    let (status, body) = try await send(client, makeRequest(i))
                    guard status == expect else {
                        throw BenchError("\(name): request \(i) answered \(status): \(String(buffer: body))")
                    }
                    own.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000)
                    i += concurrency
                }
                return own
            }
        }
        return try await group.reduce(into: []) { $0 += $1 }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000
    return Measurement(name: name, count: total, seconds: seconds, latencies: latencies.sorted())
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func run() async throws {
    let options = Options(CommandLine.arguments)
    guard FileManager.default.isExecutableFile(atPath: options.binary) else {
        throw BenchError("\(options.binary) not found: run `swift build -c release` first")
    }
    let server = try Server(binary: options.binary)
    defer { server.stop() }
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool = .init(
        idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: options.concurrency)
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    do {
        try await benchmark(server: server, client: client, options: options)
    } catch {
        try? await client.shutdown()
        throw error
    }
    try await client.shutdown()
}

func benchmark(server: Server, client: HTTPClient, options: Options) async throws {
    let base = "http://127.0.0.1:\(server.port)"

    // Wait for the demo to load and the server to listen.
    var ready = false
    for _ in 0..<600 where !ready {
        if let (status, _) = try? await send(client, HTTPClientRequest(url: base + "/healthz")), status == .ok {
            ready = true
        } else {
            try await Task.sleep(nanoseconds: 200_000_000)
        }
    }
    guard ready else { throw BenchError("server did not start") }
    try await Task.sleep(nanoseconds: 3_000_000_000)
    let idleRSS = server.residentMegabytes

    var login = HTTPClientRequest(url: base + "/api/v1/auth/login")
    login.method = .POST
    login.headers.add(name: "Content-Type", value: "application/json")
    login.body = .bytes(ByteBuffer(string: #"{"username":"gx_admin","password":"Jieyou2024"}"#))
    let (status, body) = try await send(client, login)
    guard status == .ok,
        let json = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
        let token = json["token"] as? String,
        let user = json["user"] as? [String: Any], let orgUnit = user["orgUnitId"] as? String
    else { throw BenchError("login failed: \(status)") }

    // Warm up the connections and the code paths before measuring.
    _ = try await measure(
        "warm-up", total: 500, concurrency: options.concurrency, expect: .ok,
        { _ in
            var r = HTTPClientRequest(url: base + "/api/v1/me")
            r.headers.add(name: "Authorization", value: "Bearer \(token)")
            return r
        }, client: client)

    let me = try await measure(
        "GET /api/v1/me", total: options.requests, concurrency: options.concurrency, expect: .ok,
        { _ in
            var r = HTTPClientRequest(url: base + "/api/v1/me")
            r.headers.add(name: "Authorization", value: "Bearer \(token)")
            return r
        }, client: client)

    let run = UUID().uuidString.prefix(6)
    let create = try await measure(
        "POST /api/v1/departments", total: options.writes, concurrency: options.concurrency, expect: .created,
        { i in
            var r = HTTPClientRequest(url: base + "/api/v1/departments")
            r.method = .POST
            r.headers.add(name: "Authorization", value: "Bearer \(token)")
            r.headers.add(name: "Content-Type", value: "application/json")
            r.body = .bytes(
                ByteBuffer(string: #"{"orgUnitId":"\#(orgUnit)","name":"基准部门\#(run)-\#(i)","kind":"bureau"}"#))
            return r
        }, client: client)
    let database =
        ProcessInfo.processInfo.environment["DATABASE_URL"]?.hasPrefix("postgres") == true ? "PostgreSQL" : "SQLite"

    print(
        "| scenario (\(database), \(options.concurrency) keep-alive connections) | requests | req/s | p50 ms | p99 ms |"
    )
    print("|---|---:|---:|---:|---:|")
    for m in [me, create] {
        print(
            String(
                format: "| %@ | %d | %.0f | %.2f | %.2f |", m.name, m.count, m.requestsPerSecond, m.percentile(0.50),
                m.percentile(0.99)))
    }
    print(String(format: "\nIdle server resident memory (after loading the demo): %.1f MB", idleRSS))
}

do {
    try await run()
} catch {
    FileHandle.standardError.write(Data("jieyou-bench: \(error)\n".utf8))
    exit(1)
}
