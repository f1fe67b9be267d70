import JieyouDomain
import Testing

/// Money in 万元, exact to the 分.
@Suite struct AmountTests {
    @Test func parsesWanAndYuanExactly() {
        #expect(Amount(wan: "733.14")?.fen == 733_140_000)
        #expect(Amount(wan: "2,448.43")?.fen == 2_448_430_000)
        #expect(Amount(wan: "0.000001")?.fen == 1)
        #expect(Amount(wan: "0.0000001") == nil, "less than a 分")
        #expect(Amount(wan: "-1") == nil)
        #expect(Amount(wan: "1.") == nil)
        #expect(Amount(wan: "一百") == nil)
        #expect(Amount(wan: "") == nil)
        #expect(Amount(wan: "999999999999.999999") != nil)
        #expect(Amount(wan: "9999999999999") == nil, "too many digits")
        #expect(Amount(yuan: "12,500.50")?.fen == 1_250_050)
        #expect(Amount(yuan: "0.001") == nil)
    }

    @Test func writesAsReportsDo() {
        #expect(Amount(wan: "844")!.wan == "844")
        #expect(Amount(wan: "1120.9")!.wan == "1120.90")
        #expect(Amount(wan: "0.000001")!.wan == "0.000001")
        #expect(Amount(fen: 1_250_050).yuan == "12500.5")
        #expect(Amount(wan: "44000")!.yi == "4.4")
        #expect(Amount(wan: "2012.5")!.yi == "0.2")
    }

    /// 0.1 + 0.2 in floating point is not 0.3; in 分 it is. A thousand payments of 0.01万元 make
    /// exactly 10万元, and seed 003's quarter adds up to the figures it reports.
    @Test func sumsAreExactToTheFen() {
        #expect([Amount(wan: "0.1")!, Amount(wan: "0.2")!].sum() == Amount(wan: "0.3")!)
        #expect(Array(repeating: Amount(wan: "0.01")!, count: 1_000).sum().wan == "10")
        #expect(Array(repeating: Amount(fen: 1), count: 7).sum().yuan == "0.07")
        var totals = BenefitTotals()
        for part in ["300.05", "433.09"] { totals.add(.funds, Amount(wan: part)!) }
        for part in ["1000", "1448.43"] { totals.add(.incomeTaxRelief, Amount(wan: part)!) }
        for part in ["1120.3", "0.6"] { totals.add(.vatRelief, Amount(wan: part)!) }
        totals.add(.vatRefund, Amount(wan: "844")!)
        #expect(totals.sentence == "兑现各类优惠政策733.14万元，减免所得税2448.43万元，减免增值税1120.90万元，留抵退税844万元")
        #expect(totals.total.wan == "5146.47")
        #expect(totals.count == 7)
    }

    @Test func benefitsAreChecked() {
        let today = LocalDate(iso: "2024-03-31")!
        let ok = BenefitRules.validate(BenefitDraft(kind: "留抵退税", amount: "844", grantedOn: "2024-03-20"), today: today)
        #expect((try? ok.get())?.amount.wan == "844")
        guard
            case .failure(let failure) = BenefitRules.validate(
                BenefitDraft(kind: "红包", amount: "0", grantedOn: "2024-04-01"), today: today)
        else {
            Issue.record("a bad benefit passed")
            return
        }
        #expect(Set(failure.errors.map(\.field)) == ["kind", "amount", "grantedOn"])
    }
}
