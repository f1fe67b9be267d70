import AsyncHTTPClient
import Foundation

/// Where a benchmark keeps its database: a fresh SQLite file in a temporary folder, or the PostgreSQL
/// database that `DATABASE_URL` names (which must be empty).
struct Workspace {
    let folder: URL
    let databaseURL: String
    let isPostgres: Bool

    /// A fresh folder, with a fresh SQLite file in it, or the PostgreSQL database of `DATABASE_URL`;
    /// or `existing`, a database a kept run left behind (`--reuse`).
    init(existing: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jieyou-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let given = existing ?? ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""
        isPostgres = given.hasPrefix("postgres")
        databaseURL =
            isPostgres || existing != nil ? given : "sqlite:" + folder.appendingPathComponent("bench.sqlite").path
    }

    var databaseName: String { isPostgres ? "PostgreSQL" : "SQLite" }

    /// The environment of a `jieyou` child: this one, with the benchmark's database.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = databaseURL
        return environment
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Removes the folder, unless the database is to be kept for a closer look.
    func finish(keeping: Bool) {
        if keeping {
            step("kept the database: \(databaseURL)")
        } else {
            try? FileManager.default.removeItem(at: folder)
        }
    }
}

/// The server under test, `jieyou serve`, in its own process.
final class Server {
    let process = Process()
    let port: Int

    init(binary: String, workspace: Workspace, loadDemo: Bool) throws {
        port = Int.random(in: 20_000...40_000)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments =
            ["serve", "--hostname", "127.0.0.1", "--port", String(port), "--log", "warning"]
            + (loadDemo ? ["--demo"] : [])
        process.environment = workspace.environment
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// The CPU time the server has used so far (user + system, from /proc). Per request, it says what a
    /// request costs even when the machine's other tenants steal cycles and make rates wander.
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        // Fields after the command name: state is the 3rd field of the line, utime the 14th, stime the 15th.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    var residentMegabytes: Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return .nan }
        return kb / 1024
    }

    /// The most memory the server has held since `resetPeakMemory()` (VmHWM).
    var peakResidentMegabytes: Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return .nan }
        return kb / 1024
    }

    /// Starts the peak over from the current resident memory (writing 5 to clear_refs, Linux ≥ 4.0).
    func resetPeakMemory() {
        try? "5".write(toFile: "/proc/\(process.processIdentifier)/clear_refs", atomically: false, encoding: .utf8)
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

extension Server {
    /// Waits until `/healthz` answers (migrations and the demo run before the server listens).
    func waitUntilReady(_ client: HTTPClient) async throws {
        for _ in 0..<1_500 {
            if let (status, _) = try? await send(client, HTTPClientRequest(url: base + "/healthz")), status == .ok {
                try await waitUntilIdle()
                return
            }
            guard process.isRunning else { throw BenchError("the server exited with \(process.terminationStatus)") }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        throw BenchError("the server did not start within 5 minutes")
    }

    /// Waits until the jobs a server runs when it starts (the 催办 run, report drafting, the dashboard
    /// warm-up, which takes half a minute at a province's scale) are done: two seconds in a row in
    /// which it used almost no CPU. Measuring before would time them along with the requests.
    func waitUntilIdle() async throws {
        var quiet = 0
        var last = cpuSeconds
        for _ in 0..<600 {
            try await Task.sleep(nanoseconds: 1_000_000_000)
            let now = cpuSeconds
            quiet = now - last < 0.05 ? quiet + 1 : 0
            last = now
            if quiet >= 2 { return }
        }
    }
}
