import Foundation

/// An official document (公文) as Word writes it, after GB/T 9704-2012 《党政机关公文格式》: A4, margins
/// of 37 mm top, 35 mm bottom, 28 mm left and 26 mm right, 22 lines of 28 characters; the title in
/// 方正小标宋简体 二号 centred, the body in 仿宋_GB2312 三号 with a two-character first-line indent,
/// headings of the first level in 黑体 and of the second in 楷体_GB2312 (both 三号), page numbers as
/// “— 1 —” in 宋体 四号 at the foot, and optionally a 红头 (the issuing unit in red over a red rule).
/// Fonts that a machine lacks fall back to 宋体/仿宋/黑体/楷体 through the font table, so WPS,
/// Word and LibreOffice all lay it out.
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
        /// Body text without indent, right-aligned: the issuer and the date at the end.
        case signature(String)
        /// A table: a bold header row, then rows; `widths` in characters of the body font.
        case table(header: [String], rows: [[String]], widths: [Double])
        /// The next block starts a new page.
        case pageBreak
    }

    /// The 红头: the issuing unit's name (e.g. 望城经开区“送解优”专项行动工作专班) over a red rule.
    public var masthead: String?
    /// The document number line under the masthead (e.g. 第 3 期), optional.
    public var issueLine: String?
    public var blocks: [Block]
    /// The title in the file's properties.
    public var documentTitle: String

    public init(documentTitle: String, masthead: String? = nil, issueLine: String? = nil, blocks: [Block] = []) {
        self.documentTitle = documentTitle
        self.masthead = masthead
        self.issueLine = issueLine
        self.blocks = blocks
    }

    public mutating func append(_ block: Block) { blocks.append(block) }
}
