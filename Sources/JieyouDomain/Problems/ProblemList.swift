/// The 问题清单 of seed 000's attachment: its columns, its closing note, and how its cells put a
/// problem into words, both ways, so that a sheet the export writes reads back as the same problems.
public enum ProblemList {
    /// The columns in their order; `header` is the text of seed 000's attachment, word for word.
    public enum Column: Int, CaseIterable, Sendable {
        case enterpriseNumber, enterpriseName, industry, relatedInfo, region
        case problemNumber, category, description, assignment, progress

        public var header: String {
            switch self {
            case .enterpriseNumber: "企业序号"
            case .enterpriseName: "企业全称"
            case .industry: "所属行业（医药业、建筑业、制造业等）"
            case .relatedInfo: "关联企业信息（含单位）"
            case .region: "所属市县"
            case .problemNumber: "问题序号"
            case .category: "问题类别"
            case .description: "困难问题"
            case .assignment: "交办单位及时间"
            case .progress: "办理进展"
            }
        }

        /// The five columns that describe the enterprise, merged down over its problems.
        public var isEnterprise: Bool { rawValue <= Column.region.rawValue }

        /// The most each column takes, in Excel's character units (a Chinese character is two): the sheet
        /// prints one page wide on A4 landscape, and 交办单位及时间 holds `住房和建设管理局（2026-12-01）`
        /// on one line so a date never breaks.
        public var width: Double {
            switch self {
            case .enterpriseNumber, .problemNumber: 6
            case .enterpriseName: 24
            case .industry: 14
            case .relatedInfo: 18
            case .region: 12
            case .category: 12
            case .description: 40
            case .assignment: 32
            case .progress: 32
            }
        }
    }

    public static let title = "问 题 清 单"
    public static var footnote: String { ProblemCategory.footnote }
    /// What the 问题类别 column says for a suggestion: `意见建议`, then its category once it has one.
    public static let suggestionLabel = "意见建议"

    /// The 问题类别 cell: the category's label; any other kind's starts with its name
    /// (`意见建议：困难求助`, `投诉：政务服务`, or `咨询` alone before it has a category).
    public static func categoryCell(kind: ProblemKind, label: String?) -> String {
        switch (kind, label) {
        case (.problem, let label): label ?? ""
        case (_, nil): kind.chineseName
        case (_, let label?): "\(kind.chineseName)：\(label)"
        }
    }

    /// The prefixes a 问题类别 cell may start with, each with its kind (建议 as cadres shorten it).
    static let kindPrefixes: [(prefix: String, kind: ProblemKind)] =
        ProblemKind.allCases.filter { $0 != .problem }.map { ($0.chineseName, $0) } + [("建议", .suggestion)]

    /// Reads a 问题类别 cell: the kind its prefix names (a problem without one), and the category's label.
    public static func kindAndCategory(in cell: String) -> (kind: ProblemKind, label: String?) {
        let text = cell.trimmingCharacters(in: .whitespaces)
        for (prefix, kind) in kindPrefixes where text.hasPrefix(prefix) {
            var rest = text.dropFirst(prefix.count)
            if let first = rest.first, "：:·、".contains(first) { rest = rest.dropFirst() }
            let label = rest.trimmingCharacters(in: .whitespaces)
            return (kind, label.isEmpty ? nil : label)
        }
        return (.problem, text.isEmpty ? nil : text)
    }

    /// `政务服务` for a shipped category, `政务服务（用电报装）` for a sub-category under it.
    public static func categoryLabel(name: String, parentName: String?) -> String {
        parentName.map { "\($0)（\(name)）" } ?? name
    }

