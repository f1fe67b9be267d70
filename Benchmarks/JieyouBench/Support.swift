import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Latencies of one scenario, in milliseconds.
struct Measurement {
    let name: String
    let count: Int
    let seconds: Double
    let latencies: [Double]  // sorted

    init(name: String, seconds: Double, latencies: [Double]) {
        self.name = name
        self.count = latencies.count
        self.seconds = seconds
        self.latencies = latencies.sorted()
    }

    var requestsPerSecond: Double { Double(count) / seconds }

    /// The nearest-rank percentile: the smallest latency that at least `p` of the requests beat or equal.
    func percentile(_ p: Double) -> Double {
        latencies[min(latencies.count - 1, max(0, Int((Double(latencies.count) * p).rounded(.up)) - 1))]
    }

    /// `| name | runs | p50 | p99 |`, the row every scenario's one-at-a-time table prints.
    var latencyRow: String {
        String(format: "| %@ | %d | %.1f | %.1f |", name, count, percentile(0.5), percentile(0.99))
    }
}

/// Prints progress on stderr so that stdout holds only the result tables.
func step(_ text: String) {
    FileHandle.standardError.write(Data("· \(text)\n".utf8))
}

/// An HTTP client that keeps up to `connections` connections to the server open between requests.
func keepAliveClient(connections: Int) -> HTTPClient {
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool = .init(
        idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
}

func milliseconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func send(_ client: HTTPClient, _ request: HTTPClientRequest) async throws -> (HTTPResponseStatus, ByteBuffer) {
    let response = try await client.execute(request, timeout: .seconds(120))
    let body = try await response.body.collect(upTo: 64 << 20)
    return (response.status, body)
}

/// A JSON API session of one user on the server under test.
struct APIClient: Sendable {
    let client: HTTPClient
    let base: String
    let token: String
    /// The signed-in user's org unit.
    let orgUnitID: String

    static func signIn(_ client: HTTPClient, base: String, username: String, password: String) async throws
        -> APIClient
    {
        var login = HTTPClientRequest(url: base + "/api/v1/auth/login")
        login.method = .POST
        login.headers.add(name: "Content-Type", value: "application/json")
        login.body = .bytes(
            ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["username": username, "password": password])))
        let (status, body) = try await send(client, login)
        guard status == .ok,
            let json = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
            let token = json["token"] as? String,
            let user = json["user"] as? [String: Any], let orgUnitID = user["orgUnitId"] as? String
        else { throw BenchError("sign-in of \(username) failed: \(status) \(String(buffer: body))") }
        return APIClient(client: client, base: base, token: token, orgUnitID: orgUnitID)
    }

    func request(_ path: String, method: HTTPMethod = .GET, json: Any? = nil) throws -> HTTPClientRequest {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: json)))
        }
        return request
    }

    /// Sends and decodes a JSON object, failing unless the status is `expect`.
    @discardableResult
    func call(_ path: String, method: HTTPMethod = .GET, json: Any? = nil, expect: HTTPResponseStatus = .ok)
        async throws -> [String: Any]
    {
        try await fetch(path, method: method, json: json, expect: expect) as? [String: Any] ?? [:]
    }

    /// GETs a JSON array.
    func list(_ path: String) async throws -> [[String: Any]] {
        try await fetch(path, method: .GET, json: nil, expect: .ok) as? [[String: Any]] ?? []
    }

    private func fetch(_ path: String, method: HTTPMethod, json: Any?, expect: HTTPResponseStatus) async throws -> Any {
        let (status, body) = try await send(client, try request(path, method: method, json: json))
        guard status == expect else {
            throw BenchError("\(method) \(path) answered \(status): \(String(buffer: body).prefix(500))")
        }
        return try JSONSerialization.jsonObject(with: Data(body.readableBytesView))
    }

    /// Sends `paths` one after another on one connection and records each latency: what one person
    /// waits for, without queueing behind other requests.
    func timeSequentially(_ name: String, paths: [String]) async throws -> Measurement {
        var latencies: [Double] = []
        let start = DispatchTime.now().uptimeNanoseconds
        for path in paths {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let (status, body) = try await send(client, try request(path))
            guard status == .ok else {
                throw BenchError("\(name): GET \(path) answered \(status): \(String(buffer: body).prefix(500))")
            }
            latencies.append(milliseconds(since: t0))
        }
        return Measurement(name: name, seconds: milliseconds(since: start) / 1000, latencies: latencies)
    }

    /// Sends the same `path` `times` times, one after another.
    func timeSequentially(_ name: String, path: String, times: Int) async throws -> Measurement {
        try await timeSequentially(name, paths: Array(repeating: path, count: times))
    }
}

/// Percent-encodes a query value.
func query(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}

/// A deterministic generator (PCG-style LCG), so every run builds the same data.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}

/// Runs iterations `0..<total` from `concurrency` workers, each on its own keep-alive connection
/// (worker w takes w, w + concurrency, …); an iteration returns the latencies of its requests.
func concurrently(
    _ name: String, total: Int, concurrency: Int, _ iteration: @escaping @Sendable (Int) async throws -> [Double]
) async throws -> Measurement {
    let start = DispatchTime.now().uptimeNanoseconds
    let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
        for worker in 0..<concurrency {
            group.addTask {
                var own: [Double] = []
                for i in stride(from: worker, to: total, by: concurrency) { own += try await iteration(i) }
                return own
            }
        }
        return try await group.reduce(into: []) { $0 += $1 }
    }
    return Measurement(name: name, seconds: milliseconds(since: start) / 1000, latencies: latencies)
}
