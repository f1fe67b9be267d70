import JieyouDomain
import Testing

/// 部门考核: weights summing to 100, rates without a sample left out and the rest scaled, 督办 as a
/// deduction, and the reasons of a department below the threshold.
@Suite struct AssessmentTests {
    let scheme = AssessmentScheme.standard

    @Test func aPerfectDepartmentScoresAHundred() {
        let figures = AssessmentFigures(
            rates: Dictionary(
                uniqueKeysWithValues: AssessmentIndicator.allCases.filter(\.isRate).map {
                    ($0, $0 == .reopenRate ? Rate(0, of: 10) : Rate(10, of: 10))
                }), supervisions: 0)
        let score = scheme.score(figures)
        #expect(score.total == 100)
        #expect(!score.belowThreshold && score.reasons.isEmpty)
    }

    @Test func ratesWithoutASampleAreLeftOutAndTheRestScaled() {
        // 按期办结 3 of 4 (75%), satisfaction 2 of 2 (below the sample of 3: left out), one 督办.
        let figures = AssessmentFigures(
            rates: [.onTimeRate: Rate(3, of: 4), .satisfactionRate: Rate(2, of: 2), .responseRate: Rate(4, of: 4)],
            supervisions: 1)
        let score = scheme.score(figures)
        // Counted: 响应率 15 × 1, 按期办结率 25 × 0.75, 被督办 10 × 0.75 → 41.25 of 50 → 82.5.
        #expect(score.total == 82.5)
        let satisfaction = score.lines.first { $0.indicator == .satisfactionRate }!
        #expect(satisfaction.points == nil && satisfaction.shown == "100.0%")
    }

    @Test func aDepartmentBelowTheThresholdIsGivenItsReasons() {
        let figures = AssessmentFigures(
            rates: [
                .responseRate: Rate(8, of: 10), .onTimeRate: Rate(5, of: 10), .satisfactionRate: Rate(9, of: 10),
                .reopenRate: Rate(3, of: 10), .planReporting: Rate(2, of: 4),
            ], supervisions: 3)
        let score = scheme.score(figures)
        // 12 + 12.5 + 22.5 + 7 + 2.5 + 5 = 61.5 of 95 → 64.7.
        #expect(score.total == 64.7)
        #expect(score.belowThreshold)
        #expect(score.reasons == ["按期办结率50.0%（失12.5分）", "被督办3件（失7.5分）", "旬调度按时报送率50.0%（失5分）"])
    }

    @Test func noSampleAtAllGivesNoScore() {
        let score = scheme.score(AssessmentFigures(rates: [.onTimeRate: Rate(0, of: 0)], supervisions: 0))
        // Only 被督办 counts, which needs no sample: a full 10 of 10.
        #expect(score.total == 100)
        var noSupervision = scheme
        noSupervision.weights[.supervisions] = 0
        noSupervision.weights[.onTimeRate] = 35
        #expect(noSupervision.score(AssessmentFigures()).total == nil)
    }

    /// The fields `scheme.validated()` names, or none when it is accepted.
    static func refusals(_ scheme: AssessmentScheme) -> [FieldError] {
        switch Result(catching: { try scheme.validated() }) {
        case .success: []
        case .failure(let failure): (failure as? ValidationFailure)?.errors ?? []
        }
    }

    @Test func aSchemeNamesEveryBadField() {
        var bad = scheme
        bad.weights[.onTimeRate] = 120
        bad.threshold = 101
        bad.minimumSample = 0
        #expect(Self.refusals(bad).map(\.field) == ["weights.onTimeRate", "threshold", "minimumSample"])
        var unbalanced = scheme
        unbalanced.weights[.onTimeRate] = 30
        #expect(Self.refusals(unbalanced).map(\.message) == ["各项权重之和应为100，现为105"])
        #expect(Self.refusals(scheme).isEmpty)
        #expect(scheme.formula.hasPrefix("得分 = 响应率15分（权重 × 比率） + 按期办结率25分"))
    }
}
