import Foundation
import JieyouDomain
import Testing
import ZIPFoundation

@testable import JieyouOffice

/// The parts of a sheet's layout that official lists depend on: merged ranges read back as a person
/// sees them, shared strings, a frozen header, per-cell styles.
@Suite struct XlsxLayoutTests {
    func temporaryURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-layout-\(UUID().uuidString).xlsx")
    }

    func part(_ url: URL, _ path: String) throws -> String {
        let archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
        var data = Data()
        _ = try archive.extract(archive[path]!) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// A title over four columns, a header, an enterprise merged down two rows, a footnote across.
    func writeList(_ url: URL) throws {
        let writer = try XlsxWriter(url: url)
        try writer.addSheet(
            named: "问题清单", columnWidths: [6, 20, 6, 30], frozenRows: 2, print: .init(landscape: true)
        ) { sheet in
            try sheet.addRow([.text("问 题 清 单"), .empty, .empty, .empty], style: .title, height: 32)
            try sheet.merge(columns: 0...3, rows: 1...1)
            try sheet.addRow([.text("企业序号"), .text("企业全称"), .text("问题序号"), .text("困难问题")], style: .header)
            try sheet.addRow(
                [.number(1), .text("甲公司"), .number(1), .text("用电报装慢")],
                styles: [.centered, .centered, .centered, .wrapped])
            try sheet.addRow(
                [.empty, .empty, .number(2), .text("甲公司")], styles: [.centered, .centered, .centered, .wrapped])
            try sheet.merge(columns: 0...0, rows: 3...4)
            try sheet.merge(columns: 1...1, rows: 3...4)
            try sheet.addRow([.text("问题类别包括：困难求助。"), .empty, .empty, .empty], style: .note)
            try sheet.merge(columns: 0...3, rows: 5...5)
        }
        try writer.close()
    }

    @Test func mergedCellsReadAsTheirTopLeftValueWhenAsked() throws {
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try writeList(url)
        let reader = try XlsxReader(url: url)
        #expect(try reader.mergedRanges().map(\.description) == ["A1:D1", "A3:A4", "B3:B4", "A5:D5"])

        var plain: [[XlsxValue]] = []
        try reader.forEachRow { _, values in plain.append(values) }
        #expect(plain[3] == [.empty, .empty, .number(2), .text("甲公司")])

        var filled: [Int: [XlsxValue]] = [:]
        try reader.forEachRow(fillingMergedCells: true) { number, values in filled[number] = values }
        #expect(filled[1] == Array(repeating: .text("问 题 清 单"), count: 4))
        #expect(filled[4] == [.number(1), .text("甲公司"), .number(2), .text("甲公司")])
        #expect(filled[5]?.allSatisfy { $0 == .text("问题类别包括：困难求助。") } == true)
    }

    @Test func repeatedTextIsSharedAndTheHeaderFrozen() throws {
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try writeList(url)
        let strings = try part(url, "xl/sharedStrings.xml")
        // "甲公司" is written twice and stored once.
        #expect(strings.components(separatedBy: "<t xml:space=\"preserve\">甲公司</t>").count == 2)
        #expect(try part(url, "[Content_Types].xml").contains("/xl/sharedStrings.xml"))
        let sheet = try part(url, "xl/worksheets/sheet1.xml")
        #expect(sheet.contains(#"<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<row r="1" ht="32.0" customHeight="1">"#))
        #expect(sheet.contains(#"orientation="landscape""#))
        #expect(sheet.contains(#"<mergeCells count="4"><mergeCell ref="A1:D1"/>"#))
        // Per-cell styles: the description is wrapped (3), the number centred (5).
        #expect(sheet.contains(#"<c r="C3" s="5"><v>1</v></c>"#))
        #expect(sheet.contains(#"<c r="D3" s="3" t="s">"#))
    }

    @Test func aSheetFitToWidthPrintsOnePageWide() throws {
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter(url: url)
        try writer.addSheet(
            named: "导出", columnWidths: Array(repeating: 30, count: 12), print: .init(landscape: true, fitToWidth: true)
        ) {
            try $0.addRow((0..<12).map { .text("列\($0)") })
        }
        try writer.close()
        let sheet = try part(url, "xl/worksheets/sheet1.xml")
        // sheetPr comes first in a worksheet, before the views.
        #expect(sheet.contains(#"relationships"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#))
        #expect(sheet.contains(#"orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#))
    }

    /// A table for paper: its title and header repeat on every page (打印标题), its pages are numbered,
    /// a column of short values is narrowed to them, and a row is as tall as its wrapped text.
    @Test func aTableForPaperRepeatsItsHeaderNumbersItsPagesAndHoldsItsText() throws {
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter(url: url)
        try writer.addSheet(
            named: "O'Brien 台账", columnWidths: [20, 20, 10], frozenRows: 2, print: .table(headerRows: 2)
        ) {
            sheet in
            try sheet.addRow([.text("台 账"), .empty, .empty], style: .title, height: 30)
            try sheet.merge(columns: 0...2, rows: 1...1)
            try sheet.addRow([.text("序号"), .text("困难问题"), .text("交办单位及时间")], style: .header)
            try sheet.addRow(
                [.number(1), .text(String(repeating: "用电报装", count: 10)), .date(LocalDate(iso: "2026-12-07")!)],
                style: .wrapped)
            try sheet.addRow([.number(2), .text("短"), .empty], style: .wrapped)
        }
        try writer.close()
        let workbook = try part(url, "xl/workbook.xml")
        // The sheet's name quoted, its apostrophe doubled (then escaped as XML).
        #expect(
            workbook.contains(
                #"<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;O&apos;&apos;Brien 台账&apos;!$1:$2</definedName>"#
            ))
        let sheet = try part(url, "xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>"))
        #expect(sheet.contains(#"<printOptions horizontalCentered="1"/>"#))
        // 序号 (4 units) narrows its column to the least; 困难问题's 80 units keep 20 and wrap; the header
        // 交办单位及时间 (14 units) is the widest of its column and keeps it on one line.
        #expect(sheet.contains(#"<col min="1" max="1" width="6.0" customWidth="1"/>"#))
        #expect(sheet.contains(#"<col min="2" max="2" width="20.0" customWidth="1"/>"#))
        #expect(sheet.contains(#"<col min="3" max="3" width="10.0" customWidth="1"/>"#))
        // The header's 14 units wrap in 10 (two lines); the description's 80 in 19 usable take five.
        #expect(sheet.contains(#"<row r="2" ht="31.8" customHeight="1">"#))
        #expect(sheet.contains(#"<row r="3" ht="75.0" customHeight="1">"#))
        // A row of one line says so too: LibreOffice's own default is shorter than a line of 宋体.
        #expect(sheet.contains(#"<row r="4" ht="17.4" customHeight="1">"#))
        // The title keeps the height asked for: it spans the merged columns and is not measured.
        #expect(sheet.contains(#"<row r="1" ht="30.0" customHeight="1">"#))
    }

    @Test func textWidthCountsChineseAsTwoAndWrapsByLine() {
        #expect(TextWidth.lineWidths("用电") == [4])
        #expect(TextWidth.lineWidths("ab\n用电报装").max() == 8)
        #expect(TextWidth.lines("用电报装", width: 5) == 2)
        #expect(TextWidth.lines("用电\n报装", width: 30) == 2)
        #expect(TextWidth.lines("", width: 10) == 1)
    }

    @Test func longAndLateTextsAreWrittenInline() throws {
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let long = String(repeating: "长", count: SharedStringTable.longestShared + 1)
        let writer = try XlsxWriter(url: url)
        try writer.addSheet(named: "S") { sheet in
            try sheet.addRow([.text(long), .text("短")])
            for i in 0..<(SharedStringTable.capacity + 5) { try sheet.addRow([.text("第\(i)")]) }
        }
        try writer.close()
        var rows: [[XlsxValue]] = []
        try XlsxReader(url: url).forEachRow { _, values in rows.append(values) }
        #expect(rows.first == [.text(long), .text("短")])
        #expect(rows.last == [.text("第\(SharedStringTable.capacity + 4)")])
        let strings = try part(url, "xl/sharedStrings.xml")
        #expect(strings.contains(#"uniqueCount="\#(SharedStringTable.capacity)""#))
        #expect(!strings.contains(long))
    }

    @Test func cellRangesParse() {
        #expect(CellRange(reference: "A3:B7") == CellRange(columns: 0...1, rows: 3...7))
        #expect(CellRange(reference: "C4") == CellRange(columns: 2...2, rows: 4...4))
        #expect(CellRange(reference: "B7:A3") == nil)
        #expect(CellRange(reference: "A0:B1") == nil)
        #expect(CellRange(reference: "") == nil)
    }

    /// A table's pages break between an enterprise's rows, never inside them (its merged name would
    /// print cut under the repeated header), and each page holds what the fitted scale leaves room for.
    @Test func pagesBreakBetweenMergedBlocksNeverInsideThem() {
        // Title, unit line and header repeated (60 pt); then 100 enterprises of 1 to 5 rows of 30 pt.
        var heights: [Double] = [24, 18, 18]
        var blocks: [ClosedRange<Int>] = []
        for enterprise in 0..<100 {
            let rows = 1 + enterprise % 5
            let first = heights.count + 1
            heights += Array(repeating: 30, count: rows)
            blocks.append(first...(first + rows - 1))
        }
        // Columns of 110 units: 770 pt across at 7 pt a unit is fitted to 100 %.
        let pages = SheetPagination(
            columnWidths: Array(repeating: 11, count: 10), rowHeights: heights, blocks: blocks, repeatedRows: 3,
            landscape: true)
        #expect(pages.scale == 100)
        #expect(!pages.breaks.isEmpty)
        for row in pages.breaks {
            #expect(!blocks.contains { $0.lowerBound <= row && row < $0.upperBound }, "break after row \(row)")
        }
        // A page holds at most (595.3 − 86.4) × 0.96 − 60 = 428.5 pt of rows: 14 rows of 30.
        var first = 4
        for last in pages.breaks + [heights.count] {
            let used = heights[(first - 1)..<last].reduce(0, +)
            #expect(used <= 428.6 && used >= 428.6 - 5 * 30, "rows \(first)–\(last)")
            first = last + 1
        }
        // A wide sheet prints smaller, so its pages hold more rows.
        let wide = SheetPagination(
            columnWidths: Array(repeating: 22, count: 10), rowHeights: heights, blocks: blocks, repeatedRows: 3,
            landscape: true)
        #expect(wide.scale == 50 && wide.breaks.count < pages.breaks.count)
    }
}
