import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// The problem loop through `/api/v1/problems`, with the people PRODUCT.md §3 gives each step to.
@Suite struct ProblemsAPITests {
    func submit(_ client: Client, _ token: String, enterprise: UUID, category: String? = nil) async throws -> String {
        var body: [String: Any] = [
            "enterpriseId": enterprise.uuidString, "description": "厂区外道路破损，货车进出困难", "source": "visit",
        ]
        if let category { body["category"] = category }
        let response = try await client.send(.POST, "/api/v1/problems", token: token, json: body)
        #expect(response.status == .created, "\(response.body.string)")
        return try response.content.get(String.self, at: "id")
    }

    /// A problem of `enterprise` submitted, accepted and assigned to `lead` by the dispatcher of `token`.
    func assigned(_ client: Client, _ token: String, enterprise: UUID, lead: UUID) async throws -> String {
        let id = try await submit(client, token, enterprise: enterprise, category: "enforcement")
        try await act(client, token, id, "accept")
        try await act(client, token, id, "assign", ["leadDepartmentId": lead.uuidString])
        return id
    }

    /// `lx_service_handler`: a handler of the park's other department, 服务小组.
    func addServiceHandler(_ app: Application, _ world: World) async throws {
        _ = try await UserService(database: app.db, now: app.clock.now(), hashing: app.passwordHashing).create(
            UserInput(
                username: "lx_service_handler", password: World.password, displayName: "服务小组经办人",
                roles: ["handler"], orgUnitID: world.linxiangPark, departmentID: world.linxiangService),
            by: nil)
    }

