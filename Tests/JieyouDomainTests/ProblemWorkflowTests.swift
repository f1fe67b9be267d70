import Foundation
import JieyouDomain
import Testing

/// The closed loop's behaviour beyond who may do what: deadlines on the official calendar, the clock
/// stopping and restarting, reopening, root causes and closing.
@Suite struct ProblemWorkflowTests: WorkflowSteps {
    let workflow = ProblemWorkflow(calendar: .shipped)
    let lead = UUID()
    let co = UUID()

    func assigned(category: String, on iso: String) throws -> ProblemSnapshot {
        var p = ProblemSnapshot(state: .submitted, kind: .problem)
        p = try run(.accept(category: category), p, as: .dispatcher, on: iso)
        return try run(.assign(lead: lead, co: [co], deadline: nil), p, as: .dispatcher, on: iso)
    }

    /// Issue 22: a suggestion is taken up without a category (a problem still needs one) and is then
    /// due by the default time limit.
    @Test func aSuggestionIsAcceptedWithoutACategory() throws {
        let problem = ProblemSnapshot(state: .submitted, kind: .problem)
        #expect(
            refusal(.accept(category: " "), problem, as: .dispatcher, on: "2024-09-12")?.kind
                == .invalid(field: "category"))
        var suggestion = ProblemSnapshot(state: .submitted, kind: .suggestion)
        suggestion = try run(.accept(category: nil), suggestion, as: .dispatcher, on: "2024-09-12")
        #expect(suggestion.state == .accepted && suggestion.categoryCode == nil)
        suggestion = try run(.assign(lead: lead, co: [], deadline: nil), suggestion, as: .dispatcher, on: "2024-09-12")
        let due = WorkCalendar.shipped.addingWorkingDays(ProblemTimeLimits().defaultResolveDays, to: day("2024-09-12"))
        #expect(suggestion.deadline == due)
    }

    @Test func theWholeLoopEndsClosedAfterASatisfiedRevisit() throws {
        var p = try assigned(category: "hardship", on: "2024-09-12")
        #expect(p.state == .assigned && p.signBy == day("2024-09-13"))
        p = try run(.sign, p, as: .leadHandler, on: "2024-09-13")
        p = try run(.progress(text: "已联系供电公司"), p, as: .coHandler, on: "2024-09-14")
        p = try run(.resolve(result: "已完成线路改造", kind: .solved), p, as: .leadHandler, on: "2024-09-18")
        #expect(p.state == .resolved && p.revisitBy == day("2024-09-23"))
        p = try run(.revisit(satisfaction: .satisfied, comment: nil), p, as: .enterprise, on: "2024-09-19")
        p = try run(.close(overrideReason: nil), p, as: .dispatcher, on: "2024-09-19")
        #expect(p.state == .closed && p.closedOn == day("2024-09-19") && p.closeOverride == nil)
    }

    /// What the response rate is counted from: the first answer to a submission against its accept-by
    /// day (the next working day, here across the National Day week), and the department's signature
    /// or return of the current assignment against its sign-by day; a new assignment starts afresh.
    /// (2024-09-14 is a Saturday worked for the Mid-Autumn Festival.)
    @Test func responseDaysAreKeptForTheResponseRate() throws {
        #expect(workflow.acceptBy(submittedOn: day("2024-09-30")) == day("2024-10-08"))
        var p = ProblemSnapshot(state: .submitted, kind: .problem)
        p = try run(.accept(category: "hardship"), p, as: .dispatcher, on: "2024-09-12")
        #expect(p.screenedOn == day("2024-09-12"))
        p = try run(.assign(lead: lead, co: [], deadline: nil), p, as: .dispatcher, on: "2024-09-12")
        #expect(p.signedOn == nil)
        p = try run(.giveBack(reason: "不属于本单位职责"), p, as: .leadHandler, on: "2024-09-13")
        #expect(p.signedOn == day("2024-09-13"))
        p = try run(.ruleOnReturn(upheld: false, note: "属于本单位职责"), p, as: .dispatcher, on: "2024-09-14")
        #expect(p.signedOn == nil && p.signBy == day("2024-09-18"))
        p = try run(.sign, p, as: .leadHandler, on: "2024-09-19")
        #expect(p.signedOn == day("2024-09-19") && p.signedOn! > p.signBy!)
        let escalated = try run(
            .escalate(reason: "需上级协调"), ProblemSnapshot(state: .submitted, kind: .problem), as: .dispatcher,
            on: "2024-09-20")
        #expect(escalated.screenedOn == day("2024-09-20"))
    }

    /// Assigned on Friday 2024-09-27 with 5 working days: Sunday 09-29 is worked (调休), the National
    /// Day week is off, so the deadline is Thursday 10-10, not Friday 10-04.
    @Test func deadlinesCrossTheNationalDayHoliday() throws {
        let p = try assigned(category: "hardship", on: "2024-09-27")
        #expect(p.deadline == day("2024-10-10"))
        #expect(p.signBy == day("2024-09-29"))
        #expect(!p.isOverdue(on: day("2024-10-10")))
        #expect(p.isOverdue(on: day("2024-10-11")))
    }

    /// Assigned on Friday 2025-01-24 with 10 working days (涉企执法): Sunday 01-26 and Saturday 02-08 are
    /// worked, 01-28 to 02-04 is the Spring Festival.
    @Test func deadlinesCrossTheSpringFestival() throws {
        let p = try assigned(category: "enforcement", on: "2025-01-24")
        #expect(p.deadline == day("2025-02-13"))
        #expect(p.signBy == day("2025-01-26"))
    }

    /// Paused on Monday 09-30 and resumed on Wednesday 10-09: two working days (10-08, 10-09) did not
    /// count, so the deadline 10-10 moves two working days: Friday 10-11 and the worked Saturday 10-12.
    @Test func pausedWorkingDaysDoNotCount() throws {
        var p = try assigned(category: "hardship", on: "2024-09-27")
        p = try run(.sign, p, as: .leadHandler, on: "2024-09-29")
        p = try run(.pause(reason: "等待企业补充材料"), p, as: .leadHandler, on: "2024-09-30")
        #expect(!p.isOverdue(on: day("2024-10-11")), "a stopped clock is never overdue")
        #expect(refusal(.resolve(result: "x", kind: .solved), p, as: .leadHandler, on: "2024-10-08")?.kind == .conflict)
        #expect(refusal(.pause(reason: "again"), p, as: .leadHandler, on: "2024-10-08")?.kind == .conflict)
        p = try run(.resume, p, as: .leadHandler, on: "2024-10-09")
        #expect(p.pausedSince == nil && p.deadline == day("2024-10-12"))
        // Paused and resumed the same day: nothing changes.
        let sameDay = try run(
            .resume, try run(.pause(reason: "补材料"), p, as: .leadHandler, on: "2024-10-10"),
            as: .leadHandler, on: "2024-10-10")
        #expect(sameDay.deadline == day("2024-10-12"))
    }

    @Test func anApprovedExtensionMovesTheDeadlineAndARefusedOneDoesNot() throws {
        var p = try run(.sign, try assigned(category: "hardship", on: "2024-09-12"), as: .leadHandler, on: "2024-09-12")
        // 中秋: Saturday 09-14 is worked, 09-15 to 09-17 are off.
        #expect(p.deadline == day("2024-09-20"))
        #expect(
            refusal(.requestExtension(workingDays: 0, reason: "x"), p, as: .leadHandler, on: "2024-09-13")
                == ProblemRefusal(kind: .invalid(field: "workingDays"), message: "延期天数应为1到30个工作日"))
        p = try run(.requestExtension(workingDays: 3, reason: "需会商"), p, as: .leadHandler, on: "2024-09-13")
        #expect(
            refusal(.requestExtension(workingDays: 2, reason: "再延"), p, as: .leadHandler, on: "2024-09-13")?.kind
                == .conflict)
        let refused = try run(.decideExtension(approve: false), p, as: .dispatcher, on: "2024-09-14")
        #expect(refused.deadline == day("2024-09-20") && refused.pendingExtension == nil)
        p = try run(.decideExtension(approve: true), p, as: .dispatcher, on: "2024-09-14")
        #expect(p.deadline == day("2024-09-25"))
    }

    @Test func anAddedDepartmentGetsItsOwnTimeLimit() throws {
        let p = try assigned(category: "enforcement", on: "2024-09-12")
        let extra = UUID()
        let added = try run(.addDepartment(extra), p, as: .dispatcher, on: "2024-09-18")
        #expect(added.coDepartments[extra] == day("2024-09-25"))
        #expect(added.coDepartments[co] == p.deadline)
        #expect(
            refusal(.addDepartment(lead), p, as: .dispatcher, on: "2024-09-18")?.kind == .invalid(field: "departmentId")
        )
    }

    @Test func aReturnIsRuledOnAndTwoReturnsNeedARootCause() throws {
        var p = try assigned(category: "hardship", on: "2024-09-12")
        #expect(
            refusal(.giveBack(reason: "  "), p, as: .leadHandler, on: "2024-09-12")
                == ProblemRefusal(kind: .invalid(field: "reason"), message: "请填写退回理由"))
        p = try run(.giveBack(reason: "不属于本单位职责"), p, as: .leadHandler, on: "2024-09-12")
        #expect(p.state == .returned && p.returnCount == 1)
        // Refused: back to the same department, which must sign again.
        #expect(
            refusal(.ruleOnReturn(upheld: false, note: nil), p, as: .dispatcher, on: "2024-09-13")?.kind
                == .invalid(field: "note"))
        p = try run(.ruleOnReturn(upheld: false, note: "属于职责范围"), p, as: .dispatcher, on: "2024-09-13")
        #expect(p.state == .assigned && p.leadDepartment == lead)
        p = try run(.giveBack(reason: "仍不属于"), p, as: .leadHandler, on: "2024-09-13")
        // Upheld: back to be assigned to another department.
        p = try run(.ruleOnReturn(upheld: true, note: nil), p, as: .dispatcher, on: "2024-09-14")
        #expect(p.state == .accepted && p.leadDepartment == nil && p.returnCount == 2)
        p = try run(.assign(lead: co, co: [], deadline: nil), p, as: .dispatcher, on: "2024-09-14")
        p = try run(.sign, p, as: .leadHandler, on: "2024-09-14")
        #expect(
            refusal(.resolve(result: "已办", kind: .solved), p, as: .leadHandler, on: "2024-09-18")?.kind
                == .invalid(field: "rootCause"))
        p = try run(.recordRootCause("职责边界不清"), p, as: .dispatcher, on: "2024-09-18")
        p = try run(.resolve(result: "已办", kind: .solved), p, as: .leadHandler, on: "2024-09-18")
        #expect(p.state == .resolved)
    }

    @Test func dissatisfiedReopensAndClosingWithoutSatisfactionNeedsAReason() throws {
        var p = try run(.sign, try assigned(category: "hardship", on: "2024-09-12"), as: .leadHandler, on: "2024-09-12")
        p = try run(.resolve(result: "已答复", kind: .explained), p, as: .leadHandler, on: "2024-09-13")
        #expect(
            refusal(.close(overrideReason: nil), p, as: .dispatcher, on: "2024-09-13")
                == ProblemRefusal(kind: .invalid(field: "overrideReason"), message: "企业尚未回访满意，销号须填写理由"))
        #expect(
            refusal(.revisit(satisfaction: .dissatisfied, comment: nil), p, as: .liaisonCadre, on: "2024-09-14")?
                .kind == .invalid(field: "comment"))
        p = try run(.revisit(satisfaction: .dissatisfied, comment: "问题依旧"), p, as: .liaisonCadre, on: "2024-09-14")
        #expect(p.state == .accepted && p.reopenCount == 1 && p.result == nil && p.leadDepartment == nil)
        #expect(p.needsRootCause)
        p = try run(.assign(lead: lead, co: [], deadline: day("2024-09-30")), p, as: .dispatcher, on: "2024-09-14")
        #expect(p.deadline == day("2024-09-30"))
        p = try run(.sign, p, as: .leadHandler, on: "2024-09-18")
        p = try run(.recordRootCause("线路老化"), p, as: .leadHandler, on: "2024-09-18")
        p = try run(.resolve(result: "已更换线路", kind: .solved), p, as: .leadHandler, on: "2024-09-20")
        // Closed without the enterprise's rating, with the reason on record.
        p = try run(.close(overrideReason: "企业多次联系未回复，经现场核实已解决"), p, as: .dispatcher, on: "2024-09-27")
        #expect(p.state == .closed && p.closeOverride == "企业多次联系未回复，经现场核实已解决")
    }

    @Test func suggestionsAreAdoptedOrNotAndFieldsAreChecked() throws {
        var s = ProblemSnapshot(state: .inProgress, kind: .suggestion, categoryCode: "governmentService")
        #expect(
            refusal(.resolve(result: "采纳", kind: .solved), s, as: .leadHandler, on: "2024-09-12")
                == ProblemRefusal(kind: .invalid(field: "resultKind"), message: "意见建议的办理结果应为采纳、未采纳"))
        s = try run(.resolve(result: "已纳入明年计划", kind: .adopted), s, as: .leadHandler, on: "2024-09-12")
        #expect(s.resultKind == .adopted)
        let accepted = ProblemSnapshot(state: .accepted, kind: .problem, categoryCode: "hardship")
        #expect(
            refusal(.assign(lead: nil, co: [], deadline: nil), accepted, as: .dispatcher, on: "2024-09-12")?.kind
                == .invalid(field: "leadDepartmentId"))
        #expect(
            refusal(.assign(lead: lead, co: [lead], deadline: nil), accepted, as: .dispatcher, on: "2024-09-12")?
                .kind == .invalid(field: "coDepartmentIds"))
        #expect(
            refusal(
                .assign(lead: lead, co: [], deadline: day("2024-09-11")), accepted, as: .dispatcher,
                on: "2024-09-12")?.kind == .invalid(field: "deadline"))
        let uncategorised = ProblemSnapshot(state: .submitted, kind: .problem)
        #expect(
            refusal(.accept(category: nil), uncategorised, as: .dispatcher, on: "2024-09-12")?.kind
                == .invalid(field: "category"))
        #expect(
            refusal(.progress(text: String(repeating: "长", count: 2001)), s, as: .coHandler, on: "2024-09-12")?.kind
                == .conflict, "a resolved suggestion takes no progress: the moment is checked before the text")
        let working = ProblemSnapshot(state: .inProgress, kind: .problem, categoryCode: "hardship")
        #expect(
            refusal(.progress(text: String(repeating: "长", count: 2001)), working, as: .coHandler, on: "2024-09-12")
                == ProblemRefusal(kind: .invalid(field: "text"), message: "办理进展不能超过2000字"))
    }

    @Test func onlyTheLegalFormsAreOffered() throws {
        let p = try assigned(category: "hardship", on: "2024-09-12")
        #expect(workflow.available(to: [.leadHandler], on: p) == [.sign, .progress, .giveBack, .recordRootCause])
        #expect(workflow.available(to: [.coHandler], on: p) == [.progress])
        #expect(workflow.available(to: [.enterprise], on: p).isEmpty)
        let leaderAndDispatcher = workflow.available(to: [.dispatcher, .leader], on: p)
        #expect(leaderAndDispatcher.contains(.flagLeaderCase) && leaderAndDispatcher.contains(.escalate))
    }
}
