import Foundation

// The vocabulary of 双公示: the administrative licence (行政许可) and penalty (行政处罚) decisions a
// department makes public. The names and code lists are the data items of the national 双公示 data
// standard that 国家发展改革委 keeps for the 全国信用信息共享平台 (its 2021 revision of the 行政许可 and
// 行政处罚 信息数据标准): 行政相对人类别, 许可类别, 处罚类别 … 处罚类别 are the kinds of 行政处罚法（2021）
// 第九条, ordered from the lightest as the 行政处罚统计 forms order them.

/// 行政许可 or 行政处罚.
public enum CreditDecisionKind: String, Sendable, Codable, CaseIterable {
    case licence
    case penalty

    public var chineseName: String { self == .licence ? "行政许可" : "行政处罚" }
}

/// 行政相对人类别 as the standard codes it.
public enum CounterpartyCategory: String, Sendable, Codable, CaseIterable {
    /// 法人及非法人组织: has a 统一社会信用代码.
    case organisation
    /// 个体工商户: has a 统一社会信用代码 too.
    case individualBusiness
    /// 自然人: identified by an ID number, which Jieyou does not keep and never shows.
    case naturalPerson

    public var chineseName: String {
        switch self {
        case .organisation: "法人及非法人组织"
        case .individualBusiness: "个体工商户"
        case .naturalPerson: "自然人"
        }
    }

    /// Whether the record names the counterparty by its 统一社会信用代码.
    public var hasCreditCode: Bool { self != .naturalPerson }
}

/// 许可类别 as the standard lists them.
public enum LicenceCategory: String, Sendable, Codable, CaseIterable {
    case ordinary, franchise, recognition, approval, registration, other

    public var chineseName: String {
        switch self {
        case .ordinary: "普通"
        case .franchise: "特许"
        case .recognition: "认可"
        case .approval: "核准"
        case .registration: "登记"
        case .other: "其他"
        }
    }
}

/// 处罚类别: the kinds of 行政处罚法 第九条, lightest first, and 其他 for those other laws set.
public enum PenaltyCategory: String, Sendable, Codable, CaseIterable {
    case warning, circulatedCriticism, fine, confiscatedIncome, confiscatedProperty, suspendedLicence,
        loweredQualification, revokedLicence, restrictedBusiness, suspendedBusiness, closedDown,
        restrictedEmployment, detention, other

    public var chineseName: String {
        switch self {
        case .warning: "警告"
        case .circulatedCriticism: "通报批评"
        case .fine: "罚款"
        case .confiscatedIncome: "没收违法所得"
        case .confiscatedProperty: "没收非法财物"
        case .suspendedLicence: "暂扣许可证件"
        case .loweredQualification: "降低资质等级"
        case .revokedLicence: "吊销许可证件"
        case .restrictedBusiness: "限制开展生产经营活动"
        case .suspendedBusiness: "责令停产停业"
        case .closedDown: "责令关闭"
        case .restrictedEmployment: "限制从业"
        case .detention: "行政拘留"
        case .other: "其他"
        }
    }

    /// The kinds that mark 严重失信 unless the department decides otherwise: those that take away or
    /// curtail a licence or the business itself.
    public var suggestsSerious: Bool {
        switch self {
        case .loweredQualification, .revokedLicence, .restrictedBusiness, .suspendedBusiness, .closedDown,
            .restrictedEmployment, .detention:
            true
        default: false
        }
    }
}

/// How grave the breach of trust behind a penalty is: it sets how long the penalty stays public and
/// how soon its subject may ask for 信用修复 (`CreditPublication`).
public enum CreditSeverity: String, Sendable, Codable, CaseIterable {
    /// 一般失信行为
    case general
    /// 严重失信行为
    case serious

    public var chineseName: String { self == .general ? "一般失信" : "严重失信" }
}