    /// The category a label names: the sub-category's own name when the label has one in brackets.
    public static func categoryName(in label: String) -> (name: String, parent: String?) {
        let text = label.trimmingCharacters(in: .whitespaces)
        for (open, close) in [("（", "）"), ("(", ")")] where text.hasSuffix(close) {
            if let start = text.range(of: open, options: .backwards) {
                let parent = String(text[..<start.lowerBound]).trimmingCharacters(in: .whitespaces)
                let name = String(text[start.upperBound..<text.index(before: text.endIndex)])
                if !parent.isEmpty && !name.isEmpty { return (name.trimmingCharacters(in: .whitespaces), parent) }
            }
        }
        return (text, nil)
    }

    /// A unit the problem was assigned to and the day, as the 交办单位及时间 cell lists them.
    public struct Assignment: Hashable, Sendable {
        public var unit: String
        public var day: LocalDate?

        public init(unit: String, day: LocalDate?) {
            self.unit = unit
            self.day = day
        }
    }

    /// `经济发展局（2024-09-12）、税务局（2024-09-12）`: the lead department first.
    public static func assignmentText(_ units: [Assignment]) -> String {
        units.map { item in item.day.map { "\(item.unit)（\($0.iso)）" } ?? item.unit }.joined(separator: "、")
    }

    /// Reads a 交办单位及时间 cell. Units are separated by `、`, `，`, `；` or new lines; a date in
    /// brackets after a unit (`2024-09-12`, `2024.9.12`, `2024/9/12`, `2024年9月12日`) is its day. A
    /// bracket that holds no date is part of the name (`区住建局（交通局）`). Returns the text that is
    /// not a date where a bracket looked like one.
    public static func assignments(in text: String) -> Result<[Assignment], AssignmentError> {
        var result: [Assignment] = []
        let separators: Set<Character> = ["、", "，", ",", "；", ";", "\n"]
        for part in text.split(whereSeparator: { separators.contains($0) }) {
            var unit = part.trimmingCharacters(in: .whitespaces)
            guard !unit.isEmpty else { continue }
            var day: LocalDate?
            for (open, close) in [("（", "）"), ("(", ")")] where unit.hasSuffix(close) {
                guard let start = unit.range(of: open, options: .backwards) else { continue }
                let inside = String(unit[start.upperBound..<unit.index(before: unit.endIndex)])
                    .trimmingCharacters(in: .whitespaces)
                guard inside.first?.isNumber == true else { continue }
                guard let parsed = LocalDate.parsing(inside) else { return .failure(.badDate(inside)) }
                day = parsed
                unit = String(unit[..<start.lowerBound]).trimmingCharacters(in: .whitespaces)
            }
            guard !unit.isEmpty else { return .failure(.missingUnit) }
            result.append(Assignment(unit: unit, day: day))
        }
        return .success(result)
    }

    public enum AssignmentError: Error, Equatable, Sendable {
        case badDate(String)
        case missingUnit

        public var message: String {
            switch self {
            case .badDate(let text): "交办时间“\(text)”不是有效日期，应如 2024-09-12"
            case .missingUnit: "括号中的交办时间前应写交办单位"
            }
        }
    }

    /// `办理中：已与供电公司对接` — the state, then the latest progress (or the result, once there is
    /// one); the state alone when nothing has been written.
    public static func progressText(state: ProblemState, latest: String?) -> String {
        guard let latest = latest?.trimmingCharacters(in: .whitespacesAndNewlines), !latest.isEmpty else {
            return state.chineseName
        }
        return "\(state.chineseName)：\(latest)"
    }

    /// Reads a 办理进展 cell: a state's name before a colon (or alone) is the state; the rest is the
    /// progress. A cell that does not start with a state is all progress.
    public static func progress(in text: String) -> (state: ProblemState?, text: String?) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return (nil, nil) }
        for state in ProblemState.allCases {
            let name = state.chineseName
            if trimmed == name { return (state, nil) }
            for colon in ["：", ":"] where trimmed.hasPrefix(name + colon) {
                let rest = trimmed.dropFirst(name.count + 1).trimmingCharacters(in: .whitespacesAndNewlines)
                return (state, rest.isEmpty ? nil : rest)
            }
        }
        return (nil, trimmed)
    }
}
