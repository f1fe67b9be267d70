import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// The hotline's and the platform's work orders: imported all or nothing, found again by 工单编号,
/// and the reply sheet that goes back in the same shape.
@Suite struct WorkOrdersTests {
    var today: LocalDate { LocalDate(Date(), in: .chinaStandard) }

    func sheet(_ rows: [[String]]) throws -> Data { try ProblemListRouteTests.sheet(rows) }

    var header: [String] { ["工单编号", "来电/受理时间", "诉求人", "联系电话", "诉求内容", "诉求类别", "办理单位", "办结时限", "工单来源"] }

    func orders(_ world: World) -> [[String]] {
        let yesterday = today.adding(days: -1).iso
        return [
            [
                "12345-001", "\(yesterday) 09:12", "王先生", "13912345678", "项目备案窗口多次要求补充同一份材料", "投诉", "经济发展局",
                today.adding(days: 20).iso, "12345热线",
            ],
            ["12345-002", yesterday, "", "0730-8221234", "厂区门口道路积水", "求助", "", "", "12345热线"],
            ["YS-003", today.iso, "李女士", "", "研发费用加计扣除如何申报", "咨询", "", "", "省营商环境平台"],
        ]
    }

    @Test func aSheetComesInOnceAndTheReplyGoesBackInItsShape() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let first = try await client.upload(
                "/api/v1/work-orders/import", token: dispatcher, fileName: "工单.xlsx",
                data: try sheet([header] + orders(world)))
            #expect(first.status == .ok, "\(first.body.string)")
            #expect(try first.content.get(Int.self, at: "created") == 3)
            #expect(try first.content.get(Int.self, at: "assigned") == 1)

            // Each is a ledger entry with its source and number, on the day it came in.
            let sql = app.db.sql
            let rows = try await sql.raw(
                """
                SELECT external_number, external_platform, kind, source, state, submitted_on, deadline
                FROM problems ORDER BY external_number
                """
            ).all()
            let stored = try rows.map {
                (
                    try $0.decode(column: "external_number", as: String.self),
                    try $0.decode(column: "kind", as: String.self), try $0.decode(column: "state", as: String.self),
                    try $0.decode(column: "submitted_on", as: String.self)
                )
            }
            #expect(stored.map(\.0) == ["12345-001", "12345-002", "YS-003"])
            #expect(stored.map(\.1) == ["complaint", "request", "inquiry"])
            #expect(stored.map(\.2) == ["assigned", "submitted", "submitted"])
            #expect(stored[0].3 == today.adding(days: -1).iso)
            #expect(try rows[0].decode(column: "source", as: String.self) == "hotline")
            #expect(try rows[0].decode(column: "deadline", as: String.self) == today.adding(days: 20).iso)
            #expect(try rows[2].decode(column: "external_platform", as: String.self) == "省营商环境平台")

