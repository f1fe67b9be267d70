/// The fixed lists of the policy domain (PRODUCT.md §2), with the names people use.

/// Who issued a policy (发文层级).
public enum PolicyLevel: String, Sendable, CaseIterable, Codable {
    case national, provincial, city, county, park

    public var chineseName: String {
        switch self {
        case .national: "国家"
        case .provincial: "省级"
        case .city: "市级"
        case .county: "县级"
        case .park: "园区"
        }
    }

    public static func parse(_ text: String) -> PolicyLevel? {
        let t = text.trimmingCharacters(in: .whitespaces)
        return allCases.first { $0.rawValue == t || $0.chineseName == t || $0.chineseName.hasPrefix(t) && !t.isEmpty }
    }
}

/// What a policy gives (惠企方式).
public enum PolicyBenefitKind: String, Sendable, CaseIterable, Codable {
    case subsidy, award, reduction, loan, service

    public var chineseName: String {
        switch self {
        case .subsidy: "补贴"
        case .award: "奖补"
        case .reduction: "减免"
        case .loan: "贷款"
        case .service: "服务"
        }
    }

    public static func parse(_ text: String) -> PolicyBenefitKind? {
        allCases.first { $0.rawValue == text || $0.chineseName == text }
    }
}

/// How a policy reached an enterprise (送达方式).
public enum DeliveryChannel: String, Sendable, CaseIterable, Codable {
    /// A cadre brought it in person (上门送达), usually on a visit.
    case visit
    /// At a briefing (政策宣讲会/解读会).
    case briefing
    /// Pushed to the enterprise's account (线上推送).
    case online

    public var chineseName: String {
        switch self {
        case .visit: "上门送达"
        case .briefing: "宣讲会"
        case .online: "线上推送"
        }
    }

    /// Whether the enterprise heard it from a person. An online push counts as known (知晓) only once
    /// the enterprise acknowledges it; a cadre at the door or a briefing is known when it happens.
    public var isInPerson: Bool { self != .online }

    public static func parse(_ text: String) -> DeliveryChannel? {
        allCases.first { $0.rawValue == text || $0.chineseName == text }
    }
}

/// The kinds of 兑现 the ledger keeps; seed 003 reports a quarter by these (兑现各类优惠政策733.14万元,
/// 减免所得税2448.43万元, 减免增值税1120.90万元, 留抵退税844万元).
public enum BenefitKind: String, Sendable, CaseIterable, Codable {
    case funds, incomeTaxRelief, vatRelief, vatRefund, loan, feeRelief

    public var chineseName: String {
        switch self {
        case .funds: "资金兑现"
        case .incomeTaxRelief: "减免所得税"
        case .vatRelief: "减免增值税"
        case .vatRefund: "留抵退税"
        case .loan: "贷款"
        case .feeRelief: "减免费用"
        }
    }

    public static func parse(_ text: String) -> BenefitKind? {
        let t = text.trimmingCharacters(in: .whitespaces)
        return allCases.first { $0.rawValue == t || $0.chineseName == t }
    }
}

/// The themes of seed 000–004's policies; a policy may carry others, these are offered first.
public enum PolicyThemes {
    public static let common = [
        "两重", "两新", "设备更新", "以旧换新", "融资", "税费", "人才", "科技创新", "稳岗就业", "外贸", "数字化改造", "绿色低碳",
    ]
}
