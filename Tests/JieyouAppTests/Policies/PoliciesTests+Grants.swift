import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// 免申即享 grants, the 兑现 ledger's sums, the rule editor and what the registry's numbers decide.
extension PoliciesTests {
    /// 免申即享: qualifying enterprises are granted without applying; one that does not qualify
    /// refuses the whole grant.
    @Test func automaticPoliciesGrantOnlyToQualifyingEnterprises() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let (admin, other) = try await prepare(client, world)
            let id = try await create(
                client, admin, policy("规上企业稳岗奖励", rule: condition("scale", "in", ["规上"]), automatic: true))
            let before = try await rowCount("benefits", on: app)
            let refused = try await client.send(
                .POST, "/api/v1/policies/\(id)/grants", token: admin,
                json: [
                    "enterpriseIds": [world.enterprise.uuidString, other.uuidString], "kind": "资金兑现",
                    "amount": 5, "grantedOn": today.iso,
                ])
            #expect(refused.status == .badRequest)
            #expect(refused.apiError?.field == "enterpriseIds[1]")
            #expect(try await rowCount("benefits", on: app) == before)
            let granted = try await client.send(
                .POST, "/api/v1/policies/\(id)/grants", token: admin,
                json: [
                    "enterpriseIds": [world.enterprise.uuidString], "kind": "资金兑现", "amount": 5.2,
                    "grantedOn": today.iso,
                ])
            #expect(granted.status == .created, "\(granted.body.string)")
            let ledger = try await client.send(.GET, "/api/v1/benefits?policy=\(id)", token: admin)
            #expect(try ledger.content.get(Int64.self, at: "totals", "amountFen") == 5_200_000)
            #expect(try ledger.content.get(String.self, at: "byPolicy", "0", "title") == "规上企业稳岗奖励")
        }
    }

    /// Seed 003's first quarter of 2023, entered as separate benefits, comes back to the 分.
    @Test func aQuarterOfBenefitsAddsUpExactlyAsSeed003Reports() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let (admin, other) = try await prepare(client, world)
            let entries: [(UUID, String, String, String)] = [
                (world.enterprise, "资金兑现", "433.09", "2023-01-16"), (other, "资金兑现", "300.05", "2023-03-31"),
                (world.enterprise, "减免所得税", "1448.43", "2023-02-20"), (other, "减免所得税", "1000", "2023-03-01"),
                (world.enterprise, "减免增值税", "1120.3", "2023-02-01"), (other, "减免增值税", "0.6", "2023-03-15"),
                (other, "留抵退税", "844", "2023-03-20"),
                // Outside the quarter.
                (other, "资金兑现", "99.99", "2023-04-01"), (other, "留抵退税", "1", "2022-12-31"),
            ]
            for (enterprise, kind, amount, day) in entries {
                let added = try await client.send(
                    .POST, "/api/v1/benefits", token: admin,
                    json: ["enterpriseId": enterprise.uuidString, "kind": kind, "amount": amount, "grantedOn": day])
                #expect(added.status == .created, "\(added.body.string)")
            }
            let quarter = try await client.send(.GET, "/api/v1/benefits?from=2023-01-01&to=2023-03-31", token: admin)
            #expect(
                try quarter.content.get(String.self, at: "totals", "sentence")
                    == "兑现各类优惠政策733.14万元，减免所得税2448.43万元，减免增值税1120.90万元，留抵退税844万元")
            #expect(try quarter.content.get(Int.self, at: "totals", "count") == 7)
            // The quarter as a file: every entry, oldest first; the workbook's 合计 is the ledger's.
            let file = try await client.send(
                .GET, "/api/v1/benefits/export?from=2023-01-01&to=2023-03-31", token: admin)
            #expect(file.status == .ok)
            let rows = try EnterpriseExportTests.rows(ofWorkbook: Data(buffer: file.body))
            #expect(rows.first?.first == "兑现日期")
            #expect(rows.count == 1 + 7 + 1)
            #expect(rows[1][0] == "2023-01-16" && rows[1][5] == "资金兑现" && rows[1][6] == "433.09")
            #expect(rows.last.map { [$0[0], $0[1], $0[6]] } == ["合计", "7笔", "5146.47"])
            let csv = try await client.send(
                .GET, "/api/v1/benefits/export?format=csv&kind=vatRefund&from=2023-01-01", token: admin)
            var lines: [[String]] = []
            try CSVReader(data: Data(buffer: csv.body)).forEachRow { _, fields in lines.append(fields) }
            #expect(lines.map { $0[0] } == ["兑现日期", "2023-03-20"])
            let bad = try await client.send(.GET, "/api/v1/benefits?from=2023-02-30&kind=红包", token: admin)
            #expect(bad.status == .badRequest)
            let badAmount = try await client.send(
                .POST, "/api/v1/benefits", token: admin,
                json: [
                    "enterpriseId": other.uuidString, "kind": "资金兑现", "amount": "1.0000001", "grantedOn": "2023-01-01",
                ])
            #expect(badAmount.status == .badRequest && badAmount.apiError?.field == "amount")
        }
    }

    /// The form's rule editor: rows of field, operator and words; a bad row is named and nothing is
    /// written; the saved rule reads back into the same rows.
    @Test func thePolicyFormWritesARuleFromRows() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            _ = try await prepare(client, world)
            let session = try await client.webSession("lx_dispatcher")
            func post(_ rows: [(String, String, String, Bool)]) async throws -> TestingHTTPResponse {
                var form: [(String, String)] = [
                    ("_csrf", session.csrf), ("orgUnitId", world.linxiangPark.uuidString), ("title", "设备更新补贴"),
                    ("issuer", "临湘高新区管委会"), ("level", "park"), ("benefitKind", "subsidy"), ("themes", "两新、设备更新"),
                    ("ruleMode", "all"),
                ]
                for (index, row) in rows.enumerated() {
                    form += [
                        ("conditions[\(index)][field]", row.0), ("conditions[\(index)][op]", row.1),
                        ("conditions[\(index)][values]", row.2),
                    ]
                    if row.3 { form.append(("conditions[\(index)][negate]", "true")) }
                }
                return try await client.send(.POST, "/policies", form: form, cookie: session.cookie)
            }
            let before = try await rowCount("policies", on: app)
            let bad = try await post([("industry", "", "制造业", false), ("revenue", "atLeast", "很多", false)])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("第2条条件：营业收入的值“很多”无法识别"))
            #expect(try await rowCount("policies", on: app) == before)

            let saved = try await post([
                ("industry", "", "制造业、建筑业", false), ("", "", "", false), ("tag", "hasAny", "链主企业", true),
            ])
            #expect(saved.status == .seeOther, "\(saved.body.string)")
            let location = try #require(saved.headers.first(name: .location))
            let page = try await client.send(.GET, location, cookie: session.cookie)
            #expect(page.body.string.contains("行业为制造业或建筑业，且企业标签不含链主企业"))
            #expect(page.body.string.contains("临湘浮标科技有限公司"), "the eligible list")
            let edit = try await client.send(
                .GET, location.components(separatedBy: "?")[0] + "/edit", cookie: session.cookie)
            #expect(edit.body.string.contains("value=\"制造业、建筑业\""))
            #expect(edit.body.string.contains("name=\"conditions[1][negate]\" value=\"true\" checked"))
        }
    }

    /// The registry holds what rules ask about: 成立日期, 营业收入 and 从业人员, checked and named.
    @Test func revenueEmployeesAndAgeComeFromTheRegistry() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let bad = try await client.send(
                .PATCH, "/api/v1/enterprises/\(world.enterprise.uuidString)", token: admin,
                json: ["registeredOn": "2099-01-01", "revenue": "很多", "employees": -3])
            #expect(bad.status == .badRequest)
            let fields = Set((bad.apiError?.field).map { [$0] } ?? [])
            #expect(fields.contains("registeredOn"))
            #expect(bad.body.string.contains("营业收入“很多”") && bad.body.string.contains("从业人员“-3”"))
            let patched = try await client.send(
                .PATCH, "/api/v1/enterprises/\(world.enterprise.uuidString)", token: admin,
                json: ["registeredOn": today.adding(days: -366 * 4).iso, "revenue": 2500.5, "employees": "120"])
            #expect(patched.status == .ok, "\(patched.body.string)")
            #expect(try patched.content.get(String.self, at: "revenue") == "2500.50")
            let id = try await create(
                client, admin,
                policy(
                    "规模企业奖补",
                    rule: [
                        "all": [
                            condition("revenue", "between", ["2000", "3000"]), condition("employees", "atLeast", [100]),
                            condition("yearsRegistered", "atLeast", [3]),
                        ]
                    ]))
            let reach = try await client.send(.GET, "/api/v1/policies/\(id)/eligible-enterprises", token: admin)
            #expect(try column(reach, "reasons").first?.hasPrefix("符合：营业收入2500.50万元（2000万元至3000万元）；从业人员120人") == true)
            #expect(try column(reach, "name") == ["临湘浮标科技有限公司"])
        }
    }

    /// The database narrows the registry before the evaluator decides (`EligibilitySQL`): for every
    /// kind of condition the narrowed result is what evaluating the whole registry gives.
    @Test func theSQLNarrowingNeverChangesWhoQualifies() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let (admin, _) = try await prepare(client, world)
            for (index, body) in [
                ["scale": "规上", "industry": "C27", "revenue": "3000", "employees": 80, "tags": ["高新技术企业", "链主企业"]],
                ["scale": "below", "industry": "E", "region": "临湘市", "whitelisted": true],
            ].enumerated() {
                var json: [String: Any] = body
                let prefix = "91430682MA4PJ000\(index)"
                json["creditCode"] = prefix + String(CreditCode.checkCharacter(for: prefix)!)
                json["name"] = "对照企业\(index)"
                let created = try await client.send(.POST, "/api/v1/enterprises", token: admin, json: json)
                #expect(created.status == .created, "\(created.body.string)")
            }
            let rules: [[String: Any]] = [
                condition("industry", "in", ["制造业"]), condition("industry", "in", ["医药制造业", "建筑业"]),
                condition("scale", "in", ["规下"]), condition("region", "in", ["岳阳市"]),
                condition("tag", "hasAny", ["链主企业", "外贸企业"]), condition("tag", "hasAll", ["链主企业", "高新技术企业"]),
                condition("revenue", "between", ["1000", "3000"]), condition("employees", "atMost", [100]),
                condition("whitelisted", "is", ["是"]), condition("orgUnit", "in", [world.linxiangPark.uuidString]),
                condition("yearsRegistered", "atLeast", [1]),
                ["not": condition("scale", "in", ["规上"])],
                ["any": [condition("scale", "in", ["规上"]), condition("whitelisted", "is", [true])]],
                ["all": [condition("industry", "in", ["C"]), ["not": condition("tag", "hasAny", ["链主企业"])]]],
            ]
            let sql = app.db.sql
            let tree = try await OrgDirectory.tree(on: app.db)
            let today = LocalDate(Date(), in: .chinaStandard)
            let matching = PolicyMatching(sql: sql, tree: tree, today: today)
            let everyone = try await EnterpriseFactsStore.load(
                units: Array(tree.subtree(of: world.linxiangPark)), on: sql)
            #expect(everyone.count == 4)
            for rule in rules {
                let id = try await create(client, admin, policy("对照", rule: rule))
                let record = try #require(try await PolicyQueries.load(UUID(uuidString: id)!, on: sql))
                let evaluator = try await matching.evaluator(for: record)
                let expected = Set(everyone.filter(evaluator.matches).map(\.id))
                let narrowed = Set(
                    try await matching.reach(of: record, under: world.linxiangPark).eligible.map(\.facts.id))
                #expect(narrowed == expected, "\(rule)")
            }
        }
    }
}
