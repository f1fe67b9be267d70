import AsyncHTTPClient
import Foundation
import JieyouDomain

/// Issue 6's matching benchmark. The province's 200,000 enterprises (with founding day, revenue and
/// employees) are imported, 1,000 policies with rules of two to four conditions are entered at the
/// province through the API, and then:
/// - one policy against every enterprise: in process (the rule evaluator over 200,000 facts) and over
///   HTTP (`GET /api/v1/policies/{id}/eligible-enterprises` as the province's admin, which reads the
///   registry, evaluates, and counts deliveries): the first read after a change to the registry, and
///   repeated reads that find the eligible list kept;
/// - 1,000 policies against one enterprise: in process, and `GET /api/v1/policies` as an enterprise
///   account, which lists the policies of its lineage and evaluates each against it.
struct PolicyScenario {
    let options: Options

    /// The typical rule the HTTP timing uses: 制造业, 规上, 高新 or 专精特新, revenue of 2000万元 or more.
    static var typical: [String: Any] {
        [
            "all": [
                ["field": "industry", "op": "in", "values": ["制造业"]], ["field": "scale", "op": "in", "values": ["规上"]],
                ["field": "tag", "op": "hasAny", "values": ["高新技术企业", "专精特新中小企业"]],
                ["field": "revenue", "op": "atLeast", "values": ["2000"]],
            ]
        ]
    }

