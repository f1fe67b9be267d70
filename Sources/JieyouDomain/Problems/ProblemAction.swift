import Foundation

/// Everything that can be done to a problem, with what each needs (PRODUCT.md §3). Text fields are
/// still as typed; `ProblemWorkflow` checks them.
public enum ProblemAction: Sendable, Hashable {
    /// 受理, classifying it if it has no category yet.
    case accept(category: String?)
    /// 不予受理
    case reject(reason: String?)
    /// 交办: the lead department, co-departments, and the deadline (nil: the category's limit).
    case assign(lead: UUID?, co: [UUID], deadline: LocalDate?)
    /// 签收
    case sign
    /// 办理进展
    case progress(text: String?)
    /// 退回: the lead department says the problem is not within its remit.
    case giveBack(reason: String?)
    /// 审定 of a return: upheld sends it back to be reassigned; refused sends it back to the department.
    case ruleOnReturn(upheld: Bool, note: String?)
    /// 办结; a complaint, request or question also says how its requester was answered.
    case resolve(result: String?, kind: ResultKind?, replyMethod: ReplyMethod? = nil)
    /// 回访: the enterprise's (or the requester's) rating; 不满意 reopens the problem.
    case revisit(satisfaction: Satisfaction?, comment: String?)
    /// 销号: after a satisfied revisit, or with the reason it is closed without one.
    case close(overrideReason: String?)
    /// 上报: to the parent org, where a linked problem opens.
    case escalate(reason: String?)
    /// 合并 into the problem it duplicates.
    case merge(into: UUID?, ownID: UUID)
    /// 持续推进
    case keepWorking(plan: String?, responsibleUnit: String?, until: LocalDate?)
    /// 挂起: the clock stops while the department waits for the enterprise.
    case pause(reason: String?)
    /// 恢复: the clock runs again; the deadline moves by the paused working days.
    case resume
    /// 申请延期
    case requestExtension(workingDays: Int?, reason: String?)
    /// 审批延期
    case decideExtension(approve: Bool)
    /// 加派: another co-department, with its own time limit.
    case addDepartment(UUID?)
    /// 标记 / 取消标记
    case setFlag(ProblemFlag, on: Bool)
    /// 症结
    case recordRootCause(String?)
    /// 按上级答复办结: a member of a 共性问题 resolved by the answer from above, with the answer as its
    /// result; taken from the group's page (`CommonProblemDesk`), never from the problem's own.
    case resolveByAnswer(result: String?, kind: ResultKind?)

    /// The action without its fields: what permissions and the event log speak of.
    public var name: Name {
        switch self {
        case .accept: .accept
        case .reject: .reject
        case .assign: .assign
        case .sign: .sign
        case .progress: .progress
        case .giveBack: .giveBack
        case .ruleOnReturn: .ruleOnReturn
        case .resolve: .resolve
        case .revisit: .revisit
        case .close: .close
        case .escalate: .escalate
        case .merge: .merge
        case .keepWorking: .keepWorking
        case .pause: .pause
        case .resume: .resume
        case .requestExtension: .requestExtension
        case .decideExtension: .decideExtension
        case .addDepartment: .addDepartment
        case .setFlag(let flag, _):
            switch flag {
            case .typicalCase: .flagTypicalCase
            case .supervised: .flagSupervised
            case .leaderCase: .flagLeaderCase
            }
        case .recordRootCause: .recordRootCause
        case .resolveByAnswer: .resolveByAnswer
        }
    }

    public enum Name: String, Sendable, CaseIterable {
        case accept, reject, assign, sign, progress, giveBack, ruleOnReturn, resolve, revisit, close, escalate
        case merge, keepWorking, pause, resume, requestExtension, decideExtension, addDepartment
        case flagTypicalCase, flagSupervised, flagLeaderCase, recordRootCause, resolveByAnswer

        public var chineseName: String {
            switch self {
            case .accept: "受理"
            case .reject: "不予受理"
            case .assign: "交办"
            case .sign: "签收"
            case .progress: "填报进展"
            case .giveBack: "退回"
            case .ruleOnReturn: "审定退回"
            case .resolve: "办结"
            case .revisit: "回访"
            case .close: "销号"
            case .escalate: "上报"
            case .merge: "合并"
            case .keepWorking: "转为持续推进"
            case .pause: "挂起"
            case .resume: "恢复办理"
            case .requestExtension: "申请延期"
            case .decideExtension: "审批延期"
            case .addDepartment: "加派"
            case .flagTypicalCase: "标记典型案例"
            case .flagSupervised: "标记督办"
            case .flagLeaderCase: "标记领导包案"
            case .recordRootCause: "填写症结"
            case .resolveByAnswer: "按上级答复办结"
            }
        }

        /// Whether the problem's page offers the action; 按上级答复办结 is taken for all of a 共性问题's
        /// members at once from the group's page.
        public var isOfferedOnProblemPage: Bool { self != .resolveByAnswer }

        /// Who may take the action.
        public var parties: Set<ProblemParty> {
            switch self {
            case .accept, .reject, .assign, .ruleOnReturn, .close, .escalate, .merge, .decideExtension,
                .addDepartment, .flagTypicalCase, .resolveByAnswer:
                [.dispatcher]
            case .sign, .giveBack, .resolve, .pause, .resume, .requestExtension: [.leadHandler]
            case .progress: [.leadHandler, .coHandler]
            case .keepWorking, .recordRootCause: [.dispatcher, .leadHandler]
            // The monitor that reported a problem rates what was done about it, as an enterprise does.
            case .revisit: [.enterprise, .liaisonCadre, .reportingMonitor]
            case .flagSupervised: [.dispatcher, .leader]
            case .flagLeaderCase: [.leader]
            }
        }

        /// Who may take the action on a problem of `kind` standing in `state`. The service group
        /// answers a question itself before assigning it (即时答复), and calls any requester back
        /// (回访诉求人); once a question is assigned, its department answers.
        public func parties(for kind: ProblemKind, in state: ProblemState) -> Set<ProblemParty> {
            switch self {
            case .resolve where kind == .inquiry && state == .accepted: [.dispatcher]
            case .revisit where kind.hasRequester: parties.union([.dispatcher])
            default: parties
            }
        }

        /// The states the action may be taken in for a problem of `kind`.
        public func states(for kind: ProblemKind) -> Set<ProblemState> {
            self == .resolve && kind == .inquiry ? states.union([.accepted]) : states
        }

        /// The states the action may be taken in.
        public var states: Set<ProblemState> {
            switch self {
            case .accept, .reject: [.submitted]
            case .assign: [.accepted]
            case .sign, .giveBack: [.assigned]
            case .progress: [.assigned, .inProgress, .ongoing]
            case .ruleOnReturn: [.returned]
            case .resolve: [.inProgress, .ongoing]
            case .revisit, .close: [.resolved]
            case .escalate, .merge: [.submitted, .accepted, .assigned, .inProgress, .returned, .ongoing]
            case .keepWorking, .pause, .resume, .requestExtension: [.inProgress]
            case .decideExtension: [.inProgress, .ongoing]
            case .addDepartment: [.assigned, .inProgress, .ongoing]
            case .flagTypicalCase, .flagSupervised, .flagLeaderCase:
                Set(ProblemState.allCases).subtracting([.rejected, .merged])
            case .recordRootCause: [.accepted, .assigned, .inProgress, .returned, .ongoing, .resolved]
            // Accepted at least: a problem not yet taken in is accepted (and classified) first.
            case .resolveByAnswer: [.accepted, .assigned, .inProgress, .returned, .ongoing]
            }
        }
    }
}
