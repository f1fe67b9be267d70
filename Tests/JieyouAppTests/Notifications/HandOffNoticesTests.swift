import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// Every hand-off of the loop tells whoever must act next, in the same transaction as the step: who
/// receives each notice, and that another department, another park and the actor itself do not.
@Suite struct HandOffNoticesTests {
    let problems = ProblemsAPITests()

    /// Who got notices of `kind` about `problem`, by username.
    static func receivers(_ kind: ProblemNotice.Kind, of problem: String, on app: Application) async throws
        -> Set<String>
    {
        Set(
            try await app.db.sql.raw(
                """
                SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id
                WHERE n.kind = \(bind: "problem.\(kind.rawValue)") AND n.problem_id = \(bind: UUID(uuidString: problem)!)
                """
            ).all().map { try $0.decode(column: "username", as: String.self) })
    }

    /// More staff than the world has: a second 临湘 department's handler, 平江's handler, the county's
    /// dispatcher (where 临湘 escalates to) and a second 临湘 dispatcher.
    static func addStaff(_ app: Application, _ world: World) async throws {
        let users = UserService(database: app.db, now: app.clock.now(), hashing: app.passwordHashing)
        let root = Actor(userID: world.users["root"]!, roles: [.admin], orgUnitID: world.province)
        for (name, role, unit, department) in [
            ("lx_service_handler", "handler", world.linxiangPark!, world.linxiangService),
            ("pj_handler", "handler", world.pingjiangPark!, world.pingjiangEconomy),
            ("lxs_dispatcher", "dispatcher", world.linxiang!, nil),
            ("lx_dispatcher2", "dispatcher", world.linxiangPark!, world.linxiangService),
        ] {
            _ = try await users.create(
                UserInput(
                    username: name, password: World.password, displayName: name, roles: [role], orgUnitID: unit,
                    departmentID: department),
                by: root)
        }
    }

    @Test func eachHandOffReachesWhoActsNextAndNobodyElse() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await Self.addStaff(app, world)
            let client = Client(app: app)
            let (dispatcher, handler) = (try await client.token("lx_dispatcher"), try await client.token("lx_handler"))
            let liaison = try await client.send(
                .PUT, "/api/v1/enterprises/\(world.enterprise.uuidString)/liaison",
                token: try await client.token("lx_admin"),
                json: ["cadreIds": [world.users["lx_cadre"]!.uuidString]])
            #expect(liaison.status == .ok)
            let economy = world.linxiangEconomy.uuidString

            // 交办: the lead department's handlers; not the other department's, not 平江's.
            let id = try await problems.submit(
                client, dispatcher, enterprise: world.enterprise, category: "enforcement")
            try await problems.act(client, dispatcher, id, "accept")
            try await problems.act(client, dispatcher, id, "assign", ["leadDepartmentId": economy])
            #expect(try await Self.receivers(.assigned, of: id, on: app) == ["lx_handler"])

            // 加派: the added department's handlers.
            try await problems.act(
                client, dispatcher, id, "addDepartment", ["departmentId": world.linxiangService.uuidString])
            #expect(try await Self.receivers(.departmentAdded, of: id, on: app) == ["lx_service_handler"])

            // 退回: the park's dispatchers, the one who acted included, not the county's.
            try await problems.act(client, handler, id, "giveBack", ["reason": "属于市场监管职责"])
            #expect(try await Self.receivers(.returned, of: id, on: app) == ["lx_dispatcher", "lx_dispatcher2"])
            try await problems.act(client, dispatcher, id, "ruleOnReturn", ["upheld": false, "note": "属于本局职责"])
            try await problems.act(client, handler, id, "sign")

            // 延期申请: the dispatchers, who approve; the decision: the lead department.
            try await problems.act(client, handler, id, "requestExtension", ["workingDays": 5, "reason": "需第三方检测"])
            #expect(
                try await Self.receivers(.extensionRequested, of: id, on: app) == ["lx_dispatcher", "lx_dispatcher2"])
            try await problems.act(client, dispatcher, id, "decideExtension", ["approve": true])
            #expect(try await Self.receivers(.extensionDecided, of: id, on: app) == ["lx_handler"])

            // 办结: the enterprise and its stationed cadre, to rate it.
            try await problems.act(client, handler, id, "resolve", ["result": "已答复", "resultKind": "explained"])
            #expect(try await Self.receivers(.resolved, of: id, on: app) == ["lx_enterprise", "lx_cadre"])

            // 不满意: back to the dispatchers and the department that led it.
            try await problems.act(
                client, try await client.token("lx_enterprise"), id, "revisit",
                ["satisfaction": "dissatisfied", "comment": "问题仍未解决"])
            #expect(
                try await Self.receivers(.reopened, of: id, on: app) == [
                    "lx_dispatcher", "lx_dispatcher2", "lx_handler",
                ])

            // 督办 and 领导包案: the park's leaders.
            try await problems.act(client, dispatcher, id, "flagSupervised")
            #expect(try await Self.receivers(.supervised, of: id, on: app) == ["lx_leader"])

            // 上报: the dispatchers of the unit above, on the problem opened there.
            let other = try await problems.submit(client, dispatcher, enterprise: world.enterprise)
            let escalated = try await problems.act(client, dispatcher, other, "escalate", ["reason": "需市县统筹"])
            let parent = try escalated.content.get(String.self, at: "escalatedTo", "id")
            #expect(try await Self.receivers(.escalated, of: parent, on: app) == ["lxs_dispatcher"])

            // Nobody hears of their own step, and 平江 heard of nothing.
            let pingjiang = try await app.db.sql.raw(
                """
                SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id
                WHERE u.org_unit_id = \(bind: world.pingjiangPark!) AND n.kind LIKE 'problem.%'
                """
            ).first()?.decode(column: "n", as: Int.self)
            #expect(pingjiang == 0)
        }
    }

    @Test func theHandlerSeesTheAssignmentOnItsBell() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let id = try await problems.submit(
                client, dispatcher, enterprise: world.enterprise, category: "enforcement")
            try await problems.act(client, dispatcher, id, "accept")
            try await problems.act(
                client, dispatcher, id, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
            let session = try await client.webSession("lx_handler")
            let page = try await client.send(.GET, "/notifications", cookie: session.cookie).body.string
            #expect(page.contains("已交办你部门牵头办理"))
            #expect(page.lowercased().contains("href=\"/problems/\(id.lowercased())\""))
            let home = try await client.send(.GET, "/", cookie: session.cookie).body.string
            #expect(WorkbenchTests.figure("queue-toSign", in: home) == 1)
        }
    }
}
