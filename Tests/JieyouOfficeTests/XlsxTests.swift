import Foundation
import JieyouDomain
import Testing
import ZIPFoundation

@testable import JieyouOffice

@Suite struct XlsxTests {
    func temporaryURL(_ name: String = "book.xlsx") -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-test-\(UUID().uuidString)-\(name)")
    }

    func readAll(_ url: URL, sheet: Int = 0) throws -> [(Int, [XlsxValue])] {
        var rows: [(Int, [XlsxValue])] = []
        try XlsxReader(url: url).forEachRow(inSheet: sheet) { rows.append(($0, $1)) }
        return rows
    }

    @Test func writtenWorkbooksReadBackCellForCell() throws {
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter(url: url)
        try writer.addSheet(named: "企业名单", columnWidths: [20, 40]) { sheet in
            try sheet.addRow([.text("统一社会信用代码"), .text("企业全称"), .text("成立日期"), .text("员工数")], style: .header)
            try sheet.addRow([
                .text("91440300708461136T"), .text("临湘浮标 & <科技>有限公司"), .date(LocalDate(year: 2024, month: 9, day: 4)!),
                .number(128),
            ])
            try sheet.addRow([.text("0012"), .empty, .date(LocalDate(year: 2000, month: 2, day: 29)!), .number(3.5)])
            // A literal `_x0041_` (the form of OOXML's escape) is protected on the way out.
            try sheet.addRow([.bool(true), .text("  前后空格  "), .text("代号_x0041_")])
            #expect(sheet.lastRow == 4)
            try sheet.merge(columns: 0...0, rows: 2...3)
        }
        try writer.addSheet(named: "第二页") { sheet in try sheet.addRow([.text("二")]) }
        try writer.close()

        let reader = try XlsxReader(url: url)
        #expect(reader.sheetNames == ["企业名单", "第二页"])
        let rows = try readAll(url)
        #expect(rows.map(\.0) == [1, 2, 3, 4])
        #expect(
            rows[1].1 == [
                .text("91440300708461136T"), .text("临湘浮标 & <科技>有限公司"), .date(LocalDate(year: 2024, month: 9, day: 4)!),
                .number(128),
            ])
        #expect(rows[2].1 == [.text("0012"), .empty, .date(LocalDate(year: 2000, month: 2, day: 29)!), .number(3.5)])
        #expect(rows[3].1 == [.bool(true), .text("  前后空格  "), .text("代号_x0041_")])
        #expect(try readAll(url, sheet: 1).map(\.1) == [[.text("二")]])
        #expect(throws: XlsxError.noSuchSheet("3")) { try reader.forEachRow(inSheet: 2) { _, _ in } }
    }

    @Test func readsWhatExcelWrites() throws {
        // The parts as Excel saves them: shared strings (with a phonetic run and escapes), styles with a custom date
        // format, sparse cells, and a relationship target that is absolute.
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let parts: [String: String] = [
            "[Content_Types].xml":
                #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
            "xl/workbook.xml":
                #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels":
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>"#,
            "xl/sharedStrings.xml":
                #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>企业全称</t></si><si><r><t>湖南</t></r><r><t xml:space="preserve">麓谷 </t></r><rPh sb="0" eb="2"><t>フナン</t></rPh></si><si><t>成立_x001B_日期_x005F_x0041_</t></si></sst>"#,
            "xl/styles.xml":
                #"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="14"/></cellXfs></styleSheet>"#,
            "xl/worksheets/sheet1.xml":
                #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2"/></row><row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3" s="1"><v>45539</v></c><c r="D3" s="2"><v>45540</v></c><c r="E3"><v>45539</v></c></row></sheetData></worksheet>"#,
        ]
        let archive = try Archive(url: url, accessMode: .create, pathEncoding: nil)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) {
                data.subdata(in: Int($0)..<Int($0) + $1)
            }
        }
        let rows = try readAll(url)
        #expect(rows.map(\.0) == [1, 3])  // the empty row 2 is skipped
        // Excel's escapes (ST_Xstring): `_x001B_` is ESC, `_x005F_` an underscore.
        #expect(rows[0].1 == [.text("企业全称"), .empty, .text("成立\u{1B}日期_x0041_")])
        #expect(
            rows[1].1 == [
                .text("湖南麓谷 "), .empty, .date(LocalDate(year: 2024, month: 9, day: 4)!),
                .date(LocalDate(year: 2024, month: 9, day: 5)!),
                .number(45539),
            ])
    }

    @Test func filesThatAreNotWorkbooksAreRefusedClearly() throws {
        let csv = temporaryURL("list.xlsx")
        defer { try? FileManager.default.removeItem(at: csv) }
        try Data("统一社会信用代码,企业全称\n".utf8).write(to: csv)
        #expect(throws: XlsxError.notAWorkbook) { try XlsxReader(url: csv) }
        #expect(XlsxError.notAWorkbook.description.contains(".xlsx"))

        let zip = temporaryURL("other.zip")
        defer { try? FileManager.default.removeItem(at: zip) }
        let archive = try Archive(url: zip, accessMode: .create, pathEncoding: nil)
        let data = Data("hello".utf8)
        try archive.addEntry(with: "readme.txt", type: .file, uncompressedSize: Int64(data.count)) { _, _ in data }
        #expect(throws: XlsxError.notAWorkbook) { try XlsxReader(url: zip) }
    }

    @Test func tenThousandRowsStreamThrough() throws {
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter(url: url)
        try writer.addSheet(named: "名单") { sheet in
            try sheet.addRow([.text("序号"), .text("企业全称")], style: .header)
            for i in 1...10_000 { try sheet.addRow([.number(Double(i)), .text("企业\(i)号有限公司")]) }
        }
        try writer.close()
        var count = 0
        var last: [XlsxValue] = []
        try XlsxReader(url: url).forEachRow { _, values in
            count += 1
            last = values
        }
        #expect(count == 10_001)
        #expect(last == [.number(10_000), .text("企业10000号有限公司")])
    }

    @Test func aRowCallbackErrorStopsTheReadAndIsRethrown() throws {
        struct Stop: Error {}
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter(url: url)
        try writer.addSheet(named: "S") { sheet in for i in 1...5 { try sheet.addRow([.number(Double(i))]) } }
        try writer.close()
        var seen = 0
        #expect(throws: Stop.self) {
            try XlsxReader(url: url).forEachRow { _, _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }

    @Test func columnNamesAndSerials() {
        #expect(ColumnName.letters(0) == "A")
        #expect(ColumnName.letters(25) == "Z")
        #expect(ColumnName.letters(26) == "AA")
        #expect(ColumnName.letters(701) == "ZZ")
        #expect(ColumnName.index(ofReference: "AB12") == 27)
        #expect(ExcelSerial.serial(of: LocalDate(iso: "2024-09-04")!) == 45539)
        #expect(ExcelSerial.date(serial: 45539) == LocalDate(iso: "2024-09-04"))
        #expect(ExcelSerial.serial(of: LocalDate(iso: "1900-03-01")!) == 61)
        #expect(ExcelSerial.date(serial: 60) == nil)
    }
}
