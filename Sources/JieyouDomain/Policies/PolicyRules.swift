import Foundation

/// A policy as a form or the API sends it: every field still text, except the rule's draft.
public struct PolicyDraft: Sendable {
    public var title: String?
    public var documentNumber: String?
    public var issuer: String?
    public var level: String?
    public var themes: [String]
    public var summary: String?
    public var validFrom: String?
    public var validUntil: String?
    public var benefitKind: String?
    public var sourceText: String?
    public var sourceURL: String?
    /// 免申即享: qualifying enterprises get it without applying.
    public var automatic: Bool
    /// 政策专栏 the policy is listed in.
    public var columns: [String]

    public init(
        title: String? = nil, documentNumber: String? = nil, issuer: String? = nil, level: String? = nil,
        themes: [String] = [], summary: String? = nil, validFrom: String? = nil, validUntil: String? = nil,
        benefitKind: String? = nil, sourceText: String? = nil, sourceURL: String? = nil, automatic: Bool = false,
        columns: [String] = []
    ) {
        self.title = title
        self.documentNumber = documentNumber
        self.issuer = issuer
        self.level = level
        self.themes = themes
        self.summary = summary
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.benefitKind = benefitKind
        self.sourceText = sourceText
        self.sourceURL = sourceURL
        self.automatic = automatic
        self.columns = columns
    }
}

/// A checked policy, ready to store (the rule and the responsible department are checked apart: one by
/// `EligibilityRuleParser`, the other against the database).
public struct PolicyValues: Hashable, Sendable {
    public var title: String
    public var documentNumber: String?
    public var issuer: String
    public var level: PolicyLevel
    public var themes: [String]
    public var summary: String?
    public var validFrom: LocalDate?
    public var validUntil: LocalDate?
    public var benefitKind: PolicyBenefitKind
    public var sourceText: String?
    public var sourceURL: String?
    public var automatic: Bool
    public var columns: [String]

    /// Whether the policy is in force on `day` (no dates means always).
    public func isValid(on day: LocalDate) -> Bool {
        (validFrom.map { $0 <= day } ?? true) && (validUntil.map { day <= $0 } ?? true)
    }
}

public enum PolicyRules {
    public static let maxThemes = 10
    public static let maxColumns = 5

    public static func validate(_ d: PolicyDraft) -> Result<PolicyValues, ValidationFailure> {
        var v = Validator()
        let title = v.requiredText(d.title, field: "title", label: "政策名称", maxLength: 200)
        let number = v.optionalText(d.documentNumber, field: "documentNumber", label: "文号", maxLength: 60)
        let issuer = v.requiredText(d.issuer, field: "issuer", label: "发文单位", maxLength: 100)
        var level: PolicyLevel?
        if let text = d.level, !text.isEmpty {
            level = PolicyLevel.parse(text)
            if level == nil { v.fail("level", "无法识别的发文层级“\(text)”，可选：国家、省级、市级、县级、园区") }
        } else {
            v.fail("level", "请选择发文层级")
        }
        let themes = names(d.themes, field: "themes", label: "政策主题", max: maxThemes, into: &v)
        let columns = names(d.columns, field: "columns", label: "政策专栏", max: maxColumns, into: &v)
        let summary = v.optionalText(d.summary, field: "summary", label: "政策摘要", maxLength: 3_000)
        let from = v.optionalDay(d.validFrom, field: "validFrom", label: "有效期起")
        let until = v.optionalDay(d.validUntil, field: "validUntil", label: "有效期止")
        if let from, let until, until < from { v.fail("validUntil", "有效期止不能早于有效期起") }
        var kind: PolicyBenefitKind?
        if let text = d.benefitKind, !text.isEmpty {
            kind = PolicyBenefitKind.parse(text)
            if kind == nil { v.fail("benefitKind", "无法识别的惠企方式“\(text)”，可选：补贴、奖补、减免、贷款、服务") }
        } else {
            v.fail("benefitKind", "请选择惠企方式")
        }
        let source = v.optionalText(d.sourceText, field: "sourceText", label: "政策原文", maxLength: 50_000)
        let url = v.optionalText(d.sourceURL, field: "sourceUrl", label: "原文链接", maxLength: 500)
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(where: \.isWhitespace) {
            v.fail("sourceUrl", "原文链接应以 http:// 或 https:// 开头")
        }
        guard v.errors.isEmpty, let title, let issuer, let level, let kind else {
            return .failure(ValidationFailure(v.errors))
        }
        return .success(
            PolicyValues(
                title: title, documentNumber: number, issuer: issuer, level: level, themes: themes, summary: summary,
                validFrom: from, validUntil: until, benefitKind: kind, sourceText: source, sourceURL: url,
                automatic: d.automatic, columns: columns))
    }

    /// Short names (themes, columns): trimmed, deduplicated, at most 20 characters each.
    private static func names(_ list: [String], field: String, label: String, max: Int, into v: inout Validator)
        -> [String]
    {
        var result: [String] = []
        for raw in list.flatMap({ $0.split(whereSeparator: { "、,，;；\n".contains($0) }) }) {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !result.contains(name) else { continue }
            if name.count > 20 { v.fail(field, "\(label)“\(name)”不能超过20个字") }
            result.append(name)
        }
        if result.count > max { v.fail(field, "\(label)最多\(max)个") }
        return result
    }
}
