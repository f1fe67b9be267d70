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
                .table(
                    header: ["单位", "办结率", "样本"], rows: [["经济发展局", "80.0%", "10"], ["税务局", "—"]], widths: [3, 1, 1]),
                .pageBreak,
                .signature("望城经开区“送解优”专项行动工作专班\n2024年9月19日"),
            ])
    }

    @Test func aDocumentHasEveryPartAndEachIsWellFormed() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("doc-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: url) }
        try DocxWriter.write(sample(), to: url)
        let parts = try parts(url)
        #expect(
            Set(parts.keys) == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/_rels/document.xml.rels",
                "word/styles.xml", "word/fontTable.xml", "word/settings.xml", "word/footer1.xml", "word/document.xml",
            ])
        for (path, text) in parts {
            #expect(XMLParser(data: Data(text.utf8)).parse(), "\(path) is not well-formed XML")
        }
        let body = try #require(parts["word/document.xml"])
        #expect(body.contains("第二行 &amp; &lt;特殊字符&gt;"))
        #expect(body.contains(#"<w:t xml:space="preserve">本旬新收集问题 12 个，办结 9 个，办结率 75.0%。</w:t><w:br/>"#))
        #expect(body.contains(#"<w:pStyle w:val="Masthead"/>"#) && body.contains(#"<w:pStyle w:val="MastheadRule"/>"#))
        #expect(body.contains("<w:tblHeader/>"))
        // A short row is padded to the table's width.
        #expect(body.components(separatedBy: "<w:tc>").count - 1 == 9)
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
        #expect(DocxParts.footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        // The table spans the text width: 11906 − 1588 − 1474 twips, split 3 : 1 : 1.
        #expect(body.contains(#"<w:gridCol w:w="5306"/><w:gridCol w:w="1768"/><w:gridCol w:w="1768"/>"#))
    }
}
