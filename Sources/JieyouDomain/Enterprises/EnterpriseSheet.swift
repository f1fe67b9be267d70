import Foundation

/// Reads an enterprise list (企业名单) as parks keep it in Excel: a header row with Chinese column names
/// (in any order, possibly under a title row), then one enterprise per row. Rows are checked one by
/// one; every error names the row, the column letter and the header, so a person can fix the sheet.
public struct EnterpriseSheet {
    /// The columns the importer understands, with the headers people give them.
    public enum Column: String, CaseIterable, Sendable {
        case creditCode, name, industry, region, park, scale, tags, relatedInfo
        case contactName, contactPost, contactPhone, whitelisted
        case registeredOn, revenue, employees

        /// The header the template uses.
        public var header: String {
            switch self {
            case .creditCode: "统一社会信用代码"
            case .name: "企业全称"
            case .industry: "所属行业"
            case .region: "所属市县"
            case .park: "所属园区"
            case .scale: "企业规模"
            case .tags: "企业标签"
            case .relatedInfo: "关联企业信息"
            case .contactName: "联系人"
            case .contactPost: "联系人职务"
            case .contactPhone: "联系电话"
            case .whitelisted: "白名单（无事不扰）"
            case .registeredOn: "成立日期"
            case .revenue: "营业收入（万元）"
            case .employees: "从业人员"
            }
        }

        /// A sample value for the template's example row.
        public var example: String {
            switch self {
            case .creditCode: "91430682MA4L0B2X5A"
            case .name: "临湘市示例浮标制造有限公司"
            case .industry: "制造业"
            case .region: "岳阳市临湘市"
            case .park: ""
            case .scale: "规上"
            case .tags: "高新技术企业、专精特新中小企业"
            case .relatedInfo: "母公司：示例集团有限公司"
            case .contactName: "张三"
            case .contactPost: "总经理"
            case .contactPhone: "13800001234"
            case .whitelisted: "否"
            case .registeredOn: "2019-09-13"
            case .revenue: "2500.5"
            case .employees: "120"
            }
        }

        var aliases: [String] {
            switch self {
            case .creditCode: ["统一社会信用代码", "社会信用代码", "信用代码", "统一信用代码", "统一代码"]
            case .name: ["企业全称", "企业名称", "单位名称", "公司名称", "企业"]
            case .industry: ["所属行业", "行业", "行业类别", "行业分类"]
            case .region: ["所属市县", "所属地区", "所在市县", "市县", "地区", "所属区县"]
            case .park: ["所属园区", "园区"]
            case .scale: ["企业规模", "规模", "是否规上", "规上规下", "规上/规下", "是否规模以上"]
            case .tags: ["企业标签", "标签", "企业称号", "企业资质"]
            case .relatedInfo: ["关联企业信息", "关联企业"]
            case .contactName: ["联系人", "企业联系人", "联系人姓名"]
            case .contactPost: ["联系人职务", "职务"]
            case .contactPhone: ["联系电话", "联系方式", "手机", "电话", "手机号码", "联系人电话"]
            case .whitelisted: ["白名单（无事不扰）", "白名单", "无事不扰", "是否白名单"]
            case .registeredOn: ["成立日期", "注册日期", "成立时间", "注册时间"]
            case .revenue: ["营业收入（万元）", "营业收入(万元)", "营业收入", "上年营业收入（万元）", "营收（万元）", "营收"]
            case .employees: ["从业人员", "从业人数", "员工人数", "职工人数", "从业人员（人）"]
            }
        }
    }

    /// One good row.
    public struct Row: Sendable {
        public let row: Int
        public let values: EnterpriseValues
        /// The park named in the 所属园区 column, if any, as the resolver returned it.
        public let parkID: UUID?
    }

    private let knownTags: Set<String>
    private let resolvePark: (String) -> UUID?
    private var columns: [Column: Int] = [:]
    private var headerNames: [Int: String] = [:]
    private var seenCodes: [String: Int] = [:]
    public private(set) var headerRow: Int?
    public private(set) var errors: [SheetError] = []
    /// How many errors are kept in `errors`; the rest are only counted, so a sheet of 200,000 bad
    /// rows cannot exhaust memory.
    public let errorLimit: Int
    public private(set) var errorCount = 0

    /// `resolvePark` maps a 所属园区 cell to the id of a unit the importer may write to, or nil.
    public init(knownTags: Set<String>, errorLimit: Int = 1000, resolvePark: @escaping (String) -> UUID?) {
        self.knownTags = knownTags
        self.errorLimit = errorLimit
        self.resolvePark = resolvePark
    }

