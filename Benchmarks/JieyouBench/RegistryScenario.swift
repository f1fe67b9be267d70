import AsyncHTTPClient
import Foundation
import JieyouDomain
import NIOCore
import NIOHTTP1

/// Issue 3's benchmarks at the province scale of PRODUCT.md §7: import 200,000 enterprises with
/// `jieyou import enterprises` (wall time and peak memory), search them through
/// `GET /api/v1/enterprises` (p50/p99), and count a campaign's coverage over them and a million
/// visits through `GET /api/v1/coverage`.
struct RegistryScenario {
    let options: Options

    func run() async throws {
        let workspace = try Workspace()
        defer { workspace.finish(keeping: options.keep) }
        let province = ProvinceFixture()
        let today = LocalDate(Date(), in: .chinaStandard)

        try ProvinceSetup.loadDemo(binary: options.binary, workspace: workspace)

        let server = try Server(binary: options.binary, workspace: workspace, loadDemo: false)
        defer { server.stop() }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await server.waitUntilReady(client)
            let admin = try await APIClient.signIn(
                client, base: server.base, username: "admin", password: "Jieyou2024")
            try await ProvinceSetup.addParks(province, as: admin)
            let (imported, samples) = try ProvinceSetup.importEnterprises(
                options.enterprises, parks: province.parks, binary: options.binary, workspace: workspace)

            step("seeding \(options.visits) visits")
            let days = (0..<options.days).map { today.adding(days: $0 - options.days) }
            let seeded = try await FieldWorkSeeder(workspace: workspace).seed(
                visits: options.visits, cadresPerPark: options.cadresPerPark, days: days)

            step("creating a province campaign over them (its coverage tallies count every visit)")
            let creating = DispatchTime.now().uptimeNanoseconds
            let campaign = try await admin.call(
                "/api/v1/campaigns", method: .POST,
                json: [
                    "orgUnitId": admin.orgUnitID, "name": "全省“两重”“两新”送解优专项行动（基准）", "startsOn": days[0].iso,
                    "mobilisationEndsOn": days[13].iso, "actionEndsOn": today.adding(days: -15).iso,
                    "endsOn": today.adding(days: 30).iso, "scope": "all", "requiredVisits": 3,
                    "cadences": ["weekly", "tenDay"],
                ], expect: .created)
            guard let campaignID = campaign["id"] as? String else { throw BenchError("no campaign id") }
            let campaignSeconds = Double(DispatchTime.now().uptimeNanoseconds - creating) / 1e9

            let search = try await searches(samples, as: admin)
            let coverage = try await coverages(
                campaignID: campaignID, week: (today.adding(days: -7), today.adding(days: -1)), as: admin)
            report(
                workspace: workspace, imported: imported, seeded: seeded, parks: province.parks.count, search: search,
                coverage: coverage, campaignSeconds: campaignSeconds, residentMegabytes: server.residentMegabytes)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// Each kind of search a person types, timed one request after another after a warm-up.
    private func searches(_ samples: EnterpriseListFile.Samples, as admin: APIClient) async throws -> [Measurement] {
        let n = options.searches
        func cycle(_ items: [String], _ path: (String) -> String) -> [String] {
            (0..<n).map { path(items[$0 % items.count]) }
        }
        let list = "/api/v1/enterprises?limit=30"
        let kinds: [(String, [String])] = [
            ("first page, no search (with the total count)", cycle([""]) { _ in list }),
            (
                "a line of business, 4 characters (≈ 1 in 20 enterprises match)",
                cycle(EnterpriseListFile.trades.map(\.stem).filter { $0.count >= 4 }) { list + "&q=" + query($0) }
            ),
            ("a full name (1 match)", cycle(samples.names) { list + "&q=" + query($0) }),
            ("a trade name, 2 characters (scan)", cycle(samples.tradeNames) { list + "&q=" + query($0) }),
            ("credit code, first 10 characters", cycle(samples.codes) { list + "&q=" + String($0.prefix(10)) }),
            (
                "规上 + a tag + a city (filters only)",
                cycle(["高新技术企业", "科技型中小企业", "外贸企业"]) {
                    list + "&scale=above&region=430600&tag=" + query($0)
                }
            ),
        ]
        var results: [Measurement] = []
        for (name, paths) in kinds {
            step("search: \(name)")
            _ = try await admin.timeSequentially(name, paths: Array(paths.prefix(20)))
            results.append(try await admin.timeSequentially(name, paths: paths))
        }
        return results
    }

    /// The campaign's coverage over the whole province, and one park's coverage for a week.
    private func coverages(campaignID: String, week: (LocalDate, LocalDate), as admin: APIClient) async throws
        -> [Measurement]
    {
        let runs = options.coverageRuns
        let park = try await admin.list("/api/v1/org-units").first { ($0["code"] as? String) == "CSGXQ" }
        guard let parkID = park?["id"] as? String else { throw BenchError("CSGXQ is missing") }
        let kinds: [(String, String)] = [
            ("the campaign over the province", "/api/v1/coverage?campaign=\(campaignID)"),
            ("a park, one week", "/api/v1/coverage?orgUnit=\(parkID)&from=\(week.0.iso)&to=\(week.1.iso)"),
        ]
        var results: [Measurement] = []
        for (name, path) in kinds {
            step("coverage: \(name)")
            _ = try await admin.timeSequentially(name, paths: [path, path])
            results.append(try await admin.timeSequentially(name, path: path, times: runs))
        }
        return results
    }

    private func report(
        workspace: Workspace, imported: ChildRun, seeded: FieldWorkSeeder.Result, parks: Int, search: [Measurement],
        coverage: [Measurement], campaignSeconds: Double, residentMegabytes: Double
    ) {
        let database = workspace.databaseName
        print("\n### Registry at province scale (\(database))\n")
        print(
            "\(options.enterprises) enterprises in \(parks) parks; \(seeded.visits) visits (\(seeded.visitCadres) "
                + "cadre links) by \(seeded.cadres) cadres over \(options.days) days, each to one of "
                + "\(seeded.visitedEnterprises) enterprises (nine in ten) drawn at random.\n")
        print("| import | rows | seconds | rows/s | peak memory |")
        print("|---|---:|---:|---:|---:|")
        print(
            String(
                format: "| `jieyou import enterprises` (CSV, %@) | %d | %.1f | %.0f | %.0f MB |", database,
                options.enterprises, imported.seconds, Double(options.enterprises) / imported.seconds,
                imported.peakMegabytes))
        print("\n| search `GET /api/v1/enterprises` (one request at a time) | requests | p50 ms | p99 ms |")
        print("|---|---:|---:|---:|")
        for m in search {
            print(m.latencyRow)
        }
        print("\n| coverage `GET /api/v1/coverage` | runs | median ms | max ms |")
        print("|---|---:|---:|---:|")
        for m in coverage {
            print(
                String(format: "| %@ | %d | %.0f | %.0f |", m.name, m.count, m.percentile(0.5), m.latencies.last ?? 0))
        }
        print(
            String(
                format:
                    "\nCreating the province campaign, which counts its %d visits into the coverage tallies: %.1f s.",
                seeded.visits, campaignSeconds))
        print(String(format: "Server resident memory after the runs: %.0f MB", residentMegabytes))
        print(String(format: "Seeding the visits took %.0f s (not a product path).", seeded.seconds))
    }
}
