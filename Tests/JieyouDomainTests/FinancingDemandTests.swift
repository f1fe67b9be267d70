import JieyouDomain
import Testing

/// 融资诉求: the fields of a demand, its steps 待对接 → 对接中 → 已放款 (or 未达成), and its totals.
@Suite struct FinancingDemandTests {
    let today = LocalDate(year: 2024, month: 10, day: 15)!

    @Test func aDemandNamesEveryWrongField() throws {
        let good = try FinancingDemandRules.validate(
            FinancingDemandDraft(amount: "85.5", purpose: " 设备更新 ", raisedOn: "2024-10-01"), today: today
        ).get()
        #expect(good.amount.fen == 85_500_000 && good.purpose == "设备更新")
        guard
            case .failure(let failure) = FinancingDemandRules.validate(
                FinancingDemandDraft(amount: "-3", purpose: "", raisedOn: "2024-10-16"), today: today)
        else {
            Issue.record("accepted a bad demand")
            return
        }
        #expect(failure.errors.map(\.field) == ["amount", "purpose", "raisedOn"])
    }

    @Test func stepsFollowTheOrderAndNeedWhatTheyNeed() throws {
        let lastOn = LocalDate(year: 2024, month: 10, day: 1)!
        func step(_ d: FinancingStepDraft, from: FinancingStatus) -> [String] {
            switch FinancingDemandRules.validate(d, from: from, lastOn: lastOn, today: today) {
            case .success: []
            case .failure(let f): f.errors.map { "\($0.field): \($0.message)" }
            }
        }
        #expect(step(FinancingStepDraft(status: "matching", on: nil, bank: "工商银行"), from: .open).isEmpty)
        #expect(step(FinancingStepDraft(status: "已放款", on: nil, bank: "建设银行", amountLent: "300"), from: .open).isEmpty)
        #expect(step(FinancingStepDraft(status: "matching", on: nil), from: .open) == ["bank: 对接银行不能为空"])
        #expect(
            step(FinancingStepDraft(status: "lent", on: nil, bank: "农行"), from: .matching) == [
                "amountLent: 请填写放款金额（万元）"
            ])
        #expect(step(FinancingStepDraft(status: "failed", on: nil), from: .matching) == ["reason: 未达成原因不能为空"])
        #expect(
            step(FinancingStepDraft(status: "matching", on: "2024-09-30", bank: "农行"), from: .open) == [
                "on: 办理日期不能早于上一步（2024-10-01）"
            ])
        #expect(
            step(FinancingStepDraft(status: "open", on: nil), from: .matching) == ["status: 融资诉求对接中，下一步只能是已放款、未达成"])
        #expect(
            step(FinancingStepDraft(status: "failed", on: nil, reason: "x"), from: .lent) == ["status: 融资诉求已放款，不能再变更"])
        #expect(
            step(FinancingStepDraft(status: "matching", on: nil, bank: "农行", amountLent: "5"), from: .open) == [
                "amountLent: 只有放款时填写放款金额"
            ])
    }

    @Test func totalsAreExact() {
        var totals = FinancingTotals()
        totals.add(.lent, asked: Amount(wan: "500")!, lent: Amount(wan: "300.01")!)
        totals.add(.lent, asked: Amount(wan: "200")!, lent: Amount(wan: "199.99")!)
        totals.add(.matching, asked: Amount(wan: "85.5")!)
        totals.add(.failed, asked: Amount(wan: "100")!)
        #expect(totals.sentence == "收集融资诉求4项、需求金额885.50万元；已放款2项、放款金额500万元，对接中1项，未达成1项")
    }
}
