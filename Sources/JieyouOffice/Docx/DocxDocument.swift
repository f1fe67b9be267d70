import Foundation

/// An official document (公文) as Word writes it, after GB/T 9704-2012 《党政机关公文格式》: A4, margins
/// of 37 mm top, 35 mm bottom, 28 mm left and 26 mm right, 22 lines of 28 characters; the title in
/// 方正小标宋简体 二号 centred, the body in 仿宋_GB2312 三号 with a two-character first-line indent,
/// headings of the first level in 黑体 and of the second in 楷体_GB2312 (both 三号), tables in 小四
/// with single spacing, the 落款 kept with the last paragraph, a 版记 closing the document, page
/// numbers as “— 1 —” in 宋体 四号 on the outside of the page (right on odd pages, left on even), and
/// optionally a 版头 (the issuing unit in red, the issue number, a red rule). Fonts that a machine
/// lacks fall back to 宋体/仿宋/黑体/楷体 through the font table, so WPS, Word and LibreOffice all lay
/// it out.
public struct DocxDocument: Sendable {
    public enum Block: Sendable {
        /// The title: 方正小标宋简体 二号, centred.
        case title(String)
        /// A line under the title (a period, a number), 仿宋 三号, centred.
        case subtitle(String)
        /// 一、… in 黑体.
        case heading1(String)
        /// （一）… in 楷体.
        case heading2(String)
        /// Body text, indented two characters.
        case paragraph(String)
        /// The 落款: the issuer, and the date (成文日期) beneath it two characters further right (§7.3.5.3).
        case signature(issuer: String, date: String)
        /// A table: a header row in 黑体, repeated on each page, then rows that never split across a
        /// page; its columns are as wide as their figures need (`DocxTableLayout`).
        case table(header: [String], rows: [[String]])
        /// The next block starts a new page.
        case pageBreak
    }

    /// The 版记 at the end (§7.4): who receives copies (抄送), and who printed it on which day.
    public struct RecordSheet: Sendable {
        public var copiesTo: [String]
        public var printedBy: String
        public var printedOn: String

        public init(copiesTo: [String], printedBy: String, printedOn: String) {
            self.copiesTo = copiesTo
            self.printedBy = printedBy
            self.printedOn = printedOn
        }
    }

    /// The 发文机关标志 of the 版头: the issuing unit's name (e.g. 望城经开区“送解优”专项行动工作专班)
    /// in red over a red rule.
    public var masthead: String?
    /// The 发文字号 under the masthead (e.g. 第33期), optional.
    public var issueLine: String?
    public var blocks: [Block]
    public var recordSheet: RecordSheet?
    /// The title in the file's properties.
    public var documentTitle: String

    public init(
        documentTitle: String, masthead: String? = nil, issueLine: String? = nil, blocks: [Block] = [],
        recordSheet: RecordSheet? = nil
    ) {
        self.documentTitle = documentTitle
        self.masthead = masthead
        self.issueLine = issueLine
        self.blocks = blocks
        self.recordSheet = recordSheet
    }

    public mutating func append(_ block: Block) { blocks.append(block) }
}
