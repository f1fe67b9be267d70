import Foundation
import Testing

@testable import JieyouOffice

@Suite struct CSVWriterTests {
    @Test func writesWhatTheReaderAndExcelReadBack() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try CSVWriter(url: url)
        let rows = [
            ["企业全称", "备注", "金额"],
            ["湖南\"长江\"电商有限公司", "第一行\n第二行", "-12.5"],
            ["=HYPERLINK(\"http://evil\")", "a,b", "@SUM(A1)"],
        ]
        for row in rows { try writer.addRow(row) }
        // Enough rows to cross the 64 KB buffer more than once.
        for n in 0..<5_000 { try writer.addRow(["企业\(n)", String(repeating: "长", count: 10), String(n)]) }
        try writer.close()

        let data = try Data(contentsOf: url)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        var read: [[String]] = []
        try CSVReader(data: data).forEachRow { _, fields in read.append(fields) }
        #expect(read.count == 3 + 5_000)
        #expect(read[1] == rows[1])  // quotes, line breaks and a negative number kept
        // A formula becomes text: Excel shows it, never runs it.
        #expect(read[2] == ["'=HYPERLINK(\"http://evil\")", "a,b", "'@SUM(A1)"])
        #expect(read.last == ["企业4999", String(repeating: "长", count: 10), "4999"])
    }
}
