/// The phases of a campaign (专项行动), in order.
public enum CampaignPhase: String, Sendable, CaseIterable, Codable {
    case mobilisation
    case action
    case review

    public var chineseName: String {
        switch self {
        case .mobilisation: "动员部署"
        case .action: "集中行动"
        case .review: "总结提升"
        }
    }
}

/// Which enterprises a campaign covers.
public enum CampaignScope: String, Sendable, CaseIterable, Codable {
    /// Every enterprise of the campaign's org subtree.
    case all
    /// 规上 enterprises only.
    case aboveScale
    /// Enterprises with one tag (e.g. 专精特新中小企业).
    case tag
    /// A list chosen by name.
    case list

    public var chineseName: String {
        switch self {
        case .all: "全部企业"
        case .aboveScale: "规上企业"
        case .tag: "按标签"
        case .list: "指定企业名单"
        }
    }
}

/// How often a campaign reports upward.
public enum ReportingCadence: String, Sendable, CaseIterable, Codable {
    case weekly
    case tenDay
    case monthly

    public var chineseName: String {
        switch self {
        case .weekly: "每周（周四）"
        case .tenDay: "每旬"
        case .monthly: "每月"
        }
    }
}

/// A campaign's calendar: its dates and where each phase ends.
public struct CampaignSchedule: Hashable, Sendable {
    public let startsOn: LocalDate
    public let endsOn: LocalDate
    /// Last day of 动员部署; 集中行动 starts the day after.
    public let mobilisationEndsOn: LocalDate
    /// Last day of 集中行动; 总结提升 runs from the day after to `endsOn`.
    public let actionEndsOn: LocalDate

    /// Checks the order of the dates; the errors name the API fields.
    public static func make(
        startsOn: LocalDate?, endsOn: LocalDate?, mobilisationEndsOn: LocalDate?, actionEndsOn: LocalDate?
    ) -> Result<CampaignSchedule, ValidationFailure> {
        var v = Validator()
        if startsOn == nil { v.fail("startsOn", "请填写开始日期（格式如 2024-09-01）") }
        if endsOn == nil { v.fail("endsOn", "请填写结束日期（格式如 2024-12-31）") }
        guard let startsOn, let endsOn else { return .failure(ValidationFailure(v.errors)) }
        if endsOn < startsOn { v.fail("endsOn", "结束日期不能早于开始日期") }
        let mobilisation = mobilisationEndsOn ?? startsOn
        let action = actionEndsOn ?? endsOn
        if mobilisation < startsOn || mobilisation > endsOn {
            v.fail("mobilisationEndsOn", "动员部署阶段的结束日期应在行动期间内")
        }
        if action < mobilisation || action > endsOn {
            v.fail("actionEndsOn", "集中行动阶段的结束日期应在动员部署之后、行动结束之前")
        }
        if !v.errors.isEmpty { return .failure(ValidationFailure(v.errors)) }
        return .success(
            CampaignSchedule(startsOn: startsOn, endsOn: endsOn, mobilisationEndsOn: mobilisation, actionEndsOn: action)
        )
    }

    /// The phase on `day`, or nil before the start and after the end.
    public func phase(on day: LocalDate) -> CampaignPhase? {
        guard day >= startsOn, day <= endsOn else { return nil }
        if day <= mobilisationEndsOn { return .mobilisation }
        if day <= actionEndsOn { return .action }
        return .review
    }
}
