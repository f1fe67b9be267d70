import Foundation
import JieyouDomain
import Testing

/// The formulas of PRODUCT.md §3 and the ranking's minimum-sample rule.
@Suite struct ProblemMetricsTests {
    /// 8 resolved, all on time, while 2 are open past their deadline: 80%, not the 100% that
    /// "on time / resolved" would show.
    @Test func onTimeCountsOverdueOpenWork() {
        var t = ProblemTally()
        t.assigned = 12
        t.resolved = 8
        t.resolvedOnTime = 8
        t.openOverdue = 2
        let m = ProblemMetrics(t)
        #expect(m.onTimeRate == Rate(8, of: 10))
        #expect(m.onTimeRate.percent == "80.0%")
        #expect(m.resolutionRate.percent == "66.7%")
        #expect(m.overdue == 2)
    }

    @Test func eachRateHasItsOwnDenominator() {
        var t = ProblemTally()
        t.registered = 20
        t.rejectedOrMerged = 4
        t.closed = 8
        t.rated = 10
        t.satisfied = 9
        t.responsesDue = 30
        t.respondedInTime = 27
        t.everResolved = 10
        t.reopened = 1
        t.resolveWorkingDays = 35
        t.resolveSamples = 10
        let m = ProblemMetrics(t)
        #expect(m.closureRate == Rate(8, of: 16))
        #expect(m.satisfactionRate.percent == "90.0%")
        #expect(m.responseRate.percent == "90.0%")
        #expect(m.reopenRate.percent == "10.0%")
        #expect(m.averageResolveDays == 3.5)
    }

    @Test func nothingDueIsNoRateRatherThanZero() {
        let m = ProblemMetrics(ProblemTally())
        #expect(m.onTimeRate.value == nil && m.onTimeRate.percent == "—")
        #expect(m.averageResolveDays == nil)
    }

    @Test func talliesAdd() {
        var a = ProblemTally()
        a.resolved = 2
        a.openOverdue = 1
        var b = ProblemTally()
        b.resolved = 3
        b.resolveSamples = 4
        let sum = a + b
        #expect(sum.resolved == 5 && sum.openOverdue == 1 && sum.resolveSamples == 4)
    }

    /// Seed 004's campaign: 175 problems resolved and 22 suggestions adopted are not "197 resolved".
    /// The 办结率 is over problems; the timeliness rates take the suggestions too.
    @Test func adoptedSuggestionsAreNotResolvedProblems() {
        var t = ProblemTally()
        t.registered = 248
        t.suggestions = 32
        t.assigned = 218
        t.suggestionsAssigned = 28
        t.resolved = 197
        t.suggestionsResolved = 22
        t.suggestionsAdopted = 22
        t.resolvedOnTime = 190
        #expect(t.problemsRegistered == 216 && t.problemsAssigned == 190 && t.problemsResolved == 175)
        let m = ProblemMetrics(t)
        #expect(m.resolutionRate == Rate(175, of: 190))
        #expect(m.onTimeRate == Rate(190, of: 197))
        #expect(m.suggestionsAdopted == 22)
    }

    /// Each count keeps its own key through JSON, and a report stored before a count was added opens
    /// with that count as 0.
    @Test func talliesRoundTripAndOlderJSONStillOpens() throws {
        var t = ProblemTally()
        for (index, field) in ProblemTally.fields.enumerated() { t[keyPath: field] = index + 1 }
        let data = try JSONEncoder().encode(t)
        #expect(try JSONDecoder().decode(ProblemTally.self, from: data) == t)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Int])
        #expect(object["registered"] == 1 && object["suggestionsAssigned"] == 17 && object.count == 25)
        let older = try JSONDecoder().decode(ProblemTally.self, from: Data(#"{"registered": 5, "resolved": 2}"#.utf8))
        #expect(older.registered == 5 && older.resolved == 2 && older.suggestionsAssigned == 0)
    }

    /// One problem resolved on time is 100%, but below the sample it is not ranked first.
    @Test func rankingsLeaveOutSmallSamplesAndShareTies() {
        let ranking = MetricRanking(
            [
                (key: "发改局", rate: Rate(1, of: 1)),
                (key: "经发局", rate: Rate(9, of: 10)),
                (key: "住建局", rate: Rate(18, of: 20)),
                (key: "人社局", rate: Rate(5, of: 5)),
                (key: "应急局", rate: Rate(3, of: 6)),
            ], minimumSample: 5)
        #expect(ranking.ranked.map(\.key) == ["人社局", "住建局", "经发局", "应急局"])
        #expect(ranking.ranked.map(\.place) == [1, 2, 2, 4])
        #expect(ranking.leftOut.map(\.key) == ["发改局"])
    }
}
