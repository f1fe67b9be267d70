import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// The campaign tallies (`CoverageTallies`) must say exactly what counting the visits says, after
/// every kind of change that moves visits or enterprises in or out of a campaign's scope.
@Suite struct CoverageTalliesTests {
    var today: LocalDate { LocalDate(Date(), in: .chinaStandard) }

    func campaign(_ client: Client, _ token: String, scope: String, tag: String? = nil, list: [UUID] = [])
        async throws -> UUID
    {
        var body: [String: Any] = [
            "name": "送解优专项行动（\(scope)）", "startsOn": today.adding(days: -10).iso,
            "mobilisationEndsOn": today.adding(days: -5).iso, "actionEndsOn": today.adding(days: 30).iso,
            "endsOn": today.adding(days: 60).iso, "scope": scope, "requiredVisits": 2, "cadences": ["weekly"],
        ]
        if let tag { body["scopeTag"] = tag }
        if !list.isEmpty { body["enterpriseIds"] = list.map(\.uuidString) }
        let response = try await client.send(.POST, "/api/v1/campaigns", token: token, json: body)
        #expect(response.status == .created, "\(response.body.string)")
        return try response.content.get(UUID.self, at: "id")
    }

    func enterprise(_ client: Client, _ token: String, code: String, name: String, scale: String) async throws -> UUID {
        let response = try await client.send(
            .POST, "/api/v1/enterprises", token: token, json: ["creditCode": code, "name": name, "scale": scale])
        #expect(response.status == .created, "\(response.body.string)")
        return try response.content.get(UUID.self, at: "id")
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

    func patch(_ client: Client, _ token: String, _ path: String, _ body: [String: Any]) async throws {
        let response = try await client.send(.PATCH, path, token: token, json: body)
        #expect(response.status == .ok, "\(path): \(response.body.string)")
    }

    /// Counts the campaign over each of `units` inside its subtree both ways and compares everything the report shows.
    func expectTalliesMatchVisits(
        _ campaignID: UUID, over units: [UUID], on app: Application, _ step: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let sql = app.db.sql
        let record = try #require(try await CampaignQueries.load(campaignID, on: sql))
        let tree = try await OrgDirectory.tree(on: app.db)
        // Coverage is asked only within the campaign's own subtree (the service refuses other units).
        for unit in units where tree.isWithin(unit, subtreeOf: record.orgUnitId) {
            func scope(_ tallied: UUID?) -> CoverageScope {
                CoverageScope(
                    units: Array(tree.subtree(of: unit)), enterpriseCondition: record.enterpriseCondition,
                    from: record.schedule.startsOn, to: today, requiredVisits: record.requiredVisits,
                    talliedCampaign: tallied)
            }
            let counted = scope(nil)
            let tallied = scope(campaignID)
            let label = "\(step), \(tree.pathName(of: unit))"
            let figures = try await CoverageQuery.figures(counted, on: sql)
            let talliedFigures = try await CoverageQuery.figures(tallied, on: sql)
            #expect(
                talliedFigures == figures, "\(label): \(talliedFigures) vs \(figures)", sourceLocation: sourceLocation)
            func days(_ s: CoverageScope) async throws -> [String] {
                try await CoverageQuery.perDay(s, on: sql).map { "\($0.day) \($0.visits) \($0.enterprises)" }
            }
            #expect(try await days(tallied) == days(counted), "\(label)", sourceLocation: sourceLocation)
            func cadres(_ s: CoverageScope) async throws -> [String] {
                try await CoverageQuery.perCadre(s, on: sql).map { "\($0.name) \($0.visits) \($0.enterprises)" }
                    .sorted()
            }
            #expect(try await cadres(tallied) == cadres(counted), "\(label)", sourceLocation: sourceLocation)
            let never = try await CoverageQuery.neverVisited(counted, limit: 50, on: sql).map(\.name)
            #expect(
                try await CoverageQuery.neverVisited(tallied, limit: 50, on: sql).map(\.name) == never, "\(label)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func talliesFollowVisitsEditsMovesAndCampaignChanges() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let city = try await client.token("yy_admin")
            let lxAdmin = try await client.token("lx_admin")
            let lxCadre = try await client.token("lx_cadre")
            let pjCadre = try await client.token("pj_cadre")
            let above = try await enterprise(
                client, lxAdmin, code: EnterpriseImportTests.code(1), name: "临湘新材料有限公司", scale: "规上")
            let below = try await enterprise(
                client, lxAdmin, code: EnterpriseImportTests.code(2), name: "临湘竹器有限公司", scale: "规下")
            // Visits before any campaign exists: the campaign created afterwards counts them.
            try await visit(client, lxCadre, above, daysAgo: 3)
            try await visit(client, pjCadre, world.pingjiangEnterprise, daysAgo: 2)
            let cityWide = try await campaign(client, city, scope: "aboveScale")
            let tagged = try await campaign(client, lxAdmin, scope: "tag", tag: "外贸企业")
            let listed = try await campaign(client, city, scope: "list", list: [below, world.pingjiangEnterprise])
            let all = [cityWide, tagged, listed]
            let units: [UUID] = [world.city, world.linxiangPark, world.pingjiangPark]
            for id in all { try await expectTalliesMatchVisits(id, over: units, on: app, "created") }
            #expect(try await rowCount("coverage_enterprise_tallies", on: app) > 0)

            // Visits: a second visit the same day, one before the campaign, one by two cadres.
            try await visit(client, lxCadre, above, daysAgo: 3)
            try await visit(client, lxCadre, above, daysAgo: 30)
            try await visit(client, lxCadre, below, daysAgo: 1)
            try await visit(client, lxCadre, world.enterprise, daysAgo: 0)
            try await visit(client, pjCadre, world.pingjiangEnterprise, daysAgo: 0)
            for id in all { try await expectTalliesMatchVisits(id, over: units, on: app, "visits") }

            // Edits that move enterprises in and out of scope: scale, tags, park.
            try await patch(client, lxAdmin, "/api/v1/enterprises/\(below.uuidString)", ["scale": "规上"])
            try await patch(client, lxAdmin, "/api/v1/enterprises/\(above.uuidString)", ["tags": ["外贸企业"]])
            try await patch(client, lxAdmin, "/api/v1/enterprises/\(world.enterprise.uuidString)", ["scale": "规上"])
            for id in all { try await expectTalliesMatchVisits(id, over: units, on: app, "edits") }
            try await patch(
                client, city, "/api/v1/enterprises/\(above.uuidString)", ["orgUnitId": world.pingjiangPark.uuidString])
            for id in all { try await expectTalliesMatchVisits(id, over: units, on: app, "moved") }

            // An import that makes an enterprise 规下 again.
            let sheet = try EnterpriseImportTests.xlsx([
                [EnterpriseImportTests.code(2), "临湘竹器有限公司", "制造业", "临湘市", "规下", "", "", ""]
            ])
            let imported = try await client.upload(
                "/api/v1/enterprises/import", token: lxAdmin, fileName: "名单.xlsx", data: sheet)
            #expect(try imported.content.get(Int.self, at: "updated") == 1, "\(imported.body.string)")
            for id in all { try await expectTalliesMatchVisits(id, over: units, on: app, "import") }

            // The campaign's scope and period change.
            try await patch(client, city, "/api/v1/campaigns/\(cityWide.uuidString)", ["scope": "all"])
            try await patch(
                client, city, "/api/v1/campaigns/\(listed.uuidString)",
                ["startsOn": today.adding(days: -2).iso, "mobilisationEndsOn": today.adding(days: -1).iso])
            for id in all { try await expectTalliesMatchVisits(id, over: units, on: app, "campaign edited") }

            // The org tree changes shape: 平江县 moves out from under 岳阳市.
            let root = try await client.token("root")
            let other = try await client.send(
                .POST, "/api/v1/org-units", token: root,
                json: ["parentId": world.province.uuidString, "level": "city", "name": "常德市", "code": "430700"])
            #expect(other.status == .created, "\(other.body.string)")
            try await patch(
                client, root, "/api/v1/org-units/\(world.pingjiang.uuidString)",
                ["parentId": try other.content.get(String.self, at: "id")])
            for id in all { try await expectTalliesMatchVisits(id, over: units, on: app, "org moved") }
            let report = try await client.send(.GET, "/api/v1/coverage?campaign=\(cityWide.uuidString)", token: city)
            let moved = try report.content.decode(CoverageReport.self)
            #expect(moved.visits == 2, "\(report.body.string)")
        }
    }
}
