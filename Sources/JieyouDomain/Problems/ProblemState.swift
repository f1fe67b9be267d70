/// Where a problem stands in the closed loop of PRODUCT.md §3.
public enum ProblemState: String, Sendable, Codable, CaseIterable {
    /// 待受理: submitted, not yet looked at by the dispatcher.
    case submitted
    /// 待交办: accepted and classified, waiting for a lead department.
    case accepted
    /// 已交办: assigned, waiting for the lead department to sign for it.
    case assigned
    /// 办理中
    case inProgress
    /// 退回待审定: the lead department returned it; the dispatcher rules on the return.
    case returned
    /// 持续推进: cannot be finished in the period; worked on to a plan and a new date.
    case ongoing
    /// 已办结: a result is reported; waiting for the revisit and 销号.
    case resolved
    /// 已销号
    case closed
    /// 不予受理
    case rejected
    /// 已上报: handed to the parent org, where a linked problem is open.
    case escalated
    /// 已合并: a duplicate of another problem.
    case merged

    public var chineseName: String {
        switch self {
        case .submitted: "待受理"
        case .accepted: "待交办"
        case .assigned: "已交办"
        case .inProgress: "办理中"
        case .returned: "退回待审定"
        case .ongoing: "持续推进"
        case .resolved: "已办结"
        case .closed: "已销号"
        case .rejected: "不予受理"
        case .escalated: "已上报"
        case .merged: "已合并"
        }
    }

    /// Still to be worked on: the states a problem can be escalated or merged from.
    public var isOpen: Bool {
        switch self {
        case .submitted, .accepted, .assigned, .inProgress, .returned, .ongoing: true
        case .resolved, .closed, .rejected, .escalated, .merged: false
        }
    }

    /// A department holds it and its deadline runs.
    public var isWithDepartment: Bool {
        switch self {
        case .assigned, .inProgress, .ongoing: true
        default: false
        }
    }
}

/// What came into the ledger: an enterprise's problem (问题) or suggestion (意见建议, adopted or not
/// instead of resolved), or what a person brought to the 营商环境 desk or the hotline — a complaint
/// (投诉: about a department's service or an official's conduct), a request for help (诉求) or a
/// question (咨询). The last three come from a requester (诉求人), who need not be an enterprise
/// contact, is answered (答复) when they are resolved and is called back (回访) before 销号; seed 003
/// counts them apart ("投诉诉求咨询事件53件，办结50件，正在处理3件").
public enum ProblemKind: String, Sendable, Codable, CaseIterable {
    case problem
    case suggestion
    case complaint
    case request
    case inquiry

    public var chineseName: String {
        switch self {
        case .problem: "问题"
        case .suggestion: "意见建议"
        case .complaint: "投诉"
        case .request: "诉求"
        case .inquiry: "咨询"
        }
    }

    /// Brought by a requester (诉求人): 投诉, 诉求 and 咨询.
    public var hasRequester: Bool {
        switch self {
        case .complaint, .request, .inquiry: true
        case .problem, .suggestion: false
        }
    }

    /// The kinds brought by a requester, in the order forms and reports list them.
    public static let requesterKinds: [ProblemKind] = allCases.filter(\.hasRequester)

    /// "问题、意见建议、投诉、诉求或咨询", for messages that list the kinds.
    public static var namesForMessages: String {
        let names = allCases.map(\.chineseName)
        return names.dropLast().joined(separator: "、") + "或" + names.last!
    }
}

/// How a problem was settled (办理结果类别): the 12345 convention for problems, 采纳/未采纳 for
/// suggestions.
public enum ResultKind: String, Sendable, Codable, CaseIterable {
    case solved
    case partlySolved
    case unsolved
    case explained
    case adopted
    case notAdopted
    /// 咨询: the question is answered.
    case answered

    public var chineseName: String {
        switch self {
        case .solved: "已解决"
        case .partlySolved: "部分解决"
        case .unsolved: "未解决"
        case .explained: "政策解释"
        case .adopted: "采纳"
        case .notAdopted: "未采纳"
        case .answered: "已答复"
        }
    }

    /// The result kinds each kind may end with: the 12345 convention for problems, complaints and
    /// requests, 采纳/未采纳 for suggestions, 已答复 for a question.
    public static func allowed(for kind: ProblemKind) -> [ResultKind] {
        switch kind {
        case .problem, .complaint, .request: [.solved, .partlySolved, .unsolved, .explained]
        case .suggestion: [.adopted, .notAdopted]
        case .inquiry: [.answered]
        }
    }
}

/// The enterprise's rating at the revisit (回访满意度).
public enum Satisfaction: String, Sendable, Codable, CaseIterable {
    case satisfied
    case basicallySatisfied
    case dissatisfied

    public var chineseName: String {
        switch self {
        case .satisfied: "满意"
        case .basicallySatisfied: "基本满意"
        case .dissatisfied: "不满意"
        }
    }

    /// 满意 and 基本满意 let the problem be closed (销号).
    public var allowsClosing: Bool { self != .dissatisfied }
}

/// Marks a dispatcher or a leader puts on a problem.
public enum ProblemFlag: String, Sendable, Codable, CaseIterable {
    /// 典型案例
    case typicalCase
    /// 督办 (挂牌)
    case supervised
    /// 领导包案
    case leaderCase

    public var chineseName: String {
        switch self {
        case .typicalCase: "典型案例"
        case .supervised: "督办"
        case .leaderCase: "领导包案"
        }
    }
}
