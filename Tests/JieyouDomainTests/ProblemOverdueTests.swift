import Testing

@testable import JieyouDomain

@Suite struct ProblemOverdueTests {
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test func overdueDaysAreWorkingDaysPastTheDeadline() {
        // Due Friday 2024-09-13; the 中秋 break (09-15 to 09-17) does not count, Saturday 09-14 was worked.
        let late = ProblemSnapshot.workingDaysOverdue(
            state: .inProgress, deadline: day("2024-09-13"), paused: false, on: day("2024-09-19"), calendar: .shipped)
        #expect(late == 3)  // 09-14, 09-18, 09-19
        for (state, paused, today) in [
            (ProblemState.inProgress, false, "2024-09-13"),  // the deadline itself is still in time
            (.inProgress, true, "2024-09-19"),  // paused: the clock stands
            (.resolved, false, "2024-09-19"),  // no longer with a department
        ] {
            #expect(
                ProblemSnapshot.workingDaysOverdue(
                    state: state, deadline: day("2024-09-13"), paused: paused, on: day(today), calendar: .shipped) == 0)
        }
    }
}
