import Foundation
import JieyouDomain
import Testing
import VaporTesting

@testable import JieyouApp

/// Campaigns, coverage, meetings and teams through the API and the pages, with their scoping.
@Suite struct CampaignsCoverageTests {
    var today: LocalDate { LocalDate(Date(), in: .chinaStandard) }

    func campaignBody(_ name: String = "两重两新送解优专项行动", required: Int = 2) -> [String: Any] {
        [
            "name": name, "startsOn": today.adding(days: -10).iso, "mobilisationEndsOn": today.adding(days: -5).iso,
            "actionEndsOn": today.adding(days: 30).iso, "endsOn": today.adding(days: 60).iso, "scope": "aboveScale",
            "requiredVisits": required, "cadences": ["tenDay", "weekly"],
        ]
    }

    func visit(_ client: Client, _ token: String, _ enterprise: UUID, daysAgo: Int) async throws {
        let response = try await client.send(
            .POST, "/api/v1/visits", token: token,
            json: [
                "enterpriseId": enterprise.uuidString, "visitedOn": today.adding(days: -daysAgo).iso,
                "purposes": ["survey"],
            ])
        #expect(response.status == .created, "\(response.body.string)")
    }

    @Test func campaignCoverageCountsVisitsCadresAndTheNeverVisited() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let cadre = try await client.token("lx_cadre")
            // A second 规上 enterprise that nobody visits, and the world's enterprise made 规上.
            let other = try await client.send(
                .POST, "/api/v1/enterprises", token: admin,
                json: ["creditCode": "91430100MA4L16JQ9D", "name": "临湘新材料有限公司", "scale": "规上"])
            #expect(other.status == .created, "\(other.body.string)")
            let patched = try await client.send(
                .PATCH, "/api/v1/enterprises/\(world.enterprise.uuidString)", token: admin, json: ["scale": "above"])
            #expect(patched.status == .ok)
            let created = try await client.send(.POST, "/api/v1/campaigns", token: admin, json: campaignBody())
            #expect(created.status == .created, "\(created.body.string)")
            let id = try created.content.get(String.self, at: "id")
            #expect(try created.content.get(String.self, at: "phase") == "action")
            #expect(try created.content.get([String].self, at: "cadences") == ["weekly", "tenDay"])
            try await visit(client, cadre, world.enterprise, daysAgo: 0)
            try await visit(client, cadre, world.enterprise, daysAgo: 2)
            // Before the campaign: not counted.
            try await visit(client, cadre, world.enterprise, daysAgo: 20)

            let coverage = try await client.send(.GET, "/api/v1/coverage?campaign=\(id)", token: admin)
            #expect(coverage.status == .ok, "\(coverage.body.string)")
            let c = try coverage.content.decode(CoverageReport.self)
            #expect(c.enterprisesInScope == 2)
            #expect(c.visitedAtLeastOnce == 1)
            #expect(c.visitedAsRequired == 1)
            #expect(c.neverVisitedCount == 1)
            #expect(c.visits == 2)
            #expect(c.cadresActive == 1)
            #expect(c.from == today.adding(days: -10).iso && c.to == today.iso)
            #expect(c.neverVisited.map(\.name) == ["临湘新材料有限公司"])
            #expect(c.perDay.map(\.visits) == [1, 1])
            #expect(c.perCadre.first?.name == "lx_cadre" && c.perCadre.first?.visits == 2)
            #expect(c.headline.hasSuffix("覆盖率 50.0%"))

            // Without a campaign: the period asked, every enterprise of the subtree.
            let week = try await client.send(
                .GET, "/api/v1/coverage?from=\(today.adding(days: -30).iso)&to=\(today.iso)", token: admin)
            #expect(try week.content.get(Int.self, at: "visits") == 3)
            #expect(try week.content.get(Int.self, at: "enterprisesInScope") == 2)

            // Bad input names the field and the campaign's days.
            let late = try await client.send(
                .GET, "/api/v1/coverage?campaign=\(id)&to=\(today.adding(days: 90).iso)", token: admin)
            #expect(late.status == .badRequest)
            #expect(late.apiError?.field == "to")
            let garbled = try await client.send(.GET, "/api/v1/coverage?from=2024-13-01", token: admin)
            #expect(garbled.apiError?.field == "from")