            // The handler answers the assigned complaint; the dispatcher calls back. The department heard
            // of it as of any assignment (the import used to leave it unheard of).
            let handler = try await client.token("lx_handler")
            let notices = try await client.send(.GET, "/api/v1/notifications", token: handler)
            #expect(notices.body.string.contains("已交办你部门牵头办理"), "\(notices.body.string)")
            let id = try #require(
                try await sql.raw("SELECT id FROM problems WHERE external_number = '12345-001'").first()?
                    .decode(column: "id", as: UUID.self))
            let loop = ProblemsAPITests()
            try await loop.act(client, handler, id.uuidString, "sign")
            try await loop.act(
                client, handler, id.uuidString, "resolve",
                ["result": "已一次性告知材料清单", "resultKind": "solved", "replyMethod": "phone"])
            try await loop.act(client, dispatcher, id.uuidString, "revisit", ["satisfaction": "satisfied"])

            // The reply sheet: the order's columns, then what the park did.
            let reply = try await client.send(.GET, "/api/v1/work-orders/replies.xlsx", token: dispatcher)
            #expect(reply.status == .ok)
            let data = Data(buffer: reply.body)
            let cells = try EnterpriseExportTests.rows(ofWorkbook: data)
            #expect(cells.first == WorkOrderSheet.Column.allCases.map(\.header) + WorkOrderSheet.replyHeaders)
            let answered = try #require(cells.first { $0.first == "12345-001" })
            #expect(answered[7] == "经济发展局" && answered[10] == "已办结" && answered[11] == "已解决：已一次性告知材料清单")
            #expect(answered[12] == "电话答复" && answered[13] == today.iso && answered[14] == "满意")

            // The reply sheet imported again finds every order by its number: nothing added, nothing changed.
            let again = try await client.upload(
                "/api/v1/work-orders/import", token: dispatcher, fileName: "回复表.xlsx", data: data)
            #expect(again.status == .ok, "\(again.body.string)")
            #expect(try again.content.get(Int.self, at: "created") == 0)
            #expect(try again.content.get(Int.self, at: "unchanged") == 3)
            // A corrected order is updated in place, its state kept.
            var corrected = orders(world)
            corrected[1][2] = "赵先生"
            let update = try await client.upload(
                "/api/v1/work-orders/import", token: dispatcher, fileName: "工单.xlsx",
                data: try sheet([header] + corrected))
            #expect(try update.content.get(Int.self, at: "updated") == 1)
            #expect(try update.content.get(Int.self, at: "unchanged") == 2)
            #expect(try await rowCount("problems", on: app) == 3)
            let renamed = try await sql.raw(
                "SELECT r.name FROM problem_requesters r JOIN problems p ON p.id = r.problem_id WHERE p.external_number = '12345-002'"
            ).first()?.decode(column: "name", as: String.self)
            #expect(renamed == "赵先生")
            #expect(try await AuditVerification.run(on: app.db).firstBreak == nil)
        }
    }

    @Test func aBadRowIsNamedAndNothingIsWritten() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            var rows = orders(world)
            rows[1][6] = "平江经济发展局"
            rows[2][3] = "1234"
            let refused = try await client.upload(
                "/api/v1/work-orders/import", token: dispatcher, fileName: "工单.xlsx", data: try sheet([header] + rows))
            #expect(refused.status == .unprocessableEntity)
            let errors = try refused.content.get([SheetError].self, at: "error", "rows")
            #expect(errors.map(\.description) == ["第4行 D列（联系电话）：联系电话“1234”格式不正确，应为11位手机号或区号-号码"])
            // Once the row reads, the department that is not the unit's is named too.
            rows[2][3] = ""
            let department = try await client.upload(
                "/api/v1/work-orders/import", token: dispatcher, fileName: "工单.xlsx", data: try sheet([header] + rows))
            let named = try department.content.get([SheetError].self, at: "error", "rows")
            #expect(named.map(\.description) == ["第3行 G列（办理单位）：办理单位“平江经济发展局”不是本单位的部门（请与部门名称一致）"])
            #expect(try await rowCount("problems", on: app) == 0)
            #expect(try await rowCount("problem_requesters", on: app) == 0)
        }
    }

    /// The page: a refused sheet comes back on the form with its bad cells; a good one says what came in.
    @Test func thePageTakesTheSheetAndAnswersWithItsCounts() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_dispatcher")
            let form = try await client.send(.GET, "/work-orders/import", cookie: session.cookie)
            #expect(form.status == .ok && form.body.string.contains("工单编号、来电/受理时间"))
            #expect(form.body.string.contains("href=\"/work-orders/replies.xlsx\""))
            var rows = orders(world)
            rows[0][5] = "表扬"
            let refused = try await client.upload(
                "/work-orders/import", cookie: session.cookie, fileName: "工单.xlsx", data: try sheet([header] + rows),
                fields: [("_csrf", session.csrf)])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("第2行 F列（诉求类别）：诉求类别“表扬”无法识别"))
            #expect(refused.body.string.contains("未导入任何工单"))
            let done = try await client.upload(
                "/work-orders/import", cookie: session.cookie, fileName: "工单.xlsx",
                data: try sheet([header] + orders(world)), fields: [("_csrf", session.csrf)])
            #expect(done.status == .ok)
            #expect(
                done.body.string.contains("data-testid=\"created-orders\"") && done.body.string.contains("其中按表交办 1 件"))
            #expect(try await rowCount("problems", on: app) == 3)
        }
    }

    @Test func onlyTheServiceGroupOfTheUnitImportsAndExports() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let data = try sheet([header] + orders(world))
            for user in ["lx_handler", "lx_cadre", "lx_enterprise", "lx_monitor"] {
                let token = try await client.token(user)
                let refused = try await client.upload(
                    "/api/v1/work-orders/import", token: token, fileName: "工单.xlsx", data: data)
                #expect(refused.status == .forbidden, "\(user)")
                let reply = try await client.send(.GET, "/api/v1/work-orders/replies.xlsx", token: token)
                #expect(reply.status == .forbidden, "\(user)")
            }
            // Another park's admin cannot import into this park, nor read its replies.
            let other = try await client.token("pj_admin")
            let foreign = try await client.upload(
                "/api/v1/work-orders/import?orgUnit=\(world.linxiangPark!)", token: other, fileName: "工单.xlsx",
                data: data)
            #expect(foreign.status == .notFound)
            let replies = try await client.send(
                .GET, "/api/v1/work-orders/replies.xlsx?orgUnit=\(world.linxiangPark!)", token: other)
            #expect(replies.status == .notFound)
            #expect(try await rowCount("problems", on: app) == 0)
        }
    }
}
