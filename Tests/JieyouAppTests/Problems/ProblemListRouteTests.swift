import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// The 问题清单 of seed 000 through `/api/v1/problems/list.xlsx` and `/api/v1/problems/import`: the
/// layout, who sees what, and a sheet that goes out and comes back unchanged.
@Suite struct ProblemListRouteTests {
    /// A second enterprise of 临湘高新区, with industry and region for the enterprise columns.
    static let secondName = "临湘化工材料有限公司"

    static func addSecondEnterprise(_ app: Application) async throws -> UUID {
        let id = UUID()
        let values = EnterpriseValues(
            creditCode: "91430682MA4L0B2X5A", name: secondName, industryCode: "26", regionCode: "430682",
            scale: .above, tags: [], relatedInfo: "母公司：湖南化工集团", whitelisted: false, contacts: [])
        let unit = try await app.db.sql.raw(
            "SELECT id FROM org_units WHERE code = 'LXGXQ'"
        ).first()!.decode(column: "id", as: UUID.self)
        try await EnterpriseWriter.insert(
            [(EnterpriseRow(id: id, orgUnitID: unit, values: values, now: app.clock.now()), values)],
            on: app.db.sql)
        return id
    }

    /// Three problems and a suggestion in 临湘高新区 at three stages, and one in 平江高新区.
    static func fillLedger(_ app: Application, _ world: World) async throws {
        let client = Client(app: app)
        let dispatcher = try await client.token("lx_dispatcher")
        let handler = try await client.token("lx_handler")
        let second = try await addSecondEnterprise(app)
        func submit(_ enterprise: UUID, _ text: String, kind: String = "problem", token: String? = nil) async throws
            -> String
        {
            let response = try await client.send(
                .POST, "/api/v1/problems", token: token ?? dispatcher,
                json: ["enterpriseId": enterprise.uuidString, "description": text, "kind": kind])
            #expect(response.status == .created, "\(response.body.string)")
            return try response.content.get(String.self, at: "id")
        }
        func act(_ token: String, _ id: String, _ action: String, _ body: [String: Any] = [:]) async throws {
            let response = try await client.send(
                .POST, "/api/v1/problems/\(id)/actions/\(action)", token: token, json: body)
            #expect(response.status == .ok, "\(action): \(response.body.string)")
        }
        let first = try await submit(world.enterprise, "厂区外道路破损，货车进出困难")
        try await act(dispatcher, first, "accept", ["category": "hardship"])
        try await act(
            dispatcher, first, "assign",
            [
                "leadDepartmentId": world.linxiangEconomy.uuidString,
                "coDepartmentIds": [world.linxiangService.uuidString],
            ])
        try await act(handler, first, "sign")
        try await act(handler, first, "progress", ["text": "已联系交通局现场勘查"])
        let suggestion = try await submit(world.enterprise, "建议开通园区公交", kind: "suggestion")
        try await act(dispatcher, suggestion, "accept", ["category": "opening"])
        let third = try await submit(second, "环评审批时间长")
        try await act(dispatcher, third, "accept", ["category": "governmentService"])
        try await act(dispatcher, third, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
        try await act(handler, third, "sign")
        try await act(handler, third, "resolve", ["result": "已开通绿色通道，环评已批复", "resultKind": "solved"])
        _ = try await UserService(database: app.db, now: app.clock.now(), hashing: app.passwordHashing).create(
            UserInput(
                username: "pj_dispatcher", password: World.password, displayName: "平江服务小组", roles: ["dispatcher"],
                orgUnitID: world.pingjiangPark),
            by: nil)
        _ = try await submit(
            world.pingjiangEnterprise, "平江的问题", token: try await client.token("pj_dispatcher"))
    }

    static func rows(_ data: Data) throws -> (rows: [Int: [String]], merges: [String]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("list-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try data.write(to: url)
        let reader = try XlsxReader(url: url)
        var rows: [Int: [String]] = [:]
        try reader.forEachRow { number, values in rows[number] = values.map(\.text) }
        return (rows, try reader.mergedRanges().map(\.description))
    }

    func export(_ client: Client, _ user: String, _ query: String = "") async throws -> TestingHTTPResponse {
        try await client.send(.GET, "/api/v1/problems/list.xlsx\(query)", token: try await client.token(user))
    }

    @Test func theListIsLaidOutAsSeed000sAttachment() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await Self.fillLedger(app, world)
            let client = Client(app: app)
            let response = try await export(client, "lx_dispatcher")
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(response.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let (rows, merges) = try Self.rows(Data(buffer: response.body))
            let today = LocalDate(app.clock.now(), in: .chinaStandard).iso
            #expect(rows[1] == ["问 题 清 单"])
            #expect(rows[2] == ["填报单位：临湘高新区　截至\(today)"])
            #expect(rows[3] == ProblemList.Column.allCases.map(\.header))
            #expect(
                rows[4] == [
                    "1", "临湘浮标科技有限公司", "", "", "", "1", "困难求助", "厂区外道路破损，货车进出困难",
                    "经济发展局（\(today)）、服务小组（\(today)）", "办理中：已联系交通局现场勘查",
                ])
            #expect(rows[5] == ["", "", "", "", "", "2", "意见建议：影响扩大开放", "建议开通园区公交", "", "待交办"])
            #expect(
                rows[6] == [
                    "2", Self.secondName, "化学原料和化学制品制造业", "母公司：湖南化工集团", "岳阳市临湘市", "3", "政务服务", "环评审批时间长",
                    "经济发展局（\(today)）", "已办结：已开通绿色通道，环评已批复",
                ])
            #expect(rows[7]?.first == ProblemList.footnote)
            #expect(rows.count == 7)
            // The enterprise's five cells over its two problems; the title, the unit and the note across.
            #expect(merges == ["A1:J1", "A2:J2", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "A7:J7"])

            // Filters as for the ledger; without the title row.
            let filtered = try await export(client, "lx_dispatcher", "?state=resolved&title=false")
            let (only, onlyMerges) = try Self.rows(Data(buffer: filtered.body))
            #expect(only[1] == ProblemList.Column.allCases.map(\.header))
            #expect(only[2]?[0...1] == ["1", Self.secondName])
            #expect(only[2]?[5] == "1")
            #expect(only.count == 3 && onlyMerges == ["A3:J3"])
            let bad = try await export(client, "lx_dispatcher", "?state=nonsense")
            #expect(bad.status == .badRequest)
        }
    }

    @Test func eachReaderExportsOnlyWhatItMayRead() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await Self.fillLedger(app, world)
            let client = Client(app: app)
            func descriptions(_ user: String) async throws -> [String] {
                let response = try await export(client, user, "?title=false")
                #expect(response.status == .ok, "\(user)")
                let (rows, _) = try Self.rows(Data(buffer: response.body))
                return rows.keys.sorted().dropFirst().dropLast().map { rows[$0]![7] }
            }
            #expect(try await descriptions("pj_admin") == ["平江的问题"])
            #expect(try await descriptions("lx_enterprise") == ["厂区外道路破损，货车进出困难", "建议开通园区公交"])
            #expect(try await descriptions("lx_handler") == ["厂区外道路破损，货车进出困难", "环评审批时间长"])
            #expect(try await descriptions("yy_upper").count == 4)
            let outside = try await export(client, "pj_admin", "?orgUnit=\(world.linxiangPark.uuidString)")
            #expect(outside.status == .notFound)
            let anonymous = try await client.send(.GET, "/api/v1/problems/list.xlsx")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func anExportedListImportsBackIntoTheSameList() async throws {
        var exported = Data()
        try await withApp { app in
            let world = try await World.build(on: app)
            try await Self.fillLedger(app, world)
            let client = Client(app: app)
            exported = Data(buffer: try await export(client, "lx_dispatcher", "?title=false").body)
        }
        // A second park with the same enterprises and departments takes the sheet in.
        try await withApp { app in
            _ = try await World.build(on: app)
            _ = try await Self.addSecondEnterprise(app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let response = try await client.upload(
                "/api/v1/problems/import", token: dispatcher, fileName: "问题清单.xlsx", data: exported)
            #expect(response.status == .ok, "\(response.body.string)")
            #expect(try response.content.get(Int.self, at: "problems") == 3)
            #expect(try response.content.get(Int.self, at: "enterprisesMatched") == 2)
            let again = Data(buffer: try await export(client, "lx_dispatcher", "?title=false").body)
            let (before, beforeMerges) = try Self.rows(exported)
            let (after, afterMerges) = try Self.rows(again)
            #expect(after == before)
            #expect(afterMerges == beforeMerges)
            // Each went through the workflow: deadlines from the unit's limits, and its events.
            let deadlines = try await app.db.sql.raw(
                "SELECT state, deadline FROM problems ORDER BY number"
            ).all().map { try $0.decode(column: "state", as: String.self) }
            #expect(deadlines == ["inProgress", "accepted", "resolved"])
            #expect(try await AuditVerification.run(on: app.db).firstBreak == nil)
        }
    }

    static func sheet(_ rows: [[String]]) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("list-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter(url: url)
        try writer.addSheet(named: "问题清单") { sheet in
            for row in rows { try sheet.addRow(row.map { $0.isEmpty ? .empty : .text($0) }) }
        }
        try writer.close()
        return try Data(contentsOf: url)
    }

    @Test func aBadSheetIsRefusedCellByCellAndWritesNothing() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let header = ["企业全称", "统一社会信用代码", "问题类别", "困难问题", "交办单位及时间", "办理进展"]
            let data = try Self.sheet([
                header,
                ["临湘浮标科技有限公司", "", "困难救助", "用工难", "", ""],
                ["", "", "困难求助", "用电难", "供电局（2024-09-12）", ""],
                ["不存在的公司", "", "困难求助", "融资难", "", ""],
                ["新来的公司", "91430682MA4L0B2X5C", "", "缺地", "", ""],
                ["临湘浮标科技有限公司", "", "困难求助", "审批慢", "", "持续推进：按计划推进"],
                ["临湘浮标科技有限公司", "", "困难求助", "物流贵", "", "办理中"],
            ])
            let problems = try await rowCount("problems", on: app)
            let events = try await rowCount("events", on: app)
            let response = try await client.upload(
                "/api/v1/problems/import", token: dispatcher, fileName: "问题清单.xlsx", data: data)
            #expect(response.status == .unprocessableEntity, "\(response.body.string)")
            #expect(try response.list("error", "rows", key: "row") == ["2", "3", "4", "5", "6", "7"])
            #expect(try response.list("error", "rows", key: "column") == ["C", "E", "A", "B", "F", "E"])
            let messages = try response.list("error", "rows", key: "message")
            #expect(messages[0].contains("困难救助"))
            #expect(messages[1] == "交办单位“供电局”不是本单位的部门")
            #expect(messages[2].contains("不存在的公司") && messages[2].contains("统一社会信用代码"))
            #expect(messages[3].contains("校验"), "\(messages[3])")
            #expect(messages[4].contains("持续推进"))
            #expect(messages[5] == "“办理中”的问题须填写交办单位")
            #expect(try await rowCount("problems", on: app) == problems)
            #expect(try await rowCount("events", on: app) == events)
        }
    }

    @Test func aCreditCodeColumnRegistersNewEnterprisesAndOnlyDispatchersImport() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let data = try Self.sheet([
                ["问 题 清 单"],
                ["企业序号", "企业全称", "统一社会信用代码", "所属行业", "所属市县", "问题类别", "困难问题", "交办单位及时间"],
                ["1", "临湘新材料有限公司", "91430682MA4L0B2X5A", "制造业", "临湘市", "困难求助", "缺少技术工人", "经济发展局（2024-09-12）"],
                ["", "", "", "", "", "政务服务", "办证慢", ""],
            ])
            for user in ["lx_handler", "lx_cadre", "lx_enterprise", "lx_leader"] {
                let refused = try await client.upload(
                    "/api/v1/problems/import", token: try await client.token(user), fileName: "a.xlsx", data: data)
                #expect(refused.status == .forbidden, "\(user)")
            }
            let outside = try await client.upload(
                "/api/v1/problems/import?orgUnit=\(world.linxiangPark.uuidString)",
                token: try await client.token("pj_admin"),
                fileName: "a.xlsx", data: data)
            #expect(outside.status == .notFound)
            #expect(try await rowCount("problems", on: app) == 0)
            let response = try await client.upload(
                "/api/v1/problems/import", token: try await client.token("lx_dispatcher"), fileName: "a.xlsx",
                data: data)
            #expect(response.status == .ok, "\(response.body.string)")
            #expect(try response.content.get(Int.self, at: "enterprisesCreated") == 1)
            let sql = app.db.sql
            let rows = try await sql.raw(
                """
                SELECT p.state, p.assigned_on, p.deadline, p.source, e.name, e.industry_code, e.region_code FROM problems p
                JOIN enterprises e ON e.id = p.enterprise_id ORDER BY p.number
                """
            ).all()
            #expect(rows.count == 2)
            #expect(try rows[0].decode(column: "state", as: String.self) == "assigned")
            #expect(try rows[0].decode(column: "assigned_on", as: String.self) == "2024-09-12")
            // Waiting for its department to sign, it is news to the department (the import used to be silent).
            let notices = try await client.send(
                .GET, "/api/v1/notifications", token: try await client.token("lx_handler"))
            #expect(notices.body.string.contains("已交办你部门牵头办理"), "\(notices.body.string)")
            // 困难求助 is due five working days after the day it was assigned, across the 2024 中秋 break
            // (09-15 to 09-17 off, Saturday 09-14 worked): 13, 14, 18, 19, 20.
            #expect(try rows[0].decode(column: "deadline", as: String.self) == "2024-09-20")
            #expect(try rows[0].decode(column: "source", as: String.self) == "sheet")
            #expect(try rows[0].decode(column: "industry_code", as: String.self) == "C")
            #expect(try rows[1].decode(column: "state", as: String.self) == "accepted")
        }
    }

    @Test func theLedgerPageLinksTheListAndDispatchersImportOnThePage() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await Self.fillLedger(app, world)
            let client = Client(app: app)
            let session = try await client.webSession("lx_dispatcher")
            let ledger = try await client.send(
                .GET, "/problems?state=resolved&q=%E7%8E%AF%E8%AF%84", cookie: session.cookie)
            let link = try #require(ledger.body.string.firstMatch(of: /href="([^"]+)" data-testid="export-list"/)?.1)
                .replacingOccurrences(of: "&amp;", with: "&")
            #expect(link == "/problems/list.xlsx?q=%E7%8E%AF%E8%AF%84&state=resolved")
            #expect(ledger.body.string.contains("href=\"/problems/import\""))
            let sheet = try await client.send(.GET, link, cookie: session.cookie)
            #expect(sheet.status == .ok)
            #expect(try Self.rows(Data(buffer: sheet.body)).rows[4]?[7] == "环评审批时间长")

            let bad = try await client.upload(
                "/problems/import", cookie: session.cookie, fileName: "问题清单.xlsx",
                data: try Self.sheet([["企业全称", "困难问题", "问题类别"], ["临湘浮标科技有限公司", "用工难", "困难救助"]]),
                fields: [("_csrf", session.csrf)])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("第2行 C列（问题类别）：问题类别“困难救助”不存在"))
            let good = try await client.upload(
                "/problems/import", cookie: session.cookie, fileName: "问题清单.xlsx",
                data: try Self.sheet([["企业全称", "困难问题", "问题类别"], ["临湘浮标科技有限公司", "用工难", "困难求助"]]),
                fields: [("_csrf", session.csrf)])
            #expect(good.status == .ok)
            #expect(good.body.string.contains("导入完成") && good.body.string.contains("LXGXQ-"))
            let forged = try await client.upload(
                "/problems/import", cookie: session.cookie, fileName: "问题清单.xlsx",
                data: try Self.sheet([["企业全称", "困难问题"], ["临湘浮标科技有限公司", "用工难"]]))
            #expect(forged.status == .forbidden)

            let handler = try await client.webSession("lx_handler")
            let handlerLedger = try await client.send(.GET, "/problems", cookie: handler.cookie)
            #expect(!handlerLedger.body.string.contains("href=\"/problems/import\""))
            #expect(try await client.send(.GET, "/problems/import", cookie: handler.cookie).status == .forbidden)
        }
    }
}
