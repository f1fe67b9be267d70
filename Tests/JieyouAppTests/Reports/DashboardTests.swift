import Foundation
import JieyouDomain
import Testing
import VaporTesting

@testable import JieyouApp

/// The leaders' dashboard: its figures are the statistics', each number opens a list that holds that
/// many problems, and it keeps to the reader's subtree.
@Suite struct DashboardTests {
    /// How many problems the ledger API finds for a page link's query.
    func listed(_ link: String, _ client: Client, _ token: String) async throws -> Int {
        let query = try #require(link.split(separator: "?", maxSplits: 1).last)
        let response = try await client.send(.GET, "/api/v1/problems?\(query)", token: token)
        #expect(response.status == .ok, "\(link): \(response.body.string)")
        return try response.content.get(Int.self, at: "total")
    }

    @Test func theFiguresAreTheStatisticsAndEachNumberOpensItsList() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            let client = Client(app: app)
            let token = try await client.token("lx_leader")
            let response = try await client.send(.GET, "/api/v1/dashboard", token: token)
            #expect(response.status == .ok, "\(response.body.string)")
            let d = try response.content.decode(Dashboard.self)
            #expect(d.unitId == world.linxiangPark)
            let stats = try await client.send(
                .GET, "/api/v1/stats?orgUnit=\(world.linxiangPark.uuidString)&from=\(d.from.iso)&to=\(d.to.iso)",
                token: token)
            #expect(try stats.content.get(ProblemTally.self, at: "tally") == d.stats.tally)
            // One hardship problem with a department, one 政务服务 problem resolved; the suggestion is in none.
            let byCode = Dictionary(uniqueKeysWithValues: d.categories.map { ($0.code, $0.counts) })
            #expect(byCode == ["hardship": [0, 1, 0, 0], "governmentService": [0, 0, 1, 0]])
            #expect(d.trend.count == Dashboard.trendLength)
            #expect(d.trend.last?.submitted == 2)
            #expect(d.openNow == 2)  // the hardship problem and the suggestion
            #expect(d.overdueNow == 0)

