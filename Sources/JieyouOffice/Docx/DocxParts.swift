import Foundation

/// The fixed parts of a .docx package: content types, relationships, styles after GB/T 9704, the
/// font table with the fallbacks of the official fonts, and the footer with the page number.
enum DocxParts {
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes =
        header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
        + #"<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>"#
        + #"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#
        + #"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#
        + #"<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#
        + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        + "</Types>"

    static let rootRelationships =
        header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipType)/officeDocument" Target="word/document.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + "</Relationships>"

    static let documentRelationships =
        header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rIdStyles" Type="\#(relationshipType)/styles" Target="styles.xml"/>"#
        + #"<Relationship Id="rIdFonts" Type="\#(relationshipType)/fontTable" Target="fontTable.xml"/>"#
        + #"<Relationship Id="rIdSettings" Type="\#(relationshipType)/settings" Target="settings.xml"/>"#
        + #"<Relationship Id="rIdFooter" Type="\#(relationshipType)/footer" Target="footer1.xml"/>"#
        + #"<Relationship Id="rIdFooterEven" Type="\#(relationshipType)/footer" Target="footer2.xml"/>"#
        + "</Relationships>"

    static func core(title: String, created: Date) -> String {
        let stamp = ISO8601DateFormatter().string(from: created)
        return header
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
            + #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
            + #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>\(XMLText.escape(title))</dc:title><dc:creator>解优</dc:creator>"
            + #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:created>"#
            + "</cp:coreProperties>"
    }

    /// Odd and even pages have their own footers: the page number sits on the outside.
    static let settings =
        header + #"<w:settings xmlns:w="\#(w)"><w:defaultTabStop w:val="640"/><w:evenAndOddHeaders/>"#
        + #"<w:compat><w:doNotExpandShiftReturn/></w:compat></w:settings>"#

    /// The official fonts and what each falls back to where it is not installed.
    static let fonts: [(name: String, fallback: String, family: String)] = [
        ("方正小标宋简体", "宋体", "roman"), ("仿宋_GB2312", "仿宋", "modern"), ("楷体_GB2312", "楷体", "script"),
        ("黑体", "SimHei", "swiss"), ("宋体", "SimSun", "roman"), ("Times New Roman", "Liberation Serif", "roman"),
    ]

    static let fontTable: String = {
        var xml = header + #"<w:fonts xmlns:w="\#(w)">"#
        for font in fonts {
            xml += #"<w:font w:name="\#(font.name)"><w:altName w:val="\#(font.fallback)"/>"#
            xml +=
                #"<w:charset w:val="\#(font.name == "Times New Roman" ? "00" : "86")"/><w:family w:val="\#(font.family)"/>"#
            xml += #"<w:pitch w:val="variable"/></w:font>"#
        }
        return xml + "</w:fonts>"
    }()

    /// Run properties: an East Asian font, Times New Roman for Latin text and digits, a size in points.
    static func runProperties(eastAsia: String, points: Double, bold: Bool = false, color: String? = nil) -> String {
        var xml = "<w:rPr>"
        xml +=
            #"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="\#(eastAsia)" w:cs="Times New Roman"/>"#
        if bold { xml += "<w:b/><w:bCs/>" }
        if let color { xml += #"<w:color w:val="\#(color)"/>"# }
        let half = Int((points * 2).rounded())
        xml += #"<w:sz w:val="\#(half)"/><w:szCs w:val="\#(half)"/><w:lang w:eastAsia="zh-CN"/></w:rPr>"#
        return xml
    }

    /// 三号 16 pt, 二号 22 pt, 四号 14 pt, 小四 12 pt.
    static let styles: String = {
        let exact = #"<w:spacing w:line="\#(DocxWriter.linePitch)" w:lineRule="exact"/>"#
        func style(_ id: String, _ name: String, paragraph: String, run: String, basedOn: String? = "Normal") -> String
        {
            #"<w:style w:type="paragraph" w:styleId="\#(id)"><w:name w:val="\#(name)"/>"#
                + (basedOn.map { #"<w:basedOn w:val="\#($0)"/>"# } ?? "")
                + #"<w:qFormat/><w:pPr>\#(paragraph)</w:pPr>\#(run)</w:style>"#
        }
        var xml = header + #"<w:styles xmlns:w="\#(w)">"#
        xml += "<w:docDefaults><w:rPrDefault>" + runProperties(eastAsia: "仿宋_GB2312", points: 16) + "</w:rPrDefault>"
        xml += "<w:pPrDefault><w:pPr>\(exact)</w:pPr></w:pPrDefault></w:docDefaults>"
        xml += #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>"#
        xml += #"<w:pPr>\#(exact)<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr>"#
        xml += runProperties(eastAsia: "仿宋_GB2312", points: 16) + "</w:style>"
        let centred = #"<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>"#
        xml += style(
            "Title", "标题",
            paragraph:
                #"<w:spacing w:before="0" w:after="\#(DocxWriter.linePitch)" w:line="\#(DocxWriter.linePitch + 100)" w:lineRule="exact"/>"#
                + centred,
            run: runProperties(eastAsia: "方正小标宋简体", points: 22))
        xml += style(
            "Subtitle", "副标题", paragraph: exact + centred, run: runProperties(eastAsia: "楷体_GB2312", points: 16))
        xml += style(
            "Heading1", "一级标题", paragraph: exact + #"<w:keepNext/><w:outlineLvl w:val="0"/>"#,
            run: runProperties(eastAsia: "黑体", points: 16))
        xml += style(
            "Heading2", "二级标题", paragraph: exact + #"<w:keepNext/><w:outlineLvl w:val="1"/>"#,
            run: runProperties(eastAsia: "楷体_GB2312", points: 16))
        xml += style(
            "Signature", "落款",
            paragraph: exact + #"<w:ind w:firstLineChars="0" w:firstLine="0" w:right="640"/><w:jc w:val="right"/>"#,
            run: runProperties(eastAsia: "仿宋_GB2312", points: 16))
        // Tables and the 版记 keep off the page's line grid, or every table line would be a body line high.
        let single =
            #"<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/>"#
        xml += style(
            "TableText", "表格文字", paragraph: single + #"<w:jc w:val="center"/>"#,
            run: runProperties(eastAsia: "仿宋_GB2312", points: 12))
        xml += style(
            "TableHeader", "表头", paragraph: single + #"<w:jc w:val="center"/>"#,
            run: runProperties(eastAsia: "黑体", points: 12))
        xml += style(
            "RecordSheet", "版记",
            paragraph:
                #"<w:snapToGrid w:val="0"/><w:spacing w:before="60" w:after="60" w:line="240" w:lineRule="auto"/><w:ind w:left="280" w:right="280" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/>"#,
            run: runProperties(eastAsia: "仿宋_GB2312", points: 14))
        xml += style(
            "Masthead", "红头",
            paragraph: #"<w:spacing w:before="400" w:after="200" w:line="240" w:lineRule="auto"/>"# + centred,
            run: runProperties(eastAsia: "方正小标宋简体", points: 26, color: "FF0000"))
        xml += style(
            "IssueLine", "期号", paragraph: exact + centred, run: runProperties(eastAsia: "仿宋_GB2312", points: 16))
        xml += style(
            "MastheadRule", "红线",
            paragraph:
                #"<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="1" w:color="FF0000"/></w:pBdr><w:spacing w:before="0" w:after="\#(DocxWriter.linePitch)" w:line="120" w:lineRule="exact"/>"#
                + centred,
            run: runProperties(eastAsia: "仿宋_GB2312", points: 6))
        xml += style(
            "Footer", "页脚", paragraph: #"<w:jc w:val="center"/><w:ind w:firstLineChars="0" w:firstLine="0"/>"#,
            run: runProperties(eastAsia: "宋体", points: 14))
        return xml + "</w:styles>"
    }()

    /// “— 1 —”: the page number between dashes, 宋体 四号, one character in from the outside edge: at
    /// the right of odd pages and the left of even ones (§7.5).
    static func footer(odd: Bool) -> String {
        let run = runProperties(eastAsia: "宋体", points: 14)
        let side = odd ? #"<w:jc w:val="right"/><w:ind w:right="280"/>"# : #"<w:jc w:val="left"/><w:ind w:left="280"/>"#
        var xml =
            header + #"<w:ftr xmlns:w="\#(w)" xmlns:r="\#(r)"><w:p><w:pPr><w:pStyle w:val="Footer"/>\#(side)</w:pPr>"#
        xml += #"<w:r>\#(run)<w:t xml:space="preserve">— </w:t></w:r>"#
        xml += #"<w:r>\#(run)<w:fldChar w:fldCharType="begin"/></w:r>"#
        xml += #"<w:r>\#(run)<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#
        xml += #"<w:r>\#(run)<w:fldChar w:fldCharType="separate"/></w:r><w:r>\#(run)<w:t>1</w:t></w:r>"#
        xml += #"<w:r>\#(run)<w:fldChar w:fldCharType="end"/></w:r>"#
        xml += #"<w:r>\#(run)<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"#
        return xml
    }
}
