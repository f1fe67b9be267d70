/// Reads a 问题清单 in seed 000's layout, as cadres keep it in Excel: an optional title, the header
/// (found by its texts, in any order; an extra 统一社会信用代码 column is understood), one row per
/// problem with the enterprise's cells merged down (or left blank) over its problems, and the closing
/// note, after which nothing is read. Rows are checked one by one; every error names the row, the
/// column letter and the header. Matching enterprises, categories and departments is the caller's.
public struct ProblemListSheet {
    /// One problem row as the sheet states it.
    public struct Entry: Sendable {
        public let row: Int
        public let enterpriseName: String
        public let creditCode: String?
        public let industry: String?
        public let relatedInfo: String?
        public let region: String?
        public let kind: ProblemKind
        /// The 问题类别 cell, for a problem; nil when it is blank.
        public let category: String?
        public let description: String
        public let assignments: [ProblemList.Assignment]
        /// The state the 办理进展 cell starts with, if any.
        public let state: ProblemState?
        public let progress: String?
    }

    /// The columns an import reads: the list's ten and the credit code some sheets add.
    public enum Field: Hashable, Sendable {
        case list(ProblemList.Column)
        case creditCode
    }

    public static let maxDescription = 2000
    public static let maxProgress = 2000

    private var columns: [Field: Int] = [:]
    private var headerNames: [Int: String] = [:]
    private var previous: (name: String, code: String?, industry: String?, related: String?, region: String?)?
    private var ended = false
    public private(set) var headerRow: Int?
    /// The errors found, in the order of the sheet's rows and columns.
    public var errors: [SheetError] {
        found.inSheetOrder()
    }
    private var found: [SheetError] = []
    public let errorLimit: Int
    public private(set) var errorCount = 0

    public init(errorLimit: Int = 200) {
        self.errorLimit = errorLimit
    }

    /// Feeds one row (merged cells already filled with their value). Returns the row's problem when
    /// it is good.
    public mutating func read(row number: Int, cells: [String]) -> Entry? {
        guard !ended else { return nil }
        if headerRow == nil {
            findHeader(row: number, cells: cells)
            return nil
        }
        func cell(_ field: Field) -> String? {
            guard let index = columns[field], index < cells.count else { return nil }
            let text = cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        let texts = cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if texts.isEmpty { return nil }
        if texts.first?.hasPrefix("问题类别包括") == true {
            ended = true
            return nil
        }
        let before = errorCount
        for (field, index) in columns.sorted(by: { $0.value < $1.value }) where index < cells.count {
            if let character = ControlCharacters.first(in: cells[index]) {
                report(
                    row: number, field,
                    ControlCharacters.message(field: headerNames[index] ?? "第\(index + 1)列", character: character))
            }
        }
        if errorCount > before { return nil }
        // The enterprise: this row's cells, or the one above when its cells are blank (merged cells
        // that were not filled, or a sheet that leaves them empty under the first row).
        var enterprise = previous
        if let name = cell(.list(.enterpriseName)) {
            enterprise = (
                name, cell(.creditCode), cell(.list(.industry)), cell(.list(.relatedInfo)), cell(.list(.region))
            )
        } else if enterprise == nil {
            report(row: number, .list(.enterpriseName), "企业全称不能为空")
        }
        if let name = enterprise?.name, name.count > 100 {
            report(row: number, .list(.enterpriseName), "企业全称不能超过100字")
        }
        previous = enterprise
        let description = cell(.list(.description))
        if description == nil {
            report(row: number, .list(.description), "困难问题不能为空")
        } else if description!.count > Self.maxDescription {
            report(row: number, .list(.description), "困难问题不能超过\(Self.maxDescription)字")
        }
        let (kind, category) = cell(.list(.category)).map(ProblemList.kindAndCategory(in:)) ?? (.problem, nil)
        var assignments: [ProblemList.Assignment] = []
        if let text = cell(.list(.assignment)) {
            switch ProblemList.assignments(in: text) {
            case .success(let units): assignments = units
            case .failure(let error): report(row: number, .list(.assignment), error.message)
            }
        }
        let progress: (state: ProblemState?, text: String?) =
            cell(.list(.progress)).map(ProblemList.progress(in:)) ?? (nil, nil)
        if let text = progress.text, text.count > Self.maxProgress {
            report(row: number, .list(.progress), "办理进展不能超过\(Self.maxProgress)字")
        }
        guard errorCount == before, let enterprise, let description else { return nil }
        return Entry(
            row: number, enterpriseName: enterprise.name, creditCode: enterprise.code, industry: enterprise.industry,
            relatedInfo: enterprise.related, region: enterprise.region, kind: kind, category: category,
            description: description, assignments: assignments, state: progress.state, progress: progress.text)
    }

    /// Call after the last row: reports a sheet without a header or without any problem.
    public mutating func finish(entriesRead: Int) {
        if headerRow == nil {
            errorCount += 1
            found.append(
                SheetError(
                    row: 1, column: nil, header: nil,
                    message: "没有找到表头：前5行中应有“企业全称”和“困难问题”两列（可先导出一份问题清单对照）"))
        } else if entriesRead == 0 && errorCount == 0 {
            errorCount += 1
            found.append(SheetError(row: headerRow! + 1, column: nil, header: nil, message: "表头下没有问题"))
        }
    }

    /// Reports a problem found by the caller (an unknown category or department) at the row and
    /// column where the person will fix it.
    public mutating func report(row: Int, _ field: Field, _ message: String) {
        errorCount += 1
        guard found.count < errorLimit else { return }
        let index = columns[field]
        found.append(
            SheetError(
                row: row, column: index.map(SheetColumn.letters), header: index.flatMap { headerNames[$0] },
                message: message))
    }

    private mutating func findHeader(row number: Int, cells: [String]) {
        guard number <= 5 else { return }
        var found: [Field: Int] = [:]
        var names: [Int: String] = [:]
        for (index, cell) in cells.enumerated() {
            let normal = Self.normalise(cell)
            guard !normal.isEmpty else { continue }
            names[index] = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            if ["统一社会信用代码", "社会信用代码", "信用代码"].contains(normal), found[.creditCode] == nil {
                found[.creditCode] = index
                continue
            }
            for column in ProblemList.Column.allCases where found[.list(column)] == nil {
                if normal.hasPrefix(Self.normalise(column.header)) || Self.shortHeaders[column] == normal {
                    found[.list(column)] = index
                    break
                }
            }
        }
        guard found[.list(.enterpriseName)] != nil, found[.list(.description)] != nil else { return }
        columns = found
        headerNames = names
        headerRow = number
    }

    /// Headers as people shorten them.
    private static let shortHeaders: [ProblemList.Column: String] = [
        .industry: "所属行业", .relatedInfo: "关联企业信息", .description: "问题描述", .enterpriseName: "企业名称",
    ]

    /// Without spaces, with brackets in one width: seed 000 writes `所属行业 (医药业…)` where the
    /// template has `所属行业（医药业…）`.
    static func normalise(_ header: String) -> String {
        String(
            header.filter { !$0.isWhitespace && $0 != "*" && $0 != "＊" }.map { character -> Character in
                switch character {
                case "(": "（"
                case ")": "）"
                default: character
                }
            })
    }
}