    /// Feeds one row of the sheet. Until the header row is found, rows are inspected for it (a title
    /// row may come first); after it, each non-empty row is checked and returned when it is good.
    public mutating func read(row number: Int, cells: [String]) -> Row? {
        if headerRow == nil {
            findHeader(row: number, cells: cells)
            return nil
        }
        if cells.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { return nil }
        if controlCharacters(row: number, cells: cells) > 0 { return nil }
        func cell(_ column: Column) -> String? {
            guard let index = columns[column], index < cells.count else { return nil }
            return cells[index]
        }
        let draft = EnterpriseDraft(
            creditCode: cell(.creditCode), name: cell(.name), industry: cell(.industry), region: cell(.region),
            scale: cell(.scale), tags: cell(.tags).map { [$0] } ?? [], relatedInfo: cell(.relatedInfo),
            whitelisted: false,
            contacts: [(cell(.contactName), cell(.contactPost), cell(.contactPhone))],
            registeredOn: cell(.registeredOn),
            revenue: cell(.revenue), employees: cell(.employees))
        var rowErrors: [FieldError] = []
        var whitelisted = false
        if let text = cell(.whitelisted)?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            switch text {
            case "是", "Y", "y", "√", "✓", "1", "TRUE", "true": whitelisted = true
            case "否", "N", "n", "×", "0", "FALSE", "false": whitelisted = false
            default: rowErrors.append(FieldError(field: "whitelisted", message: "应填“是”或“否”，不能是“\(text)”"))
            }
        }
        var parkID: UUID?
        if let text = cell(.park)?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            parkID = resolvePark(text)
            if parkID == nil {
                rowErrors.append(FieldError(field: "park", message: "园区“\(text)”不存在或不在本单位管辖范围内"))
            }
        }
        var values: EnterpriseValues?
        switch EnterpriseRules.validate(draft, knownTags: knownTags) {
        case .success(let checked): values = checked
        case .failure(let failure): rowErrors += failure.errors
        }
        if let code = values?.creditCode {
            if let first = seenCodes[code] {
                rowErrors.append(FieldError(field: "creditCode", message: "与第\(first)行的统一社会信用代码重复"))
            } else {
                seenCodes[code] = number
            }
        }
        for error in rowErrors { report(row: number, field: error.field, message: error.message) }
        guard rowErrors.isEmpty, let values else { return nil }
        return Row(row: number, values: values.with(whitelisted: whitelisted), parkID: parkID)
    }

    /// Call after the last row: reports a sheet without a header or without any enterprise.
    public mutating func finish(rowsRead: Int) {
        if headerRow == nil {
            errorCount += 1
            errors.append(
                SheetError(
                    row: 1, column: nil, header: nil,
                    message: "没有找到表头：前5行中应有“统一社会信用代码”和“企业全称”两列（可下载导入模板对照）"))
        } else if rowsRead == 0 && errorCount == 0 {
            errorCount += 1
            errors.append(SheetError(row: headerRow! + 1, column: nil, header: nil, message: "表头下没有企业数据"))
        }
    }

    private mutating func findHeader(row number: Int, cells: [String]) {
        guard number <= 5 else { return }
        var found: [Column: Int] = [:]
        var names: [Int: String] = [:]
        for (index, cell) in cells.enumerated() {
            let normal = Self.normalise(cell)
            guard !normal.isEmpty else { continue }
            names[index] = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            for column in Column.allCases where found[column] == nil {
                if column.aliases.contains(where: { Self.normalise($0) == normal }) {
                    found[column] = index
                    break
                }
            }
        }
        guard found[.creditCode] != nil, found[.name] != nil else { return }
        columns = found
        headerNames = names
        headerRow = number
    }

    /// Reports each read cell holding a control character (`ControlCharacters`); returns how many.
    private mutating func controlCharacters(row number: Int, cells: [String]) -> Int {
        var refused = 0
        for column in Column.allCases {
            guard let index = columns[column], index < cells.count,
                let character = ControlCharacters.first(in: cells[index])
            else { continue }
            refused += 1
            report(
                row: number, field: column.rawValue,
                message: ControlCharacters.message(field: headerNames[index] ?? column.header, character: character))
        }
        return refused
    }

    private mutating func report(row: Int, field: String, message: String) {
        errorCount += 1
        guard errors.count < errorLimit else { return }
        let column = Self.column(forField: field)
        let index = column.flatMap { columns[$0] }
        errors.append(
            SheetError(
                row: row, column: index.map(SheetColumn.letters), header: index.flatMap { headerNames[$0] },
                message: message))
    }

    private static func column(forField field: String) -> Column? {
        switch field {
        case "contacts[0].name": .contactName
        case "contacts[0].post": .contactPost
        case "contacts[0].phone": .contactPhone
        default: Column(rawValue: field)
        }
    }

    /// Headers compared without spaces, asterisks and notes in brackets (`*企业全称（必填）`).
    static func normalise(_ header: String) -> String {
        var text = header.filter { !$0.isWhitespace && $0 != "*" && $0 != "＊" }
        for note in ["（必填）", "(必填)", "（选填）", "(选填)"] { text = text.replacingOccurrences(of: note, with: "") }
        return text
    }
}

extension EnterpriseValues {
    func with(whitelisted: Bool) -> EnterpriseValues {
        var copy = self
        copy.whitelisted = whitelisted
        return copy
    }
}
