import Foundation

/// Where a confirmed 共性问题 stands. A proposal is not stored: it is computed from the open problems
/// each time (`CommonProblemGrouping`); a dismissed one is remembered apart so that it is not proposed
/// again with the same members.
public enum CommonProblemState: String, Sendable, Codable, CaseIterable {
    /// 已确认: the service group agrees the problems share one difficulty.
    case confirmed
    /// 已上报: sent up as one policy question (报上级研究出台政策).
    case escalated
    /// 已答复: the unit above has answered; its members may be resolved by the answer.
    case answered

    public var chineseName: String {
        switch self {
        case .confirmed: "已确认"
        case .escalated: "已上报"
        case .answered: "已答复"
        }
    }
}

/// The rules of a 共性问题: who shapes it, who answers it, and what its texts must be.
public enum CommonProblemRules {
    /// The longest title; the proposal's keywords make the default one.
    public static let maxTitle = 60
    public static let maxText = 2000

    /// The kinds of problems grouped: problems as enterprises raise them (a suggestion is adopted or
    /// not, a complaint concerns one official's conduct, a question is answered at once).
    public static let groupedKinds: [ProblemKind] = [.problem]

    /// Staff who read the groups (and proposals) of their subtree: the service group, leaders, admins and
    /// the task forces above, which so see the groups of every park below them.
    public static let readers: Set<Role> = [.dispatcher, .leader, .admin, .upper]

    public static func mayRead(_ actor: Actor, groupUnit: UUID, in tree: OrgTree) -> Bool {
        !actor.roles.isDisjoint(with: readers) && tree.isWithin(groupUnit, subtreeOf: actor.orgUnitID)
    }

    /// Confirming, splitting, merging, dismissing, escalating and resolving by the answer are the
    /// owning unit's service group's, as the problems are (`ProblemAccess`: a dispatcher acts on its
    /// own unit's problems only).
    public static func mayShape(_ actor: Actor, unit: UUID) -> Bool {
        actor.has(.dispatcher) && actor.orgUnitID == unit
    }

    /// The unit a group was sent to answers it, or any unit above that one: its service group or its
    /// task force (上级专班).
    public static func mayAnswer(_ actor: Actor, escalatedTo: UUID, in tree: OrgTree) -> Bool {
        (actor.has(.dispatcher) || actor.has(.upper)) && tree.isWithin(escalatedTo, subtreeOf: actor.orgUnitID)
    }

    /// A title, trimmed, 1…60 characters.
    public static func title(_ text: String?) throws(ValidationFailure) -> String {
        try required(text, field: "title", label: "共性问题名称", limit: maxTitle)
    }

    /// The policy question sent up, trimmed, 1…2000 characters.
    public static func question(_ text: String?) throws(ValidationFailure) -> String {
        try required(text, field: "question", label: "上报的政策问题", limit: maxText)
    }

    /// The answer from above, trimmed, 1…2000 characters.
    public static func answer(_ text: String?) throws(ValidationFailure) -> String {
        try required(text, field: "answer", label: "答复内容", limit: maxText)
    }

    /// How the members end when resolved by the answer: the results a problem may have.
    public static func resultKind(_ text: String?) throws(ValidationFailure) -> ResultKind {
        let allowed = ResultKind.allowed(for: .problem)
        guard let text, let kind = ResultKind(rawValue: text), allowed.contains(kind) else {
            let names = allowed.map(\.chineseName).joined(separator: "、")
            throw ValidationFailure([FieldError(field: "resultKind", message: "办理结果类别应为\(names)之一")])
        }
        return kind
    }

    /// A group needs two problems from two enterprises at least; a problem without one counts as its own.
    public static func checkMembers(enterprises: [UUID?]) throws(ValidationFailure) {
        let distinct = Set(enterprises.compactMap { $0 }).count + enterprises.filter { $0 == nil }.count
        guard enterprises.count >= 2, distinct >= 2 else {
            throw ValidationFailure([FieldError(field: "problemIds", message: "共性问题须包含至少两家企业的问题")])
        }
    }

    /// The draft of the question sent up, for the service group to edit: what the members say, how many
    /// enterprises, and the request the seeds word (报上级研究出台政策).
    public static func draftQuestion(title: String, enterprises: Int, problems: Int, unitName: String) -> String {
        "\(unitName)共有\(enterprises)家企业反映“\(title)”方面的问题（\(problems)个），属于制约企业发展的共性问题，"
            + "本级难以单独解决，请上级研究出台有关政策措施。"
    }

    private static func required(_ text: String?, field: String, label: String, limit: Int) throws(ValidationFailure)
        -> String
    {
        let value = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw ValidationFailure([FieldError(field: field, message: "请填写\(label)")]) }
        guard value.count <= limit else {
            throw ValidationFailure([FieldError(field: field, message: "\(label)不能超过\(limit)个字")])
        }
        return value
    }
}