    func run() async throws {
        let workspace = try Workspace(existing: options.reuse)
        defer { workspace.finish(keeping: options.keep || options.reuse != nil) }
        let province = ProvinceFixture()
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
                    options.enterprises, parks: province.parks, binary: options.binary, workspace: workspace)
            }
            step("entering \(options.policies) policies")
            var random = SeededRandom(seed: 6)
            var typicalID = ""
            for index in 0..<options.policies {
                let rule = index == 0 ? Self.typical : Self.rule(&random)
                let created = try await admin.call(
                    "/api/v1/policies", method: .POST,
                    json: [
                        "title": "基准政策\(index + 1)", "issuer": "湖南省人民政府办公厅", "level": "provincial",
                        "themes": ["两新"], "benefitKind": "subsidy", "rule": rule,
                    ], expect: .created)
                if index == 0 { typicalID = created["id"] as? String ?? "" }
            }
            try await server.waitUntilIdle()

            step("one policy against the registry, over HTTP")
            let path = "/api/v1/policies/\(typicalID)/eligible-enterprises?limit=100"
            let first = try await admin.call(path)
            let eligible = first["eligible"] as? Int ?? -1
            let registry = try await admin.call("/api/v1/enterprises?limit=1")["total"] as? Int ?? -1
            let overHTTP = try await admin.timeSequentially(
                "1 policy × \(registry) enterprises (HTTP, list kept)",
                path: path, times: options.matchRuns)
            // After any change to the registry the kept list is gone and the next read evaluates afresh.
            let someone = (first["items"] as? [[String: Any]])?.first?["id"] as? String ?? ""
            var cold: [Double] = []
            let coldStart = DispatchTime.now().uptimeNanoseconds
            for run in 0..<max(3, options.matchRuns / 3) {
                _ = try await admin.call(
                    "/api/v1/enterprises/\(someone)", method: .PATCH, json: ["employees": 500 + run])
                let t0 = DispatchTime.now().uptimeNanoseconds
                _ = try await admin.call(path)
                cold.append(milliseconds(since: t0))
            }
            let afterChange = Measurement(
                name: "1 policy × \(registry) enterprises (HTTP, first read after a registry change)",
                seconds: milliseconds(since: coldStart) / 1000, latencies: cold)

            step("1,000 policies against one enterprise, over HTTP")
            let enterprise = try await APIClient.signIn(
                client, base: server.base, username: "gx_enterprise", password: "Jieyou2024")
            let fits = try await enterprise.call("/api/v1/policies")["items"] as? [Any] ?? []
            let manyHTTP = try await enterprise.timeSequentially(
                "\(options.policies) policies × 1 enterprise (HTTP)",
                path: "/api/v1/policies", times: options.matchRuns * 3)

            step("the same in process")
            let (oneInProcess, manyInProcess) = try inProcess(registry: registry)
            report(
                database: workspace.databaseName, eligible: eligible, registry: registry, fits: fits.count,
                [oneInProcess, afterChange, overHTTP, manyInProcess, manyHTTP])
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// A rule of two to four conditions over the registry's fields, combined with all, any and not.
    static func rule(_ random: inout SeededRandom) -> [String: Any] {
        let industries = ["制造业", "医药制造业", "化学原料和化学制品制造业", "软件和信息技术服务业", "批发业", "建筑业"]
        let conditions: [[String: Any]] = [
            ["field": "industry", "op": "in", "values": [random.pick(industries), random.pick(industries)]],
            ["field": "scale", "op": "in", "values": [random.next(3) == 0 ? "规下" : "规上"]],
            ["field": "tag", "op": "hasAny", "values": [random.pick(["高新技术企业", "科技型中小企业", "专精特新中小企业", "外贸企业"])]],
            ["field": "revenue", "op": "atLeast", "values": [String(500 * (1 + random.next(40)))]],
            [
                "field": "employees", "op": "between",
                "values": [String(random.next(50)), String(100 + random.next(2000))],
            ],
            ["field": "yearsRegistered", "op": "atLeast", "values": [String(1 + random.next(10))]],
        ]
        var chosen: [[String: Any]] = []
        for index in 0..<(2 + random.next(3)) {
            chosen.append(conditions[(index * 2 + random.next(2)) % conditions.count])
        }
        if random.next(4) == 0 { chosen[chosen.count - 1] = ["not": chosen[chosen.count - 1]] }
        return random.next(5) == 0 ? ["any": chosen] : ["all": chosen]
    }

    /// The evaluator alone: the typical rule over `registry` synthetic enterprises shaped like the
    /// imported ones, and `options.policies` parsed rules over one enterprise.
    private func inProcess(registry: Int) throws -> (Measurement, Measurement) {
        let today = LocalDate(Date(), in: .chinaStandard)
        let parser = EligibilityRuleParser(knownTags: Set(EnterpriseTags.builtIn), tree: nil)
        func parse(_ rule: [String: Any]) throws -> EligibilityRule {
            let data = try JSONSerialization.data(withJSONObject: rule)
            return try parser.parse(try JSONDecoder().decode(EligibilityRuleDraft.self, from: data)).get()
        }
        var random = SeededRandom(seed: 2026_1123)
        let trades = EnterpriseListFile.trades.map(\.industry)
        let facts = (0..<registry).map { index -> EnterpriseFacts in
            let above = random.next(100) < 30
            var tags: Set<String> = []
            if random.next(100) < (above ? 40 : 10) { tags.insert("高新技术企业") }
            if above && random.next(100) < 12 { tags.insert("专精特新中小企业") }
            return EnterpriseFacts(
                id: UUID(), name: "企业\(index)", creditCode: String(index), orgUnitID: UUID(),
                industryCode: random.pick(trades), scale: above ? .above : .below, tags: tags, regionCode: "430104",
                registeredOn: LocalDate(year: 1995 + random.next(30), month: 1, day: 1),
                revenue: Amount(fen: Int64(above ? 2_000 + random.next(80_000) : 10 + random.next(1_990)) * 1_000_000),
                employees: above ? 50 + random.next(2_000) : 3 + random.next(150), whitelisted: false)
        }
        let typical = EligibilityEvaluator(try parse(Self.typical), today: today, tree: nil)
        var one: [Double] = []
        let oneStart = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<options.matchRuns {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let matched = facts.filter(typical.matches)
            precondition(!matched.isEmpty)
            one.append(milliseconds(since: t0))
        }
        var ruleRandom = SeededRandom(seed: 6)
        // The server keeps parsed rules by their stored text, so a request evaluates parsed rules.
        let rules = try (0..<options.policies).map { _ in try parse(Self.rule(&ruleRandom)) }
        var many: [Double] = []
        let manyStart = DispatchTime.now().uptimeNanoseconds
        for run in 0..<(options.matchRuns * 3) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            // As the server does per request: each rule against the enterprise, reasons for the fits.
            var fitting = 0
            for rule in rules {
                let evaluator = EligibilityEvaluator(rule, today: today, tree: nil)
                if evaluator.matches(facts[run]), evaluator.explain(facts[run]).matched { fitting += 1 }
            }
            many.append(milliseconds(since: t0))
        }
        return (
            Measurement(
                name: "1 policy × \(registry) enterprises (in process)", seconds: milliseconds(since: oneStart) / 1000,
                latencies: one),
            Measurement(
                name: "\(options.policies) policies × 1 enterprise (in process)",
                seconds: milliseconds(since: manyStart) / 1000, latencies: many)
        )
    }

    private func report(database: String, eligible: Int, registry: Int, fits: Int, _ measurements: [Measurement]) {
        print("\n### Policy matching (\(database))\n")
        print(
            "\(registry) enterprises, \(options.policies) policies at the province. The typical rule (制造业, 规上, 高新 or 专精特新, revenue ≥ 2000万元) fits \(eligible); the demo enterprise fits \(fits) policies.\n"
        )
        print("| measurement | runs | p50 ms | p99 ms |")
        print("|---|---:|---:|---:|")
        for m in measurements {
            print(m.latencyRow)
        }
    }
}
