import Foundation
import Testing
import ZIPFoundation

@testable import JieyouOffice

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The .docx writer: the parts a word processor needs, well-formed XML, GB/T 9704's page and fonts.
@Suite struct DocxTests {
    func parts(_ url: URL) throws -> [String: String] {
        let archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
        var result: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            result[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return result
    }

    func sample() -> DocxDocument {
        DocxDocument(
            documentTitle: "2024年9月上旬问题办理情况通报", masthead: "望城经开区“送解优”专项行动工作专班", issueLine: "第 3 期",
            blocks: [
                .title("2024年9月上旬问题办理情况通报"),
                .subtitle("（2024年9月1日—9月10日）"),
                .heading1("一、总体情况"),
                .paragraph("本旬新收集问题 12 个，办结 9 个，办结率 75.0%。\n第二行 & <特殊字符>"),
                .heading2("（一）部门排名"),
                .paragraph("按办结率排名："),
                .table(
                    header: ["单位", "办结率", "样本"], rows: [["经济发展局", "80.0%（8/10）", "10"], ["税务局", "—"]]),
                .pageBreak,
                .paragraph("坚持“解决一个、销号一个”。"),
                .signature(issuer: "望城经开区“送解优”专项行动工作专班", date: "2024年9月19日"),
            ],
            recordSheet: .init(
                copiesTo: ["长沙市“送解优”专项行动工作专班", "望城经开区各责任单位"], printedBy: "望城经开区“送解优”专项行动工作专班",
                printedOn: "2024年9月19日"))
    }

    @Test func aDocumentHasEveryPartAndEachIsWellFormed() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("doc-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: url) }
        try DocxWriter.write(sample(), to: url)
        let parts = try parts(url)
        #expect(
            Set(parts.keys) == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/_rels/document.xml.rels",
                "word/styles.xml", "word/fontTable.xml", "word/settings.xml", "word/footer1.xml", "word/footer2.xml",
                "word/document.xml",
            ])
        for (path, text) in parts {
            #expect(XMLParser(data: Data(text.utf8)).parse(), "\(path) is not well-formed XML")
        }
        let body = try #require(parts["word/document.xml"])
        #expect(body.contains("第二行 &amp; &lt;特殊字符&gt;"))
        #expect(body.contains(#"<w:t xml:space="preserve">本旬新收集问题 12 个，办结 9 个，办结率 75.0%。</w:t><w:br/>"#))
        #expect(body.contains(#"<w:pStyle w:val="Masthead"/>"#) && body.contains(#"<w:pStyle w:val="MastheadRule"/>"#))
        #expect(body.contains("<w:tblHeader/>"))
        // A short row is padded to the table's width; the 版记 is a table of two rows.
        #expect(body.components(separatedBy: "<w:tc>").count - 1 == 9 + 2)
        #expect(body.contains(#"<w:br w:type="page"/>"#))
        #expect(try #require(parts["docProps/core.xml"]).contains("<dc:title>2024年9月上旬问题办理情况通报</dc:title>"))
    }

    @Test func thePageAndFontsFollowGBT9704() throws {
        let body = DocxWriter.body(sample())
        // A4; margins 37 mm top, 26 mm right, 35 mm bottom, 28 mm left (1 mm = 56.7 twips).
        #expect(body.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
        #expect(body.contains(#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588""#))
        let styles = DocxParts.styles
        // Title 方正小标宋简体 二号 (22 pt = 44 half-points); body 仿宋_GB2312 三号 (32); headings 黑体, 楷体.
        #expect(styles.contains(#"w:eastAsia="方正小标宋简体" w:cs="Times New Roman"/><w:sz w:val="44"/>"#))
        #expect(styles.contains(#"w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/>"#))
        #expect(
            styles.contains(#"<w:style w:type="paragraph" w:styleId="Heading1">"#)
                && styles.contains(#"w:eastAsia="黑体""#))
        #expect(styles.contains(#"w:eastAsia="楷体_GB2312""#))
        #expect(DocxParts.fontTable.contains(#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>"#))
        // “— 1 —” on the outside: right on odd pages, left on even ones.
        #expect(DocxParts.settings.contains("<w:evenAndOddHeaders/>"))
        #expect(DocxParts.footer(odd: true).contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        #expect(DocxParts.footer(odd: true).contains(#"<w:jc w:val="right"/><w:ind w:right="280"/>"#))
        #expect(DocxParts.footer(odd: false).contains(#"<w:jc w:val="left"/><w:ind w:left="280"/>"#))
        #expect(body.contains(#"<w:footerReference w:type="even" r:id="rIdFooterEven"/>"#))
        // Tables are off the line grid, in single spacing.
        #expect(
            styles.contains(
                #"w:styleId="TableText"><w:name w:val="表格文字"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>"#
            ))
    }

    /// A rate, a date and a number keep to one line; the text column takes the rest and wraps.
    @Test func tableColumnsAreAsWideAsTheirFiguresNeed() {
        let header = ["编号", "企业", "问题", "办结率", "办理时限"]
        let rows = [
            [
                "WCJKQ-2026-0201", "湘江中联电子信息有限公司", String(repeating: "厂区周边道路破损，雨天积水严重影响货车通行。", count: 3),
                "77.4%（24/31）", "2026-11-02",
            ]
        ]
        let widths = DocxTableLayout.widths(header: header, rows: rows, columns: 5, available: DocxWriter.textWidth)
        #expect(widths.reduce(0, +) <= DocxWriter.textWidth)
        let padding = Double(2 * DocxTableLayout.cellMargin + DocxTableLayout.slack)
        for column in [0, 3, 4] {
            let needed = DocxTableLayout.lineWidths(rows[0][column]).max()! + padding
            #expect(Double(widths[column]) >= needed, "column \(column)")
        }
        // The text columns get six characters each before the figures their whole line, and the
        // problem, which holds the most, what is left.
        #expect(Double(widths[1]) >= 6 * 240 + padding && widths[2] > widths[1])
        // Where the page is too narrow for a rate beside its sample, it breaks before the sample.
        #expect(DocxTableLayout.fitted("77.4%（24/31）", width: 1200) == "77.4%\n（24/31）")
        #expect(DocxTableLayout.fitted("77.4%（24/31）", width: 2400) == "77.4%（24/31）")
        #expect(DocxTableLayout.fitted("住房和建设管理局（2026-11-02）", width: 1200) == "住房和建设管理局\n（2026-11-02）")
        #expect(DocxTableLayout.fitted("问题（企业反映）", width: 600) == "问题（企业反映）")
        #expect(DocxTableLayout.fitted("WCJKQ-2026-0201", width: 1200) == "WCJKQ-\n2026-0201")
        #expect(DocxTableLayout.fitted("2026-11-02", width: 600) == "2026-11-02")
        // A table that fits on one line keeps each column's proportion of the text.
        let small = DocxTableLayout.widths(
            header: ["单位", "样本"], rows: [["经济发展局", "10"]], columns: 2, available: DocxWriter.textWidth)
        #expect(small[0] > small[1] && small.reduce(0, +) <= DocxWriter.textWidth)
    }

    /// The 落款 stays with the last paragraph, the date two characters right of the issuer's first
    /// character; the note before a table stays with it; the 版记 closes the document.
    @Test func theSignatureAndTheRecordSheetFollowTheStandard() throws {
        let body = DocxWriter.body(sample())
        #expect(body.contains(#"<w:pPr><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">坚持“解决一个、销号一个”。"#))
        #expect(body.contains(#"<w:pPr><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">按办结率排名："#))
        // The issuer (18 characters wide, quotation marks included) two characters in from the right;
        // the date (6.5 wide: digits are half) starts two characters after the issuer's first: 18 − 6.5
        // = 11.5 characters in.
        #expect(
            body.contains(
                #"<w:pStyle w:val="Signature"/><w:keepNext/><w:keepLines/><w:spacing w:before="579"/><w:ind w:right="640"/></w:pPr><w:r><w:t xml:space="preserve">望城经开区“送解优”专项行动工作专班"#
            ))
        #expect(
            body.contains(#"<w:keepNext/><w:ind w:right="3680"/></w:pPr><w:r><w:t xml:space="preserve">2024年9月19日"#))
        #expect(body.contains("抄送：长沙市“送解优”专项行动工作专班，望城经开区各责任单位。"))
        #expect(body.contains(#"<w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">2024年9月19日印发</w:t></w:r>"#))
        #expect(body.range(of: "抄送：")!.lowerBound > body.range(of: "2024年9月19日</w:t>")!.lowerBound)
        // The 发文机关标志 fits one line: 18 characters (and one for spacing) across 442 pt is 23 pt.
        #expect(DocxWriter.mastheadSize("望城经开区“送解优”专项行动工作专班").contains(#"<w:sz w:val="46"/>"#))
        #expect(DocxWriter.mastheadSize("某某专班").contains(#"<w:sz w:val="52"/>"#))
    }
}
