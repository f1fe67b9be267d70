import Foundation
import JieyouDomain
import Testing

/// The grouping of 共性问题 measured against the labelled set, pair by pair (precision, recall, F1),
/// and the rules around it: two enterprises at least, the vocabulary's synonyms, the same answer twice.
@Suite struct CommonProblemGroupingTests {
    @Test func theLabelledSetIsLargeEnough() {
        let set = LabelledProblems.shared
        #expect(set.groups.count >= 50)
        #expect(set.groups.map(\.texts.count).reduce(0, +) >= 400)
        #expect(set.groups.allSatisfy { $0.texts.count >= 6 })
        #expect(Set(set.groups.map(\.key)).count == set.groups.count)
        let texts = set.groups.flatMap(\.texts)
        #expect(Set(texts).count == texts.count, "a text is in the set twice")
    }

    /// The figure in the README. A change that drops it below 0.80 fails here; the target is 0.85.
    @Test func theLabelledSetIsGroupedWithF1AboveTheBar() {
        let score = LabelledProblems.shared.score()
        print("共性问题 labelled set (\(LabelledProblems.shared.items.count) texts): \(score)")
        #expect(score.f1 >= 0.80, "\(score)")
        #expect(score.precision >= 0.85, "\(score)")
    }

    /// Texts never used to choose the vocabulary or the weights: how the grouping does on words it was
    /// not tuned to. Reported, and held to a lower bar.
    @Test func theHeldOutSetIsGroupedToo() {
        let score = LabelledProblems.heldOut.score()
        print("共性问题 held-out set (\(LabelledProblems.heldOut.items.count) texts): \(score)")
        #expect(score.f1 >= 0.6, "\(score)")
    }

    /// The README's ablations: the category counts for little, the vocabulary for most of the recall.
    @Test func theVocabularyCarriesTheRecallAndTheCategoryLittle() {
        let set = LabelledProblems.shared
        let full = set.score()
        let bigramsOnly = set.score(options: .init(vocabulary: false))
        let items = set.items
        let uncategorised = PairwiseScore(
            labels: items.map(\.label),
            groups: CommonProblemGrouping.groups(
                of: items.map { .init(text: $0.item.text, category: nil, enterprise: $0.item.enterprise) }
            ).map(\.members))
        print("共性问题 bigrams only: \(bigramsOnly); without the category: \(uncategorised)")
        #expect(full.f1 > bigramsOnly.f1 + 0.3)
        #expect(abs(full.f1 - uncategorised.f1) < 0.05)
    }

    @Test func synonymsShareNoCharacterYetMeet() {
        let items = ["车间缺工严重，流水线停了两条", "招聘不到一线员工，流水线停了两条"].map {
            CommonProblemGrouping.Item(text: $0, category: "hardship", enterprise: UUID())
        }
        let matcher = ProblemVocabularyMatcher.shared
        #expect(matcher.segments(of: "缺工").first == matcher.segments(of: "招工").first)
        #expect(CommonProblemGrouping.groups(of: items).map(\.members) == [[0, 1]])
    }

    @Test func fillerAndPunctuationCutTheText() {
        let matcher = ProblemVocabularyMatcher.shared
        // 企业, 希望, 解决 and 尽快 are filler; the full-width comma and the digits separate; ＡＢ is ab.
        let segments = matcher.segments(of: "企业希望解决ＡＢ线120吨产能，尽快投产")
        #expect(segments == ["ab线", "吨产能", "投产"].map { $0.unicodeScalars.map(\.value) })
    }

    @Test func aGroupNeedsTwoEnterprises() {
        let one = UUID()
        let texts = ["一线操作工缺口约40人，希望协助招聘", "生产线普工招不到人，目前缺员30人左右", "车间操作岗位长期招不满人，企业用工缺口较大"]
        let sameEnterprise = texts.map { CommonProblemGrouping.Item(text: $0, category: "hardship", enterprise: one) }
        #expect(CommonProblemGrouping.groups(of: sameEnterprise).isEmpty)
        var two = sameEnterprise
        two[2] = CommonProblemGrouping.Item(text: texts[2], category: "hardship", enterprise: UUID())
        let groups = CommonProblemGrouping.groups(of: two)
        #expect(groups.map(\.members) == [[0, 1, 2]])
        #expect(groups[0].keywords.first == "用工")
        #expect(groups[0].cohesion > 0.1 && groups[0].cohesion <= 1)
    }

    @Test func nearMissesStayApart() {
        let texts = [
            "流动资金紧张，银行贷款审批难", "资金链紧张，急需流动资金贷款约300万元",
            "设备更新贷款贴息申报流程不清楚", "不了解技改贷款贴息政策申报条件",
        ]
        let items = texts.map { CommonProblemGrouping.Item(text: $0, category: "hardship", enterprise: UUID()) }
        #expect(Set(CommonProblemGrouping.groups(of: items).map(\.members)) == [[0, 1], [2, 3]])
    }

    @Test func theSameProblemsGiveTheSameGroupsInAnyOrder() {
        let items = LabelledProblems.shared.items.map(\.item)
        let first = CommonProblemGrouping.groups(of: items)
        #expect(CommonProblemGrouping.groups(of: items) == first)
        let reversed = CommonProblemGrouping.groups(of: items.reversed())
        let back = Set(reversed.map { Set($0.members.map { items.count - 1 - $0 }) })
        let forward = Set(first.map { Set($0.members) })
        // Ties between equal scores may break differently; the groups agree almost everywhere.
        #expect(forward.intersection(back).count * 10 >= forward.count * 9)
    }

    @Test func pairwiseScoreCountsPairs() {
        // Labels: a a a b b; predicted {0,1} {2,3} and 4 alone.
        let score = PairwiseScore(labels: ["a", "a", "a", "b", "b"], groups: [[0, 1], [2, 3]])
        #expect(score.truePairs == 1)
        #expect(score.predictedPairs == 2)
        #expect(score.labelledPairs == 4)
        #expect(score.description == "precision 0.500, recall 0.250, F1 0.333")
    }
}
