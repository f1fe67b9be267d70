import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// 工作台: each role's home page counts the ledger views it works from, each figure opening the ledger
/// page that lists exactly those problems; nobody counts another department's or another park's.
@Suite struct WorkbenchTests {
    let problems = ProblemsAPITests()

    /// The figure of `testID` on a page: `<b>N</b>` after its label.
    static func figure(_ testID: String, in body: String) -> Int? {
        body.firstMatch(of: try! Regex("data-testid=\"\(testID)\"[^>]*>(?:<span[^>]*>[^<]+</span>)?<b>([0-9]+)</b>"))
            .flatMap { Int($0.output[1].substring ?? "") }
    }

    /// The ledger's "共 N 条" for a path.
    static func total(_ body: String) -> Int? {
        body.firstMatch(of: /共 ([0-9]+) 条/).flatMap { Int($0.output.1) }
    }

    @Test func eachRolesFiguresAreItsLedgerViews() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let handler = try await client.token("lx_handler")
            let (economy, service) = (world.linxiangEconomy.uuidString, world.linxiangService.uuidString)
            var ids: [String] = []
            for (lead, co) in [(economy, [String]()), (economy, [service]), (service, [economy])] {
                let id = try await problems.submit(client, dispatcher, enterprise: world.enterprise)
                try await problems.act(client, dispatcher, id, "accept", ["category": "enforcement"])
                try await problems.act(
                    client, dispatcher, id, "assign", ["leadDepartmentId": lead, "coDepartmentIds": co])
                ids.append(id)
            }
            try await problems.act(client, handler, ids[1], "sign")
            _ = try await problems.submit(client, dispatcher, enterprise: world.enterprise)
            let yesterday = LocalDate(app.clock.now(), in: .chinaStandard).adding(days: -1).iso
            try await app.db.sql.raw(
                "UPDATE problems SET deadline = \(bind: yesterday) WHERE id = \(bind: UUID(uuidString: ids[0])!)"
            ).run()

