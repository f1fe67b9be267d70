import Fluent
import Foundation
import JieyouDomain
import JieyouOffice
import NIOConcurrencyHelpers
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// Imports through `POST /api/v1/enterprises/import`, with real files written by the tests.
@Suite struct EnterpriseImportTests {
    static let header = ["统一社会信用代码", "企业全称", "所属行业", "所属市县", "企业规模", "企业标签", "联系人", "联系电话"]

    /// A valid credit code for index `n` (the check character computed, as the registry requires).
    static func code(_ n: Int) -> String {
        let prefix = "9143068200" + String(format: "%07d", n)
        return prefix + String(CreditCode.checkCharacter(for: prefix)!)
    }

    static func xlsx(_ rows: [[String]], title: String? = nil) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter(url: url)
        try writer.addSheet(named: "企业名单") { sheet in
            if let title { try sheet.addRow([.text(title)]) }
            try sheet.addRow(header.map { .text($0) }, style: .header)
            for row in rows { try sheet.addRow(row.map { $0.isEmpty ? .empty : .text($0) }) }
        }
        try writer.close()
        return try Data(contentsOf: url)
    }

    static func goodRows(_ count: Int, from start: Int = 0) -> [[String]] {
        (start..<start + count).map { n in
            [
                code(n), "临湘市第\(n)浮标制造有限公司", "制造业", "临湘市", n % 3 == 0 ? "规上" : "规下", n % 5 == 0 ? "高新技术企业" : "",
                "联系人\(n)", "138\(String(format: "%08d", n))",
            ]
        }
    }

    @Test func goodWorkbookIsImportedAndReimportUpdatesInsteadOfDuplicating() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let first = try await client.upload(
                "/api/v1/enterprises/import", token: token, fileName: "名单.xlsx",
                data: try Self.xlsx(Self.goodRows(3), title: "临湘高新区企业名单"))
            #expect(first.status == .ok, "\(first.body.string)")
            #expect(try first.content.get(Int.self, at: "created") == 3)
            #expect(try first.content.get(String.self, at: "format") == "xlsx")
            var rows = Self.goodRows(4)
            rows[0][1] = "临湘市第0浮标制造股份有限公司"
            let second = try await client.upload(
                "/api/v1/enterprises/import", token: token, fileName: "名单.xlsx", data: try Self.xlsx(rows))
            #expect(try second.content.get(Int.self, at: "created") == 1)
            #expect(try second.content.get(Int.self, at: "updated") == 1)
            #expect(try second.content.get(Int.self, at: "unchanged") == 2)
            let list = try await client.send(.GET, "/api/v1/enterprises?q=\("股份".urlEncoded)", token: token)
            #expect(try list.list("items", key: "name") == ["临湘市第0浮标制造股份有限公司"])
            #expect(try await rowCount("enterprises", on: app) == 2 + 4)
            let events = try await EventModel.query(on: app.db).filter(\.$action ~~ ["import.create", "import.update"])
                .count()
            #expect(events == 5)
        }
    }

    @Test func cellsMergedDownASheetBelongToEveryRowTheyCover() async throws {
        // Parks' lists merge 所属市县 and 企业规模 down over a group of enterprises, and the title across.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("merged-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter(url: url)
        try writer.addSheet(named: "企业名单") { sheet in
            try sheet.addRow([.text("临湘高新区企业名单")] + Array(repeating: .empty, count: Self.header.count - 1))
            try sheet.merge(columns: 0...(Self.header.count - 1), rows: 1...1)
            try sheet.addRow(Self.header.map { .text($0) }, style: .header)
            for (i, row) in Self.goodRows(3).enumerated() {
                try sheet.addRow(
                    row.enumerated().map { column, text in
                        i > 0 && (column == 3 || column == 4) ? .empty : .text(text)
                    })
            }
            try sheet.merge(columns: 3...3, rows: 3...5)
            try sheet.merge(columns: 4...4, rows: 3...5)
        }
        try writer.close()
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let response = try await client.upload(
                "/api/v1/enterprises/import", token: token, fileName: "名单.xlsx", data: try Data(contentsOf: url))
            #expect(response.status == .ok, "\(response.body.string)")
            #expect(try response.content.get(Int.self, at: "created") == 3)
            let scales = try await app.db.sql.raw(
                "SELECT scale, region_code FROM enterprises WHERE name LIKE '临湘市第%浮标制造有限公司' ORDER BY name"
            ).all().map { try $0.decode(column: "scale", as: String.self) }
            // Row 3's 规上 covers the two rows below it, which were blank cells.
            #expect(scales == ["above", "above", "above"])
        }
    }

    @Test func gb18030CSVWithQuotedFieldsIsImported() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            var text = Self.header.joined(separator: ",") + "\r\n"
            text += "\(Self.code(1)),\"临湘市鑫达浮标有限公司\",制造业,岳阳市临湘市,规上,\"高新技术企业、链主\",王五,0730-3712345\r\n"
            text += "\(Self.code(2)),\"湖南\"\"长江\"\"电商有限公司\",电商,临湘市,规下,,,\r\n"
            let data = try #require(TextEncoding.encodeGB18030(text))
            #expect(String(data: data, encoding: .utf8) == nil, "the test file really is GB18030, not UTF-8")
            let response = try await client.upload(
                "/api/v1/enterprises/import", token: token, fileName: "名单.csv", data: data)
            #expect(response.status == .ok, "\(response.body.string)")
            #expect(try response.content.get(Int.self, at: "created") == 2)
            #expect(try response.content.get(String.self, at: "encoding") == "gb18030")
            let list = try await client.send(.GET, "/api/v1/enterprises?q=\("长江".urlEncoded)", token: token)
            #expect(try list.list("items", key: "name") == ["湖南\"长江\"电商有限公司"])
            let bom =
                Data([0xEF, 0xBB, 0xBF])
                + Data((Self.header.joined(separator: ",") + "\n\(Self.code(3)),带BOM的企业,,,,,,\n").utf8)
            let utf8 = try await client.upload(
                "/api/v1/enterprises/import", token: token, fileName: "utf8.csv", data: bom)
            #expect(try utf8.content.get(String.self, at: "encoding") == "utf8")
            #expect(try utf8.content.get(Int.self, at: "created") == 1)
        }
    }

    /// 成立日期 (as text or as Excel's day number), 营业收入 in 万元 and 从业人员 come in from a sheet;
    /// a bad one is named by row and column.
    @Test func registrationRevenueAndEmployeesAreImported() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            var text = "统一社会信用代码,企业全称,成立日期,营业收入（万元）,从业人员\n"
            text += "\(Self.code(1)),临湘市鑫达浮标有限公司,2019/9/13,\"2,500.5\",120\n"
            text += "\(Self.code(2)),临湘市长江电商有限公司,43721,88,9\n"
            let good = try await client.upload(
                "/api/v1/enterprises/import", token: token, fileName: "名单.csv", data: Data(text.utf8))
            #expect(good.status == .ok, "\(good.body.string)")
            let rows = try await app.db.sql.raw(
                "SELECT registered_on, revenue_fen, employees FROM enterprises WHERE registered_on IS NOT NULL ORDER BY employees"
            ).all()
            #expect(
                try rows.map { try $0.decode(column: "registered_on", as: String.self) } == [
                    "2019-09-13", "2019-09-13",
                ])
            #expect(
                try rows.map { try $0.decode(column: "revenue_fen", as: Int64.self) } == [88_000_000, 2_500_500_000])
            let bad = try await client.upload(
                "/api/v1/enterprises/import", token: token, fileName: "名单.csv",
                data: Data("统一社会信用代码,企业全称,营业收入\n\(Self.code(3)),坏数据公司,十万\n".utf8))
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.list("error", "rows", key: "column") == ["C"])
        }
    }

    @Test func threeBadRowsAreAllReportedAndNothingIsWritten() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            var rows = Self.goodRows(6)
            rows[1][0] = "91430682MA4L0B2X5C"  // wrong check character
            rows[3][2] = "化肥"  // not an industry
            rows[4][7] = "1380000"  // not a phone number
            let before = try await rowCount("enterprises", on: app)
            let eventsBefore = try await rowCount("events", on: app)
            let response = try await client.upload(
                "/api/v1/enterprises/import", token: token, fileName: "名单.xlsx", data: try Self.xlsx(rows))
            #expect(response.status == .unprocessableEntity)
            #expect(try response.content.get(Int.self, at: "error", "errorCount") == 3)
            #expect(try response.list("error", "rows", key: "row") == ["3", "5", "6"])
            #expect(try response.list("error", "rows", key: "column") == ["A", "C", "H"])
            #expect(try response.list("error", "rows", key: "header") == ["统一社会信用代码", "所属行业", "联系电话"])
            let message = try response.content.get(String.self, at: "error", "message")
            #expect(message.contains("第3行 A列（统一社会信用代码）"))
            #expect(try await rowCount("enterprises", on: app) == before)
            #expect(try await rowCount("events", on: app) == eventsBefore)
        }
    }

    @Test func aFileThatIsNotASpreadsheetGetsAClearError() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFE, 0x00])
            let response = try await client.upload(
                "/api/v1/enterprises/import", token: token, fileName: "photo.xlsx", data: png)
            #expect(response.status == .badRequest)
            #expect(try response.content.get(String.self, at: "error", "field") == "file")
            #expect(try response.content.get(String.self, at: "error", "message").contains("不是 Excel 工作簿"))
            let zip = Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 0, count: 40)
            let broken = try await client.upload(
                "/api/v1/enterprises/import", token: token, fileName: "broken.xlsx", data: zip)
            #expect(broken.status == .badRequest)
            let noHeader = try await client.upload(
                "/api/v1/enterprises/import", token: token, fileName: "x.csv", data: Data("a,b\n1,2\n".utf8))
            #expect(noHeader.status == .unprocessableEntity)
            #expect(try noHeader.content.get(String.self, at: "error", "message").contains("没有找到表头"))
            let cadre = try await client.token("lx_cadre")
            let forbidden = try await client.upload(
                "/api/v1/enterprises/import", token: cadre, fileName: "名单.xlsx", data: try Self.xlsx(Self.goodRows(1)))
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test func tenThousandRowsImportInOneGo() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let response = try await client.upload(
                "/api/v1/enterprises/import", token: token, fileName: "名单.xlsx",
                data: try Self.xlsx(Self.goodRows(10_000)))
            #expect(response.status == .ok, "\(response.body.string.prefix(500))")
            #expect(try response.content.get(Int.self, at: "created") == 10_000)
            #expect(try await rowCount("enterprises", on: app) == 10_002)
            let tagged = try await client.send(
                .GET, "/api/v1/enterprises?tag=\("高新技术企业".urlEncoded)&limit=1", token: token)
            #expect(try tagged.content.get(Int.self, at: "total") == 2_000)
            #expect(try tagged.content.get(Bool.self, at: "totalCapped") == false)
            // A name search stops counting at the limit and says so.
            let broad = try await client.send(
                .GET, "/api/v1/enterprises?q=\("浮标制造".urlEncoded)&limit=5", token: token)
            #expect(try broad.content.get(Int.self, at: "total") == EnterpriseSearch.countLimit)
            #expect(try broad.content.get(Bool.self, at: "totalCapped") == true)
            // Thousands of full-text matches walk the name index: still the first five by name.
            let names = try broad.content.get([EnterpriseListItem].self, at: "items").map(\.name)
            #expect(
                names == [
                    "临湘市第0浮标制造有限公司", "临湘市第1000浮标制造有限公司", "临湘市第1001浮标制造有限公司",
                    "临湘市第1002浮标制造有限公司", "临湘市第1003浮标制造有限公司",
                ])
            let next = try await client.send(
                .GET,
                "/api/v1/enterprises?q=\("浮标制造".urlEncoded)&limit=5&cursor=\(try broad.content.get(String.self, at: "nextCursor"))",
                token: token)
            #expect(try next.content.get([EnterpriseListItem].self, at: "items").first?.name == "临湘市第1004浮标制造有限公司")
            let report = try await AuditVerification.run(on: app.db)
            #expect(report.firstBreak == nil)
            // A bulk load leaves the planner statistics for the grown table (see PlannerStatistics).
            let sql = app.db.sql
            if sql.dialect.name == "sqlite" {
                let analyzed = try await sql.raw("SELECT COUNT(*) AS n FROM sqlite_stat1 WHERE tbl = 'enterprises'")
                    .first()?.decode(column: "n", as: Int.self)
                #expect((analyzed ?? 0) > 0)
            } else {
                let rows = try await sql.raw("SELECT reltuples FROM pg_class WHERE relname = 'enterprises'").first()?
                    .decode(column: "reltuples", as: Double.self)
                #expect((rows ?? 0) >= 10_000)
            }
        }
    }

    /// The statistics refresh runs after the rows are committed, so its failure must not turn a
    /// finished import into an error (the user would import again, with nothing left to create).
    @Test func failedStatisticsRefreshStillReportsTheCommittedImport() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulk-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: url) }
            try Self.xlsx(Self.goodRows(EnterpriseImport.bulkRows)).write(to: url)
            let counter = NIOLockedValueBox(0)
            var importer = EnterpriseImport(
                database: app.db, now: app.clock.now(), actorID: nil, writableUnits: [world.linxiangPark])
            importer.refreshStatistics = { _ in
                counter.withLockedValue { $0 += 1 }
                throw Abort(.internalServerError, reason: "statistics refresh failed on purpose")
            }
            let report = try await importer.run(file: url, into: world.linxiangPark)
            #expect(counter.withLockedValue { $0 } == 1)
            #expect(report.created == EnterpriseImport.bulkRows)
            #expect(try await rowCount("enterprises", on: app) == EnterpriseImport.bulkRows + 2)
        }
    }
}