    @discardableResult
    func act(
        _ client: Client, _ token: String, _ id: String, _ action: String, _ body: [String: Any] = [:],
        expect status: HTTPStatus = .ok, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TestingHTTPResponse {
        let response = try await client.send(
            .POST, "/api/v1/problems/\(id)/actions/\(action)", token: token, json: body)
        #expect(response.status == status, "\(action): \(response.body.string)", sourceLocation: sourceLocation)
        return response
    }

    @Test func theWholeLoopFromSubmissionToClosing() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let handler = try await client.token("lx_handler")
            let enterprise = try await client.token("lx_enterprise")
            let id = try await submit(client, dispatcher, enterprise: world.enterprise)
            let shown = try await client.send(.GET, "/api/v1/problems/\(id)", token: dispatcher)
            #expect(try shown.content.get(String.self, at: "number").hasPrefix("LXGXQ-"))
            #expect(try shown.content.get(String.self, at: "state") == "submitted")
            #expect(try shown.content.get([String].self, at: "actions").contains("accept"))

            try await act(client, dispatcher, id, "accept", ["category": "hardship"])
            try await act(
                client, dispatcher, id, "assign",
                [
                    "leadDepartmentId": world.linxiangEconomy.uuidString,
                    "coDepartmentIds": [world.linxiangService.uuidString],
                ])
            let assigned = try await client.send(.GET, "/api/v1/problems/\(id)", token: handler)
            #expect(
                try assigned.content.get([String].self, at: "actions") == [
                    "sign", "progress", "giveBack", "recordRootCause",
                ])
            #expect(try assigned.content.get(String?.self, at: "deadline") != nil)
            try await act(client, handler, id, "sign")
            try await act(client, handler, id, "progress", ["text": "已联系交通局现场勘查"])
            try await act(client, handler, id, "resolve", ["result": "道路已修复", "resultKind": "solved"])
            try await act(client, enterprise, id, "revisit", ["satisfaction": "satisfied"])
            let closed = try await act(client, dispatcher, id, "close")
            #expect(try closed.content.get(String.self, at: "state") == "closed")
            let timeline = try closed.content.get([ProblemsAPI.TimelineEntry].self, at: "timeline")
            #expect(
                timeline.map(\.action) == [
                    "submit", "accept", "assign", "sign", "progress", "resolve", "revisit", "close",
                ])
            #expect(timeline[4].changes["note"]?.after == "已联系交通局现场勘查")
            #expect(try await rowCount("problem_progress", on: app) == 1)
            #expect(try await AuditVerification.run(on: app.db).firstBreak == nil)
        }
    }

    @Test func aProblemGoesOnlyToDepartmentsOfItsOwnUnit() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let id = try await submit(client, dispatcher, enterprise: world.enterprise, category: nil)
            try await act(client, dispatcher, id, "accept", ["category": "hardship"])
            // 平江高新区's 经济发展局 is another park's department: its handlers must never see this problem.
            let foreignLead = try await act(
                client, dispatcher, id, "assign", ["leadDepartmentId": world.pingjiangEconomy.uuidString],
                expect: .badRequest)
            #expect(foreignLead.apiError?.field == "leadDepartmentId")
            #expect(foreignLead.apiError?.message == "牵头单位不是本单位的部门")
            let foreignCo = try await act(
                client, dispatcher, id, "assign",
                [
                    "leadDepartmentId": world.linxiangEconomy.uuidString,
                    "coDepartmentIds": [world.pingjiangEconomy.uuidString],
                ], expect: .badRequest)
            #expect(foreignCo.apiError?.field == "coDepartmentIds")
            try await act(client, dispatcher, id, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
            let foreignAdded = try await act(
                client, dispatcher, id, "addDepartment", ["departmentId": world.pingjiangEconomy.uuidString],
                expect: .badRequest)
            #expect(foreignAdded.apiError?.field == "departmentId")
            let row = try await app.db.sql.raw(
                "SELECT COUNT(*) AS n FROM problem_co_departments WHERE department_id = \(bind: world.pingjiangEconomy!)"
            ).first()
            #expect(try row?.decode(column: "n", as: Int.self) == 0)
        }
    }

    @Test func aReturnIsRuledOnAndADissatisfiedRevisitReopens() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let handler = try await client.token("lx_handler")
            let cadre = try await client.token("lx_cadre")
            let admin = try await client.token("lx_admin")
            // lx_cadre is the enterprise's stationed cadre, so it may revisit.
            let liaison = try await client.send(
                .PUT, "/api/v1/enterprises/\(world.enterprise.uuidString)/liaison", token: admin,
                json: ["cadreIds": [world.users["lx_cadre"]!.uuidString]])
            #expect(liaison.status == .ok, "\(liaison.body.string)")
            let id = try await submit(client, dispatcher, enterprise: world.enterprise, category: "enforcement")
            try await act(client, dispatcher, id, "accept")
            try await act(client, dispatcher, id, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
            try await act(client, handler, id, "giveBack", ["reason": "属于市场监管职责"])
            let refused = try await act(client, dispatcher, id, "ruleOnReturn", ["upheld": false], expect: .badRequest)
            #expect(refused.apiError?.field == "note")
            try await act(client, dispatcher, id, "ruleOnReturn", ["upheld": false, "note": "经核实属于本局职责"])
            try await act(client, handler, id, "sign")
            try await act(client, handler, id, "resolve", ["result": "已答复", "resultKind": "explained"])
            let reopened = try await act(
                client, cadre, id, "revisit", ["satisfaction": "dissatisfied", "comment": "问题仍未解决"])
            #expect(try reopened.content.get(String.self, at: "state") == "accepted")
            #expect(try reopened.content.get(Int.self, at: "reopenCount") == 1)
            // Reassigned, it cannot be resolved again before the root cause is written down.
            try await act(client, dispatcher, id, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
            try await act(client, handler, id, "sign")
            let noCause = try await act(
                client, handler, id, "resolve", ["result": "已办", "resultKind": "solved"], expect: .badRequest)
            #expect(noCause.apiError?.field == "rootCause")
        }
    }

    @Test func eachRoleReachesOnlyWhatItOwns() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            try await addServiceHandler(app, world)
            let id = try await submit(client, dispatcher, enterprise: world.enterprise, category: "hardship")
            try await act(client, dispatcher, id, "accept")
            try await act(client, dispatcher, id, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])

            for (user, status) in [
                ("lx_service_handler", HTTPStatus.notFound), ("pj_admin", .notFound), ("pj_cadre", .notFound),
                ("lx_monitor", .notFound), ("lx_handler", .ok), ("lx_enterprise", .ok), ("lx_leader", .ok),
                ("yy_upper", .ok), ("lx_cadre", .ok),
            ] {
                let token = try await client.token(user)
                let read = try await client.send(.GET, "/api/v1/problems/\(id)", token: token)
                #expect(read.status == status, "read as \(user)")
            }
            // Readers who do not own the step are refused; those who cannot read get 404.
            for (user, status) in [
                ("lx_service_handler", HTTPStatus.notFound), ("pj_admin", .notFound), ("lx_enterprise", .forbidden),
                ("lx_dispatcher", .forbidden), ("yy_upper", .forbidden), ("lx_cadre", .forbidden),
            ] {
                try await act(client, try await client.token(user), id, "sign", expect: status)
            }
            // The ledger lists only what each one owns.
            for (user, count) in [("lx_handler", 1), ("lx_service_handler", 0), ("pj_admin", 0), ("lx_dispatcher", 1)] {
                let ledger = try await client.send(.GET, "/api/v1/problems", token: try await client.token(user))
                #expect(try ledger.content.get(Int.self, at: "total") == count, "ledger of \(user)")
            }
            let toSign = try await client.send(
                .GET, "/api/v1/problems?view=toSign", token: try await client.token("lx_handler"))
            #expect(try toSign.content.get(Int.self, at: "total") == 1)
            let badView = try await client.send(.GET, "/api/v1/problems?view=nope", token: dispatcher)
            #expect(badView.apiError?.field == "view")
            // The wrong moment: the handler cannot resolve what it has not signed for.
            let early = try await act(
                client, try await client.token("lx_handler"), id, "resolve", ["result": "x", "resultKind": "solved"],
                expect: .conflict)
            #expect(early.apiError?.message.contains("已交办") == true)
            // An enterprise's own submission is its own, and another park's enterprise is not reachable.
            let own = try await submit(
                client, try await client.token("lx_enterprise"), enterprise: world.pingjiangEnterprise)
            let ownRead = try await client.send(
                .GET, "/api/v1/problems/\(own)", token: try await client.token("lx_enterprise"))
            #expect(try ownRead.content.get(String?.self, at: "enterpriseId") == world.enterprise.uuidString)
            #expect(try ownRead.content.get(String.self, at: "source") == "online")
            let foreign = try await client.send(
                .POST, "/api/v1/problems", token: dispatcher,
                json: ["enterpriseId": world.pingjiangEnterprise.uuidString, "description": "x"])
            #expect(foreign.status == .notFound)
            // Bad input names the field and writes nothing.
            let before = try await rowCount("problems", on: app)
            let blank = try await client.send(
                .POST, "/api/v1/problems", token: dispatcher,
                json: ["enterpriseId": world.enterprise.uuidString, "description": " ", "category": "无此类别"])
            #expect(blank.status == .badRequest)
            #expect(blank.apiError?.field == "description")
            let noCampaign = try await client.send(
                .POST, "/api/v1/problems", token: dispatcher,
                json: [
                    "enterpriseId": world.enterprise.uuidString, "description": "x", "campaignId": UUID().uuidString,
                ])
            #expect(noCampaign.apiError?.field == "campaignId")
            // A source the ledger does not know is refused from an enterprise too, whose own source is
            // online whatever it sends (fuzzing found it stored as online).
            for (user, source) in [("lx_enterprise", "AAA"), ("lx_dispatcher", "sheet")] {
                let badSource = try await client.send(
                    .POST, "/api/v1/problems", token: try await client.token(user),
                    json: ["enterpriseId": world.enterprise.uuidString, "description": "x", "source": source])
                #expect(badSource.status == .badRequest, "\(user)")
                #expect(badSource.apiError?.field == "source", "\(user)")
            }
            let strayMerge = try await act(
                client, dispatcher, id, "merge", ["targetId": UUID().uuidString], expect: .badRequest)
            #expect(strayMerge.apiError?.field == "targetId")
            let badKind = try await act(
                client, try await client.token("lx_handler"), id, "resolve", ["resultKind": "done"], expect: .badRequest
            )
            #expect(badKind.apiError?.field == "resultKind")
            #expect(try await rowCount("problems", on: app) == before)
        }
    }

    /// 上报 opens a linked problem in the parent org's ledger; when that one is closed, the park's
    /// problem shows the outcome.
    /// A department added later (加派) finds the problem in its ledger and under the department filter,
    /// as the lead department does; the filter is written differently for each database.
    @Test func aCoDepartmentFindsItsProblemsInTheLedger() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            try await addServiceHandler(app, world)
            let service = try await client.token("lx_service_handler")
            let id = try await submit(client, dispatcher, enterprise: world.enterprise, category: "hardship")
            _ = try await submit(client, dispatcher, enterprise: world.enterprise, category: "hardship")
            try await act(client, dispatcher, id, "accept")
            try await act(client, dispatcher, id, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
            func ids(_ token: String, _ query: String) async throws -> [String] {
                let page = try await client.send(.GET, "/api/v1/problems\(query)", token: token)
                return try page.content.get([LedgerItem].self, at: "items").map(\.id.uuidString)
            }
            #expect(try await ids(service, "").isEmpty)
            #expect(try await ids(dispatcher, "?department=\(world.linxiangService.uuidString)").isEmpty)
            try await act(client, dispatcher, id, "addDepartment", ["departmentId": world.linxiangService.uuidString])
            #expect(try await ids(service, "") == [id])
            #expect(try await ids(dispatcher, "?department=\(world.linxiangService.uuidString)") == [id])
            #expect(try await ids(dispatcher, "?department=\(world.linxiangEconomy.uuidString)") == [id])
        }
    }

    @Test func anEscalatedProblemOpensInTheParentLedgerAndShowsItsOutcome() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let id = try await submit(client, dispatcher, enterprise: world.enterprise, category: "opening")
            try await act(client, dispatcher, id, "accept")
            let escalated = try await act(client, dispatcher, id, "escalate", ["reason": "涉及跨县协调，需市级统筹"])
            #expect(try escalated.content.get(String.self, at: "state") == "escalated")
            let parentID = try escalated.content.get(String.self, at: "escalatedTo", "id")
            #expect(try escalated.content.get(String.self, at: "escalatedTo", "state") == "submitted")

            // The county above the park (临湘市) owns it now; its dispatcher works it like any other.
            let county = try await UserService(database: app.db, now: app.clock.now(), hashing: app.passwordHashing)
                .create(
                    UserInput(
                        username: "lx_county_dispatcher", password: World.password, displayName: "临湘市服务专班",
                        roles: ["dispatcher"], orgUnitID: world.linxiang),
                    by: nil)
            #expect(county.id != nil)
            let countyToken = try await client.token("lx_county_dispatcher")
            let parent = try await client.send(.GET, "/api/v1/problems/\(parentID)", token: countyToken)
            #expect(try parent.content.get(String.self, at: "escalatedFrom", "id") == id)
            #expect(try parent.content.get(String.self, at: "orgUnitId") == world.linxiang.uuidString)
            // The park's dispatcher cannot act on the county's problem.
            try await act(client, dispatcher, parentID, "accept", expect: .notFound)
            try await act(client, countyToken, parentID, "accept")
            try await act(client, countyToken, parentID, "reject", expect: .conflict)
            let countyEconomy = try await DepartmentService(database: app.db, now: app.clock.now()).create(
                DepartmentInput(orgUnitID: world.linxiang, name: "临湘市商务局", kind: DepartmentKind.bureau.rawValue),
                by: Actor(userID: world.users["root"]!, roles: [.admin], orgUnitID: world.province))
            try await act(client, countyToken, parentID, "assign", ["leadDepartmentId": countyEconomy.id!.uuidString])
            #expect(try await rowCount("problems", on: app) == 2)
            let child = try await client.send(.GET, "/api/v1/problems/\(id)", token: dispatcher)
            #expect(try child.content.get(String.self, at: "escalatedTo", "state") == "assigned")
            #expect(try await AuditVerification.run(on: app.db).firstBreak == nil)
        }
    }

    /// What a cadre writes down at a visit reaches the dispatcher's 待受理 at once; findings written
    /// before the ledger existed are taken in by the migration.
    @Test func findingsFromVisitsBecomeProblemsWaitingForTheDispatcher() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let visit = try await client.send(
                .POST, "/api/v1/visits", token: try await client.token("lx_cadre"),
                json: [
                    "enterpriseId": world.enterprise.uuidString, "purposes": ["problemFinding"],
                    "findings": [
                        ["kind": "problem", "text": "用工缺口约30人"], ["kind": "suggestion", "text": "建议开通园区公交"],
                    ],
                ])
            #expect(visit.status == .created, "\(visit.body.string)")
            let dispatcher = try await client.token("lx_dispatcher")
            let waiting = try await client.send(.GET, "/api/v1/problems?view=toAccept", token: dispatcher)
            let items = try waiting.content.get([LedgerItem].self, at: "items")
            #expect(items.map(\.kind).sorted() == ["problem", "suggestion"])
            #expect(items.allSatisfy { $0.enterpriseId == world.enterprise })
            let first = try await client.send(.GET, "/api/v1/problems/\(items[0].id)", token: dispatcher)
            #expect(try first.content.get(String.self, at: "source") == "visit")
            let sql = app.db.sql
            let linked = try await sql.raw("SELECT COUNT(*) AS n FROM findings WHERE problem_id IS NOT NULL").first()?
                .decode(column: "n", as: Int.self)
            #expect(linked == 2)

            // A finding from before the ledger (no problem yet) is taken in once, with its event.
            try await sql.raw(
                """
                INSERT INTO findings (id, org_unit_id, enterprise_id, kind, text, recorded_by, created_at)
                VALUES (\(bind: UUID()), \(bind: world.linxiangPark), \(bind: world.enterprise), 'problem', '厂区停电频繁',
                  \(bind: world.users["lx_cadre"]!), \(bind: Date()))
                """
            ).run()
            try await TakeInFindings().prepare(on: app.db)
            try await TakeInFindings().prepare(on: app.db)
            #expect(try await rowCount("problems", on: app) == 3)
            #expect(try await AuditVerification.run(on: app.db).firstBreak == nil)
        }
    }

    /// Two people acting on the same problem at once: the second write finds the version moved on.
    @Test func aStaleWriteLosesTheRace() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let id = try await submit(client, dispatcher, enterprise: world.enterprise, category: "hardship")
            let store = ProblemStore(sql: app.db.sql)
            let (record, snapshot) = try #require(try await store.load(UUID(uuidString: id)!))
            var accepted = snapshot
            accepted.state = .accepted
            #expect(try await store.update(record.id, from: record.version, to: accepted, now: Date()))
            var rejected = snapshot
            rejected.state = .rejected
            #expect(
                try await !store.update(record.id, from: record.version, to: rejected, now: Date()))
            let shown = try await client.send(.GET, "/api/v1/problems/\(id)", token: dispatcher)
            #expect(try shown.content.get(String.self, at: "state") == "accepted")
            // Both at once through the API: exactly one wins, the other is told the problem moved on.
            let duplicate = try await submit(client, dispatcher, enterprise: world.enterprise, category: "hardship")
            async let first = client.send(
                .POST, "/api/v1/problems/\(id)/actions/escalate", token: dispatcher, json: ["reason": "需上级协调"])
            async let second = client.send(
                .POST, "/api/v1/problems/\(id)/actions/merge", token: dispatcher, json: ["targetId": duplicate])
            let statuses = [try await first.status, try await second.status]
            #expect(statuses.filter { $0 == .ok }.count == 1 && statuses.filter { $0 == .conflict }.count == 1)
        }
    }
}
