import Foundation
import JieyouDomain
import Testing
import VaporTesting

@testable import JieyouApp

/// 双公示 through the API and the pages: a department enters and publishes its decisions, the public
/// page shows only what is in its publication period and nothing personal beyond the standard's, each
/// role reads only its reach, and a penalty is repaired on application.
@Suite struct CreditRecordsTests {
    static var today: LocalDate { LocalDate(Date(), in: .chinaStandard) }

    /// A penalty of 临湘浮标科技有限公司 (the world's enterprise) decided `monthsAgo` months ago.
    static func penalty(
        _ document: String, monthsAgo: Int, name: String = "临湘浮标科技有限公司", code: String? = "91440300708461136T",
        category: String = "organisation", publish: Bool = true, severity: String = "general"
    ) -> [String: Any] {
        var body: [String: Any] = [
            "kind": "penalty", "counterpartyName": name, "counterpartyCategory": category,
            "legalRepresentative": "彭某华", "documentNumber": document, "violationType": "未按规定开展安全生产教育培训",
            "violationFacts": "经查，该单位未对新入职员工开展岗前安全培训。", "penaltyBasis": "《中华人民共和国安全生产法》第九十七条",
            "penaltyCategories": ["warning", "fine"], "penaltyContent": "警告，并处罚款人民币贰万元", "fineWan": "2",
            "severity": severity, "decidedOn": today.adding(months: -monthsAgo).iso, "authority": "临湘高新区经济发展局",
            "publish": publish,
        ]
        if let code { body["creditCode"] = code }
        return body
    }

