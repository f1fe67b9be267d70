import AsyncHTTPClient
import Foundation
import JieyouDomain
import NIOCore
import NIOHTTP1

/// Issue 4's benchmarks at the scale of PRODUCT.md §7: 200,000 enterprises, 1,000,000 problems and
/// 5,000,000 events. Times the filtered ledger page (`GET /api/v1/problems`, status + category +
/// department, 50 rows by deadline), a problem's page with its timeline, create + accept + assign over
/// HTTP from several connections, `GET /api/v1/stats` for a city over one 旬, and issue 5's 旬通报
/// (`GET /api/v1/reports/bulletin`) and dashboard (`GET /api/v1/dashboard`) for the province, the
/// city and the measured park.
struct ProblemScenario {
    let options: Options

    func run() async throws {
        let workspace = try Workspace(existing: options.reuse)
        defer { workspace.finish(keeping: options.keep || options.reuse != nil) }
        let province = ProvinceFixture()
        let today = LocalDate(Date(), in: .chinaStandard)
        if options.reuse == nil { try ProvinceSetup.loadDemo(binary: options.binary, workspace: workspace) }
        let server = try Server(binary: options.binary, workspace: workspace, loadDemo: false)
        defer { server.stop() }
        let client = keepAliveClient(connections: options.concurrency)
        do {
            try await server.waitUntilReady(client)
            let admin = try await APIClient.signIn(client, base: server.base, username: "admin", password: "Jieyou2024")
            let seeded: ProblemSeeder.Result
            if options.reuse == nil {
                try await ProvinceSetup.addParks(province, as: admin)
                _ = try ProvinceSetup.importEnterprises(
                    options.enterprises, parks: province.parks, binary: options.binary, workspace: workspace)
                step("seeding \(options.problems) problems with \(options.eventsPerProblem) events each")
                let days = (0..<365).map { today.adding(days: $0 - 365) }
                seeded = try await ProblemSeeder(workspace: workspace).seed(
                    problems: options.problems, eventsPerProblem: options.eventsPerProblem, days: days,
                    measuredPark: "CSGXQ")
            } else {
                seeded = try await ProblemSeeder(workspace: workspace).existing(measuredPark: "CSGXQ")
            }
            let dispatcher = try await APIClient.signIn(
                client, base: server.base, username: "gx_dispatcher", password: "Jieyou2024")
            let ledger = try await ledgerPages(seeded, dispatcher: dispatcher, admin: admin)
            let page = try await problemPages(seeded, dispatcher: dispatcher)
            let stats = try await statistics(province, today: today, admin: admin)
            let work = try await workbenches(client, base: server.base, dispatcher: dispatcher)
            let cpuBefore = server.cpuSeconds
            let writes = try await createAndAssign(seeded, dispatcher: dispatcher)
            let cpuPerWrite = (server.cpuSeconds - cpuBefore) * 1000 / Double(max(writes.count, 1))
            report(
                database: workspace.databaseName, seeded: seeded, parks: province.parks.count,
                reads: ledger + [page] + stats + work, writes: writes, cpuPerWrite: cpuPerWrite,
                residentMegabytes: server.residentMegabytes)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// The ledger as a park's dispatcher and as the province filter it, one request at a time.
    private func ledgerPages(_ seeded: ProblemSeeder.Result, dispatcher: APIClient, admin: APIClient) async throws
        -> [Measurement]
    {
        let department = seeded.busiestDepartment.uuidString
        let filtered = "/api/v1/problems?state=inProgress&category=hardship&limit=50"
        let kinds: [(String, APIClient, String)] = [
            ("ledger: a park, status + category + department", dispatcher, filtered + "&department=\(department)"),
            ("ledger: a park, 超期 view", dispatcher, "/api/v1/problems?view=overdue&limit=50"),
            ("ledger: the province, status + category + department", admin, filtered + "&department=\(department)"),
            ("ledger: the province, status + category", admin, filtered),
        ]
        var results: [Measurement] = []
        for (name, api, path) in kinds {
            step(name)
            _ = try await api.timeSequentially(name, path: path, times: 20)
            results.append(
                try await api.timeSequentially(name, path: path, times: options.ledgerRequests))
        }
        return results
    }

    /// The 工作台 figures of a park's dispatcher, handler and leader (a handful of counts each, and the
    /// leader's last 旬 beside the one before), and of the city's 上级专班 (its inbox and its units below).
    private func workbenches(_ client: HTTPClient, base: String, dispatcher: APIClient) async throws -> [Measurement] {
        var results: [Measurement] = []
        for username in ["gx_dispatcher", "gx_handler", "gx_leader", "cs_upper"] {
            let api =
                username == "gx_dispatcher"
                ? dispatcher
                : try await APIClient.signIn(client, base: base, username: username, password: "Jieyou2024")
            let name =
                username == "cs_upper"
                ? "工作台 figures: the city's 上级专班" : "工作台 figures: a park's \(username.dropFirst(3))"
            step(name)
            _ = try await api.timeSequentially(name, path: "/api/v1/me/work", times: 20)
            results.append(try await api.timeSequentially(name, path: "/api/v1/me/work", times: options.ledgerRequests))
        }
        return results
    }

    private func problemPages(_ seeded: ProblemSeeder.Result, dispatcher: APIClient) async throws -> Measurement {
        let name = "a problem with its timeline (5 events)"
        step(name)
        let paths = (0..<options.ledgerRequests).map {
            "/api/v1/problems/\(seeded.parkSamples[($0 * 7) % seeded.parkSamples.count].uuidString)"
        }
        _ = try await dispatcher.timeSequentially(name, paths: Array(paths.suffix(20)))
        return try await dispatcher.timeSequentially(name, paths: paths)
    }

    /// `stats` for the city with the most parks over the last finished 旬, with and without the
    /// per-department breakdown.
    private func statistics(_ province: ProvinceFixture, today: LocalDate, admin: APIClient) async throws
        -> [Measurement]
    {
        let byCity = Dictionary(grouping: province.parks, by: \.cityCode)
        let city = byCity.max { $0.value.count < $1.value.count }!
        let units = try await admin.list("/api/v1/org-units")
        guard let cityID = units.first(where: { ($0["code"] as? String) == city.key })?["id"] as? String else {
            throw BenchError("city \(city.key) is missing")
        }
        guard let parkID = units.first(where: { ($0["code"] as? String) == "CSGXQ" })?["id"] as? String else {
            throw BenchError("park CSGXQ is missing")
        }
        let period = TenDayPeriod.reportedPeriod(on: today)
        let path = "/api/v1/stats?orgUnit=\(cityID)&from=\(period.start.iso)&to=\(period.end.iso)"
        var results: [Measurement] = []
        // Issue 5's 旬通报: the last ended 旬 for the whole province (as its admin) and for the city.
        let bulletin = "/api/v1/reports/bulletin?kind=tenDay&period=tenDay-\(period)"
        for (name, query) in [
            ("stats: a city (\(city.value.count) parks), one 旬", path),
            ("stats: the same, by department with the ranking", path + "&groupBy=department"),
            ("旬通报: the province, one 旬 (with the previous 旬, lists, ranking)", bulletin),
            ("旬通报: the city, one 旬", bulletin + "&orgUnit=\(cityID)"),
            ("dashboard: the province as kept (this year, 12 旬, ranking, coverage of each city)", "/api/v1/dashboard"),
            ("dashboard: the city as kept", "/api/v1/dashboard?orgUnit=\(cityID)"),
            ("dashboard: a park", "/api/v1/dashboard?orgUnit=\(parkID)"),
        ] {
            step(name)
            _ = try await admin.timeSequentially(name, paths: [query, query])
            results.append(try await admin.timeSequentially(name, path: query, times: 20))
        }
        // Composed, not kept: each request names days no earlier one did (2 January to today, then
        // 3 January …), as a leader choosing a period does.
        for (name, unit, runs) in [("the province", "", 3), ("the city", "&orgUnit=\(cityID)", 5)] {
            let label = "dashboard: \(name), composed (a period not asked for before)"
            step(label)
            let paths = (0..<runs).map {
                "/api/v1/dashboard?from=\(today.year)-01-\(String(format: "%02d", $0 + 2))\(unit)"
            }
            results.append(try await admin.timeSequentially(label, paths: paths))
        }
        return results
    }

    /// Creates, accepts and assigns problems from `concurrency` keep-alive connections: three writes,
    /// each with its event, per problem.
    private func createAndAssign(_ seeded: ProblemSeeder.Result, dispatcher: APIClient) async throws -> Measurement {
        step("create + accept + assign over HTTP")
        let enterprises = try await dispatcher.call("/api/v1/enterprises?limit=100")["items"] as? [[String: Any]] ?? []
        let enterpriseIDs = enterprises.compactMap { $0["id"] as? String }
        guard !enterpriseIDs.isEmpty else { throw BenchError("the park has no enterprises") }
        let lead = seeded.busiestDepartment.uuidString
        let total = options.problemWrites
        return try await concurrently(
            "create + accept + assign (\(total) problems)", total: total, concurrency: options.concurrency
        ) { i in
            var latencies: [Double] = []
            let t0 = DispatchTime.now().uptimeNanoseconds
            let created = try await dispatcher.call(
                "/api/v1/problems", method: .POST,
                json: [
                    "enterpriseId": enterpriseIDs[i % enterpriseIDs.count], "category": "hardship",
                    "description": "基准问题\(i)：厂区道路破损", "source": "dispatcher",
                ], expect: .created)
            latencies.append(milliseconds(since: t0))
            guard let id = created["id"] as? String else { throw BenchError("no problem id") }
            for (action, body) in [("accept", [String: Any]()), ("assign", ["leadDepartmentId": lead])] {
                let t1 = DispatchTime.now().uptimeNanoseconds
                try await dispatcher.call("/api/v1/problems/\(id)/actions/\(action)", method: .POST, json: body)
                latencies.append(milliseconds(since: t1))
            }
            return latencies
        }
    }

    private func report(
        database: String, seeded: ProblemSeeder.Result, parks: Int, reads: [Measurement], writes: Measurement,
        cpuPerWrite: Double, residentMegabytes: Double
    ) {
        print("\n### Problem ledger at province scale (\(database))\n")
        print(
            "\(options.enterprises) enterprises in \(parks) parks; \(seeded.problems) problems over a year with "
                + "\(seeded.events) events; \(seeded.departments) departments added to the new parks.\n")
        print("| read (one request at a time) | requests | p50 ms | p99 ms |")
        print("|---|---:|---:|---:|")
        for m in reads {
            print(m.latencyRow)
        }
        print("\n| write (\(options.concurrency) keep-alive connections) | requests | req/s | p50 ms | p99 ms |")
        print("|---|---:|---:|---:|---:|")
        print(
            String(
                format: "| %@ | %d | %.0f | %.1f | %.1f |", writes.name, writes.count, writes.requestsPerSecond,
                writes.percentile(0.5), writes.percentile(0.99)))
        print(
            String(
                format: "\nServer CPU time per write request (user + system): %.2f ms, so at most %.0f requests/s on "
                    + "each core the server has", cpuPerWrite, cpuPerWrite > 0 ? 1000 / cpuPerWrite : 0))
        print(String(format: "Server resident memory after the runs: %.0f MB", residentMegabytes))
        if options.reuse == nil {
            print(String(format: "Seeding the problems and events took %.0f s (not a product path).", seeded.seconds))
        }
    }
}
