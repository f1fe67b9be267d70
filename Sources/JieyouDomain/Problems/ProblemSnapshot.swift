import Foundation

/// What the workflow reads and changes of a problem: its state and the fields the actions set. The
/// app stores it in the problem's row; descriptions, the enterprise and the number live beside it.
public struct ProblemSnapshot: Hashable, Sendable {
    public var state: ProblemState
    public var kind: ProblemKind
    public var categoryCode: String?
    public var leadDepartment: UUID?
    /// Co-departments (配合单位), each with its own deadline: 加派 gives a later one.
    public var coDepartments: [UUID: LocalDate] = [:]
    /// The day the dispatcher must accept (受理) or reject it by, set when it is submitted.
    public var acceptBy: LocalDate?
    /// The day the dispatcher accepted, rejected, merged or escalated it: the first answer it got.
    public var screenedOn: LocalDate?
    public var assignedOn: LocalDate?
    /// The day the lead department must sign by.
    public var signBy: LocalDate?
    /// The day the lead department signed (or returned) the current assignment; with `signBy` and
    /// `acceptBy` it is what the response rate (响应率) is counted from.
    public var signedOn: LocalDate?
    /// 办理时限: the day the result is due.
    public var deadline: LocalDate?
    /// Set while the clock is stopped (挂起), waiting for the enterprise.
    public var pausedSince: LocalDate?
    public var pendingExtension: ExtensionRequest?
    public var returnReason: String?
    public var returnCount = 0
    public var reopenCount = 0
    /// 症结
    public var rootCause: String?
    public var result: String?
    public var resultKind: ResultKind?
    /// How the requester of a complaint, request or question was answered when it was resolved.
    public var replyMethod: ReplyMethod?
    public var resolvedOn: LocalDate?
    /// The day the revisit is due (3 working days after resolving).
    public var revisitBy: LocalDate?
    public var satisfaction: Satisfaction?
    public var closedOn: LocalDate?
    /// Why it was closed without a satisfied revisit.
    public var closeOverride: String?
    public var ongoing: OngoingPlan?
    public var mergedInto: UUID?
    public var flags: Set<ProblemFlag> = []

    public init(state: ProblemState, kind: ProblemKind, categoryCode: String? = nil) {
        self.state = state
        self.kind = kind
        self.categoryCode = categoryCode
    }

    /// Returned twice or reopened: the root cause must be written down before it is resolved again.
    public var needsRootCause: Bool {
        (returnCount >= 2 || reopenCount >= 1) && (rootCause ?? "").isEmpty
    }

    /// Past its deadline while a department holds it and the clock runs. The day of the deadline
    /// itself is still in time.
    public func isOverdue(on today: LocalDate) -> Bool {
        Self.isOverdue(state: state, deadline: deadline, paused: pausedSince != nil, on: today)
    }

    /// The same rule for a list row that carries only these fields.
    public static func isOverdue(state: ProblemState, deadline: LocalDate?, paused: Bool, on today: LocalDate)
        -> Bool
    {
        guard state.isWithDepartment, !paused, let deadline else { return false }
        return today > deadline
    }

    /// How many working days past its deadline such a problem is on `today`; 0 when it is not overdue.
    public static func workingDaysOverdue(
        state: ProblemState, deadline: LocalDate?, paused: Bool, on today: LocalDate, calendar: WorkCalendar
    ) -> Int {
        guard isOverdue(state: state, deadline: deadline, paused: paused, on: today), let deadline else { return 0 }
        return calendar.workingDays(after: deadline, through: today)
    }
}

/// A lead department's request for more time (延期), until the dispatcher decides.
public struct ExtensionRequest: Hashable, Sendable, Codable {
    public let workingDays: Int
    public let reason: String

    public init(workingDays: Int, reason: String) {
        self.workingDays = workingDays
        self.reason = reason
    }
}

/// 持续推进: what will be done, by whom, by when.
public struct OngoingPlan: Hashable, Sendable, Codable {
    public let plan: String
    public let responsibleUnit: String
    public let until: LocalDate

    public init(plan: String, responsibleUnit: String, until: LocalDate) {
        self.plan = plan
        self.responsibleUnit = responsibleUnit
        self.until = until
    }
}
