import Testing

@testable import JieyouDomain

@Suite struct EventVocabularyTests {
    @Test func everyProblemActionHasItsChineseName() {
        for name in ProblemAction.Name.allCases {
            #expect(EventVocabulary.actionName(name.rawValue, of: "problem") == name.chineseName)
        }
        #expect(EventVocabulary.actionName("overdue", of: "problem") == "超期")
        #expect(EventVocabulary.actionName("submit", of: "problem") == "登记")
    }

    @Test func theSameCodeIsNamedByWhatItActsOn() {
        #expect(EventVocabulary.actionName("progress", of: "problem") == "填报进展")
        #expect(EventVocabulary.actionName("progress", of: "planTask") == "报送旬调度")
        #expect(EventVocabulary.actionName("advance", of: "project") == "办理下一步")
        #expect(EventVocabulary.actionName("advance", of: "financingDemand") == "更新进展")
        #expect(EventVocabulary.actionName("create", of: "report") == "新增")
    }

    @Test func anUnknownCodeNeverShowsAsCode() {
        #expect(EventVocabulary.actionName("frobnicate", of: "problem") == "其他操作")
        #expect(EventVocabulary.entityName("widget") == "记录")
    }
}
