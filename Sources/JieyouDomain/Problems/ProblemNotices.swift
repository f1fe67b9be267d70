import Foundation

/// Who must hear of a step of the loop so that the next step gets taken (issue 25): the people a
/// hand-off passes the problem to, named by their place in the problem rather than as accounts; the
/// store finds the accounts.
public enum NoticeRecipient: Hashable, Sendable {
    /// The handlers of a department.
    case handlers(of: UUID)
    /// The dispatchers of the problem's own unit.
    case dispatchers
    /// The dispatchers of another unit (the parent a problem is escalated to).
    case dispatchersOf(unit: UUID)
    /// The leaders of the problem's unit.
    case leaders
    /// The enterprise's own accounts.
    case enterprise
    /// The cadres stationed at the enterprise (三联).
    case liaisonCadres
}

/// One notice a step sends: what it says and to whom.
public struct ProblemNotice: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case assigned, departmentAdded, returned, extensionRequested, extensionDecided, resolved, reopened
        case escalated, supervised, leaderCase

        public var chineseName: String {
            switch self {
            case .assigned: "交办"
            case .departmentAdded: "加派"
            case .returned: "退回"
            case .extensionRequested: "延期申请"
            case .extensionDecided: "延期审批"
            case .resolved: "办结待评价"
            case .reopened: "不满意重办"
            case .escalated: "上报"
            case .supervised: "督办"
            case .leaderCase: "领导包案"
            }
        }
    }

    public let kind: Kind
    public let recipients: Set<NoticeRecipient>
    public let message: String

    /// The notices of `action` taking the problem numbered `number` from `before` to `after`. A step
    /// that hands nothing on sends none.
    public static func of(
        _ action: ProblemAction, number: String, before: ProblemSnapshot, after: ProblemSnapshot,
        escalatedTo parent: UUID? = nil
    ) -> [ProblemNotice] {
        func notice(_ kind: Kind, _ recipients: Set<NoticeRecipient>, _ message: String) -> [ProblemNotice] {
            recipients.isEmpty ? [] : [ProblemNotice(kind: kind, recipients: recipients, message: message)]
        }
        switch action {
        case .assign:
            var notices: [ProblemNotice] = []
            if let lead = after.leadDepartment {
                let due = after.signBy.map { "，请于\($0.chinese)前签收" } ?? "，请及时签收"
                notices += notice(.assigned, [.handlers(of: lead)], "问题 \(number) 已交办你部门牵头办理\(due)。")
            }
            let co = Set(after.coDepartments.keys).subtracting(after.leadDepartment.map { [$0] } ?? [])
            notices += notice(
                .assigned, Set(co.map { NoticeRecipient.handlers(of: $0) }), "问题 \(number) 已交办你部门配合办理。")
            return notices
        case .addDepartment(let department?):
            return notice(.departmentAdded, [.handlers(of: department)], "问题 \(number) 加派你部门配合办理。")
        case .giveBack(let reason):
            return notice(
                .returned, [.dispatchers], "问题 \(number) 被责任单位退回\(reason.map { "：\($0)" } ?? "")，请审定。")
        case .requestExtension(let days, _):
            return notice(
                .extensionRequested, [.dispatchers],
                "问题 \(number) 申请延期\(days.map { "\($0)个工作日" } ?? "")，请审批。")
        case .decideExtension(let approve):
            guard let lead = before.leadDepartment else { return [] }
            let deadline = after.deadline.map { "，办理时限延至\($0.chinese)" } ?? ""
            return notice(
                .extensionDecided, [.handlers(of: lead)],
                "问题 \(number) 的延期申请\(approve ? "已批准\(deadline)" : "未获批准，请按原时限办结")。")
        case .resolve:
            return notice(
                .resolved, [.enterprise, .liaisonCadres], "问题 \(number) 已办结，请查看办理结果并评价。")
        // Resolved by a 共性问题's answer from above: the enterprise rates it as any resolved problem,
        // and the department that held it learns it need work on it no longer.
        case .resolveByAnswer:
            var notices = notice(
                .resolved, [.enterprise, .liaisonCadres], "问题 \(number) 已按上级答复办结，请查看答复并评价。")
            if let lead = before.leadDepartment {
                notices += notice(.resolved, [.handlers(of: lead)], "问题 \(number) 已按上级对共性问题的答复办结，无需再办。")
            }
            return notices
        case .revisit(let satisfaction?, _) where satisfaction == .dissatisfied && after.state != .resolved:
            var recipients: Set<NoticeRecipient> = [.dispatchers]
            if let lead = after.leadDepartment ?? before.leadDepartment { recipients.insert(.handlers(of: lead)) }
            return notice(.reopened, recipients, "企业对问题 \(number) 的办理结果不满意，问题已重新办理。")
        case .escalate:
            guard let parent else { return [] }
            return notice(.escalated, [.dispatchersOf(unit: parent)], "下级单位上报问题 \(number)，请受理。")
        case .setFlag(.supervised, on: true):
            return notice(.supervised, [.leaders], "问题 \(number) 已列为督办事项。")
        case .setFlag(.leaderCase, on: true):
            return notice(.leaderCase, [.leaders], "问题 \(number) 已列为领导包案事项。")
        default:
            return []
        }
    }
}
