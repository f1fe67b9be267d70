import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// `GET /api/v1/stats`: the §3 metrics counted in SQL over problems driven through the API, scoped to
/// what each reader may see, with rankings that leave small samples out.
@Suite struct StatsAPITests {
    var today: LocalDate { LocalDate(Date(), in: .chinaStandard) }

    /// Six problems of the Linxiang park, each left in a different place of the loop.
    struct Ledger {
        let world: World
        let client: Client
        let dispatcher: String
        var ids: [String: String] = [:]
    }

    func build(_ app: Application) async throws -> Ledger {
        let world = try await World.build(on: app)
        let client = Client(app: app)
        let dispatcher = try await client.token("lx_dispatcher")
        let handler = try await client.token("lx_handler")
        let enterprise = try await client.token("lx_enterprise")
        var ledger = Ledger(world: world, client: client, dispatcher: dispatcher)
        let assign: [String: Any] = ["leadDepartmentId": world.linxiangEconomy.uuidString]
        let steps: [(String, String, [(String, String, [String: Any])])] = [
            (
                "closed", "problem",
                [
                    (dispatcher, "accept", ["category": "hardship"]), (dispatcher, "assign", assign),
                    (handler, "sign", [:]), (handler, "resolve", ["result": "已解决", "resultKind": "solved"]),
                    (enterprise, "revisit", ["satisfaction": "satisfied"]), (dispatcher, "close", [:]),
                ]
            ),
            (
                "overdue", "problem",
                [
                    (dispatcher, "accept", ["category": "hardship"]), (dispatcher, "assign", assign),
                    (handler, "sign", [:]),
                ]
            ),
            (
                "late", "problem",
                [
                    (dispatcher, "accept", ["category": "governmentService"]), (dispatcher, "assign", assign),
                    (handler, "sign", [:]), (handler, "resolve", ["result": "已办理", "resultKind": "partlySolved"]),
                ]
            ),
            ("rejected", "problem", [(dispatcher, "reject", ["reason": "不属于涉企问题"])]),
            (
                "adopted", "suggestion",
                [
                    (dispatcher, "accept", ["category": "hardship"]), (dispatcher, "assign", assign),
                    (handler, "sign", [:]), (handler, "resolve", ["result": "建议已采纳", "resultKind": "adopted"]),
                    (enterprise, "revisit", ["satisfaction": "basicallySatisfied"]),
                ]
            ),
            (
                "reopened", "problem",
                [
                    (dispatcher, "accept", ["category": "hardship"]), (dispatcher, "assign", assign),
                    (handler, "sign", [:]), (handler, "resolve", ["result": "已答复", "resultKind": "explained"]),
                    (enterprise, "revisit", ["satisfaction": "dissatisfied", "comment": "问题没有解决"]),
                ]
            ),
        ]
        for (name, kind, actions) in steps {
            let created = try await client.send(
                .POST, "/api/v1/problems", token: dispatcher,
                json: ["enterpriseId": world.enterprise.uuidString, "description": "测试问题\(name)", "kind": kind])
            #expect(created.status == .created, "\(created.body.string)")
            let id = try created.content.get(String.self, at: "id")
            ledger.ids[name] = id
            for (token, action, body) in actions {
                let response = try await client.send(
                    .POST, "/api/v1/problems/\(id)/actions/\(action)", token: token, json: body)
                #expect(response.status == .ok, "\(name) \(action): \(response.body.string)")
            }
        }
        // Time passes for two of them: one is now past its deadline and was signed late; one was
        // resolved after its deadline, having been assigned a week ago.
        let sql = app.db.sql
        let yesterday = today.adding(days: -1).iso
        try await sql.raw(
            """
            UPDATE problems SET deadline = \(bind: yesterday), sign_by = \(bind: today.adding(days: -2).iso)
            WHERE id = \(bind: UUID(uuidString: ledger.ids["overdue"]!)!)
            """
        ).run()
        try await sql.raw(
            """
            UPDATE problems SET deadline = \(bind: yesterday), assigned_on = \(bind: today.adding(days: -7).iso)
            WHERE id = \(bind: UUID(uuidString: ledger.ids["late"]!)!)
            """
        ).run()
        return ledger
    }

