import Foundation

/// A policy's eligibility rule (申报条件), as data: conditions on the enterprise registry combined with
/// all / any / not. Policy officers write it in a form; integrators send it as JSON:
///
///     {"all": [{"field": "industry", "op": "in", "values": ["C"]},
///              {"field": "tag", "op": "hasAny", "values": ["专精特新", "小巨人"]},
///              {"not": {"field": "whitelisted", "op": "is", "values": [true]}}]}
///
/// Values are kept normalised (industry and region codes, scale codes, amounts in 分), so evaluation
/// never parses text. Build one with `EligibilityRuleParser`.
public indirect enum EligibilityRule: Hashable, Sendable {
    case all([EligibilityRule])
    case any([EligibilityRule])
    case not(EligibilityRule)
    case condition(EligibilityCondition)

    /// The rule of a policy open to every enterprise in its scope.
    public static let everyone = EligibilityRule.all([])

    /// Every condition, depth first.
    public var conditions: [EligibilityCondition] {
        switch self {
        case .all(let rules), .any(let rules): rules.flatMap(\.conditions)
        case .not(let rule): rule.conditions
        case .condition(let condition): [condition]
        }
    }
}

/// What a condition looks at.
public enum EligibilityField: String, Hashable, Sendable, CaseIterable {
    /// GB/T 4754 section (`C`) or division (`27`).
    case industry
    /// 规上 / 规下.
    case scale
    /// 高新技术企业, 专精特新 …
    case tag
    /// 所属市县: a city code covers its counties.
    case region
    /// The enterprise's park or any unit above it.
    case orgUnit
    /// Whole years since the enterprise was registered (成立年限).
    case yearsRegistered
    /// Last year's revenue (营业收入), in 万元.
    case revenue
    /// Employees (从业人员).
    case employees
    /// The registry's 白名单 (无事不扰) flag.
    case whitelisted
    /// A named list of enterprises, by 统一社会信用代码 (企业名单).
    case enterprise

    public var chineseName: String {
        switch self {
        case .industry: "行业"
        case .scale: "规模"
        case .tag: "企业标签"
        case .region: "所属市县"
        case .orgUnit: "所属园区"
        case .yearsRegistered: "成立年限"
        case .revenue: "营业收入"
        case .employees: "从业人员"
        case .whitelisted: "白名单"
        case .enterprise: "企业名单"
        }
    }

    /// The operators that make sense for the field, the first being the usual one.
    public var operators: [EligibilityOperator] {
        switch self {
        case .industry, .scale, .region, .orgUnit, .enterprise: [.in]
        case .tag: [.hasAny, .hasAll]
        case .yearsRegistered, .revenue, .employees: [.atLeast, .atMost, .between]
        case .whitelisted: [.is]
        }
    }

    /// What to type as values, shown next to the editor.
    public var hint: String {
        switch self {
        case .industry: "门类或大类名称，如：制造业、医药制造业"
        case .scale: "规上 或 规下"
        case .tag: "如：专精特新、高新技术企业"
        case .region: "市州或县市区，如：岳阳市、临湘市"
        case .orgUnit: "园区或上级单位名称"
        case .yearsRegistered: "年数，如：3（介于时填两个数，如：1、5）"
        case .revenue: "万元，如：2000（介于时填两个数）"
        case .employees: "人数，如：50（介于时填两个数）"
        case .whitelisted: "是 或 否"
        case .enterprise: "统一社会信用代码，多个用顿号或换行分开"
        }
    }

    /// The unit written after a number (`年`, `万元`, `人`).
    var unit: String {
        switch self {
        case .yearsRegistered: "年"
        case .revenue: "万元"
        case .employees: "人"
        default: ""
        }
    }
}

public enum EligibilityOperator: String, Hashable, Sendable, CaseIterable {
    /// The enterprise's value is one of the values.
    case `in`
    /// The enterprise has at least one of the tags.
    case hasAny
    /// The enterprise has every tag.
    case hasAll
    case atLeast
    case atMost
    /// Between two values, both included.
    case between
    /// A yes/no field equals the value.
    case `is`

    public var chineseName: String {
        switch self {
        case .in: "是以下之一"
        case .hasAny: "含任一"
        case .hasAll: "含全部"
        case .atLeast: "不少于"
        case .atMost: "不超过"
        case .between: "介于"
        case .is: "是否"
        }
    }
}

/// One condition: a field, an operator and its normalised values (codes, ids, integers; revenue in 分).
public struct EligibilityCondition: Hashable, Sendable {
    public let field: EligibilityField
    public let op: EligibilityOperator
    public let values: [String]

    public init(field: EligibilityField, op: EligibilityOperator, values: [String]) {
        self.field = field
        self.op = op
        self.values = values
    }

    /// The numeric bounds of `atLeast` / `atMost` / `between` (in 分 for revenue).
    var bounds: (low: Int64?, high: Int64?) {
        let numbers = values.compactMap { Int64($0) }
        switch op {
        case .atLeast: return (numbers.first, nil)
        case .atMost: return (nil, numbers.first)
        case .between: return (numbers.first, numbers.count > 1 ? numbers[1] : nil)
        default: return (nil, nil)
        }
    }
}
