import Foundation

/// Why an action was refused, in Chinese, with what the API answers: 403 for the wrong person, 409 for
/// the wrong moment, 400 for a missing or bad field.
public struct ProblemRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case forbidden
        case conflict
        case invalid(field: String)
    }

    public let kind: Kind
    public let message: String

    public var description: String { message }

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    static func forbidden(_ message: String) -> Self { Self(kind: .forbidden, message: message) }
    static func conflict(_ message: String) -> Self { Self(kind: .conflict, message: message) }
    static func invalid(_ field: String, _ message: String) -> Self {
        Self(kind: .invalid(field: field), message: message)
    }
}

/// The problem state machine of PRODUCT.md §3 as one pure function: who may take which action in which
/// state, what it needs, and what it changes. Deadlines count working days on `calendar`.
public struct ProblemWorkflow: Sendable {
    public let calendar: WorkCalendar
    public let limits: ProblemTimeLimits

    public init(calendar: WorkCalendar, limits: ProblemTimeLimits = ProblemTimeLimits()) {
        self.calendar = calendar
        self.limits = limits
    }

    static let maxText = 2000

    /// The day a problem submitted `today` must be accepted or rejected by.
    public func acceptBy(submittedOn today: LocalDate) -> LocalDate {
        calendar.addingWorkingDays(limits.acceptDays, to: today)
    }

    /// The problem after `action`, taken `today` by someone standing to it as `parties`; or why not.
    /// Checks in this order: the person, the moment, the fields.
    public func apply(
        _ action: ProblemAction, to problem: ProblemSnapshot, by parties: Set<ProblemParty>, on today: LocalDate
    ) -> Result<ProblemSnapshot, ProblemRefusal> {
        let name = action.name
        let allowed = name.parties(for: problem.kind, in: problem.state)
        guard !parties.isDisjoint(with: allowed) else {
            let names = allowed.sorted().map(\.chineseName)
            let who =
                names.count > 2
                ? names.dropLast().joined(separator: "、") + "或" + names.last! : names.joined(separator: "或")
            return .failure(.forbidden("只有\(who)可以\(name.chineseName)"))
        }
        guard name.states(for: problem.kind).contains(problem.state) else {
            return .failure(.conflict("问题当前状态为“\(problem.state.chineseName)”，不能\(name.chineseName)"))
        }
        do {
            return .success(try effect(of: action, on: problem, today: today))
        } catch let refusal as ProblemRefusal {
            return .failure(refusal)
        } catch {
            return .failure(.conflict(String(describing: error)))
        }
    }

    /// The actions `parties` may take on `problem` now, for showing only those forms. An action that
    /// only lacks a field (resolving before the root cause is written) stays, so its form can say so.
    public func available(to parties: Set<ProblemParty>, on problem: ProblemSnapshot) -> [ProblemAction.Name] {
        ProblemAction.Name.allCases.filter {
            $0.isOfferedOnProblemPage
                && !parties.isDisjoint(with: $0.parties(for: problem.kind, in: problem.state))
                && $0.states(for: problem.kind).contains(problem.state)
                && precondition(for: $0, on: problem)?.kind != .conflict
        }
    }

    /// What, besides the state, stops an action: a clock already stopped, no request to decide …
    func precondition(for name: ProblemAction.Name, on p: ProblemSnapshot) -> ProblemRefusal? {
        switch name {
        case .pause where p.pausedSince != nil: .conflict("办理时限已挂起")
        case .resume where p.pausedSince == nil: .conflict("办理时限未挂起，无需恢复")
        case .requestExtension where p.pendingExtension != nil: .conflict("已有一项延期申请待审批")
        case .decideExtension where p.pendingExtension == nil: .conflict("没有待审批的延期申请")
        case .resolve where p.pausedSince != nil, .keepWorking where p.pausedSince != nil,
            .resolveByAnswer where p.pausedSince != nil:
            .conflict("办理时限已挂起，请先恢复办理")
        case .resolve where p.needsRootCause, .resolveByAnswer where p.needsRootCause:
            .invalid("rootCause", "问题已\(p.reopenCount > 0 ? "重新办理" : "两次退回")，办结前请先填写症结")
        default: nil
        }
    }

