import Foundation
import JieyouDomain
import Testing
import VaporTesting

@testable import JieyouApp

/// A sheet of 双公示 records in the standard's columns: taken in all or nothing, every bad cell named;
/// the export's own sheet comes back unchanged; a corrected row updates its record, never adds one.
@Suite struct CreditImportTests {
    static var today: LocalDate { LocalDate(Date(), in: .chinaStandard) }

    static let header =
        "行政相对人名称,行政相对人类别,统一社会信用代码,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,处罚决定日期,处罚机关,数据来源单位,失信程度,公示日期"

    static func row(_ document: String, fine: String = "2", code: String = "91440300708461136T", published: String = "")
        -> String
    {
        let decided = today.adding(months: -2)
        return
            "临湘浮标科技有限公司,法人及非法人组织,\(code),\(document),未按规定开展安全生产教育培训,未对新员工开展岗前培训,《安全生产法》第九十七条,警告、罚款,警告，并处罚款,\(fine),\(decided.iso),临湘高新区经济发展局,经济发展局,一般失信,\(published)"
    }

    func upload(_ client: Client, _ token: String, _ text: String, query: String = "") async throws
        -> TestingHTTPResponse
    {
        try await client.upload(
            "/api/v1/credit-records/import\(query)", token: token, fileName: "双公示.csv", data: Data(text.utf8))
    }

    @Test func aSheetIsTakenInAllOrNothingAndComesBackUnchanged() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let handler = try await client.token("lx_handler")
            // A bad code in row 3 and an unknown department in row 4: nothing is written.
            let bad = [
                Self.header, Self.row("临罚1号"), Self.row("临罚2号", code: "91440300708461136X"),
                Self.row("临罚3号").replacingOccurrences(of: ",经济发展局,", with: ",环保局,"),
            ].joined(separator: "\n")
            let refused = try await upload(client, handler, bad)
            #expect(refused.status == .unprocessableEntity, "\(refused.body.string)")
            struct RowError: Decodable {
                let row: Int
                let column: String?
                let message: String
            }
            let rows = try refused.content.get([RowError].self, at: "error", "rows")
            #expect(rows.map(\.row) == [3, 4])
            #expect(rows[0].column == "C" && rows[0].message == "统一社会信用代码校验位不正确")
            #expect(rows[1].column == "M" && rows[1].message.contains("环保局"))
            #expect(try await rowCount("credit_records", on: app) == 0)

            // Good: two penalties, the first already public elsewhere on the day the sheet says.
            let published = Self.today.adding(months: -2).adding(days: 3).iso
            let good = [Self.header, Self.row("临罚1号", published: published), Self.row("临罚2号")].joined(separator: "\n")
            let taken = try await upload(client, handler, good, query: "?publish=true")
            #expect(taken.status == .ok, "\(taken.body.string)")
            #expect(try taken.content.get(Int.self, at: "created") == 2)
            #expect(try taken.content.get(Int.self, at: "published") == 2)
            let listed = try await client.send(.GET, "/api/v1/credit-records", token: handler)
            struct Item: Decodable {
                let documentNumber: String
                let publishedOn: String?
                let departmentId: UUID
                let enterpriseId: UUID?
            }
            let items = try listed.content.get([Item].self, at: "items")
            #expect(items.first { $0.documentNumber == "临罚1号" }?.publishedOn == published)
            #expect(
                items.allSatisfy { $0.departmentId == world.linxiangEconomy && $0.enterpriseId == world.enterprise })

            // The export taken in again changes nothing; a corrected fine updates its record.
            let export = try await client.send(.GET, "/api/v1/credit-records/export?kind=penalty", token: handler)
            let again = try await client.upload(
                "/api/v1/credit-records/import", token: handler, fileName: "行政处罚信息.xlsx",
                data: Data(buffer: export.body))
            #expect(again.status == .ok, "\(again.body.string)")
            #expect(try again.content.get(Int.self, at: "unchanged") == 2)
            #expect(try again.content.get(Int.self, at: "created") == 0)
            let corrected = try await upload(
                client, handler, [Self.header, Self.row("临罚2号", fine: "3")].joined(separator: "\n"))
            #expect(try corrected.content.get(Int.self, at: "updated") == 1)
            #expect(try await rowCount("credit_records", on: app) == 2)
            let events = try await app.db.sql.raw(
                "SELECT COUNT(*) AS n FROM events WHERE entity_type = 'creditRecord' AND action = 'import.update'"
            ).first()!.decode(column: "n", as: Int.self)
            #expect(events == 1)
            #expect(try await AuditVerification.run(on: app.db).firstBreak == nil)
        }
    }

    @Test func aHandlerImportsForItsOwnDepartmentOnly() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let sheet = [Self.header, Self.row("临罚1号").replacingOccurrences(of: ",经济发展局,", with: ",服务小组,")]
                .joined(separator: "\n")
            let refused = try await upload(client, try await client.token("lx_handler"), sheet)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("只能导入本部门作出的决定"))
            let cadre = try await upload(client, try await client.token("lx_cadre"), sheet)
            #expect(cadre.status == .forbidden)
            // The service group files it for the department the sheet names.
            let dispatcher = try await upload(client, try await client.token("lx_dispatcher"), sheet)
            #expect(dispatcher.status == .ok, "\(dispatcher.body.string)")
        }
    }
}
