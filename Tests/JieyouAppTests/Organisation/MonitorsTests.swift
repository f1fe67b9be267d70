import Foundation
import JieyouDomain
import Testing
import VaporTesting

@testable import JieyouApp

/// The roster of 营商环境监督员 and 清廉园区监测点: kept by the unit's admins, checked field by field,
/// read by the staff who need it and no one else, with each monitor's reports counted and exported.
@Suite struct MonitorsTests {
    /// A term that holds today, whenever the tests run.
    static var today: LocalDate { LocalDate(Date(), in: .chinaStandard) }
    static var starts: String { today.adding(days: -30).iso }
    static var ends: String { today.adding(days: 335).iso }

    func appoint(
        _ client: Client, _ token: String, _ body: [String: Any], expect status: HTTPStatus = .created,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TestingHTTPResponse {
        let response = try await client.send(.POST, "/api/v1/monitors", token: token, json: body)
        #expect(response.status == status, "\(response.body.string)", sourceLocation: sourceLocation)
        return response
    }

    @Test func anAdminAppointsAMonitorWhoseReportsAreCounted() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let created = try await appoint(
                client, admin,
                [
                    "name": "张建华", "kind": "businessEnvironment", "organisation": "临湘浮标科技有限公司",
                    "phone": "13912345678", "termStartsOn": Self.starts, "termEndsOn": Self.ends,
                    "userId": world.users["lx_monitor"]!.uuidString,
                ])
            let id = try created.content.get(String.self, at: "id")
            #expect(try created.content.get(Bool.self, at: "serving") == true)
            // The monitor reports once as it met it and once 暗访.
            let monitor = try await client.token("lx_monitor")
            for source in ["monitor", "incognito"] {
                let sent = try await client.send(
                    .POST, "/api/v1/problems", token: monitor,
                    json: ["description": "窗口工作人员推诿", "source": source])
                #expect(sent.status == .created, "\(sent.body.string)")
                #expect(try sent.content.get(String.self, at: "source") == source)
            }
            let shown = try await client.send(
                .GET, "/api/v1/monitors/\(id)", token: try await client.token("lx_dispatcher"))
            #expect(try shown.content.get(Int.self, at: "reports") == 2)
            #expect(try shown.content.get(Int.self, at: "openReports") == 2)
            #expect(try shown.content.get(Int.self, at: "incognito") == 1)
            // Its reports and the roster as sheets.
            let reports = try await client.send(.GET, "/api/v1/monitors/\(id)/reports.xlsx", token: admin)
            let rows = try EnterpriseExportTests.rows(ofWorkbook: Data(buffer: reports.body))
            #expect(rows.count == 3 && rows[1][3] == "反映" && rows[2][3] == "暗访")
            let roster = try await client.send(.GET, "/api/v1/monitors/export", token: admin)
            let lines = try EnterpriseExportTests.rows(ofWorkbook: Data(buffer: roster.body))
            #expect(lines.count == 2 && lines[1][0] == "营商环境监督员" && lines[1][9] == "2")
            // The term ends: the roster says so, and the change is in the log.
            let ended = try await client.send(.PATCH, "/api/v1/monitors/\(id)", token: admin, json: ["active": false])
            #expect(try ended.content.get(Bool.self, at: "serving") == false)
            #expect(try await AuditVerification.run(on: app.db).firstBreak == nil)
        }
    }

    /// The monitor follows its report and rates what was done; the department never learns who it was.
    @Test func aMonitorRatesTheResultOfItsReport() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let (monitor, dispatcher, handler) = (
                try await client.token("lx_monitor"), try await client.token("lx_dispatcher"),
                try await client.token("lx_handler")
            )
            let sent = try await client.send(
                .POST, "/api/v1/problems", token: monitor, json: ["description": "窗口午间无人值守", "source": "incognito"])
            let id = try sent.content.get(String.self, at: "id")
            let loop = ProblemsAPITests()
            try await loop.act(client, dispatcher, id, "accept", ["category": "governmentService"])
            try await loop.act(client, dispatcher, id, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
            try await loop.act(client, handler, id, "sign")
            let held = try await client.send(.GET, "/api/v1/problems/\(id)", token: handler)
            #expect(!held.body.string.contains("lx_monitor"), "the department never sees the monitor")
            try await loop.act(client, handler, id, "resolve", ["result": "已安排午间轮值", "resultKind": "solved"])
            let shown = try await client.send(.GET, "/api/v1/problems/\(id)", token: monitor)
            #expect(try shown.content.get([String].self, at: "actions") == ["revisit"])
            try await loop.act(client, monitor, id, "revisit", ["satisfaction": "basicallySatisfied"])
            let closed = try await loop.act(client, dispatcher, id, "close")
            #expect(try closed.content.get(String.self, at: "state") == "closed")
            #expect((try? closed.content.get(String.self, at: "closeOverride")) == nil)
        }
    }

    @Test func badFieldsAreNamedAndNothingIsWritten() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let bad = try await appoint(
                client, admin,
                [
                    "name": "", "kind": "inspector", "phone": "123", "termStartsOn": "2026-12-31",
                    "termEndsOn": "2026-01-01", "userId": world.users["lx_handler"]!.uuidString,
                ], expect: .badRequest)
            let fields = try bad.content.get([[String: String]].self, at: "error", "details").compactMap { $0["field"] }
            #expect(fields == ["name", "kind", "phone", "termEndsOn", "userId"])
            #expect(try await rowCount("monitors", on: app) == 0)
            // One account, one roster line.
            let body: [String: Any] = [
                "name": "李丽娟", "kind": "integrity", "form": "person", "termStartsOn": Self.starts,
                "termEndsOn": Self.ends, "userId": world.users["lx_monitor"]!.uuidString,
            ]
            _ = try await appoint(client, admin, body)
            let twice = try await appoint(client, admin, body, expect: .badRequest)
            #expect(twice.apiError?.field == "userId" && twice.apiError?.message == "该账号已关联其他监测员")
        }
    }

    @Test func eachRoleReadsOnlyWhatItMay() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let created = try await appoint(
                client, admin,
                [
                    "name": "政务大厅3号窗口", "kind": "integrity", "form": "place", "termStartsOn": Self.starts,
                    "termEndsOn": Self.ends,
                ])
            let id = try created.content.get(String.self, at: "id")
            for user in ["lx_dispatcher", "lx_leader", "yy_upper"] {
                let read = try await client.send(.GET, "/api/v1/monitors", token: try await client.token(user))
                #expect(try read.content.get([MonitorsAPI.MonitorDTO].self, at: "items").count == 1, "\(user)")
            }
            for user in ["lx_handler", "lx_cadre", "lx_enterprise", "lx_monitor"] {
                let token = try await client.token(user)
                #expect(try await client.send(.GET, "/api/v1/monitors", token: token).status == .forbidden, "\(user)")
                #expect(
                    try await client.send(.GET, "/api/v1/monitors/\(id)", token: token).status == .notFound, "\(user)")
            }
            // Another park's admin neither reads nor changes it; a dispatcher reads but does not change it.
            let other = try await client.token("pj_admin")
            #expect(try await client.send(.GET, "/api/v1/monitors/\(id)", token: other).status == .notFound)
            let foreign = try await client.send(.PATCH, "/api/v1/monitors/\(id)", token: other, json: ["name": "改名"])
            #expect(foreign.status == .notFound)
            let dispatcher = try await client.send(
                .PATCH, "/api/v1/monitors/\(id)", token: try await client.token("lx_dispatcher"), json: ["name": "改名"])
            #expect(dispatcher.status == .notFound)
        }
    }

    @Test func theAdminPagesAppointAndList() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.webSession("lx_admin")
            let form = try await client.send(.GET, "/admin/monitors/new", cookie: admin.cookie)
            #expect(form.status == .ok && form.body.string.contains("lx_monitor"))
            let refused = try await client.send(
                .POST, "/admin/monitors",
                form: [
                    ("_csrf", admin.csrf), ("kind", "businessEnvironment"), ("name", ""),
                    ("termStartsOn", Self.starts), ("termEndsOn", Self.ends),
                ],
                cookie: admin.cookie)
            #expect(refused.status == .badRequest && refused.body.string.contains("名称不能为空"))
            let saved = try await client.send(
                .POST, "/admin/monitors",
                form: [
                    ("_csrf", admin.csrf), ("kind", "businessEnvironment"), ("form", "person"), ("name", "王海涛"),
                    ("termStartsOn", Self.starts), ("termEndsOn", Self.ends),
                ], cookie: admin.cookie)
            #expect(saved.status == .seeOther)
            let list = try await client.send(.GET, "/admin/monitors", cookie: admin.cookie)
            #expect(
                list.body.string.contains("王海涛")
                    && list.body.string.contains("data-testid=\"monitors-businessEnvironment\""))
        }
    }
}