    @Test func theMetricsFollowTheFormulasOfTheSpecification() async throws {
        try await withApp { app in
            let ledger = try await build(app)
            let response = try await ledger.client.send(.GET, "/api/v1/stats", token: ledger.dispatcher)
            #expect(response.status == .ok, "\(response.body.string)")
            let report = try response.content.decode(StatsReport.self)
            let t = report.tally
            #expect(t.registered == 6 && t.suggestions == 1 && t.rejectedOrMerged == 1)
            #expect(t.assigned == 5 && t.resolved == 3 && t.resolvedOnTime == 2 && t.openOverdue == 1)
            // 按期办结率 = 2 on time / (3 resolved + 1 open and overdue), not 2/3.
            #expect(report.metrics.onTimeRate == Rate(2, of: 4))
            // 办结率 is over problems: 2 of the 4 assigned (the adopted suggestion counts apart, issue 22).
            #expect(report.metrics.resolutionRate == Rate(2, of: 4))
            #expect(t.problemsResolved == 2 && t.suggestionsAssigned == 1)
            // Rated: 满意, 基本满意, and the 不满意 that reopened one.
            #expect(report.metrics.satisfactionRate == Rate(2, of: 3))
            #expect(report.metrics.closureRate == Rate(1, of: 5))
            #expect(report.metrics.reopenRate == Rate(1, of: 4))
            // Six answers to submissions and four signatures due (the reopened one's was cleared); one late.
            #expect(report.metrics.responseRate == Rate(9, of: 10))
            #expect(report.metrics.suggestionsAdopted == 1 && report.metrics.overdue == 1)
            let week = WorkCalendar.shipped.workingDays(after: today.adding(days: -7), through: today)
            #expect(t.resolveSamples == 3 && t.resolveWorkingDays == week)
            #expect(try response.content.get(Double?.self, at: "metrics", "onTimeRate", "value") == 0.5)

            // Nothing came in tomorrow.
            let tomorrow = try await ledger.client.send(
                .GET, "/api/v1/stats?from=\(today.adding(days: 1).iso)", token: ledger.dispatcher)
            #expect(try tomorrow.content.decode(StatsReport.self).tally.registered == 0)
            let byCategory = try await ledger.client.send(
                .GET, "/api/v1/stats?category=governmentService", token: ledger.dispatcher)
            #expect(try byCategory.content.decode(StatsReport.self).tally.registered == 1)
        }
    }

    @Test func departmentsAreRankedOnlyAboveTheMinimumSample() async throws {
        try await withApp { app in
            let ledger = try await build(app)
            let client = ledger.client
            let grouped = try await client.send(
                .GET, "/api/v1/stats?groupBy=department", token: ledger.dispatcher)
            let report = try grouped.content.decode(StatsReport.self)
            let economy = try #require(report.groups.first { $0.key == ledger.world.linxiangEconomy.uuidString })
            #expect(economy.tally.registered == 4 && economy.metrics.onTimeRate == Rate(2, of: 4))
            #expect(report.groups.first { $0.key == nil }?.tally.registered == 2)
            // Economy's sample is 4: left out at the default minimum of 5, ranked first at 4.
            #expect(report.ranking?.ranked.isEmpty == true && report.ranking?.leftOut.map(\.name) == ["经济发展局"])
            // By 办结率 its sample is its 3 problems (the suggestion left out): ranked first at a minimum of 3.
            let lower = try await client.send(
                .GET, "/api/v1/stats?groupBy=department&minSample=3&rankBy=resolutionRate", token: ledger.dispatcher)
            let ranking = try #require(try lower.content.decode(StatsReport.self).ranking)
            #expect(ranking.ranked.map(\.place) == [1] && ranking.ranked.first?.rate == Rate(2, of: 3))
            #expect(ranking.rankByName == "办结率")

            let upper = try await client.token("yy_upper")
            let byUnit = try await client.send(.GET, "/api/v1/stats?groupBy=orgUnit", token: upper)
            let units = try byUnit.content.decode(StatsReport.self).groups
            #expect(units.map(\.key) == [ledger.world.linxiang.uuidString] && units.first?.tally.registered == 6)
        }
    }

