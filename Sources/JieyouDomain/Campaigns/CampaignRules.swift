import Foundation

/// A campaign as a form or the API sends it, every field still text.
public struct CampaignDraft: Sendable {
    public var name: String?
    public var startsOn: String?
    public var mobilisationEndsOn: String?
    public var actionEndsOn: String?
    public var endsOn: String?
    public var scope: String?
    public var scopeTag: String?
    public var requiredVisits: Int?
    public var cadences: [String]
    /// For scope `list`: the enterprises chosen.
    public var enterpriseIDs: [UUID]

    public init(
        name: String?, startsOn: String?, mobilisationEndsOn: String?, actionEndsOn: String?, endsOn: String?,
        scope: String?, scopeTag: String? = nil, requiredVisits: Int? = nil, cadences: [String] = [],
        enterpriseIDs: [UUID] = []
    ) {
        self.name = name
        self.startsOn = startsOn
        self.mobilisationEndsOn = mobilisationEndsOn
        self.actionEndsOn = actionEndsOn
        self.endsOn = endsOn
        self.scope = scope
        self.scopeTag = scopeTag
        self.requiredVisits = requiredVisits
        self.cadences = cadences
        self.enterpriseIDs = enterpriseIDs
    }
}

/// A checked campaign.
public struct CampaignValues: Sendable, Equatable {
    public let name: String
    public let schedule: CampaignSchedule
    public let scope: CampaignScope
    public let scopeTag: String?
    public let requiredVisits: Int
    public let cadences: [ReportingCadence]
    public let enterpriseIDs: [UUID]
}

public enum CampaignRules {
    /// Seed 000: "每家企业走访不少于3次".
    public static let defaultRequiredVisits = 3
    public static let maxRequiredVisits = 50
    /// A campaign longer than this is a typing mistake, not a plan.
    public static let maxLengthInDays = 731

    /// Checks a draft; `knownTags` are the tags that exist. Every bad field is reported at once.
    public static func validate(_ draft: CampaignDraft, knownTags: Set<String>) -> Result<
        CampaignValues, ValidationFailure
    > {
        var v = Validator()
        let name = v.requiredText(draft.name, field: "name", label: "行动名称", maxLength: 60)
        let schedule = schedule(draft, &v)
        let (scope, tag) = scope(draft, knownTags: knownTags, &v)
        var enterprises: [UUID] = []
        if scope == .list {
            for id in draft.enterpriseIDs where !enterprises.contains(id) { enterprises.append(id) }
            if enterprises.isEmpty { v.fail("enterpriseIds", "指定名单时请至少选择一家企业") }
        }
        let required = draft.requiredVisits ?? defaultRequiredVisits
        if required < 1 || required > maxRequiredVisits {
            v.fail("requiredVisits", "每家企业应走访次数应在1到\(maxRequiredVisits)之间")
        }
        let cadences = cadences(draft, &v)
        guard v.errors.isEmpty, let name, let schedule, let scope else {
            return .failure(ValidationFailure(v.errors))
        }
        return .success(
            CampaignValues(
                name: name, schedule: schedule, scope: scope, scopeTag: tag, requiredVisits: required,
                cadences: cadences, enterpriseIDs: enterprises))
    }

    /// The four dates, each required, in order, at most two years.
    private static func schedule(_ draft: CampaignDraft, _ v: inout Validator) -> CampaignSchedule? {
        func day(_ text: String?, _ field: String, _ label: String) -> LocalDate? {
            let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                v.fail(field, "\(label)不能为空")
                return nil
            }
            guard let day = LocalDate(iso: trimmed) else {
                v.fail(field, "\(label)格式应为 2024-09-01")
                return nil
            }
            return day
        }
        let starts = day(draft.startsOn, "startsOn", "开始日期")
        let mobilisation = day(draft.mobilisationEndsOn, "mobilisationEndsOn", "动员部署截止日期")
        let action = day(draft.actionEndsOn, "actionEndsOn", "集中行动截止日期")
        let ends = day(draft.endsOn, "endsOn", "结束日期")
        if let starts, let mobilisation, let action, let ends {
            if mobilisation < starts {
                v.fail("mobilisationEndsOn", "动员部署截止日期不能早于开始日期")
            } else if action <= mobilisation {
                v.fail("actionEndsOn", "集中行动截止日期应晚于动员部署截止日期")
            } else if ends <= action {
                v.fail("endsOn", "结束日期应晚于集中行动截止日期")
            } else if starts.days(until: ends) + 1 > maxLengthInDays {
                v.fail("endsOn", "专项行动不能超过两年")
            } else {
                return CampaignSchedule(
                    startsOn: starts, mobilisationEndsOn: mobilisation, actionEndsOn: action, endsOn: ends)
            }
        }
        return nil
    }

    /// Which enterprises the campaign visits, and the tag when by tag.
    private static func scope(_ draft: CampaignDraft, knownTags: Set<String>, _ v: inout Validator)
        -> (scope: CampaignScope?, tag: String?)
    {
        var scope: CampaignScope?
        let scopeText = (draft.scope ?? "").trimmingCharacters(in: .whitespaces)
        if scopeText.isEmpty {
            v.fail("scope", "请选择走访范围")
        } else if let parsed = CampaignScope(rawValue: scopeText) {
            scope = parsed
        } else {
            v.fail("scope", "走访范围“\(scopeText)”无效，应为全部企业、规上企业、按标签或指定名单")
        }
        var tag: String?
        if scope == .tag {
            let text = (draft.scopeTag ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                v.fail("scopeTag", "按标签走访时请选择企业标签")
            } else if !knownTags.contains(text) {
                v.fail("scopeTag", "企业标签“\(text)”不存在")
            } else {
                tag = text
            }
        }
        return (scope, tag)
    }

    /// The reporting cadences, each once, in their canonical order.
    private static func cadences(_ draft: CampaignDraft, _ v: inout Validator) -> [ReportingCadence] {
        var cadences: [ReportingCadence] = []
        for text in draft.cadences {
            if let cadence = ReportingCadence(rawValue: text) {
                if !cadences.contains(cadence) { cadences.append(cadence) }
            } else {
                v.fail("cadences", "调度频次“\(text)”无效")
            }
        }
        cadences.sort { ReportingCadence.allCases.firstIndex(of: $0)! < ReportingCadence.allCases.firstIndex(of: $1)! }
        return cadences
    }
}
