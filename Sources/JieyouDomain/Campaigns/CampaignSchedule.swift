/// The three phases every 专项行动 runs through (seed 000: 动员部署、集中行动、总结提升).
public enum CampaignPhase: String, Sendable, CaseIterable, Codable {
    case mobilisation
    case action
    case summary

    public var chineseName: String {
        switch self {
        case .mobilisation: "动员部署"
        case .action: "集中行动"
        case .summary: "总结提升"
        }
    }
}

/// How often a campaign reports upward (周调度 every Thursday, 旬通报 on the 9th/19th/29th, …).
public enum ReportingCadence: String, Sendable, CaseIterable, Codable {
    case weekly
    case tenDay
    case monthly
    case quarterly

    public var chineseName: String {
        switch self {
        case .weekly: "周调度"
        case .tenDay: "旬通报"
        case .monthly: "月通报"
        case .quarterly: "季讲评"
        }
    }
}

/// Which enterprises a campaign covers.
public enum CampaignScope: String, Sendable, CaseIterable, Codable {
    /// Every enterprise of the campaign's org subtree.
    case all
    /// 规上 enterprises only (the usual "规上企业全覆盖" target).
    case aboveScale
    /// Enterprises carrying one tag, e.g. 专精特新中小企业.
    case tag
    /// A list chosen by hand.
    case list

    public var chineseName: String {
        switch self {
        case .all: "全部企业"
        case .aboveScale: "规上企业"
        case .tag: "按标签"
        case .list: "指定名单"
        }
    }
}

/// A campaign's dates: it starts, mobilises until `mobilisationEndsOn`, acts until `actionEndsOn`,
/// and sums up until `endsOn`. Each phase ends on its last day inclusive and the next starts the day
/// after, so every day of the campaign is in exactly one phase.
public struct CampaignSchedule: Hashable, Sendable {
    public let startsOn: LocalDate
    public let mobilisationEndsOn: LocalDate
    public let actionEndsOn: LocalDate
    public let endsOn: LocalDate

    /// Nil when the dates are out of order; `CampaignRules` names the field.
    public init?(startsOn: LocalDate, mobilisationEndsOn: LocalDate, actionEndsOn: LocalDate, endsOn: LocalDate) {
        guard startsOn <= mobilisationEndsOn, mobilisationEndsOn < actionEndsOn, actionEndsOn < endsOn else {
            return nil
        }
        self.startsOn = startsOn
        self.mobilisationEndsOn = mobilisationEndsOn
        self.actionEndsOn = actionEndsOn
        self.endsOn = endsOn
    }

    public func contains(_ day: LocalDate) -> Bool { startsOn <= day && day <= endsOn }

    /// The phase on `day`; nil before the campaign starts or after it ends.
    public func phase(on day: LocalDate) -> CampaignPhase? {
        guard contains(day) else { return nil }
        if day <= mobilisationEndsOn { return .mobilisation }
        if day <= actionEndsOn { return .action }
        return .summary
    }

    /// First and last day of a phase.
    public func span(of phase: CampaignPhase) -> (from: LocalDate, to: LocalDate) {
        switch phase {
        case .mobilisation: (startsOn, mobilisationEndsOn)
        case .action: (mobilisationEndsOn.adding(days: 1), actionEndsOn)
        case .summary: (actionEndsOn.adding(days: 1), endsOn)
        }
    }

    /// Calendar days from start to end, both included.
    public var lengthInDays: Int { startsOn.days(until: endsOn) + 1 }
}

/// What a cadre still owes a campaign: each of its enterprises must be visited `required` times; the
/// visits still missing are spread over the weeks left until the 集中行动 ends, so that this week's
/// share is known (at least one week: on the last day everything missing is this week's).
public struct VisitQuota: Sendable, Equatable {
    public let required: Int
    /// Enterprises below the requirement, and the visits they still need.
    public let enterprisesShort: Int
    public let visitsOwed: Int
    public let weeksLeft: Int

    public init(required: Int, visitsSoFar: [Int], today: LocalDate, actionEndsOn: LocalDate) {
        self.required = required
        let short = visitsSoFar.filter { $0 < required }
        enterprisesShort = short.count
        visitsOwed = short.reduce(0) { $0 + required - $1 }
        weeksLeft = max(1, (today.days(until: actionEndsOn) + 7) / 7)
    }

    /// This week's share of what is owed, rounded up.
    public var thisWeek: Int { (visitsOwed + weeksLeft - 1) / weeksLeft }
}
