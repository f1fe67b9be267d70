import Foundation

/// When a 双公示 record must go public, how long it stays public, and when its subject may ask to have
/// it repaired.
///
/// - Publication: 自作出行政决定之日起7个工作日内上网公开 — the rule the State Council set for 行政许可
///   and 行政处罚 信用信息 (国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见, 国办发〔2015〕51号)
///   and that departments' 双公示 columns still state. The decision day does not count; weekends and
///   statutory holidays do not either (`WorkCalendar`).
/// - Penalties: 《失信行为纠正后的信用信息修复管理办法（试行）》(国家发展改革委令2023年第58号) sets the
///   公示期 of a penalty from the day it was decided: for 一般失信 at least three months and at most one
///   year, for 严重失信 at least one year and at most three years. After the shortest period the
///   subject may apply for 信用修复 (提前停止公示); after the longest the record leaves publication by
///   itself.
/// - Licences carry no breach of trust and are never repaired. The standard leaves their period to
///   the licence itself: a licence is public until its 有效期至, or for three years when it has none.
public enum CreditPublication {
    /// Working days after the decision within which a record must be public.
    public static let workingDays = 7

    /// The last day a record decided on `decidedOn` may go public.
    public static func deadline(decidedOn: LocalDate, calendar: WorkCalendar) -> LocalDate {
        calendar.addingWorkingDays(workingDays, to: decidedOn)
    }

    /// The shortest 公示期 of a penalty, in months.
    public static func shortestMonths(_ severity: CreditSeverity) -> Int { severity == .general ? 3 : 12 }

    /// The longest 公示期 of a penalty, in months.
    public static func longestMonths(_ severity: CreditSeverity) -> Int { severity == .general ? 12 : 36 }

    /// 公示截止期: the last day the record is public unless it is repaired first.
    public static func publicUntil(
        kind: CreditDecisionKind, decidedOn: LocalDate, severity: CreditSeverity?, validUntil: LocalDate?
    ) -> LocalDate {
        switch kind {
        case .penalty:
            decidedOn.adding(months: longestMonths(severity ?? .general)).adding(days: -1)
        case .licence:
            validUntil ?? decidedOn.adding(months: 36).adding(days: -1)
        }
    }

    /// The first day a penalty's subject may apply for 信用修复: the day its shortest period is over.
    public static func repairableFrom(decidedOn: LocalDate, severity: CreditSeverity) -> LocalDate {
        decidedOn.adding(months: shortestMonths(severity))
    }
}

/// Where a record stands on `today`.
public enum CreditRecordStatus: String, Sendable, Codable, CaseIterable {
    /// Entered, not public yet, its deadline not passed.
    case awaiting
    /// Not public and past its deadline.
    case overdue
    /// On the public page.
    case published
    /// Its 公示截止期 has passed.
    case expired
    /// Repaired: taken off publication before its end (信用修复).
    case repaired

    public var chineseName: String {
        switch self {
        case .awaiting: "待公示"
        case .overdue: "逾期未公示"
        case .published: "公示中"
        case .expired: "公示期满"
        case .repaired: "已修复"
        }
    }

    public var isPublic: Bool { self == .published }
}

/// The dates of one record that decide its status and whether it may be repaired.
public struct CreditTimeline: Sendable, Hashable {
    public let kind: CreditDecisionKind
    public let decidedOn: LocalDate
    public let severity: CreditSeverity?
    /// Deadline for publication (`CreditPublication.deadline`).
    public let deadline: LocalDate
    public let publicUntil: LocalDate
    public let publishedOn: LocalDate?
    public let repairedOn: LocalDate?

    public init(
        kind: CreditDecisionKind, decidedOn: LocalDate, severity: CreditSeverity?, deadline: LocalDate,
        publicUntil: LocalDate, publishedOn: LocalDate?, repairedOn: LocalDate?
    ) {
        (self.kind, self.decidedOn, self.severity, self.deadline) = (kind, decidedOn, severity, deadline)
        (self.publicUntil, self.publishedOn, self.repairedOn) = (publicUntil, publishedOn, repairedOn)
    }

    public func status(on today: LocalDate) -> CreditRecordStatus {
        if repairedOn != nil { return .repaired }
        if today > publicUntil { return .expired }
        guard let publishedOn, publishedOn <= today else { return today > deadline ? .overdue : .awaiting }
        return .published
    }

    /// Published after its deadline (counted against the department).
    public var publishedLate: Bool { publishedOn.map { $0 > deadline } ?? false }

    /// The first day its subject may apply for repair; nil for a licence.
    public var repairableFrom: LocalDate? {
        guard kind == .penalty else { return nil }
        return CreditPublication.repairableFrom(decidedOn: decidedOn, severity: severity ?? .general)
    }

    /// Why a repair may not be applied for on `today`, in Chinese; nil when it may.
    public func repairRefusal(on today: LocalDate) -> String? {
        guard let from = repairableFrom else { return "行政许可信息不涉及失信，无需信用修复" }
        switch status(on: today) {
        case .repaired: return "该记录已完成信用修复"
        case .expired: return "该记录公示期已满，已停止公示，无需修复"
        case .awaiting, .overdue: return "该记录尚未公示，无需修复"
        case .published: break
        }
        if today < from {
            let months = CreditPublication.shortestMonths(severity ?? .general)
            let period = months >= 12 ? "\(months / 12)年" : "\(months)个月"
            return "\((severity ?? .general).chineseName)行政处罚信息最短公示期为\(period)，\(from.chinese)起方可申请信用修复"
        }
        return nil
    }
}
