import JieyouDomain
import Testing

/// What a corrected plan draft must hold before it is saved, and what a 旬调度 report must say.
@Suite struct PlanRulesTests {
    static func draft(
        value: String = "6", baseline: String? = nil, lead: [String] = ["区商务局（招商促进事务中心）"], due: String? = nil
    ) -> PlanDraft {
        PlanDraft(
            title: "“七大攻坚”总体方案", issuedOn: "2025-04-27",
            workstreams: [
                WorkstreamDraft(
                    name: "消费提振攻坚",
                    targets: [
                        TargetDraft(
                            indicator: "社会消费品零售总额增长", comparison: .atLeast, value: value, unit: "%",
                            baseline: baseline)
                    ],
                    tasks: [
                        TaskDraft(
                            number: TaskNumber(style: .chineseParenthesised, ordinal: "一"), title: "提振消费", text: "提振消费"),
                        TaskDraft(
                            number: TaskNumber(style: .arabicDot, ordinal: "1"), title: "开展促消费活动",
                            text: "开展促消费活动。", leadUnits: lead, dueOn: due),
                    ])
            ])
    }

    static func errors(_ draft: PlanDraft) -> [String: String] {
        guard case .failure(let failure) = PlanRules.validate(draft) else { return [:] }
        return Dictionary(failure.errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func aCompleteDraftIsSavedWithItsNumbersWrittenPlainly() throws {
        let checked = try PlanRules.validate(Self.draft(value: "6.0", baseline: " 5.20 ")).get()
        #expect(checked.workstreams[0].targets[0].value == "6")
        #expect(checked.workstreams[0].targets[0].baseline == "5.2")
        // The heading groups the task under it and needs no unit.
        #expect(checked.workstreams[0].tasks[0].leadUnits.isEmpty)
    }

    @Test func anEmptyBaselineIsNoBaseline() throws {
        #expect(try PlanRules.validate(Self.draft(baseline: "  ")).get().workstreams[0].targets[0].baseline == nil)
    }

    @Test func eachWrongFieldIsNamedInTheDispatchersWords() {
        let errors = Self.errors(Self.draft(value: "六", baseline: "去年", lead: [], due: "年底"))
        #expect(errors["workstreams[0].targets[0].value"] == "第1个攻坚第1个目标的目标值应为数字，如 6 或 13.8")
        #expect(errors["workstreams[0].targets[0].baseline"] == "第1个攻坚第1个目标的基数应为数字")
        #expect(errors["workstreams[0].tasks[1].leadUnits"] == "第1个攻坚第2项任务（1.）请填写牵头单位")
        #expect(errors["workstreams[0].tasks[1].dueOn"] == "第1个攻坚第2项任务（1.）的完成时限格式应为 2025-12-31")
        #expect(errors["workstreams[0].tasks[0].leadUnits"] == nil)
    }

    @Test func aReportNeverGoesBackBelowTheLastPercentage() {
        let back = ProgressRules.validate(ProgressDraft(progress: "签约2家", percent: "20"), previous: 30)
        guard case .failure(let failure) = back else {
            Issue.record("a lower percentage was accepted")
            return
        }
        #expect(failure.errors.map(\.message) == ["完成进度不能低于上次报送的30%"])
        let forward = ProgressRules.validate(ProgressDraft(progress: "签约2家", percent: "45%"), previous: 30)
        #expect((try? forward.get())?.percent == 45)
    }
}