            // The page shows the same figures.
            let session = try await client.webSession("lx_leader")
            let page = try await client.send(.GET, "/coverage?campaign=\(id)", cookie: session.cookie)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("覆盖率 50.0%"))
            #expect(page.body.string.contains("临湘新材料有限公司"))
            #expect(page.body.string.contains("<svg class=\"chart\""))
        }
    }

    /// Issue 22: a problem written down at a visit or a meeting counts for the campaign it was made in,
    /// the nearest unit's campaign whose scope holds the enterprise.
    @Test func findingsAtAVisitOrAMeetingTakeTheirCampaign() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let cadre = try await client.token("lx_cadre")
            let patched = try await client.send(
                .PATCH, "/api/v1/enterprises/\(world.enterprise.uuidString)", token: admin, json: ["scale": "above"])
            #expect(patched.status == .ok)
            let small = try await client.send(
                .POST, "/api/v1/enterprises", token: admin,
                json: ["creditCode": "91430100MA4L16JQ9D", "name": "临湘小微加工厂", "scale": "below"])
            #expect(small.status == .created, "\(small.body.string)")
            let smallID = try #require(UUID(uuidString: try small.content.get(String.self, at: "id")))
            // The park's campaign (规上 only, from 10 days ago) inside the city's (all, from 30 days ago).
            let park = try await client.send(.POST, "/api/v1/campaigns", token: admin, json: campaignBody())
            let parkID = try park.content.get(String.self, at: "id")
            var cityBody = campaignBody("岳阳市送解优专项行动")
            cityBody["startsOn"] = today.adding(days: -30).iso
            cityBody["mobilisationEndsOn"] = today.adding(days: -25).iso
            cityBody["scope"] = "all"
            let city = try await client.send(
                .POST, "/api/v1/campaigns", token: try await client.token("yy_admin"), json: cityBody)
            #expect(city.status == .created, "\(city.body.string)")
            let cityID = try city.content.get(String.self, at: "id")

            func visit(_ enterprise: UUID, daysAgo: Int, finding: String) async throws {
                let response = try await client.send(
                    .POST, "/api/v1/visits", token: cadre,
                    json: [
                        "enterpriseId": enterprise.uuidString, "visitedOn": today.adding(days: -daysAgo).iso,
                        "purposes": ["problemFinding"], "findings": [["kind": "problem", "text": finding]],
                    ])
                #expect(response.status == .created, "\(response.body.string)")
            }
            try await visit(world.enterprise, daysAgo: 2, finding: "园区内道路破损")
            try await visit(world.enterprise, daysAgo: 20, finding: "用工缺口约30人")
            try await visit(smallID, daysAgo: 2, finding: "厂房租金偏高")
            try await visit(world.enterprise, daysAgo: 40, finding: "开行动前的问题")
            let meeting = try await client.send(
                .POST, "/api/v1/meetings", token: cadre,
                json: [
                    "kind": "symposium", "title": "规上企业座谈会", "heldOn": today.iso,
                    "findings": [
                        ["enterpriseId": world.enterprise.uuidString, "kind": "suggestion", "text": "增开公交线路"]
                    ],
                ])
            #expect(meeting.status == .created, "\(meeting.body.string)")

            let rows = try await app.db.sql.raw("SELECT description, campaign_id FROM problems").all()
            var campaignOf: [String: String] = [:]
            for row in rows {
                let id = try row.decode(column: "campaign_id", as: UUID?.self)
                campaignOf[try row.decode(column: "description", as: String.self)] = id?.uuidString ?? "none"
            }
            #expect(
                campaignOf == [
                    "园区内道路破损": parkID.uppercased(), "增开公交线路": parkID.uppercased(),
                    // Before the park's campaign began, or outside its scope: the city's.
                    "用工缺口约30人": cityID.uppercased(), "厂房租金偏高": cityID.uppercased(),
                    "开行动前的问题": "none",
                ])
            // And the campaign's statistics count them.
            let stats = try await client.send(.GET, "/api/v1/stats?campaign=\(parkID)", token: admin)
            let tally = try stats.content.decode(StatsReport.self).tally
            #expect(tally.registered == 2 && tally.suggestions == 1)
        }
    }

    @Test func campaignsAreScopedAndOnlyAdminsWriteThem() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let created = try await client.send(.POST, "/api/v1/campaigns", token: admin, json: campaignBody())
            let id = try created.content.get(String.self, at: "id")

            // The city above sees the park's campaign; the neighbouring park does not.
            for (user, status) in [
                ("yy_admin", HTTPStatus.ok), ("lx_cadre", .ok), ("pj_admin", .notFound), ("lx_enterprise", .notFound),
            ] {
                let response = try await client.send(
                    .GET, "/api/v1/campaigns/\(id)", token: try await client.token(user))
                #expect(response.status == status, "\(user)")
            }
            let pjList = try await client.send(.GET, "/api/v1/campaigns", token: try await client.token("pj_admin"))
            #expect(try pjList.list("items", key: "id").isEmpty)
            for user in ["lx_enterprise", "lx_handler", "lx_monitor"] {
                let coverage = try await client.send(.GET, "/api/v1/coverage", token: try await client.token(user))
                #expect(coverage.status == .forbidden, "\(user)")
            }
            let pjCoverage = try await client.send(
                .GET, "/api/v1/coverage?campaign=\(id)", token: try await client.token("pj_admin"))
            #expect(pjCoverage.status == .notFound)

            // Only admins write; a dispatcher or cadre is refused and nothing changes.
            for user in ["lx_cadre", "lx_dispatcher"] {
                let response = try await client.send(
                    .POST, "/api/v1/campaigns", token: try await client.token(user), json: campaignBody("别的行动"))
                #expect(response.status == .forbidden, "\(user)")
            }
            let pjEdit = try await client.send(
                .PATCH, "/api/v1/campaigns/\(id)", token: try await client.token("pj_admin"), json: ["name": "改名"])
            #expect(pjEdit.status == .notFound)

            // Bad dates name the field and write nothing.
            var bad = campaignBody("坏行动")
            bad["endsOn"] = today.adding(days: -20).iso
            let refused = try await client.send(.POST, "/api/v1/campaigns", token: admin, json: bad)
            #expect(refused.status == .badRequest)
            #expect(refused.apiError?.field == "endsOn")
            #expect(try await rowCount("campaigns", on: app) == 1)

            // PATCH keeps what it does not send; a list campaign takes enterprises of its subtree only.
            let renamed = try await client.send(
                .PATCH, "/api/v1/campaigns/\(id)", token: admin, json: ["name": "改名后的行动"])
            #expect(try renamed.content.get(String.self, at: "name") == "改名后的行动")
            #expect(try renamed.content.get(Int.self, at: "requiredVisits") == 2)
            let foreign = try await client.send(
                .PATCH, "/api/v1/campaigns/\(id)", token: admin,
                json: ["scope": "list", "enterpriseIds": [world.pingjiangEnterprise.uuidString]])
            #expect(foreign.status == .badRequest)
            #expect(foreign.apiError?.field == "enterpriseIds[0]")
        }
    }
}
