import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// Policies through the API: who reads and writes what, matching with reasons, push and
/// acknowledgement, 免申即享 grants and the 兑现 ledger's exact sums.
@Suite struct PoliciesTests {
    var today: LocalDate { LocalDate(Date(), in: .chinaStandard) }

    func policy(_ title: String, rule: [String: Any]? = nil, automatic: Bool = false, extra: [String: Any] = [:])
        -> [String: Any]
    {
        var body: [String: Any] = [
            "title": title, "documentNumber": "临高新管发〔2024〕05号", "issuer": "临湘高新区管委会", "level": "park",
            "themes": ["两新", "设备更新"], "benefitKind": "subsidy", "automatic": automatic, "columns": ["两重两新"],
        ]
        if let rule { body["rule"] = rule }
        return body.merging(extra) { _, new in new }
    }

    /// One `key` of each item of a list response.
    func column(_ response: TestingHTTPResponse, _ key: String) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any]
        return (json?["items"] as? [[String: Any]] ?? []).compactMap { $0[key] as? String }
    }

    func condition(_ field: String, _ op: String, _ values: [Any]) -> [String: Any] {
        ["field": field, "op": op, "values": values]
    }

    /// The world's 临湘 enterprise becomes a 规上 medicine maker; a second 临湘 enterprise stays 规下.
    func prepare(_ client: Client, _ world: World) async throws -> (admin: String, other: UUID) {
        let admin = try await client.token("lx_admin")
        let patched = try await client.send(
            .PATCH, "/api/v1/enterprises/\(world.enterprise.uuidString)", token: admin,
            json: ["scale": "above", "industry": "医药制造业"])
        #expect(patched.status == .ok, "\(patched.body.string)")
        let other = try await client.send(
            .POST, "/api/v1/enterprises", token: admin,
            json: ["creditCode": "91430100MA4L16JQ9D", "name": "临湘新材料有限公司", "scale": "规下", "industry": "建筑业"])
        #expect(other.status == .created, "\(other.body.string)")
        return (admin, try other.content.get(UUID.self, at: "id"))
    }

    func create(_ client: Client, _ token: String, _ body: [String: Any]) async throws -> String {
        let response = try await client.send(.POST, "/api/v1/policies", token: token, json: body)
        #expect(response.status == .created, "\(response.body.string)")
        return try response.content.get(String.self, at: "id")
    }

    @Test func anEnterpriseSeesOnlyThePoliciesThatFitItAndOnlyItsOwnBenefits() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let (admin, other) = try await prepare(client, world)
            let fits = try await create(
                client, admin,
                policy(
                    "设备更新贷款贴息",
                    rule: ["all": [condition("industry", "in", ["制造业"]), condition("scale", "in", ["规上"])]]))
            let misses = try await create(
                client, admin, policy("链主企业奖补", rule: condition("tag", "hasAny", ["链主企业"])))
            let expired = try await create(
                client, admin,
                policy("过期政策", extra: ["validFrom": "2020-01-01", "validUntil": today.adding(days: -1).iso]))

            let enterprise = try await client.token("lx_enterprise")
            let mine = try await client.send(.GET, "/api/v1/policies", token: enterprise)
            #expect(mine.status == .ok)
            #expect(try column(mine, "id") == [fits])
            #expect(try column(mine, "reasons") == ["符合：制造业；规上"])
            #expect(try mine.content.get(String.self, at: "items", "0", "ruleText") == "行业为制造业，且规上")
            for id in [misses, expired] {
                #expect(try await client.send(.GET, "/api/v1/policies/\(id)", token: enterprise).status == .notFound)
            }
            #expect(try await client.send(.GET, "/api/v1/policies/\(fits)", token: enterprise).status == .ok)
            #expect(
                try await client.send(.GET, "/api/v1/policies/\(fits)/eligible-enterprises", token: enterprise).status
                    == .forbidden)

            // Staff see all three, and who qualifies with why.
            let all = try await client.send(.GET, "/api/v1/policies", token: admin)
            #expect(try column(all, "id").count == 3)
            let eligible = try await client.send(.GET, "/api/v1/policies/\(fits)/eligible-enterprises", token: admin)
            #expect(try eligible.content.get(Int.self, at: "eligible") == 1)
            #expect(try eligible.content.get(String.self, at: "items", "0", "name") == "临湘浮标科技有限公司")

            // Benefits: the enterprise reads its own only.
            for (id, amount) in [(world.enterprise!, "12.5"), (other, "30")] {
                let added = try await client.send(
                    .POST, "/api/v1/benefits", token: admin,
                    json: ["enterpriseId": id.uuidString, "kind": "资金兑现", "amount": amount, "grantedOn": today.iso])
                #expect(added.status == .created, "\(added.body.string)")
            }
            let own = try await client.send(.GET, "/api/v1/benefits", token: enterprise)
            #expect(try own.content.get(String.self, at: "totals", "amount") == "12.50")
            #expect(try column(own, "enterpriseName") == ["临湘浮标科技有限公司"])
            let park = try await client.send(.GET, "/api/v1/benefits", token: admin)
            #expect(try park.content.get(String.self, at: "totals", "amount") == "42.50")
            #expect(
                try await client.send(
                    .POST, "/api/v1/benefits", token: enterprise,
                    json: ["enterpriseId": world.enterprise.uuidString, "kind": "funds", "amount": "1"]
                ).status == .forbidden)
        }
    }

    @Test func aRuleWithAnUnknownFieldOrOperatorIsA400NamingIt() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let before = try await rowCount("policies", on: app)
            let unknownField = try await client.send(
                .POST, "/api/v1/policies", token: admin,
                json: policy(
                    "x", rule: ["all": [condition("scale", "in", ["规上"]), condition("profit", "atLeast", [1])]]))
            #expect(unknownField.status == .badRequest)
            #expect(unknownField.apiError?.field == "rule.all[1].field")
            #expect(unknownField.apiError?.message.contains("“profit”") == true)
            let unknownOp = try await client.send(
                .POST, "/api/v1/policies", token: admin,
                json: policy("x", rule: ["any": [condition("revenue", "greaterThan", [2000])]]))
            #expect(unknownOp.status == .badRequest)
            #expect(unknownOp.apiError?.field == "rule.any[0].op")
            #expect(unknownOp.apiError?.message.contains("“greaterThan”") == true)
            let noTitle = try await client.send(
                .POST, "/api/v1/policies", token: admin, json: policy(" ", extra: ["level": "宇宙"]))
            #expect(noTitle.status == .badRequest)
            #expect(noTitle.apiError?.field == "title")
            let garbled = try await client.send(.POST, "/api/v1/policies", token: admin, rawBody: "{\"title\": [1,")
            #expect(garbled.status == .badRequest)
            #expect(try await rowCount("policies", on: app) == before)
        }
    }

    @Test func eachRoleReadsAndWritesOnlyWhatItOwns() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let id = try await create(client, admin, policy("临湘政策"))
            // The units above read it; the other park does not; monitors never read the list.
            for user in ["lx_dispatcher", "lx_handler", "lx_cadre", "lx_leader", "yy_upper", "yy_admin", "root"] {
                let token = try await client.token(user)
                #expect(try await client.send(.GET, "/api/v1/policies/\(id)", token: token).status == .ok, "\(user)")
            }
            let pj = try await client.token("pj_admin")
            #expect(try await client.send(.GET, "/api/v1/policies/\(id)", token: pj).status == .notFound)
            #expect(
                try await client.send(.PATCH, "/api/v1/policies/\(id)", token: pj, json: ["title": "改"]).status
                    == .notFound)
            #expect(
                try await client.send(.GET, "/api/v1/policies", token: try await client.token("lx_monitor")).status
                    == .forbidden)
            // Cadres and leaders read but do not write or push.
            for user in ["lx_cadre", "lx_leader", "lx_handler"] {
                let token = try await client.token(user)
                #expect(
                    try await client.send(.PATCH, "/api/v1/policies/\(id)", token: token, json: ["title": "改"]).status
                        == .forbidden, "\(user)")
                #expect(try await client.send(.POST, "/api/v1/policies/\(id)/push", token: token).status == .forbidden)
                #expect(
                    try await client.send(.POST, "/api/v1/policies", token: token, json: policy("新")).status
                        == .forbidden)
            }
            // A park cannot file a policy at the city.
            let upward = try await client.send(
                .POST, "/api/v1/policies", token: admin, json: policy("越级", extra: ["orgUnitId": world.city.uuidString])
            )
            #expect(upward.status == .notFound)
            // The other park's benefits and enterprises are out of reach.
            let foreign = try await client.send(
                .POST, "/api/v1/benefits", token: admin,
                json: [
                    "enterpriseId": world.pingjiangEnterprise.uuidString, "kind": "funds", "amount": "1",
                    "grantedOn": today.iso,
                ])
            #expect(foreign.status == .badRequest && foreign.apiError?.field == "enterpriseId")
            let otherUnit = try await client.send(
                .GET, "/api/v1/benefits?orgUnit=\(world.pingjiangPark.uuidString)", token: admin)
            #expect(otherUnit.status == .notFound)
            // A dispatcher edits; the edit is logged.
            let dispatcher = try await client.token("lx_dispatcher")
            let edited = try await client.send(
                .PATCH, "/api/v1/policies/\(id)", token: dispatcher,
                json: ["title": "临湘政策（修订）", "rule": condition("scale", "in", ["below"])])
            #expect(edited.status == .ok, "\(edited.body.string)")
            #expect(try edited.content.get(String.self, at: "ruleText") == "规下")
            #expect(try edited.content.get(String.self, at: "documentNumber") == "临高新管发〔2024〕05号")
        }
    }

    @Test func pushingAndAcknowledgingMoveTheAwarenessRate() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let (admin, other) = try await prepare(client, world)
            let id = try await create(client, admin, policy("普惠政策"))
            func reach() async throws -> (eligible: Int, delivered: Int, known: Int) {
                let r = try await client.send(.GET, "/api/v1/policies/\(id)/eligible-enterprises", token: admin)
                return (
                    try r.content.get(Int.self, at: "eligible"), try r.content.get(Int.self, at: "delivered"),
                    try r.content.get(Int.self, at: "known")
                )
            }
            // Every 临湘 enterprise qualifies; 平江's is another park's.
            #expect(try await reach() == (2, 0, 0))
            let pushed = try await client.send(.POST, "/api/v1/policies/\(id)/push", token: admin)
            #expect(try pushed.content.get(Int.self, at: "pushed") == 2)
            #expect(try await reach() == (2, 2, 0), "an online push is not yet known")
            let again = try await client.send(.POST, "/api/v1/policies/\(id)/push", token: admin)
            #expect(try again.content.get(Int.self, at: "pushed") == 0)

            let enterprise = try await client.token("lx_enterprise")
            let notices = try await client.send(.GET, "/api/v1/notifications", token: enterprise)
            #expect(notices.body.string.contains("新政策推送：《普惠政策》"))
            let ack = try await client.send(.POST, "/api/v1/policies/\(id)/acknowledge", token: enterprise)
            #expect(ack.status == .noContent)
            #expect(try await reach() == (2, 2, 1))
            let r = try await client.send(.GET, "/api/v1/policies/\(id)/eligible-enterprises", token: admin)
            #expect(try r.content.get(Double.self, at: "awareness") == 0.5)

            // A cadre brings it to the other enterprise in person: known at once.
            let cadre = try await client.token("lx_cadre")
            let delivered = try await client.send(
                .POST, "/api/v1/policy-deliveries", token: cadre,
                json: [
                    "policyId": id, "enterpriseIds": [other.uuidString], "channel": "visit", "deliveredOn": today.iso,
                ])
            #expect(delivered.status == .created, "\(delivered.body.string)")
            #expect(try await reach() == (2, 2, 2))
            let outside = try await client.send(
                .POST, "/api/v1/policy-deliveries", token: cadre,
                json: ["policyId": id, "enterpriseIds": [world.pingjiangEnterprise.uuidString], "channel": "visit"])
            #expect(outside.status == .badRequest && outside.apiError?.field == "enterpriseIds[0]")
            // An enterprise records no deliveries: told so before anything about a bad day it sent.
            let notTheirs = try await client.send(
                .POST, "/api/v1/policy-deliveries", token: enterprise,
                json: ["policyId": id, "enterpriseIds": [], "channel": "visit", "deliveredOn": "2000-01-01"])
            #expect(notTheirs.status == .forbidden, "\(notTheirs.body.string)")
            let list = try await client.send(.GET, "/api/v1/policy-deliveries?policy=\(id)", token: enterprise)
            #expect(try column(list, "enterpriseName") == ["临湘浮标科技有限公司"])
            // An enterprise cannot acknowledge for a policy that does not fit it.
            let narrow = try await create(client, admin, policy("仅规下", rule: condition("scale", "in", ["below"])))
            #expect(
                try await client.send(.POST, "/api/v1/policies/\(narrow)/acknowledge", token: enterprise).status
                    == .notFound)
        }
    }

    /// The eligible list is kept between reads (`EligibleCache`), and every change it depends on shows
    /// at once: a registry edit, a tag, a write that bypasses the services, a new rule, the same policy
    /// read from another unit.
    @Test func aKeptEligibleListNeverOutlivesAChange() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let (admin, other) = try await prepare(client, world)
            let id = try await create(client, admin, policy("规上奖补", rule: condition("scale", "in", ["规上"])))
            func names() async throws -> [String] {
                let r = try await client.send(.GET, "/api/v1/policies/\(id)/eligible-enterprises", token: admin)
                #expect(r.status == .ok, "\(r.body.string)")
                return try column(r, "name")
            }
            func version() async throws -> Int64 {
                try await app.db.sql.raw("SELECT version FROM registry_version WHERE id = 1").first()!
                    .decode(column: "version", as: Int64.self)
            }
            #expect(try await names() == ["临湘浮标科技有限公司"])
            #expect(try await names() == ["临湘浮标科技有限公司"], "read again from the kept list")
            var before = try await version()
            let patched = try await client.send(
                .PATCH, "/api/v1/enterprises/\(other.uuidString)", token: admin, json: ["scale": "above"])
            #expect(patched.status == .ok)
            #expect(try await version() > before)
            #expect(try await names().count == 2)
            // A write that bypasses every service still moves the counter.
            before = try await version()
            try await app.db.sql.raw(
                "UPDATE enterprises SET scale = 'below' WHERE id = \(bind: world.enterprise)"
            ).run()
            #expect(try await version() > before)
            #expect(try await names() == ["临湘新材料有限公司"])
            // Tags: a rule on a tag sees it added.
            let tagged = try await create(client, admin, policy("链主奖励", rule: condition("tag", "hasAny", ["链主企业"])))
            let empty = try await client.send(.GET, "/api/v1/policies/\(tagged)/eligible-enterprises", token: admin)
            #expect(try empty.content.get(Int.self, at: "eligible") == 0)
            before = try await version()
            let tag = try await client.send(
                .PATCH, "/api/v1/enterprises/\(other.uuidString)", token: admin, json: ["tags": ["链主企业"]])
            #expect(tag.status == .ok, "\(tag.body.string)")
            #expect(try await version() > before)
            let found = try await client.send(.GET, "/api/v1/policies/\(tagged)/eligible-enterprises", token: admin)
            #expect(try column(found, "name") == ["临湘新材料有限公司"])
            // A new rule is a new list.
            let edited = try await client.send(
                .PATCH, "/api/v1/policies/\(id)", token: admin, json: ["rule": condition("scale", "in", ["规上", "规下"])])
            #expect(edited.status == .ok)
            #expect(try await names().count == 2)
        }
    }

    /// A 政策宣讲会 is a meeting with the policies it presented: each attending enterprise has them as
    /// delivered (宣讲会), which counts as known; other kinds of meeting and other parks' policies are
    /// refused with the field named, and nothing is written.
    @Test func aBriefingDeliversItsPoliciesToWhoAttended() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let (admin, other) = try await prepare(client, world)
            let id = try await create(client, admin, policy("设备更新补贴"))
            let foreign = try await create(
                client, try await client.token("pj_admin"), policy("平江政策", extra: ["issuer": "平江高新区管委会"]))
            let cadre = try await client.token("lx_cadre")
            var body: [String: Any] = [
                "kind": "symposium", "title": "两新政策解读会", "heldOn": today.iso,
                "enterpriseIds": [world.enterprise.uuidString, other.uuidString], "policyIds": [id],
            ]
            let wrongKind = try await client.send(.POST, "/api/v1/meetings", token: cadre, json: body)
            #expect(wrongKind.status == .badRequest && wrongKind.apiError?.field == "policyIds")
            body["kind"] = "policyBriefing"
            body["policyIds"] = [id, foreign]
            let wrongPolicy = try await client.send(.POST, "/api/v1/meetings", token: cadre, json: body)
            #expect(wrongPolicy.status == .badRequest && wrongPolicy.apiError?.field == "policyIds[1]")
            #expect(try await rowCount("meetings", on: app) == 0)
            #expect(try await rowCount("policy_deliveries", on: app) == 0)

            body["policyIds"] = [id]
            let created = try await client.send(.POST, "/api/v1/meetings", token: cadre, json: body)
            #expect(created.status == .created, "\(created.body.string)")
            #expect(try created.list("policies", key: "title") == ["设备更新补贴"])
            #expect(try created.list("policies", key: "enterprises") == ["2"])
            let reach = try await client.send(.GET, "/api/v1/policies/\(id)/eligible-enterprises", token: admin)
            #expect(try reach.content.get(Int.self, at: "known") == 2, "a briefing is known at once")
            #expect(try reach.list("items", key: "channels").allSatisfy { $0.contains("briefing") })
            let meeting = try created.content.get(String.self, at: "summary", "id")
            let page = try await client.send(
                .GET, "/meetings/\(meeting)", cookie: try await client.webSession("lx_cadre").cookie)
            #expect(page.body.string.contains("宣讲的政策") && page.body.string.contains("设备更新补贴</a>，送达2家企业"))
        }
    }

    /// The campaign's 总结报告 says what it brought of policies: deliveries, enterprises reached, the
    /// 知晓率 of the policies it delivered (known ÷ qualifying, over each policy), and the 兑现 of its days.
    @Test func theCampaignSummaryCountsPoliciesAwarenessAndBenefits() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let (admin, other) = try await prepare(client, world)
            let campaign = try await StoredReportsTests().createCampaign(app)
            let everyone = try await create(client, admin, policy("普惠政策"))
            let onlyAbove = try await create(client, admin, policy("规上奖补", rule: condition("scale", "in", ["规上"])))
            let cadre = try await client.token("lx_cadre")
            // 普惠政策 goes to one of its two qualifying enterprises in person; 规上奖补 to its only one online,
            // which is not known until acknowledged.
            for (id, enterprise, channel) in [(everyone, other, "visit")] {
                let delivered = try await client.send(
                    .POST, "/api/v1/policy-deliveries", token: cadre,
                    json: ["policyId": id, "enterpriseIds": [enterprise.uuidString], "channel": channel])
                #expect(delivered.status == .created, "\(delivered.body.string)")
            }
            #expect(try await client.send(.POST, "/api/v1/policies/\(onlyAbove)/push", token: admin).status == .ok)
            let granted = try await client.send(
                .POST, "/api/v1/benefits", token: admin,
                json: [
                    "enterpriseId": world.enterprise.uuidString, "kind": "资金兑现", "amount": "12.5",
                    "grantedOn": today.iso,
                ])
            #expect(granted.status == .created)
            let dispatcher = try await client.token("lx_dispatcher")
            func sentence() async throws -> String {
                let summary = try await client.send(
                    .GET, "/api/v1/reports/campaign?campaign=\(campaign)", token: dispatcher)
                #expect(summary.status == .ok, "\(summary.body.string)")
                return try summary.content.decode(CampaignSummary.self).policies?.sentence ?? ""
            }
            #expect(
                try await sentence()
                    == "送达政策2次，覆盖企业2家，所送政策知晓率33.3%（符合条件的3家次中1家次已知晓）；兑现各类优惠政策12.50万元，合计12.50万元。")
            let enterprise = try await client.token("lx_enterprise")
            #expect(
                try await client.send(.POST, "/api/v1/policies/\(onlyAbove)/acknowledge", token: enterprise).status
                    == .noContent)
            #expect(try await sentence() == "送达政策2次，覆盖企业2家，所送政策知晓率66.7%（符合条件的3家次中2家次已知晓）；兑现各类优惠政策12.50万元，合计12.50万元。")
        }
    }
}
