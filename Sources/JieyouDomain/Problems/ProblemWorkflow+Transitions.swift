import Foundation

/// The longer steps of the state machine: assigning, ruling on a return, resolving, the enterprise's
/// revisit, 长期推进, and the steps that move a deadline (pausing, resuming, extending).
extension ProblemWorkflow {
    func assign(_ p: inout ProblemSnapshot, lead: UUID?, co: [UUID], deadline: LocalDate?, today: LocalDate) throws {
        guard let lead else { throw ProblemRefusal.invalid("leadDepartmentId", "请选择牵头单位") }
        if co.contains(lead) { throw ProblemRefusal.invalid("coDepartmentIds", "配合单位不能与牵头单位相同") }
        if Set(co).count != co.count { throw ProblemRefusal.invalid("coDepartmentIds", "配合单位重复") }
        let days = limits.resolveDays(for: p.categoryCode, kind: p.kind)
        let due = deadline ?? calendar.addingWorkingDays(days, to: today)
        if due < today { throw ProblemRefusal.invalid("deadline", "办理时限不能早于今天") }
        p.leadDepartment = lead
        p.coDepartments = Dictionary(uniqueKeysWithValues: co.map { ($0, due) })
        p.assignedOn = today
        p.signBy = calendar.addingWorkingDays(limits.signDays, to: today)
        p.signedOn = nil
        p.deadline = due
        p.returnReason = nil
        p.state = .assigned
    }

    func ruleOnReturn(_ p: inout ProblemSnapshot, upheld: Bool, note: String?, today: LocalDate) throws {
        if upheld {
            // The department was right: the dispatcher assigns again, to someone else.
            unassign(&p)
        } else {
            _ = try required(note, "note", "不同意退回的理由")
            p.signBy = calendar.addingWorkingDays(limits.signDays, to: today)
            p.signedOn = nil
            p.state = .assigned
        }
    }

    func resolve(
        _ p: inout ProblemSnapshot, result: String?, kind: ResultKind?, replyMethod: ReplyMethod?, today: LocalDate
    ) throws {
        let text = try required(result, "result", p.kind == .inquiry ? "答复内容" : "办理结果")
        guard let kind else { throw ProblemRefusal.invalid("resultKind", "请选择办理结果类别") }
        guard ResultKind.allowed(for: p.kind).contains(kind) else {
            let names = ResultKind.allowed(for: p.kind).map(\.chineseName).joined(separator: "、")
            throw ProblemRefusal.invalid("resultKind", "\(p.kind.chineseName)的办理结果应为\(names)")
        }
        // The requester is told the result (答复诉求人) when it is resolved; how is part of the record.
        if p.kind.hasRequester {
            guard let replyMethod else { throw ProblemRefusal.invalid("replyMethod", "请选择答复诉求人的方式") }
            p.replyMethod = replyMethod
        }
        // A question the service group answers itself was due by its kind's limit from the day it was
        // taken in, so the statistics see whether the answer came in time.
        if p.state == .accepted {
            let days = limits.resolveDays(for: p.categoryCode, kind: p.kind)
            p.deadline = calendar.addingWorkingDays(days, to: p.screenedOn ?? today)
        }
        p.result = text
        p.resultKind = kind
        p.resolvedOn = today
        p.revisitBy = calendar.addingWorkingDays(limits.revisitDays, to: today)
        p.satisfaction = nil
        p.state = .resolved
    }

    /// A 共性问题's member resolved by the answer from above: the answer is its result, and it waits for
    /// its revisit as any resolved problem does. One not yet assigned was due by its category's limit from
    /// the day it was taken in, so the statistics see whether the answer came in time.
    func resolveByAnswer(_ p: inout ProblemSnapshot, result: String?, kind: ResultKind?, today: LocalDate) throws {
        let text = try required(result, "result", "答复内容")
        guard let kind, ResultKind.allowed(for: p.kind).contains(kind) else {
            let names = ResultKind.allowed(for: p.kind).map(\.chineseName).joined(separator: "、")
            throw ProblemRefusal.invalid("resultKind", "\(p.kind.chineseName)的办理结果应为\(names)")
        }
        if p.deadline == nil {
            let days = limits.resolveDays(for: p.categoryCode, kind: p.kind)
            p.deadline = calendar.addingWorkingDays(days, to: p.screenedOn ?? today)
        }
        p.result = text
        p.resultKind = kind
        p.resolvedOn = today
        p.revisitBy = calendar.addingWorkingDays(limits.revisitDays, to: today)
        p.satisfaction = nil
        p.state = .resolved
    }

    func revisit(_ p: inout ProblemSnapshot, satisfaction: Satisfaction?, comment: String?) throws {
        guard let satisfaction else { throw ProblemRefusal.invalid("satisfaction", "请选择满意度") }
        guard satisfaction == .dissatisfied else {
            p.satisfaction = satisfaction
            return
        }
        _ = try required(comment, "comment", "不满意的原因")
        // Reopened: back to the dispatcher to assign again (PRODUCT.md §3).
        p.reopenCount += 1
        p.satisfaction = nil
        p.result = nil
        p.resultKind = nil
        p.replyMethod = nil
        p.resolvedOn = nil
        p.revisitBy = nil
        unassign(&p)
    }

    func keepWorking(_ p: inout ProblemSnapshot, plan: String?, unit: String?, until: LocalDate?, today: LocalDate)
        throws
    {
        let planText = try required(plan, "plan", "推进计划")
        let unitText = try required(unit, "responsibleUnit", "责任单位")
        guard let until else { throw ProblemRefusal.invalid("until", "请填写计划完成日期") }
        if until <= today { throw ProblemRefusal.invalid("until", "计划完成日期应晚于今天") }
        p.ongoing = OngoingPlan(plan: planText, responsibleUnit: unitText, until: until)
        p.deadline = until
        p.state = .ongoing
    }

    /// Pausing and resuming the clock, and asking for and deciding an extension.
    func adjustDeadline(_ p: inout ProblemSnapshot, _ action: ProblemAction, today: LocalDate) throws {
        switch action {
        case .pause(let reason):
            _ = try required(reason, "reason", "挂起原因")
            p.pausedSince = today
        case .resume:
            // Working days after the pause began, up to and including today, do not count.
            let stopped = calendar.workingDays(after: p.pausedSince!, through: today)
            if let deadline = p.deadline { p.deadline = calendar.addingWorkingDays(stopped, to: deadline) }
            p.pausedSince = nil
        case .requestExtension(let days, let reason):
            guard let days, (1...30).contains(days) else {
                throw ProblemRefusal.invalid("workingDays", "延期天数应为1到30个工作日")
            }
            p.pendingExtension = ExtensionRequest(workingDays: days, reason: try required(reason, "reason", "延期理由"))
        case .decideExtension(let approve):
            if approve, let deadline = p.deadline, let request = p.pendingExtension {
                p.deadline = calendar.addingWorkingDays(request.workingDays, to: max(deadline, today))
            }
            p.pendingExtension = nil
        default:
            preconditionFailure("\(action.name) does not move a deadline")
        }
    }

    /// Back to 已受理 without a department: the dispatcher assigns again.
    private func unassign(_ p: inout ProblemSnapshot) {
        p.leadDepartment = nil
        p.coDepartments = [:]
        p.deadline = nil
        p.signBy = nil
        p.signedOn = nil
        p.state = .accepted
    }
}
