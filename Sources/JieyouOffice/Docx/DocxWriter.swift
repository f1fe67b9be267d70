import Foundation
import ZIPFoundation

/// Writes a `DocxDocument` as a .docx package (WordprocessingML, ECMA-376) that Word, WPS and
/// LibreOffice open. Documents are bulletins of a few pages, so the parts are built in memory.
public enum DocxWriter {
    /// A4 in twentieths of a point, and GB/T 9704's margins (37, 26, 35, 28 mm). The footer's foot
    /// is 23 mm up, so that the page number's top is 7 mm below the text (§7.5).
    static let page = (
        width: 11_906, height: 16_838, top: 2_098, right: 1_474, bottom: 1_984, left: 1_588, footer: 1_304
    )
    /// 22 lines on the page: 28.95 pt each.
    static let linePitch = 579
    static var textWidth: Int { page.width - page.left - page.right }

    public static func write(_ document: DocxDocument, to url: URL, created: Date = Date()) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        try archive.addText(at: "[Content_Types].xml", DocxParts.contentTypes)
        try archive.addText(at: "_rels/.rels", DocxParts.rootRelationships)
        try archive.addText(at: "docProps/core.xml", DocxParts.core(title: document.documentTitle, created: created))
        try archive.addText(at: "word/_rels/document.xml.rels", DocxParts.documentRelationships)
        try archive.addText(at: "word/styles.xml", DocxParts.styles)
        try archive.addText(at: "word/fontTable.xml", DocxParts.fontTable)
        try archive.addText(at: "word/settings.xml", DocxParts.settings)
        try archive.addText(at: "word/footer1.xml", DocxParts.footer(odd: true))
        try archive.addText(at: "word/footer2.xml", DocxParts.footer(odd: false))
        try archive.addText(at: "word/document.xml", body(document))
    }

    /// `word/document.xml`.
    static func body(_ document: DocxDocument) -> String {
        var xml = DocxParts.header
        xml += #"<w:document xmlns:w="\#(DocxParts.w)" xmlns:r="\#(DocxParts.r)"><w:body>"#
        if let masthead = document.masthead {
            xml += paragraph(masthead, style: "Masthead", run: mastheadSize(masthead))
            if let issue = document.issueLine { xml += paragraph(issue, style: "IssueLine") }
            // The red rule under the masthead.
            xml += #"<w:p><w:pPr><w:pStyle w:val="MastheadRule"/></w:pPr></w:p>"#
        }
        for (index, block) in document.blocks.enumerated() {
            // What comes before a table or the 落款 stays on its page with it: a note does not end a
            // page above its table, and the 落款 never stands alone on the last page.
            let keep: Bool =
                switch index + 1 < document.blocks.count ? document.blocks[index + 1] : nil {
                case .table?, .signature?: true
                default: false
                }
            switch block {
            case .title(let text): xml += paragraph(titleLines(text), style: "Title")
            case .subtitle(let text): xml += paragraph(text, style: "Subtitle", keepNext: keep)
            case .heading1(let text): xml += paragraph(text, style: "Heading1")
            case .heading2(let text): xml += paragraph(text, style: "Heading2")
            case .paragraph(let text): xml += paragraph(text, style: nil, keepNext: keep)
            case .signature(let issuer, let date): xml += signature(issuer: issuer, date: date)
            case .table(let header, let rows): xml += table(header: header, rows: rows)
            case .pageBreak: xml += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
            }
        }
        if let record = document.recordSheet { xml += recordSheet(record) }
        xml += "<w:sectPr>"
        xml += #"<w:footerReference w:type="default" r:id="rIdFooter"/>"#
        xml += #"<w:footerReference w:type="even" r:id="rIdFooterEven"/>"#
        xml += #"<w:pgSz w:w="\#(page.width)" w:h="\#(page.height)"/>"#
        xml +=
            #"<w:pgMar w:top="\#(page.top)" w:right="\#(page.right)" w:bottom="\#(page.bottom)" w:left="\#(page.left)" w:header="851" w:footer="\#(page.footer)" w:gutter="0"/>"#
        xml += #"<w:docGrid w:type="lines" w:linePitch="\#(linePitch)"/>"#
        xml += "</w:sectPr></w:body></w:document>"
        return xml
    }

    /// A paragraph in a style (nil: the body's), its lines kept as line breaks; `properties` are
    /// added to the paragraph's own, `run` to its text's.
    static func paragraph(
        _ text: String, style: String?, keepNext: Bool = false, properties: String = "", run: String = ""
    ) -> String {
        var xml = "<w:p>"
        let pPr = (style.map { #"<w:pStyle w:val="\#($0)"/>"# } ?? "") + (keepNext ? "<w:keepNext/>" : "") + properties
        if !pPr.isEmpty { xml += "<w:pPr>\(pPr)</w:pPr>" }
        xml += runs(text, properties: run) + "</w:p>"
        return xml
    }

    static func runs(_ text: String, properties: String = "") -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
            + lines.map { #"<w:t xml:space="preserve">\#(XMLText.escape(String($0)))</w:t>"# }.joined(
                separator: "<w:br/>")
            + "</w:r>"
    }

    /// A title too long for one line of 二号 breaks before its closing parenthesis (the period, as
    /// in `…月通报（2026年11月）`), so that the period is not split across the lines (§7.3.1: 回行时
    /// 词意完整).
    static func titleLines(_ title: String) -> String {
        guard DocxTableLayout.ems(title) > Double(textWidth) / 20 / 22, let open = title.lastIndex(of: "（"),
            open != title.startIndex,
            !title.contains("\n")
        else { return title }
        return title[..<open] + "\n" + title[open...]
    }

    /// The 发文机关标志 on one line: 26 pt, or smaller for a long name (a park's 专班 has some twenty
    /// characters, which at 26 pt would wrap). The standard sets no size, only that it fits the line.
    static func mastheadSize(_ name: String) -> String {
        // One em over for the space a renderer puts between Chinese text and digits (长沙高新区2026年).
        let ems = DocxTableLayout.ems(name) + 1
        let points = min(26, (Double(textWidth) / 20 / ems).rounded(.down))
        let half = Int(points * 2)
        return #"<w:sz w:val="\#(half)"/><w:szCs w:val="\#(half)"/>"#
    }

    /// The 落款 after §7.3.5.3 (a document without a seal): a line below the text, the issuer two
    /// characters from the right margin and the date beneath it two characters further right, or, when
    /// the date is the longer, the date two characters from the margin and the issuer moved to match.
    /// The issuer stays on the page of the date, and so (see `body`) does the last paragraph.
    static func signature(issuer: String, date: String) -> String {
        let (issuerWidth, dateWidth) = (DocxTableLayout.ems(issuer), DocxTableLayout.ems(date))
        let (issuerRight, dateRight) =
            issuerWidth >= dateWidth + 2 ? (2, issuerWidth - dateWidth) : (4 + dateWidth - issuerWidth, 2)
        let em = 320.0  // 三号
        func indent(_ chars: Double) -> String { #"<w:ind w:right="\#(Int((chars * em).rounded()))"/>"# }
        return paragraph(
            issuer, style: "Signature", keepNext: true,
            properties: #"<w:keepLines/><w:spacing w:before="\#(linePitch)"/>"# + indent(issuerRight))
            // The 版记 that follows stays on the 落款's page too.
            + paragraph(date, style: "Signature", keepNext: true, properties: indent(dateRight))
    }

    /// A bordered table across the text width, its header row repeated on each page and kept with the
    /// first row, no row split across pages, each column as wide as its figures need.
    static func table(header: [String], rows: [[String]]) -> String {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        let twips = DocxTableLayout.widths(header: header, rows: rows, columns: columns, available: textWidth)
        var xml = "<w:tbl><w:tblPr>"
        xml += #"<w:tblW w:w="\#(twips.reduce(0, +))" w:type="dxa"/><w:jc w:val="center"/>"#
        xml += "<w:tblBorders>"
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += #"<w:\#(edge) w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
        }
        let margin = DocxTableLayout.cellMargin
        xml +=
            #"</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="\#(margin)" w:type="dxa"/><w:right w:w="\#(margin)" w:type="dxa"/></w:tblCellMar></w:tblPr>"#
        xml += "<w:tblGrid>" + twips.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
        func row(_ cells: [String], isHeader: Bool) -> String {
            var tr =
                "<w:tr>"
                + (isHeader ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>")
            for column in 0..<columns {
                let text = column < cells.count ? DocxTableLayout.fitted(cells[column], width: twips[column]) : ""
                tr += #"<w:tc><w:tcPr><w:tcW w:w="\#(twips[column])" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>"#
                tr += paragraph(text, style: isHeader ? "TableHeader" : "TableText", keepNext: isHeader) + "</w:tc>"
            }
            return tr + "</w:tr>"
        }
        xml += row(header, isHeader: true)
        for cells in rows { xml += row(cells, isHeader: false) }
        xml += "</w:tbl>"
        // Word needs a paragraph between a table and what follows it.
        xml += #"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>"#
        return xml
    }

    /// The 版记 (§7.4): 抄送 and 印发机关 with 印发日期, 四号 仿宋, between a heavy rule above and below
    /// and a thin one between, one character in from each side, the lines kept on one page.
    static func recordSheet(_ record: DocxDocument.RecordSheet) -> String {
        let inner = textWidth - 2 * DocxTableLayout.cellMargin
        var xml = #"<w:p><w:pPr><w:pStyle w:val="RecordSheet"/><w:keepNext/></w:pPr></w:p>"#
        xml += "<w:tbl><w:tblPr>"
        xml += #"<w:tblW w:w="\#(textWidth)" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>"#
        xml += #"<w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>"#
        xml += #"<w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>"#
        xml += #"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
        xml += #"</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>"#
        xml += #"<w:tblGrid><w:gridCol w:w="\#(textWidth)"/></w:tblGrid>"#
        func row(_ content: String) -> String {
            #"<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="\#(textWidth)" w:type="dxa"/></w:tcPr>"#
                + content + "</w:tc></w:tr>"
        }
        if !record.copiesTo.isEmpty {
            let copies = "抄送：" + record.copiesTo.joined(separator: "，") + "。"
            xml += row(paragraph(copies, style: "RecordSheet", keepNext: true))
        }
        // The printer at the left, the date at the right: a right tab stop one character in.
        let printed =
            #"<w:p><w:pPr><w:pStyle w:val="RecordSheet"/><w:tabs><w:tab w:val="right" w:pos="\#(inner - 280)"/></w:tabs></w:pPr>"#
            + runs(record.printedBy) + "<w:r><w:tab/></w:r>" + runs("\(record.printedOn)印发") + "</w:p>"
        xml += row(printed)
        return xml + "</w:tbl>"
    }
}