    /// What `action` changes: the short steps here, the longer ones in `ProblemWorkflow+Transitions`.
    private func effect(of action: ProblemAction, on problem: ProblemSnapshot, today: LocalDate) throws
        -> ProblemSnapshot
    {
        if let refusal = precondition(for: action.name, on: problem) { throw refusal }
        var p = problem
        switch action {
        case .accept(let category):
            // A problem is filed under one of the ten categories; a suggestion (意见建议) may be taken
            // up without one, as seed 000's list writes it, and then runs on the default time limit.
            let code = trimmed(category) ?? p.categoryCode
            if code == nil && p.kind == .problem { throw ProblemRefusal.invalid("category", "请选择问题类别") }
            p.categoryCode = code
            p.screenedOn = today
            p.state = .accepted
        case .reject(let reason):
            _ = try required(reason, "reason", "不予受理的理由")
            p.screenedOn = today
            p.state = .rejected
        case .assign(let lead, let co, let deadline):
            try assign(&p, lead: lead, co: co, deadline: deadline, today: today)
        case .sign:
            p.signedOn = today
            p.state = .inProgress
        case .progress(let text):
            _ = try required(text, "text", "办理进展")
        case .giveBack(let reason):
            p.returnReason = try required(reason, "reason", "退回理由")
            // Returning an assignment outside its remit is the department's answer to it, as signing is.
            if p.state == .assigned { p.signedOn = today }
            p.returnCount += 1
            p.state = .returned
        case .ruleOnReturn(let upheld, let note):
            try ruleOnReturn(&p, upheld: upheld, note: note, today: today)
        case .resolve(let result, let kind, let replyMethod):
            try resolve(&p, result: result, kind: kind, replyMethod: replyMethod, today: today)
        case .resolveByAnswer(let result, let kind):
            try resolveByAnswer(&p, result: result, kind: kind, today: today)
        case .revisit(let satisfaction, let comment):
            try revisit(&p, satisfaction: satisfaction, comment: comment)
        case .close(let overrideReason):
            if p.satisfaction?.allowsClosing != true {
                guard let reason = trimmed(overrideReason) else {
                    let who = p.kind.hasRequester ? "诉求人" : "企业"
                    throw ProblemRefusal.invalid("overrideReason", "\(who)尚未回访满意，销号须填写理由")
                }
                p.closeOverride = reason
            }
            p.closedOn = today
            p.state = .closed
        case .escalate(let reason):
            _ = try required(reason, "reason", "上报理由")
            if p.state == .submitted { p.screenedOn = today }
            p.state = .escalated
        case .merge(let target, let own):
            guard let target else { throw ProblemRefusal.invalid("targetId", "请选择要合并到的问题") }
            if target == own { throw ProblemRefusal.invalid("targetId", "不能合并到问题本身") }
            p.mergedInto = target
            if p.state == .submitted { p.screenedOn = today }
            p.state = .merged
        case .keepWorking(let plan, let unit, let until):
            try keepWorking(&p, plan: plan, unit: unit, until: until, today: today)
        case .pause, .resume, .requestExtension, .decideExtension:
            try adjustDeadline(&p, action, today: today)
        case .addDepartment(let department):
            guard let department else { throw ProblemRefusal.invalid("departmentId", "请选择加派的单位") }
            if department == p.leadDepartment || p.coDepartments[department] != nil {
                throw ProblemRefusal.invalid("departmentId", "该单位已在办理此问题")
            }
            p.coDepartments[department] = calendar.addingWorkingDays(limits.addedDepartmentDays, to: today)
        case .setFlag(let flag, let on):
            if on { p.flags.insert(flag) } else { p.flags.remove(flag) }
        case .recordRootCause(let text):
            p.rootCause = try required(text, "rootCause", "症结")
        }
        return p
    }

    func trimmed(_ text: String?) -> String? {
        let value = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    func required(_ text: String?, _ field: String, _ label: String) throws -> String {
        guard let value = trimmed(text) else { throw ProblemRefusal.invalid(field, "请填写\(label)") }
        if value.count > Self.maxText { throw ProblemRefusal.invalid(field, "\(label)不能超过\(Self.maxText)字") }
        return value
    }
}