    @Test func eachReaderCountsOnlyWhatItMaySeeAndBadParametersAreNamed() async throws {
        try await withApp { app in
            let ledger = try await build(app)
            let client = ledger.client
            func registered(_ user: String, _ query: String = "") async throws -> Int {
                let token = try await client.token(user)
                let response = try await client.send(.GET, "/api/v1/stats\(query)", token: token)
                #expect(response.status == .ok, "\(user): \(response.body.string)")
                return try response.content.decode(StatsReport.self).tally.registered
            }
            #expect(try await registered("yy_upper") == 6)
            #expect(try await registered("pj_admin") == 0)
            // The handler's department leads four of them; the reopened one is back with the dispatcher.
            #expect(try await registered("lx_handler") == 4)
            for user in ["lx_enterprise", "lx_monitor"] {
                let token = try await client.token(user)
                let refused = try await client.send(.GET, "/api/v1/stats", token: token)
                #expect(refused.status == .forbidden, "\(user)")
            }
            let pingjiang = try await client.token("pj_admin")
            let outside = try await client.send(
                .GET, "/api/v1/stats?orgUnit=\(ledger.world.linxiangPark.uuidString)", token: pingjiang)
            #expect(outside.status == .notFound)
            for (query, field) in [
                ("from=2024-13-01", "from"), ("groupBy=park", "groupBy"), ("category=nope", "category"),
                ("minSample=0", "minSample"), ("from=2024-10-02&to=2024-10-01", "to"), ("rankBy=speed", "rankBy"),
            ] {
                let bad = try await client.send(.GET, "/api/v1/stats?\(query)", token: ledger.dispatcher)
                #expect(bad.status == .badRequest, "\(query)")
                #expect(try bad.content.get(String.self, at: "error", "field") == field, "\(query)")
            }
        }
    }

    /// The page shows the same figures as the API, the ranking's sample rule in words, and a bad
    /// parameter beside its field; an enterprise account has no statistics.
    @Test func theStatisticsPage() async throws {
        try await withApp { app in
            let ledger = try await build(app)
            let client = ledger.client
            let dispatcher = try await client.webSession("lx_dispatcher")
            let page = try await client.send(.GET, "/stats", cookie: dispatcher.cookie)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("href=\"/stats\""), "the menu offers it")
            #expect(html.contains("<b>50.0%</b><small>2 / 4</small>"), "按期办结率")
            #expect(html.contains("data-testid=\"stats-left-out\""))
            #expect(html.contains("经济发展局（4 件）"))
            let ranked = try await client.send(.GET, "/stats?minSample=4", cookie: dispatcher.cookie)
            #expect(ranked.body.string.contains("<svg class=\"chart\""))
            #expect(ranked.body.string.contains("data-testid=\"stats-ranking\""))
            let bad = try await client.send(.GET, "/stats?from=2024-02-30", cookie: dispatcher.cookie)
            #expect(bad.status == .ok)
            #expect(bad.body.string.contains("id=\"from-error\""))
            let enterprise = try await client.webSession("lx_enterprise")
            let refused = try await client.send(.GET, "/stats", cookie: enterprise.cookie)
            #expect(refused.status == .forbidden)
            let home = try await client.send(.GET, "/", cookie: enterprise.cookie)
            #expect(!home.body.string.contains("href=\"/stats\""))
        }
    }
}
