import Foundation
import Testing

@testable import JieyouDomain

/// Who each step of the loop tells, as the workflow moves a problem: the rules below the store.
@Suite struct ProblemNoticesTests {
    let workflow = ProblemWorkflow(calendar: .shipped)
    let lead = UUID()
    let co = UUID()
    let today = LocalDate(iso: "2026-10-12")!

    func step(_ action: ProblemAction, _ p: ProblemSnapshot, as party: ProblemParty) throws -> ProblemSnapshot {
        try workflow.apply(action, to: p, by: [party], on: today).get()
    }

    func notices(_ action: ProblemAction, _ before: ProblemSnapshot, _ after: ProblemSnapshot) -> [ProblemNotice] {
        ProblemNotice.of(action, number: "LX-1", before: before, after: after)
    }

    var accepted: ProblemSnapshot {
        get throws {
            try step(.accept(category: "hardship"), ProblemSnapshot(state: .submitted, kind: .problem), as: .dispatcher)
        }
    }

    @Test func anAssignmentTellsTheLeadToSignByItsDayAndTheCoDepartmentsToHelp() throws {
        let before = try accepted
        let action = ProblemAction.assign(lead: lead, co: [co], deadline: nil)
        let after = try step(action, before, as: .dispatcher)
        let sent = notices(action, before, after)
        #expect(sent.map(\.recipients) == [[.handlers(of: lead)], [.handlers(of: co)]])
        #expect(sent[0].message.contains("牵头办理，请于\(after.signBy!.chinese)前签收"))
        #expect(sent[1].message.contains("配合办理"))
    }

    @Test func aDissatisfiedRevisitReopensToTheDispatchersAndTheDepartmentThatLedIt() throws {
        var p = try step(.assign(lead: lead, co: [], deadline: nil), try accepted, as: .dispatcher)
        p = try step(.sign, p, as: .leadHandler)
        p = try step(.resolve(result: "已答复", kind: .explained), p, as: .leadHandler)
        let unhappy = ProblemAction.revisit(satisfaction: .dissatisfied, comment: "仍未解决")
        let reopened = try step(unhappy, p, as: .enterprise)
        #expect(reopened.leadDepartment == nil, "reopening unassigns it")
        #expect(notices(unhappy, p, reopened).map(\.recipients) == [[.dispatchers, .handlers(of: lead)]])
        let happy = ProblemAction.revisit(satisfaction: .satisfied, comment: nil)
        #expect(notices(happy, p, try step(happy, p, as: .enterprise)).isEmpty, "a satisfied rating hands nothing on")
    }

    @Test func aProblemResolvedByAnAnswerFromAboveAsksTheEnterpriseToRateItAndFreesItsDepartment() throws {
        let before = try step(.assign(lead: lead, co: [], deadline: nil), try accepted, as: .dispatcher)
        let action = ProblemAction.resolveByAnswer(result: "按上级答复：已出台稳岗政策", kind: .explained)
        let sent = notices(action, before, try step(action, before, as: .dispatcher))
        #expect(sent.map(\.recipients) == [[.enterprise, .liaisonCadres], [.handlers(of: lead)]])
        #expect(sent[0].message.contains("请查看答复并评价") && sent[1].message.contains("无需再办"))
        // Not yet assigned: only the enterprise hears of it.
        let unassigned = try accepted
        #expect(notices(action, unassigned, try step(action, unassigned, as: .dispatcher)).count == 1)
    }

    @Test func stepsThatHandNothingOnSendNothing() throws {
        let before = try accepted
        #expect(
            notices(.accept(category: "hardship"), ProblemSnapshot(state: .submitted, kind: .problem), before).isEmpty)
        #expect(notices(.setFlag(.supervised, on: false), before, before).isEmpty, "lifting 督办 tells nobody")
        #expect(notices(.escalate(reason: "需统筹"), before, before).isEmpty, "no parent, nobody to tell")
        #expect(
            ProblemNotice.of(.escalate(reason: "需统筹"), number: "LX-1", before: before, after: before, escalatedTo: co)
                .map(\.recipients) == [[.dispatchersOf(unit: co)]])
    }
}