            // Each segment, total and card opens a list of exactly its count.
            let links = DashboardLinks(d)
            for (category, row) in zip(d.categories, links.categoryChart.rows) {
                for (count, value) in zip(category.counts, row.values) {
                    #expect(try await listed(try #require(value.link), client, token) == count, "\(category.name)")
                }
                #expect(try await listed(try #require(row.totalLink), client, token) == row.total)
            }
            for (tenDay, value) in zip(d.trend, links.trendChart.series[0].values) {
                #expect(try await listed(try #require(value.link), client, token) == tenDay.submitted, "\(tenDay.name)")
            }
            for row in links.rankingChart.rows {
                #expect(try await listed(try #require(row.link), client, token) > 0)
            }
            let page = try await client.send(
                .GET, "/dashboard", cookie: try await client.webSession("lx_leader").cookie)
            #expect(page.status == .ok)
            let html = page.body.string
            for id in ["chart-categories", "chart-trend", "chart-ranking", "chart-coverage", "card-open"] {
                #expect(html.contains("data-testid=\"\(id)\""), "\(id)")
            }
            let open = try #require(
                html.firstMatch(of: /data-testid="card-open"[^>]*><span[^>]*>[^<]*<\/span><b><a href="([^"]+)"/)?.1)
            #expect(
                try await listed(String(open).replacingOccurrences(of: "&amp;", with: "&"), client, token) == d.openNow)
            #expect(html.contains("<svg class=\"chart\""))
            #expect(html.contains("<a href=\"/problems?orgUnit="))
        }
    }

    @Test func coverageIsShownForEachUnitBelowAndTheDashboardKeepsToTheReadersSubtree() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            let client = Client(app: app)
            let upper = try await client.token("yy_upper")
            let city = try await client.send(.GET, "/api/v1/dashboard", token: upper)
            #expect(city.status == .ok, "\(city.body.string)")
            let d = try city.content.decode(Dashboard.self)
            #expect(d.coverage.map(\.name).sorted() == ["平江县", "临湘市"].sorted())
            #expect(d.coverage.first { $0.name == "临湘市" }?.enterprisesInScope ?? 0 >= 1)
            #expect(d.coverageCampaign == nil)  // no campaign: this week's visits

            // The park's staff do not read the city's, nor the other park's.
            let leader = try await client.token("lx_leader")
            for unit in [world.city!, world.pingjiangPark!] {
                let response = try await client.send(
                    .GET, "/api/v1/dashboard?orgUnit=\(unit.uuidString)", token: leader)
                #expect(response.status == .notFound)
            }
            for user in ["lx_enterprise", "lx_monitor"] {
                let response = try await client.send(.GET, "/api/v1/dashboard", token: try await client.token(user))
                #expect(response.status == .forbidden, "\(user)")
            }
            let bad = try await client.send(.GET, "/api/v1/dashboard?from=2024-02-30&to=x", token: leader)
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("from") && bad.body.string.contains("to"))
            let backwards = try await client.send(
                .GET, "/api/v1/dashboard?from=2024-09-10&to=2024-09-01", token: leader)
            #expect(backwards.apiError?.field == "to")
            let foreign = try await client.send(
                .GET, "/api/v1/dashboard?campaign=\(UUID().uuidString)", token: leader)
            #expect(foreign.status == .notFound)
        }
    }

    @Test func aDepartmentIsNamedWithItsUnitWhereRankingsSpanUnits() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            let client = Client(app: app)
            let pj = try await client.token("pj_dispatcher")
            let created = try await client.send(
                .POST, "/api/v1/problems", token: pj,
                json: ["enterpriseId": world.pingjiangEnterprise.uuidString, "description": "园区道路照明不足"])
            let id = try created.content.get(String.self, at: "id")
            for (action, body) in [
                ("accept", ["category": "hardship"]),
                ("assign", ["leadDepartmentId": world.pingjiangEconomy.uuidString]),
            ] {
                let response = try await client.send(
                    .POST, "/api/v1/problems/\(id)/actions/\(action)", token: pj, json: body)
                #expect(response.status == .ok, "\(response.body.string)")
            }
            // Both parks have a 经济发展局: the city's figures say whose is whose; a park's need not.
            let city = try await client.send(
                .GET, "/api/v1/stats?groupBy=department", token: try await client.token("yy_upper"))
            let names = try city.content.get([StatsReport.Group].self, at: "groups").map(\.name)
            #expect(names.contains("经济发展局（临湘高新区）"), "\(names)")
            #expect(names.contains("经济发展局（平江高新区）"), "\(names)")
            let park = try await client.send(
                .GET, "/api/v1/stats?groupBy=department", token: try await client.token("lx_leader"))
            #expect(try park.content.get([StatsReport.Group].self, at: "groups").map(\.name).contains("经济发展局"))
        }
    }

    @Test func aSlowDashboardIsKeptForAnHourButAHandlersIsAlwaysComposed() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            app.dashboardCache = DashboardCache(slowerThan: 0)  // every dashboard counts as slow here
            let client = Client(app: app)
            let leader = try await client.token("lx_leader")
            let handler = try await client.token("lx_handler")
            let dispatcher = try await client.token("lx_dispatcher")
            func dashboard(_ token: String) async throws -> Dashboard {
                let response = try await client.send(.GET, "/api/v1/dashboard", token: token)
                #expect(response.status == .ok, "\(response.body.string)")
                return try response.content.decode(Dashboard.self)
            }
            let before = try await dashboard(leader)
            let handlers = try await dashboard(handler)
            let created = try await client.send(
                .POST, "/api/v1/problems", token: dispatcher,
                json: ["enterpriseId": world.enterprise.uuidString, "description": "新增：厂区供水压力不足"])
            let id = try created.content.get(String.self, at: "id")
            for (action, body) in [
                ("accept", ["category": "hardship"]),
                ("assign", ["leadDepartmentId": world.linxiangEconomy.uuidString]),
            ] {
                let response = try await client.send(
                    .POST, "/api/v1/problems/\(id)/actions/\(action)", token: dispatcher, json: body)
                #expect(response.status == .ok, "\(response.body.string)")
            }
            // The kept one, with the time it was composed; the handler's counts its department's now.
            let kept = try await dashboard(leader)
            #expect(kept.openNow == before.openNow)
            #expect(kept.composedAt == before.composedAt)
            #expect(try await dashboard(handler).openNow == handlers.openNow + 1)
            // An hour on, it is composed again.
            app.clock.advance(by: DashboardCache.freshFor + 1)
            #expect(try await dashboard(leader).openNow == before.openNow + 1)

            // The hourly warm-up keeps the dashboards of the province and the city.
            #expect(try await DashboardWarmUp.run(app) == 2)
            let units = Set(await app.dashboardCache.keys.map(\.unit))
            #expect(units.isSuperset(of: [world.province!, world.city!]))
        }
    }

    @Test func aQuickDashboardIsComposedOnEveryView() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            let client = Client(app: app)
            let leader = try await client.token("lx_leader")
            let first = try await client.send(.GET, "/api/v1/dashboard", token: leader).content.decode(Dashboard.self)
            _ = try await client.send(
                .POST, "/api/v1/problems", token: try await client.token("lx_dispatcher"),
                json: ["enterpriseId": world.enterprise.uuidString, "description": "新增：园区食堂就餐拥挤"])
            let second = try await client.send(.GET, "/api/v1/dashboard", token: leader).content.decode(Dashboard.self)
            #expect(second.openNow == first.openNow + 1)
            #expect(await app.dashboardCache.keys.isEmpty)
        }
    }
}
