/// Where a problem stands, in the four stages a leader's chart shows: waiting for the dispatcher,
/// with a department, resolved and waiting for the revisit, closed. Rejected, merged and escalated
/// problems are in none: they are not this unit's to solve.
public enum ProblemStage: String, Sendable, CaseIterable, Codable {
    case waiting, working, resolved, closed

    public var chineseName: String {
        switch self {
        case .waiting: "待受理交办"
        case .working: "办理中"
        case .resolved: "已办结待销号"
        case .closed: "已销号"
        }
    }

    /// The states of the stage, for a ledger filter.
    public var states: [ProblemState] {
        switch self {
        case .waiting: [.submitted, .accepted, .returned]
        case .working: [.assigned, .inProgress, .ongoing]
        case .resolved: [.resolved]
        case .closed: [.closed]
        }
    }

    public init?(_ state: ProblemState) {
        guard let stage = Self.allCases.first(where: { $0.states.contains(state) }) else { return nil }
        self = stage
    }
}
