import Foundation

/// A rule in words, for the policy page and the editor's summary:
/// 行业为制造业，且企业标签含专精特新中小企业或高新技术企业，且不是白名单企业.
public enum EligibilityDescription {
    public static func rule(_ rule: EligibilityRule, unitName: (UUID) -> String? = { _ in nil }) -> String {
        switch rule {
        case .all(let rules) where rules.isEmpty: return "不限条件"
        case .all(let rules): return rules.map { nested($0, unitName) }.joined(separator: "，且")
        case .any(let rules): return rules.map { nested($0, unitName) }.joined(separator: "，或")
        case .not(.condition(let c)): return negation(c, unitName: unitName)
        case .not(let rule): return "不符合“\(Self.rule(rule, unitName: unitName))”"
        case .condition(let c): return condition(c, unitName: unitName)
        }
    }

    private static func nested(_ rule: EligibilityRule, _ unitName: (UUID) -> String?) -> String {
        switch rule {
        case .all(let rules) where rules.count > 1, .any(let rules) where rules.count > 1:
            "（\(Self.rule(rule, unitName: unitName))）"
        default: Self.rule(rule, unitName: unitName)
        }
    }

    public static func condition(_ c: EligibilityCondition, unitName: (UUID) -> String? = { _ in nil }) -> String {
        let f = c.field.chineseName
        switch c.field {
        case .industry: return "\(f)为" + c.values.map { Industry.byCode[$0]?.name ?? $0 }.joined(separator: "或")
        case .scale: return c.values.map { EnterpriseScale(rawValue: $0)?.chineseName ?? $0 }.joined(separator: "或")
        case .tag: return "\(f)含" + c.values.joined(separator: c.op == .hasAll ? "和" : "或")
        case .region: return "\(f)为" + c.values.map { Region.byCode[$0]?.name ?? $0 }.joined(separator: "或")
        case .orgUnit:
            return "属于" + c.values.map { UUID(uuidString: $0).flatMap(unitName) ?? $0 }.joined(separator: "或")
        case .yearsRegistered, .revenue, .employees: return "\(f)\(bounds(c))"
        case .whitelisted: return c.values.first == "true" ? "是白名单企业" : "不是白名单企业"
        case .enterprise: return "列入企业名单（\(c.values.count)家）"
        }
    }

    /// The condition said the other way round, for an 排除 row: 企业标签不含链主企业, 不是白名单企业.
    public static func negation(_ c: EligibilityCondition, unitName: (UUID) -> String? = { _ in nil }) -> String {
        let f = c.field.chineseName
        switch c.field {
        case .industry: return "\(f)不为" + c.values.map { Industry.byCode[$0]?.name ?? $0 }.joined(separator: "或")
        case .scale:
            return "非" + c.values.map { EnterpriseScale(rawValue: $0)?.chineseName ?? $0 }.joined(separator: "或")
        case .tag: return "\(f)不含" + c.values.joined(separator: c.op == .hasAll ? "和" : "或")
        case .region: return "\(f)不为" + c.values.map { Region.byCode[$0]?.name ?? $0 }.joined(separator: "或")
        case .orgUnit:
            return "不属于" + c.values.map { UUID(uuidString: $0).flatMap(unitName) ?? $0 }.joined(separator: "或")
        case .yearsRegistered, .revenue, .employees: return "\(f)不在\(bounds(c))"
        case .whitelisted: return c.values.first == "true" ? "不是白名单企业" : "是白名单企业"
        case .enterprise: return "未列入企业名单（\(c.values.count)家）"
        }
    }

    /// `≥3年`, `≤2000万元`, `50–300人`.
    static func bounds(_ c: EligibilityCondition) -> String {
        let (low, high) = c.bounds
        func text(_ value: Int64) -> String {
            (c.field == .revenue ? Amount(fen: value).wan : String(value)) + c.field.unit
        }
        switch (low, high) {
        case (let low?, let high?): return "\(text(low))至\(text(high))"
        case (let low?, nil): return "≥\(text(low))"
        case (nil, let high?): return "≤\(text(high))"
        default: return ""
        }
    }
}