    func enter(
        _ client: Client, _ token: String, _ body: [String: Any], expect status: HTTPStatus = .created,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TestingHTTPResponse {
        let response = try await client.send(.POST, "/api/v1/credit-records", token: token, json: body)
        #expect(response.status == status, "\(response.body.string)", sourceLocation: sourceLocation)
        return response
    }

    @Test func aDepartmentEntersAPenaltyAndPublishesItLate() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let handler = try await client.token("lx_handler")
            let created = try await enter(
                client, handler, Self.penalty("临高经罚〔2026〕1号", monthsAgo: 1, publish: false))
            let id = try created.content.get(String.self, at: "id")
            // Filed under the handler's department, linked to the registry's enterprise by its code.
            #expect(try created.content.get(String.self, at: "departmentId") == world.linxiangEconomy.uuidString)
            #expect(try created.content.get(String.self, at: "enterpriseId") == world.enterprise.uuidString)
            #expect(try created.content.get(String.self, at: "status") == "overdue")
            #expect(try created.content.get(String.self, at: "fineWan") == "2")
            let published = try await client.send(.POST, "/api/v1/credit-records/\(id)/publish", token: handler)
            #expect(try published.content.get(String.self, at: "status") == "published")
            #expect(try published.content.get(Bool.self, at: "publishedLate") == true)
            let again = try await client.send(.POST, "/api/v1/credit-records/\(id)/publish", token: handler)
            #expect(again.status == .conflict)
            // The counts per department see one penalty, published late.
            let tally = try await client.send(
                .GET, "/api/v1/credit-records/tally?from=\(Self.today.adding(months: -2).iso)",
                token: try await client.token("lx_dispatcher"))
            #expect(try tally.content.get(Int.self, at: "total") == 1)
            #expect(try tally.content.get(Int.self, at: "items", 0, "publishedLate") == 1)
            // The export has the standard's columns in its order.
            let export = try await client.send(.GET, "/api/v1/credit-records/export?kind=penalty", token: handler)
            let rows = try EnterpriseExportTests.rows(ofWorkbook: Data(buffer: export.body))
            #expect(
                Array(rows[0].prefix(9)) == [
                    "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别",
                ])
            #expect(rows.count == 2 && rows[1][0] == "临湘浮标科技有限公司" && rows[1][8] == "警告、罚款")
            #expect(try await AuditVerification.run(on: app.db).firstBreak == nil)
        }
    }

    @Test func thePublicPageShowsOnlyPublishedUnrepairedRecordsAndNothingPersonal() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let handler = try await client.token("lx_handler")
            _ = try await enter(client, handler, Self.penalty("公示中1号", monthsAgo: 1))
            _ = try await enter(client, handler, Self.penalty("未公示2号", monthsAgo: 0, publish: false))
            _ = try await enter(
                client, handler,
                Self.penalty("自然人3号", monthsAgo: 1, name: "张三丰", code: nil, category: "naturalPerson"))
            _ = try await enter(client, handler, Self.penalty("期满4号", monthsAgo: 13))
            let repaired = try await enter(client, handler, Self.penalty("已修复5号", monthsAgo: 4))
            let repairedID = try repaired.content.get(String.self, at: "id")
            let enterprise = try await client.token("lx_enterprise")
            let applied = try await client.send(
                .POST, "/api/v1/credit-records/\(repairedID)/repairs", token: enterprise,
                json: ["statement": "已缴清罚款并完成全员安全培训", "fulfilled": true])
            let repair = try applied.content.get(String.self, at: "id")
            let approved = try await client.send(
                .POST, "/api/v1/credit-repairs/\(repair)/decision", token: handler, json: ["decision": "approve"])
            #expect(approved.status == .ok, "\(approved.body.string)")

            // No sign-in.
            let page = try await client.send(.GET, "/public/credit")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("公示中1号") && html.contains("临湘浮标科技有限公司"))
            #expect(html.contains("自然人3号") && html.contains("张某某") && !html.contains("张三丰"))
            for hidden in ["未公示2号", "期满4号", "已修复5号", "彭某华"] {
                #expect(!html.contains(hidden), "the public page shows \(hidden)")
            }
            #expect(html.contains("共 2 条"))
            // A search by a natural person's name finds nothing; another park's page shows none of these.
            let byName = try await client.send(
                .GET, "/public/credit?q=\("张三丰".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)")
            #expect(byName.body.string.contains("共 0 条"))
            let other = try await client.send(.GET, "/public/credit?orgUnit=\(world.pingjiangPark.uuidString)")
            #expect(other.body.string.contains("共 0 条"))
            let unknown = try await client.send(.GET, "/public/credit?orgUnit=\(UUID().uuidString)")
            #expect(unknown.status == .notFound)
            // The repaired record stays for the department, with its history.
            let kept = try await client.send(.GET, "/api/v1/credit-records/\(repairedID)", token: handler)
            #expect(try kept.content.get(String.self, at: "status") == "repaired")
            let events = try await app.db.sql.raw(
                "SELECT action FROM events WHERE entity_type = 'creditRecord' AND entity_id = \(bind: repairedID.uppercased()) ORDER BY sequence"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(events == ["create", "publish", "repair.apply", "repair.approve"])
        }
    }

    @Test func aRepairIsAppliedForOnceDueReviewedByTheDepartmentAndReachesTheEnterprise() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let (handler, enterprise, dispatcher) = (
                try await client.token("lx_handler"), try await client.token("lx_enterprise"),
                try await client.token("lx_dispatcher")
            )
            let early = try await enter(client, handler, Self.penalty("早1号", monthsAgo: 1))
            let earlyID = try early.content.get(String.self, at: "id")
            let application: [String: Any] = ["statement": "已缴清罚款并完成整改", "fulfilled": true, "phone": "13912345678"]
            let tooSoon = try await client.send(
                .POST, "/api/v1/credit-records/\(earlyID)/repairs", token: enterprise, json: application)
            #expect(tooSoon.status == .conflict)
            #expect(tooSoon.apiError?.message.contains("最短公示期为3个月") == true)

            let due = try await enter(client, handler, Self.penalty("到期2号", monthsAgo: 4))
            let dueID = try due.content.get(String.self, at: "id")
            let unpromised = try await client.send(
                .POST, "/api/v1/credit-records/\(dueID)/repairs", token: enterprise, json: ["statement": "已整改"])
            #expect(unpromised.status == .badRequest && unpromised.apiError?.field == "fulfilled")
            let first = try await client.send(
                .POST, "/api/v1/credit-records/\(dueID)/repairs", token: enterprise, json: application)
            #expect(first.status == .created, "\(first.body.string)")
            let firstID = try first.content.get(String.self, at: "id")
            let twice = try await client.send(
                .POST, "/api/v1/credit-records/\(dueID)/repairs", token: enterprise, json: application)
            #expect(twice.status == .conflict)
            // The department hears of it; the service group may not decide it.
            #expect(try await notices(world.users["lx_handler"]!, "credit.repairApplied", on: app) == 1)
            let byDispatcher = try await client.send(
                .POST, "/api/v1/credit-repairs/\(firstID)/decision", token: dispatcher, json: ["decision": "approve"])
            #expect(byDispatcher.status == .forbidden)
            let noReason = try await client.send(
                .POST, "/api/v1/credit-repairs/\(firstID)/decision", token: handler, json: ["decision": "refuse"])
            #expect(noReason.status == .badRequest && noReason.apiError?.field == "reason")
            let refused = try await client.send(
                .POST, "/api/v1/credit-repairs/\(firstID)/decision", token: handler,
                json: ["decision": "refuse", "reason": "未提交罚款缴纳凭证"])
            #expect(try refused.content.get(String.self, at: "state") == "refused")
            #expect(try await notices(world.users["lx_enterprise"]!, "credit.repairDecided", on: app) == 1)
            // Applied again with the proof: approved, off the public page.
            let second = try await client.send(
                .POST, "/api/v1/credit-records/\(dueID)/repairs", token: enterprise, json: application)
            let secondID = try second.content.get(String.self, at: "id")
            let decided = try await client.send(
                .POST, "/api/v1/credit-repairs/\(secondID)/decision", token: handler, json: ["decision": "approve"])
            #expect(try decided.content.get(String.self, at: "state") == "approved")
            let redo = try await client.send(
                .POST, "/api/v1/credit-repairs/\(secondID)/decision", token: handler,
                json: ["decision": "refuse", "reason": "x"])
            #expect(redo.status == .conflict)
            let history = try await client.send(.GET, "/api/v1/credit-records/\(dueID)/repairs", token: enterprise)
            #expect(
                try history.content.get([[String: String?]].self).compactMap { $0["state"] ?? nil } == [
                    "refused", "approved",
                ])
            let record = try await client.send(.GET, "/api/v1/credit-records/\(dueID)", token: enterprise)
            #expect(try record.content.get(String.self, at: "status") == "repaired")
            let edit = try await client.send(
                .PATCH, "/api/v1/credit-records/\(dueID)", token: handler, json: ["penaltyContent": "警告"])
            #expect(edit.status == .conflict)
            #expect(try await AuditVerification.run(on: app.db).firstBreak == nil)
        }
    }

    private func notices(_ user: UUID, _ kind: String, on app: Application) async throws -> Int {
        try await app.db.sql.raw(
            "SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: user) AND kind = \(bind: kind)"
        ).first()!.decode(column: "n", as: Int.self)
    }

    @Test func eachRoleReadsAndWritesOnlyItsReach() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let handler = try await client.token("lx_handler")
            let linked = try await enter(client, handler, Self.penalty("临1号", monthsAgo: 1))
            let linkedID = try linked.content.get(String.self, at: "id")
            // A record of another body, entered by the service group for the department.
            let dispatcher = try await client.token("lx_dispatcher")
            var other = Self.penalty("临2号", monthsAgo: 1, name: "临湘某物流有限公司", code: "91430682MA4PL0KG27")
            other["departmentId"] = world.linxiangService.uuidString
            let unlinked = try await enter(client, dispatcher, other)
            #expect((try? unlinked.content.get(String.self, at: "enterpriseId")) == nil)
            // A handler enters for its own department only; a cadre and an enterprise not at all.
            var foreign = Self.penalty("临3号", monthsAgo: 1)
            foreign["departmentId"] = world.linxiangService.uuidString
            _ = try await enter(client, handler, foreign, expect: .forbidden)
            _ = try await enter(
                client, try await client.token("lx_cadre"), Self.penalty("临4号", monthsAgo: 1), expect: .forbidden)
            _ = try await enter(
                client, try await client.token("lx_enterprise"), Self.penalty("临5号", monthsAgo: 1), expect: .forbidden)
            var elsewhere = Self.penalty("临6号", monthsAgo: 1)
            elsewhere["departmentId"] = world.pingjiangEconomy.uuidString
            let wrongDepartment = try await enter(client, dispatcher, elsewhere, expect: .badRequest)
            #expect(wrongDepartment.apiError?.field == "departmentId")

            func listed(_ user: String) async throws -> [String] {
                let response = try await client.send(
                    .GET, "/api/v1/credit-records", token: try await client.token(user))
                #expect(response.status == .ok, "\(user): \(response.body.string)")
                struct Item: Decodable { let documentNumber: String }
                return try response.content.get([Item].self, at: "items").map(\.documentNumber).sorted()
            }
            #expect(try await listed("lx_dispatcher") == ["临1号", "临2号"])
            #expect(try await listed("lx_leader") == ["临1号", "临2号"])
            #expect(try await listed("yy_upper") == ["临1号", "临2号"])
            #expect(try await listed("lx_handler") == ["临1号"])
            #expect(try await listed("lx_cadre") == ["临1号"])
            #expect(try await listed("lx_enterprise") == ["临1号"])
            #expect(try await listed("pj_admin") == [])
            let monitor = try await client.send(
                .GET, "/api/v1/credit-records", token: try await client.token("lx_monitor"))
            #expect(monitor.status == .forbidden)
            // Another park's admin, and another park's cadre, find nothing.
            for user in ["pj_admin", "pj_cadre"] {
                let token = try await client.token(user)
                let shown = try await client.send(.GET, "/api/v1/credit-records/\(linkedID)", token: token)
                #expect(shown.status == .notFound, "\(user)")
                let publish = try await client.send(.POST, "/api/v1/credit-records/\(linkedID)/publish", token: token)
                #expect(publish.status == .notFound, "\(user)")
            }
            // The handler of another department cannot read the service group's record.
            let unlinkedID = try unlinked.content.get(String.self, at: "id")
            let hidden = try await client.send(.GET, "/api/v1/credit-records/\(unlinkedID)", token: handler)
            #expect(hidden.status == .notFound)
            // The enterprise's page shows its record to those who read the enterprise.
            let session = try await client.webSession("lx_cadre")
            let page = try await client.send(
                .GET, "/enterprises/\(world.enterprise.uuidString.lowercased())", cookie: session.cookie)
            #expect(page.body.string.contains("双公示信息（1）") && page.body.string.contains("临1号"))
        }
    }

    @Test func badFieldsAreNamedAndNothingIsWritten() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let handler = try await client.token("lx_handler")
            var bad = Self.penalty("坏1号", monthsAgo: 1)
            bad["creditCode"] = "91440300708461136X"
            bad["fineWan"] = "两万"
            bad["decidedOn"] = Self.today.adding(days: 1).iso
            bad["penaltyCategories"] = []
            let refused = try await enter(client, handler, bad, expect: .badRequest)
            let fields = try refused.content.get([[String: String]].self, at: "error", "details").compactMap {
                $0["field"]
            }
            #expect(Set(fields) == ["creditCode", "decidedOn", "penaltyCategories", "fineWan"])
            #expect(try await rowCount("credit_records", on: app) == 0)
            _ = try await enter(client, handler, Self.penalty("同1号", monthsAgo: 1))
            let duplicate = try await enter(client, handler, Self.penalty("同1号", monthsAgo: 2), expect: .badRequest)
            #expect(duplicate.apiError?.field == "documentNumber")
            #expect(try await rowCount("credit_records", on: app) == 1)
            let badQuery = try await client.send(
                .GET, "/api/v1/credit-records?kind=fine&from=2026-13-01", token: handler)
            #expect(badQuery.status == .badRequest)
        }
    }

    /// The web form: a handler enters a penalty, the refusal keeps what was typed beside its errors.
    @Test func theFormNamesItsErrorsAndSaves() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_handler")
            let form = try await client.send(.GET, "/credit/new?kind=penalty", cookie: session.cookie)
            #expect(form.status == .ok && form.body.string.contains("行政处罚决定书文号"))
            var fields: [(String, String)] = [
                ("_csrf", session.csrf), ("kind", "penalty"), ("counterpartyName", "临湘浮标科技有限公司"),
                ("counterpartyCategory", "organisation"), ("creditCode", "91440300708461136T"),
                ("documentNumber", "临高经罚〔2026〕9号"), ("violationType", "未按规定开展安全生产教育培训"),
                ("violationFacts", "未对新员工开展岗前培训"), ("penaltyBasis", "《安全生产法》第九十七条"),
                ("penaltyCategories[]", "fine"), ("penaltyContent", "罚款人民币壹万元"), ("fineWan", ""),
                ("severity", "general"), ("decidedOn", Self.today.iso), ("authority", "临湘高新区经济发展局"),
                ("publish", "true"),
            ]
            let refused = try await client.send(.POST, "/credit", form: fields, cookie: session.cookie)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("处罚类别含罚款，请填写罚款金额（万元）"))
            #expect(refused.body.string.contains("临高经罚〔2026〕9号"))
            fields = fields.map { $0.0 == "fineWan" ? ("fineWan", "1") : $0 }
            let saved = try await client.send(.POST, "/credit", form: fields, cookie: session.cookie)
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers.first(name: .location))
            let page = try await client.send(.GET, location, cookie: session.cookie)
            #expect(page.body.string.contains("公示中") && page.body.string.contains("罚款人民币壹万元"))
            let list = try await client.send(.GET, "/credit", cookie: session.cookie)
            #expect(list.body.string.contains("临高经罚〔2026〕9号"))
        }
    }
}
