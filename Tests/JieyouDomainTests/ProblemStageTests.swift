import Testing

@testable import JieyouDomain

@Suite struct ProblemStageTests {
    @Test func everyOpenStateIsWaitingOrWorkingAndOnlyTheUnitsOwnProblemsHaveAStage() {
        for state in ProblemState.allCases where state.isOpen {
            #expect([.waiting, .working].contains(ProblemStage(state)), "\(state)")
        }
        #expect(ProblemStage(.resolved) == .resolved)
        #expect(ProblemStage(.closed) == .closed)
        for state in [ProblemState.rejected, .merged, .escalated] { #expect(ProblemStage(state) == nil) }
        // Each state is in one stage at most.
        let listed = ProblemStage.allCases.flatMap(\.states)
        #expect(Set(listed).count == listed.count)
    }
}