            let expected: [(String, [LedgerView: Int])] = [
                ("lx_dispatcher", [.toAccept: 1, .toAssign: 0, .returned: 0, .overdue: 1, .toRevisit: 0]),
                // The economy bureau leads the first two (one to sign, one signed) and helps the third.
                ("lx_handler", [.toSign: 1, .working: 1, .overdue: 1, .assisting: 1]),
                ("lx_leader", [.supervised: 0, .leaderCases: 0, .overdue: 1]),
            ]
            for (user, figures) in expected {
                let session = try await client.webSession(user)
                let home = try await client.send(.GET, "/", cookie: session.cookie).body.string
                #expect(home.contains("data-testid=\"queues\""), "\(user)")
                for (view, count) in figures {
                    #expect(Self.figure("queue-\(view.rawValue)", in: home) == count, "\(user) \(view)")
                    #expect(home.contains("href=\"/problems?view=\(view.rawValue)\""), "\(user) \(view) links")
                    let ledger = try await client.send(.GET, "/problems?view=\(view.rawValue)", cookie: session.cookie)
                    #expect(Self.total(ledger.body.string) == count, "\(user) \(view): the ledger lists as many")
                }
                // The API says the same.
                let api = try await client.send(.GET, "/api/v1/me/work", token: try await client.token(user))
                let queues = try api.content.get([HomeAPI.QueueDTO].self, at: "queues")
                #expect(
                    Dictionary(uniqueKeysWithValues: queues.map { ($0.view, $0.count) })
                        .filter { view, _ in figures.keys.contains { $0.rawValue == view } }
                        == Dictionary(uniqueKeysWithValues: figures.map { ($0.key.rawValue, $0.value) }), "\(user)")
            }

            // The enterprise counts its own: four open (one still 待受理), none waiting for its rating.
            let enterprise = try await client.webSession("lx_enterprise")
            let home = try await client.send(.GET, "/", cookie: enterprise.cookie).body.string
            #expect(Self.figure("enterprise-open", in: home) == 4)
            #expect(Self.figure("enterprise-to-rate", in: home) == 0)
            #expect(!home.contains("data-testid=\"queues\""))

            // A monitor counts its own reports, not the park's.
            let reported = try await client.send(
                .POST, "/api/v1/problems", token: try await client.token("lx_monitor"),
                json: ["description": "园区主干道夜间路灯不亮"])
            #expect(reported.status == .created, "\(reported.body.string)")
            let monitorSession = try await client.webSession("lx_monitor")
            let monitor = try await client.send(.GET, "/", cookie: monitorSession.cookie)
            #expect(Self.figure("monitor-open", in: monitor.body.string) == 1)
            #expect(Self.figure("monitor-to-rate", in: monitor.body.string) == 0)
            // Resolved, it waits for the monitor's rating (回访), as an enterprise's waits for its own.
            let reportID = try reported.content.get(String.self, at: "id")
            try await problems.act(client, dispatcher, reportID, "accept", ["category": "governmentService"])
            try await problems.act(client, dispatcher, reportID, "assign", ["leadDepartmentId": economy])
            try await problems.act(client, handler, reportID, "sign")
            try await problems.act(client, handler, reportID, "resolve", ["result": "已修复路灯", "resultKind": "solved"])
            let toRate = try await client.send(.GET, "/", cookie: monitorSession.cookie).body.string
            #expect(Self.figure("monitor-open", in: toRate) == 0)
            #expect(Self.figure("monitor-to-rate", in: toRate) == 1)
            #expect(Self.figure("monitor-closed", in: toRate) == 0)

            // Another park's staff and roles without a queue see no figures of this park.
            for user in ["pj_admin", "pj_cadre", "lx_monitor"] {
                let session = try await client.webSession(user)
                let page = try await client.send(.GET, "/", cookie: session.cookie).body.string
                #expect(!page.contains("data-testid=\"queues\""), "\(user)")
            }
        }
    }

    /// A leader sees the last 旬 beside the one before; the city's 上级专班 sees the units below, most
    /// overdue first, each count opening the ledger behind it.
    @Test func aLeaderReadsTheLastTenDaysAndTheCityItsUnitsBelow() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let today = LocalDate(app.clock.now(), in: .chinaStandard)
            let last = ReportPeriod.lastEnded(on: today, kind: .tenDay)
            var ids: [String] = []
            for day in [last.start, last.end, last.previous.start] {
                let id = try await problems.submit(client, dispatcher, enterprise: world.enterprise)
                try await app.db.sql.raw(
                    "UPDATE problems SET submitted_on = \(bind: day.iso) WHERE id = \(bind: UUID(uuidString: id)!)"
                ).run()
                ids.append(id)
            }
            try await problems.act(client, dispatcher, ids[0], "accept", ["category": "enforcement"])
            try await problems.act(
                client, dispatcher, ids[0], "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
            try await app.db.sql.raw(
                "UPDATE problems SET deadline = \(bind: today.adding(days: -1).iso) WHERE id = \(bind: UUID(uuidString: ids[0])!)"
            ).run()

            let leader = try await client.send(.GET, "/api/v1/me/work", token: try await client.token("lx_leader"))
            #expect(try leader.content.get(String.self, at: "tenDay", "period") == last.key)
            #expect(try leader.content.get(Int.self, at: "tenDay", "current", "registered") == 2)
            #expect(try leader.content.get(Int.self, at: "tenDay", "previous", "registered") == 1)
            let page = try await client.send(.GET, "/", cookie: try await client.webSession("lx_leader").cookie)
            #expect(page.body.string.contains("比上一旬多1"))
            #expect(Self.figure("ten-day-registered", in: page.body.string) == 2)

            let upper = try await client.send(.GET, "/api/v1/me/work", token: try await client.token("yy_upper"))
            let units = try upper.content.get([HomeAPI.UnitBelowDTO].self, at: "unitsBelow")
            #expect(units.map(\.name) == ["临湘市", "平江县"])
            #expect(units.first?.open == 3 && units.first?.overdue == 1)
            #expect(units.last?.open == 0)
            let city = try await client.webSession("yy_upper")
            let home = try await client.send(.GET, "/", cookie: city.cookie).body.string
            let overdueLink = "/problems?orgUnit=\(world.linxiang.uuidString.lowercased())&overdue=true"
            #expect(home.contains("href=\"\(overdueLink)\""))
            let ledger = try await client.send(.GET, overdueLink, cookie: city.cookie)
            #expect(Self.total(ledger.body.string) == 1)
            // A park's leader has no units below; a dispatcher no 旬 card.
            let park = try await client.send(.GET, "/api/v1/me/work", token: dispatcher)
            #expect(try park.content.get([HomeAPI.UnitBelowDTO].self, at: "unitsBelow").isEmpty)
            #expect((try? park.content.get(String.self, at: "tenDay", "period")) == nil)
        }
    }

    /// A cadre sees what the running campaign still needs of its enterprises, and this week's share.
    @Test func aCadreSeesTheVisitsItStillOwesThisWeek() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let today = LocalDate(app.clock.now(), in: .chinaStandard)
            let created = try await client.send(
                .POST, "/api/v1/campaigns", token: admin,
                json: [
                    "name": "送解优专项行动", "startsOn": today.adding(days: -10).iso,
                    "mobilisationEndsOn": today.adding(days: -5).iso, "actionEndsOn": today.adding(days: 13).iso,
                    "endsOn": today.adding(days: 30).iso, "scope": "all", "requiredVisits": 3, "cadences": ["tenDay"],
                ])
            #expect(created.status == .created, "\(created.body.string)")
            let liaison = try await client.send(
                .PUT, "/api/v1/enterprises/\(world.enterprise.uuidString)/liaison", token: admin,
                json: ["cadreIds": [world.users["lx_cadre"]!.uuidString]])
            #expect(liaison.status == .ok)
            let visit = try await client.send(
                .POST, "/api/v1/visits", token: try await client.token("lx_cadre"),
                json: ["enterpriseId": world.enterprise.uuidString, "visitedOn": today.iso, "purposes": ["survey"]])
            #expect(visit.status == .created, "\(visit.body.string)")
            let home = try await client.send(.GET, "/", cookie: try await client.webSession("lx_cadre").cookie)
            let owed = try #require(
                home.body.string.firstMatch(of: /data-testid="visits-owed">([^<]+)/)?.output.1)
            #expect(owed.contains("要求每家企业走访 3 次") && owed.contains("1 家未达到，还差 2 次"))
            #expect(owed.contains("还有 2 周"))
            #expect(home.body.string.contains("data-testid=\"visits-this-week\">1</b>"))
        }
    }
}
