import Foundation
import ZIPFoundation

/// Writes a `DocxDocument` as a .docx package (WordprocessingML, ECMA-376) that Word, WPS and
/// LibreOffice open. Documents are bulletins of a few pages, so the parts are built in memory.
public enum DocxWriter {
    /// A4 in twentieths of a point, and GB/T 9704's margins (37, 26, 35, 28 mm).
    static let page = (width: 11_906, height: 16_838, top: 2_098, right: 1_474, bottom: 1_984, left: 1_588)
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
        try archive.addText(at: "word/footer1.xml", DocxParts.footer)
        try archive.addText(at: "word/document.xml", body(document))
    }

    /// `word/document.xml`.
    static func body(_ document: DocxDocument) -> String {
        var xml = DocxParts.header
        xml += #"<w:document xmlns:w="\#(DocxParts.w)" xmlns:r="\#(DocxParts.r)"><w:body>"#
        if let masthead = document.masthead {
            xml += paragraph(masthead, style: "Masthead")
            if let issue = document.issueLine { xml += paragraph(issue, style: "IssueLine") }
            // The red rule under the masthead.
            xml += #"<w:p><w:pPr><w:pStyle w:val="MastheadRule"/></w:pPr></w:p>"#
        }
        for block in document.blocks {
            switch block {
            case .title(let text): xml += paragraph(text, style: "Title")
            case .subtitle(let text): xml += paragraph(text, style: "Subtitle")
            case .heading1(let text): xml += paragraph(text, style: "Heading1")
            case .heading2(let text): xml += paragraph(text, style: "Heading2")
            case .paragraph(let text): xml += paragraph(text, style: nil)
            case .signature(let text): xml += paragraph(text, style: "Signature")
            case .table(let header, let rows, let widths): xml += table(header: header, rows: rows, widths: widths)
            case .pageBreak: xml += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
            }
        }
        xml += "<w:sectPr>"
        xml += #"<w:footerReference w:type="default" r:id="rIdFooter"/>"#
        xml += #"<w:pgSz w:w="\#(page.width)" w:h="\#(page.height)"/>"#
        xml +=
            #"<w:pgMar w:top="\#(page.top)" w:right="\#(page.right)" w:bottom="\#(page.bottom)" w:left="\#(page.left)" w:header="851" w:footer="992" w:gutter="0"/>"#
        xml += #"<w:docGrid w:type="lines" w:linePitch="\#(linePitch)"/>"#
        xml += "</w:sectPr></w:body></w:document>"
        return xml
    }

    /// A paragraph in a style (nil: the body's), its lines kept as line breaks.
    static func paragraph(_ text: String, style: String?) -> String {
        var xml = "<w:p>"
        if let style { xml += #"<w:pPr><w:pStyle w:val="\#(style)"/></w:pPr>"# }
        xml += runs(text) + "</w:p>"
        return xml
    }

    static func runs(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return "<w:r>"
            + lines.map { #"<w:t xml:space="preserve">\#(XMLText.escape(String($0)))</w:t>"# }.joined(
                separator: "<w:br/>")
            + "</w:r>"
    }

    /// A bordered table across the text width, its header row repeated on each page.
    static func table(header: [String], rows: [[String]], widths: [Double]) -> String {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        let given = (0..<columns).map { $0 < widths.count && widths[$0] > 0 ? widths[$0] : 1 }
        let total = given.reduce(0, +)
        let twips = given.map { Int((Double(textWidth) * $0 / total).rounded(.down)) }
        var xml = "<w:tbl><w:tblPr>"
        xml += #"<w:tblW w:w="\#(twips.reduce(0, +))" w:type="dxa"/><w:jc w:val="center"/>"#
        xml += "<w:tblBorders>"
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += #"<w:\#(edge) w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
        }
        xml +=
            #"</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>"#
        xml += "<w:tblGrid>" + twips.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
        func row(_ cells: [String], isHeader: Bool) -> String {
            var tr =
                "<w:tr>"
                + (isHeader ? "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>")
            for column in 0..<columns {
                let text = column < cells.count ? cells[column] : ""
                tr += #"<w:tc><w:tcPr><w:tcW w:w="\#(twips[column])" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>"#
                tr += paragraph(text, style: isHeader ? "TableHeader" : "TableText") + "</w:tc>"
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
}
