import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// The daily 催办 run: once per cluster and day, reminders to the lead department and the dispatchers
/// while a problem is overdue, 建议督办 the second time it goes overdue, and the bell that shows them.
@Suite struct OverdueSweepTests {
    var today: LocalDate { LocalDate(Date(), in: .chinaStandard) }

    func setDeadline(_ id: String, _ day: LocalDate, on app: Application) async throws {
        try await app.db.sql.raw(
            "UPDATE problems SET deadline = \(bind: day.iso) WHERE id = \(bind: UUID(uuidString: id)!)"
        ).run()
    }

    @Test func overdueProblemsAreUrgedDailyAndProposedForSupervisionTheSecondTime() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let handler = try await client.token("lx_handler")
            let created = try await client.send(
                .POST, "/api/v1/problems", token: dispatcher,
                json: [
                    "enterpriseId": world.enterprise.uuidString, "description": "消防验收迟迟未办",
                    "category": "governmentService",
                ])
            let id = try created.content.get(String.self, at: "id")
            for (token, action, body) in [
                (dispatcher, "accept", [String: Any]()),
                (dispatcher, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString]), (handler, "sign", [:]),
            ] {
                let response = try await client.send(
                    .POST, "/api/v1/problems/\(id)/actions/\(action)", token: token, json: body)
                #expect(response.status == .ok, "\(action): \(response.body.string)")
            }
            // The assignment told the handler; read, so that the sweep's notice is the one unread.
            let assignmentRead = try await client.send(.POST, "/api/v1/notifications/read", token: handler)
            #expect(assignmentRead.status == .ok)
            // In time: nothing to do, and the day is claimed once.
            let calm = try #require(try await OverdueSweep.runIfDue(on: app.db, now: Date()))
            #expect(calm == OverdueSweep.Report())
            #expect(try await OverdueSweep.runIfDue(on: app.db, now: Date()) == nil, "a second instance skips the day")
            // A claim that never finished (its instance died) is taken over an hour later, and only then.
            let sql = app.db.sql
            try await sql.raw("UPDATE job_runs SET finished_at = NULL").run()
            #expect(try await OverdueSweep.runIfDue(on: app.db, now: Date()) == nil)
            try await sql.raw("UPDATE job_runs SET started_at = \(bind: Date() - 2 * OverdueSweep.staleClaim)").run()
            #expect(try await OverdueSweep.runIfDue(on: app.db, now: Date()) != nil)
            #expect(try await OverdueSweep.runIfDue(on: app.db, now: Date()) == nil)

            let calendar = WorkCalendar.shipped
            try await setDeadline(id, today.adding(days: -10), on: app)
            let first = try await OverdueSweep.run(today: today, calendar: calendar, now: Date(), on: app.db)
            #expect(
                first.overdue == 1 && first.newlyOverdue == 1 && first.notices == 2 && first.proposedForSupervision == 0
            )
            let bell = try await client.send(.GET, "/api/v1/notifications", token: handler)
            #expect(try bell.content.get(Int.self, at: "unread") == 1)
            let notice = try bell.content.get([NotificationItem].self, at: "items")[0]
            #expect(notice.message.hasPrefix("催办：问题") && notice.problemId?.uuidString == id.uppercased())
            let session = try await client.webSession("lx_handler")
            let home = try await client.send(.GET, "/", cookie: session.cookie)
            #expect(home.body.string.contains("<b class=\"count\">1</b>"))
            let shown = try await client.send(.GET, "/api/v1/problems/\(id)", token: handler)
            #expect(try shown.content.get(Bool.self, at: "overdue"))

            // Still overdue the next day: reminded again, not counted again.
            let second = try await OverdueSweep.run(
                today: today.adding(days: 1), calendar: calendar, now: Date(), on: app.db)
            #expect(second.newlyOverdue == 0 && second.notices == 2)
            // An extension puts it in time; the mark is cleared.
            try await setDeadline(id, today.adding(days: 30), on: app)
            let extended = try await OverdueSweep.run(
                today: today.adding(days: 2), calendar: calendar, now: Date(), on: app.db)
            #expect(extended.cleared == 1 && extended.overdue == 0)
            // Overdue a second time: proposed for 督办 to the dispatchers.
            try await setDeadline(id, today.adding(days: -1), on: app)
            let again = try await OverdueSweep.run(
                today: today.adding(days: 3), calendar: calendar, now: Date(), on: app.db)
            #expect(again.newlyOverdue == 1 && again.proposedForSupervision == 1)
            let dispatcherBell = try await client.send(.GET, "/api/v1/notifications", token: dispatcher)
            let messages = try dispatcherBell.content.get([NotificationItem].self, at: "items").map(\.message)
            #expect(messages.contains { $0.hasPrefix("建议督办：问题") && $0.contains("第2次超期") })

            // Reading them clears the bell; nobody else's notices are touched.
            let read = try await client.send(.POST, "/api/v1/notifications/read", token: handler)
            #expect(try read.content.get(Int.self, at: "unread") == 0)
            let stillUnread = try await client.send(.GET, "/api/v1/notifications", token: dispatcher)
            #expect(try stillUnread.content.get(Int.self, at: "unread") == 4)
            let page = try await client.send(.GET, "/notifications", cookie: session.cookie)
            #expect(page.body.string.contains("催办：问题"))
            #expect(try await AuditVerification.run(on: app.db).firstBreak == nil)
        }
    }

    @Test func aPausedProblemIsNotOverdue() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let handler = try await client.token("lx_handler")
            let created = try await client.send(
                .POST, "/api/v1/problems", token: dispatcher,
                json: ["enterpriseId": world.enterprise.uuidString, "description": "等待企业补充图纸", "category": "hardship"])
            let id = try created.content.get(String.self, at: "id")
            for (token, action, body) in [
                (dispatcher, "accept", [String: Any]()),
                (dispatcher, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString]), (handler, "sign", [:]),
                (handler, "pause", ["reason": "等待企业补充图纸"]),
            ] {
                let response = try await client.send(
                    .POST, "/api/v1/problems/\(id)/actions/\(action)", token: token, json: body)
                #expect(response.status == .ok, "\(action): \(response.body.string)")
            }
            try await setDeadline(id, today.adding(days: -5), on: app)
            let report = try await OverdueSweep.run(today: today, calendar: .shipped, now: Date(), on: app.db)
            #expect(report.overdue == 0 && report.notices == 0)
        }
    }

    /// Collects what a webhook receives.
    actor Inbox {
        var bodies: [String] = []
        func add(_ body: String) { bodies.append(body) }
    }

    /// The day's overdue list reaches the unit's webhook (a plain JSON one, the unit's own system) and
    /// the lead department's group through the outbox, in the sweep's transaction; another park's and
    /// another department's get nothing.
    @Test func theDaysOverdueListReachesTheUnitsAndTheDepartmentsGroups() async throws {
        try await withApp { app in
            let receiver = try await Application.make(.testing)
            let inbox = Inbox()
            receiver.post("hook", ":name") { req async -> HTTPStatus in
                await inbox.add((req.parameters.get("name") ?? "") + " " + (req.body.string ?? ""))
                return .ok
            }
            try await receiver.server.start(address: .hostname("127.0.0.1", port: 0))
            do {
                let port = try #require(receiver.http.server.shared.localAddress?.port)
                let world = try await World.build(on: app)
                let client = Client(app: app)
                for (admin, name, department) in [
                    ("lx_admin", "unit", ""), ("lx_admin", "economy", world.linxiangEconomy.uuidString),
                    ("lx_admin", "service", world.linxiangService.uuidString), ("pj_admin", "pingjiang", ""),
                ] {
                    let web = try await client.webSession(admin)
                    let added = try await client.send(
                        .POST, "/admin/settings/channels",
                        form: [
                            ("_csrf", web.csrf), ("kind", "webhook"), ("name", name), ("departmentId", department),
                            ("webhookUrl", "http://127.0.0.1:\(port)/hook/\(name)"),
                        ], cookie: web.cookie)
                    #expect(added.status == .seeOther, "\(added.body.string)")
                }
                let dispatcher = try await client.token("lx_dispatcher")
                let created = try await client.send(
                    .POST, "/api/v1/problems", token: dispatcher,
                    json: [
                        "enterpriseId": world.enterprise.uuidString, "description": "消防验收迟迟未办", "category": "hardship",
                    ])
                let id = try created.content.get(String.self, at: "id")
                for (action, body) in [
                    ("accept", [String: Any]()), ("assign", ["leadDepartmentId": world.linxiangEconomy.uuidString]),
                ] {
                    let response = try await client.send(
                        .POST, "/api/v1/problems/\(id)/actions/\(action)", token: dispatcher, json: body)
                    #expect(response.status == .ok)
                }
                try await setDeadline(id, today.adding(days: -10), on: app)
                try await app.db.sql.raw("DELETE FROM outbox").run()
                let report = try await OverdueSweep.run(today: today, calendar: .shipped, now: Date(), on: app.db)
                #expect(report.byOrg[world.linxiangPark]?.map(\.id.uuidString) == [id])
                let result = try await OutboxDelivery.run(
                    on: app.db, client: app.client, publicURL: "https://jieyou.example.gov.cn", now: Date(),
                    logger: app.logger)
                #expect(result == (2, 0))
                let bodies = await inbox.bodies.sorted()
                #expect(bodies.map { String($0.prefix { $0 != " " }) } == ["economy", "unit"])
                let unit = try #require(
                    try JSONSerialization.jsonObject(with: Data(bodies[1].drop { $0 != " " }.dropFirst().utf8))
                        as? [String: String])
                #expect(unit["title"] == "【超期催办】临湘高新区今日超期问题1件")
                #expect(unit["text"]?.contains("超期") == true)
                #expect(unit["link"] == "https://jieyou.example.gov.cn/problems?view=overdue")
                #expect(bodies[0].contains("【超期催办】本部门今日超期问题1件"))
            } catch {
                await receiver.server.shutdown()
                try? await receiver.asyncShutdown()
                throw error
            }
            await receiver.server.shutdown()
            try await receiver.asyncShutdown()
        }
    }

    /// The 催办推送地址 a unit kept before this version becomes one of its robots: a vendor's by its
    /// host, a plain webhook otherwise.
    @Test func anOldOverdueWebhookBecomesARobotOfItsUnit() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            for (unit, url) in [
                (world.linxiangPark!, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"),
                (world.pingjiangPark!, "https://oa.pingjiang.gov.cn/hook"),
            ] {
                try await app.db.sql.raw(
                    """
                    INSERT INTO org_settings (org_unit_id, name, value, updated_at)
                    VALUES (\(bind: unit), 'overdueWebhook', \(bind: url), \(bind: Date()))
                    """
                ).run()
            }
            try await MoveOverdueWebhooksToChannels.move(on: app.db.sql, now: Date())
            let channels = try await app.db.sql.raw(
                "SELECT org_unit_id, kind, department_id FROM notice_channels ORDER BY kind"
            ).all().map {
                (try $0.decode(column: "org_unit_id", as: UUID.self), try $0.decode(column: "kind", as: String.self))
            }
            #expect(channels.map(\.1) == ["webhook", "wecom"])
            #expect(channels.first { $0.1 == "wecom" }?.0 == world.linxiangPark)
            #expect(
                try await app.db.sql.raw("SELECT COUNT(*) AS n FROM org_settings WHERE name = 'overdueWebhook'")
                    .first()!
                    .decode(column: "n", as: Int.self) == 0)
        }
    }
}
