import Fluent
import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

@Suite struct AuditLogTests {
    @Test func everyChangeIsChainedAndVerifies() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let report = try await AuditVerification.run(on: app.db)
            #expect(report.isIntact)
            #expect(report.checked == (try await rowCount("events", on: app)))
            // Every org unit, department and user has its creation event.
            let creates = try await EventModel.query(on: app.db).filter(\.$action == "create").count()
            let records =
                try await rowCount("org_units", on: app) + (try await rowCount("departments", on: app))
                + (try await rowCount("users", on: app))
            #expect(creates == records)
        }
    }

    @Test func anEditedEventIsNamedByVerify() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let sql = app.db.sql
            try await sql.raw(#"UPDATE events SET changes = '{"name":{"after":"篡改"}}' WHERE sequence = 7"#).run()
            let report = try await AuditVerification.run(on: app.db)
            #expect(report.firstBreak == .contentAltered(sequence: 7))
            #expect(report.checked == 6)
            #expect(report.firstBreak?.description.contains("#7") == true)
        }
    }

    @Test func aDeletedEventIsFound() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            try await app.db.sql.raw("DELETE FROM events WHERE sequence = 3").run()
            #expect(try await AuditVerification.run(on: app.db).firstBreak == .gap(expected: 3, found: 4))
        }
    }

    @Test func updatesRecordBeforeAndAfter() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            _ = try await client.send(
                .PATCH, "/api/v1/departments/\(world.linxiangEconomy.uuidString)", token: token,
                json: ["name": "经济发展和科技局"])
            let event = try #require(
                try await EventModel.query(on: app.db).filter(\.$action == "update").sort(\.$id, .descending).first())
            #expect(event.actorID == world.users["lx_admin"])
            let changes = try ChangeSet(canonicalJSON: event.changes)
            #expect(changes.fields["name"] == FieldChange(before: "经济发展局", after: "经济发展和科技局"))
            #expect(changes.fields.count == 1)
        }
    }

    @Test func concurrentWritersNeverForkTheChain() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let admin = try #require(try await UserModel.find(world.users["lx_admin"], on: app.db)).actor
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        _ = try await DepartmentService(database: app.db, now: Date()).create(
                            DepartmentInput(orgUnitID: world.linxiangPark, name: "并发局\(i)", kind: "bureau"), by: admin)
                    }
                }
                try await group.waitForAll()
            }
            let report = try await AuditVerification.run(on: app.db)
            #expect(report.isIntact)
            #expect(report.checked == (try await rowCount("events", on: app)))
        }
    }

    /// Writers queue before they take a connection, so a burst of them longer than the pool's request
    /// timeout does not fail. On PostgreSQL, where the pool has eight connections here, the sixteen
    /// writers beyond them used to wait in the pool while the first eight queued on the chain's lock.
    @Test func aBurstOfWritersLongerThanThePoolTimeoutSucceeds() async throws {
        try await withApp(configure: { $0.databasePoolTimeoutSeconds = 1 }) { app in
            let count = 24
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<count {
                    group.addTask {
                        try await app.db.writing(actorID: nil, now: Date()) { _, log in
                            try await Task.sleep(for: .milliseconds(100))
                            try await log.record("burst", id: "\(i)", "create", .created([:]), orgUnit: nil)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let events = try await EventModel.query(on: app.db).filter(\.$entityType == "burst").count()
            #expect(events == count)
            #expect(try await AuditVerification.run(on: app.db).isIntact)
        }
    }
}

@Suite struct EventLogPageTests {
    @Test func adminsReadOnlyTheEventsOfTheirSubtree() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("pj_admin")
            _ = try await client.send(
                .POST, "/api/v1/departments", token: token,
                json: ["orgUnitId": world.pingjiangPark.uuidString, "name": "平江招商局", "kind": "bureau"])
            let linxiang = try await client.webSession("lx_admin")
            let own = try await client.send(.GET, "/admin/events", cookie: linxiang.cookie).body.string
            #expect(own.contains("新增部门 经济发展局"))
            #expect(own.contains("<b>所属组织</b>：临湘高新区"))
            #expect(own.contains("<b>角色</b>：责任单位经办人"))
            #expect(!own.contains(world.linxiangPark.uuidString))
            #expect(!own.contains("平江招商局"))
            let city = try await client.webSession("yy_admin")
            let all = try await client.send(.GET, "/admin/events", cookie: city.cookie).body.string
            #expect(all.contains("平江招商局"))
            let events = try await EventModel.query(on: app.db).all()
            #expect(events.allSatisfy { $0.orgUnitID != nil })
        }
    }

    /// A problem's steps read in the log as a person says them: its number, states, the category and
    /// departments by name, the rating in words; no code and no id.
    @Test func aProblemsStepsReadInChineseInTheLog() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let problems = ProblemsAPITests()
            let dispatcher = try await client.token("lx_dispatcher")
            let id = try await problems.submit(client, dispatcher, enterprise: world.enterprise)
            try await problems.act(client, dispatcher, id, "accept", ["category": "enforcement"])
            try await problems.act(
                client, dispatcher, id, "assign",
                [
                    "leadDepartmentId": world.linxiangEconomy.uuidString,
                    "coDepartmentIds": [world.linxiangService.uuidString],
                ])
            let admin = try await client.webSession("lx_admin")
            let log = try await client.send(.GET, "/admin/events", cookie: admin.cookie).body.string
            #expect(log.contains("交办问题 LXGXQ-"))
            #expect(log.contains("<b>状态</b>：待交办 → 已交办"))
            #expect(log.contains("<b>牵头单位</b>：经济发展局"))
            #expect(log.contains("<b>配合单位</b>：服务小组（"))
            #expect(log.contains("<b>问题类别</b>："))
            #expect(!log.contains("accepted → assigned"))
            #expect(!log.contains(id))
            #expect(!log.contains("leadDepartmentId"))
        }
    }
}
