import Foundation
import JieyouDomain
import JieyouOffice
import Testing
import VaporTesting

@testable import JieyouApp

/// 企业名单 export: the list's filters within the reader's reach, as .xlsx with the import's headers
/// (so the file imports again unchanged) or as CSV, phones masked as on the page.
@Suite struct EnterpriseExportTests {
    /// The rows of an exported workbook below its title, header first.
    static func rows(ofWorkbook data: Data) throws -> [[String]] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).xlsx")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var rows: [[String]] = []
        try XlsxReader(url: url).forEachRow(inSheet: 0, fillingMergedCells: false) { number, values in
            if number > 1 { rows.append(values.map(\.text)) }
        }
        return rows
    }

    @Test func theFilteredListExportsAndImportsAgainUnchanged() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let imported = try await client.upload(
                "/api/v1/enterprises/import", token: admin, fileName: "名单.xlsx",
                data: try EnterpriseImportTests.xlsx(EnterpriseImportTests.goodRows(30)))
            #expect(imported.status == .ok, "\(imported.body.string)")

            let file = try await client.send(.GET, "/api/v1/enterprises/export?scale=above", token: admin)
            #expect(file.status == .ok)
            #expect(file.headers.contentType == OfficeDownload.xlsx)
            #expect(file.headers.first(name: .contentDisposition)?.contains("filename") == true)
            let rows = try Self.rows(ofWorkbook: Data(buffer: file.body))
            #expect(rows.first == EnterpriseSheet.Column.allCases.map(\.header) + ["最近走访"])
            // 规上 are every third of the 30 imported (n % 3 == 0), in name order.
            #expect(rows.count - 1 == 10)
            #expect(rows.dropFirst().allSatisfy { $0[5] == "规上" && $0[4] == "临湘高新区" })
            #expect(rows[1][1] == "临湘市第0浮标制造有限公司" && rows[1][10] == "13800000000")

            // Corrected in Excel or not, the file goes back in: every row is recognised, nothing doubles.
            let again = try await client.upload(
                "/api/v1/enterprises/import", token: admin, fileName: "企业名单.xlsx", data: Data(buffer: file.body))
            #expect(again.status == .ok, "\(again.body.string)")
            #expect(try again.content.get(Int.self, at: "unchanged") == 10)
            #expect(try again.content.get(Int.self, at: "created") == 0)

            // The web list offers the export with its filters.
            let session = try await client.webSession("lx_admin")
            let page = try await client.send(.GET, "/enterprises?scale=above", cookie: session.cookie)
            #expect(page.body.string.contains("href=\"/enterprises/export?scale=above\""))
            let web = try await client.send(.GET, "/enterprises/export?scale=above&format=csv", cookie: session.cookie)
            #expect(web.status == .ok)
            #expect(web.headers.contentType?.subType == "csv")
        }
    }

    @Test func csvForMachinesWithPhonesMaskedAndTheReachKept() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            _ = try await client.upload(
                "/api/v1/enterprises/import", token: admin, fileName: "名单.xlsx",
                data: try EnterpriseImportTests.xlsx(EnterpriseImportTests.goodRows(3)))
            // A leader reads the registry but not the contacts' phones.
            let leader = try await client.token("lx_leader")
            let csv = try await client.send(.GET, "/api/v1/enterprises/export?format=csv", token: leader)
            #expect(csv.status == .ok)
            let bytes = Data(buffer: csv.body)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            var lines: [[String]] = []
            try CSVReader(data: bytes).forEachRow { _, fields in lines.append(fields) }
            #expect(lines.first?.first == "统一社会信用代码")
            #expect(lines.count == 1 + 4)  // the three imported and the World's own
            #expect(lines.contains { $0[10] == "138****0001" })
            #expect(!csv.body.string.contains("13800000001"))
            // Another park's admin exports only its own park; an enterprise only itself.
            let other = try await client.send(
                .GET, "/api/v1/enterprises/export?format=csv", token: try await client.token("pj_admin"))
            #expect(!other.body.string.contains("临湘"))
            let own = try await client.send(
                .GET, "/api/v1/enterprises/export?format=csv", token: try await client.token("lx_enterprise"))
            var ownLines: [[String]] = []
            try CSVReader(data: Data(buffer: own.body)).forEachRow { _, fields in ownLines.append(fields) }
            #expect(ownLines.map { $0[1] } == ["企业全称", "临湘浮标科技有限公司"])
            let bad = try await client.send(.GET, "/api/v1/enterprises/export?format=pdf", token: admin)
            #expect(bad.status == .badRequest)
            #expect(try bad.content.get(String.self, at: "error", "field") == "format")
        }
    }
}
