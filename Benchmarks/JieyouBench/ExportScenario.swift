import AsyncHTTPClient
import Foundation
import JieyouDomain
import JieyouOffice
import NIOCore

/// Issue 5's export benchmark: the 问题清单 of 100,000 problems (`GET /api/v1/problems/list.xlsx` as
/// the province's admin, every problem of the province), its time and the server's peak resident
/// memory while it writes the sheet. The problems are spread over the enterprises of a province
/// (by default 20,000, so an enterprise has five problems to merge over). The file is then read back
/// to check that it holds every problem.
struct ExportScenario {
    let options: Options

    func run() async throws {
        let workspace = try Workspace(existing: options.reuse)
        defer { workspace.finish(keeping: options.keep || options.reuse != nil) }
        let province = ProvinceFixture()
        let today = LocalDate(Date(), in: .chinaStandard)
        if options.reuse == nil { try ProvinceSetup.loadDemo(binary: options.binary, workspace: workspace) }
        let server = try Server(binary: options.binary, workspace: workspace, loadDemo: false)
        defer { server.stop() }
        let client = keepAliveClient(connections: 1)
        do {
            try await server.waitUntilReady(client)
            let admin = try await APIClient.signIn(client, base: server.base, username: "admin", password: "Jieyou2024")
            if options.reuse == nil {
                try await ProvinceSetup.addParks(province, as: admin)
                _ = try ProvinceSetup.importEnterprises(
                    options.exportEnterprises, parks: province.parks, binary: options.binary, workspace: workspace)
                step("seeding \(options.exportProblems) problems")
                let days = (0..<365).map { today.adding(days: $0 - 365) }
                _ = try await ProblemSeeder(workspace: workspace).seed(
                    problems: options.exportProblems, eventsPerProblem: 1, days: days, measuredPark: "CSGXQ")
            }
            var runs: [(seconds: Double, peak: Double, bytes: Int)] = []
            let file = URL(fileURLWithPath: workspace.path("problem-list.xlsx"))
            for run in 1...options.exportRuns {
                step("export \(run) of \(options.exportRuns)")
                server.resetPeakMemory()
                let start = DispatchTime.now().uptimeNanoseconds
                let bytes = try await download(admin, "/api/v1/problems/list.xlsx", to: file)
                runs.append((milliseconds(since: start) / 1000, server.peakResidentMegabytes, bytes))
            }
            // Every problem the admin reads: the seeded ones and the demo's.
            let total = try await admin.call("/api/v1/problems?limit=1")["total"] as? Int ?? -1
            step("reading the sheet back")
            let readStart = DispatchTime.now().uptimeNanoseconds
            // A problem's row has its number (问题序号) in column F; the title, the unit beneath it, the
            // header and the closing note have none (however many there are: an older build's sheet,
            // measured against this one, has no unit line).
            var rows = 0
            try XlsxReader(url: file).forEachRow { _, cells in
                if cells.count > 5, case .number = cells[5] { rows += 1 }
            }
            let readSeconds = milliseconds(since: readStart) / 1000
            guard rows == total else {
                throw BenchError("the sheet has \(rows) problem rows for \(total) problems")
            }
            report(
                database: workspace.databaseName, problems: total, runs: runs, readSeconds: readSeconds,
                idle: server.residentMegabytes)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// Streams a response body to `file`; returns its size.
    private func download(_ api: APIClient, _ path: String, to file: URL) async throws -> Int {
        let response = try await api.client.execute(try api.request(path), timeout: .seconds(600))
        guard response.status == .ok else { throw BenchError("GET \(path) answered \(response.status)") }
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var bytes = 0
        for try await chunk in response.body {
            bytes += chunk.readableBytes
            try handle.write(contentsOf: Data(chunk.readableBytesView))
        }
        return bytes
    }

    private func report(
        database: String, problems: Int, runs: [(seconds: Double, peak: Double, bytes: Int)], readSeconds: Double,
        idle: Double
    ) {
        print("\n### 问题清单 export (\(database))\n")
        print("\(problems) problems of \(options.exportEnterprises) enterprises, exported by the province's admin.\n")
        print("| run | seconds | server peak resident MB | file MB |")
        print("|---:|---:|---:|---:|")
        for (i, run) in runs.enumerated() {
            print(
                String(
                    format: "| %d | %.2f | %.0f | %.1f |", i + 1, run.seconds, run.peak, Double(run.bytes) / 1_048_576))
        }
        print(
            String(
                format: "\nReading the sheet back with XlsxReader: %.2f s. Server resident memory after: %.0f MB.",
                readSeconds, idle))
    }
}
