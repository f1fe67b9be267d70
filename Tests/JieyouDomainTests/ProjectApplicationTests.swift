import JieyouDomain
import Testing

/// 项目申报: the fields of a new application, the stages 申报 → 审核 → 入库 → 兑现 (or 未通过), and the
/// totals a report gives (seed 004).
@Suite struct ProjectApplicationTests {
    let today = LocalDate(year: 2024, month: 10, day: 15)!

    @Test func aNewApplicationNamesEveryWrongField() throws {
        let good = ProjectApplicationDraft(
            name: " 废旧锂电池资源化利用项目（一期） ", fund: "国债", amountAsked: "2036.5", appliedOn: "2024-09-10")
        let values = try ProjectApplicationRules.validate(good, today: today).get()
        #expect(values.name == "废旧锂电池资源化利用项目（一期）")
        #expect(values.fund == .ultraLongBonds)
        #expect(values.amountAsked.fen == 2_036_500_000)
        #expect(values.appliedOn.iso == "2024-09-10")

        let bad = ProjectApplicationDraft(name: " ", fund: "彩票", amountAsked: "0", appliedOn: "2024-10-16")
        guard case .failure(let failure) = ProjectApplicationRules.validate(bad, today: today) else {
            Issue.record("accepted a bad application")
            return
        }
        #expect(failure.errors.map(\.field) == ["name", "fund", "amountAsked", "appliedOn"])
        #expect(failure.errors[1].message.contains("无法识别的资金渠道“彩票”"))
        #expect(failure.errors[2].message.contains("应为大于0的数"))
        #expect(failure.errors[3].message == "申报日期不能晚于今天")

        let tooMuch = ProjectApplicationDraft(name: "厂房", fund: "专项债", amountAsked: "2000000", appliedOn: nil)
        guard case .failure(let unit) = ProjectApplicationRules.validate(tooMuch, today: today) else {
            Issue.record("accepted 200亿元")
            return
        }
        #expect(unit.first.message.contains("请确认单位是万元"))
    }

    @Test func stagesFollowTheirOrderAndEndAtDisbursedOrRejected() {
        #expect(ProjectStage.applied.nextStages == [.reviewing, .rejected])
        #expect(ProjectStage.reviewing.nextStages == [.listed, .rejected])
        #expect(ProjectStage.listed.nextStages == [.disbursed, .rejected])
        #expect(ProjectStage.disbursed.nextStages.isEmpty && ProjectStage.rejected.nextStages.isEmpty)
        #expect(ProjectStage.parse("入库") == .listed && ProjectStage.parse("已兑现") == .disbursed)
        #expect(ProjectFund.parse("再贷款") == .equipmentRelending && ProjectFund.parse("") == nil)
    }

    @Test func aStepIsCheckedAgainstTheStageAndTheLastDay() throws {
        let lastOn = LocalDate(year: 2024, month: 9, day: 10)!
        func step(_ stage: String, _ on: String?, granted: String? = nil, reason: String? = nil, from: ProjectStage)
            -> Result<ProjectStep, ValidationFailure>
        {
            ProjectApplicationRules.validate(
                ProjectStepDraft(stage: stage, on: on, amountGranted: granted, reason: reason), from: from,
                lastOn: lastOn, today: today)
        }
        #expect(try step("reviewing", "2024-09-12", from: .applied).get().stage == .reviewing)
        let paid = try step("disbursed", "2024-10-01", granted: "2036.5", from: .listed).get()
        #expect(paid.amountGranted?.wan == "2036.50")

        func message(_ result: Result<ProjectStep, ValidationFailure>) -> [String] {
            if case .failure(let failure) = result { return failure.errors.map { "\($0.field): \($0.message)" } }
            return []
        }
        #expect(message(step("listed", "2024-09-12", from: .applied)) == ["stage: 项目已申报，下一步只能是送审或未通过"])
        #expect(message(step("reviewing", "2024-09-01", from: .applied)) == ["on: 办理日期不能早于上一步（2024-09-10）"])
        #expect(message(step("disbursed", nil, from: .listed)) == ["amountGranted: 请填写兑现资金（万元）"])
        #expect(message(step("reviewing", nil, granted: "5", from: .applied)) == ["amountGranted: 只有兑现时填写兑现资金"])
        #expect(message(step("rejected", nil, from: .reviewing)) == ["reason: 未通过原因不能为空"])
        #expect(message(step("rejected", nil, reason: "不符合", from: .disbursed)) == ["stage: 项目已兑现，不能再变更"])
    }

    /// Seed 004: 26 projects asking about 4.4亿元, one approved for 2000余万元.
    @Test func totalsAreExactAndReadAsTheBulletinDoes() {
        var totals = ProjectTotals()
        #expect(totals.sentence.isEmpty)
        for index in 0..<25 {
            totals.add(index < 2 ? .listed : index < 3 ? .rejected : .reviewing, asked: Amount(wan: "1600.16")!)
        }
        totals.add(.disbursed, asked: Amount(wan: "3996")!, granted: Amount(wan: "2036.5")!)
        #expect(totals.count == 26)
        #expect(totals.asked == Amount(wan: "44000")!)
        #expect(totals.count(.reviewing) == 22 && totals.listedOrBeyond == 3)
        #expect(totals.byStage[.listed]?.asked == Amount(wan: "3200.32")!)
        #expect(totals.sentence == "组织26个项目申报，申报资金需求4.4亿元；已入库3个，已兑现1个、兑现资金2036.50万元，未通过1个")
    }
}
