import Foundation
import JieyouDomain
import Testing

/// 双公示: a record's fields checked, its publication deadline in working days, how long it stays
/// public, and when its subject may apply for 信用修复.
@Suite struct CreditRecordTests {
    private func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    private var penalty: CreditRecordDraft {
        var d = CreditRecordDraft()
        d.kind = "penalty"
        d.counterpartyName = "湘西某某建材有限公司"
        d.counterpartyCategory = "organisation"
        d.creditCode = "91433100MA4L1234X0"
        d.creditCode =
            String(d.creditCode!.prefix(17)) + String(CreditCode.checkCharacter(for: String(d.creditCode!.prefix(17)))!)
        d.legalRepresentative = "彭某"
        d.documentNumber = "吉高新应急罚〔2026〕12号"
        d.violationType = "未按规定开展安全生产教育培训"
        d.violationFacts = "经查，该公司未对新入职员工开展岗前安全培训。"
        d.penaltyBasis = "《中华人民共和国安全生产法》第九十七条"
        d.penaltyCategories = ["warning", "fine"]
        d.penaltyContent = "警告，并处罚款人民币贰万元"
        d.fineWan = "2"
        d.severity = "general"
        d.decidedOn = "2026-11-30"
        d.authority = "湘西高新区应急管理局"
        return d
    }

    @Test func aPenaltyIsCheckedAndKeepsItsAmountsInYuan() throws {
        let values = try penalty.validated(today: day("2026-12-07")).get()
        #expect(values.kind == .penalty && values.penaltyCategories == [.warning, .fine])
        #expect(values.fineYuan == 20_000 && values.severity == .general)
        // 一般失信: public for at most one year from the decision.
        #expect(values.publicUntil == day("2027-11-29"))
    }

    @Test func everyBadFieldIsNamedAtOnce() {
        var bad = penalty
        bad.creditCode = "91433100MA4L1234X1"
        bad.fineWan = ""
        bad.decidedOn = "2026-12-08"
        bad.penaltyCategories = ["fine", "whipping"]
        bad.severity = nil
        guard case .failure(let failure) = bad.validated(today: day("2026-12-07")) else {
            Issue.record("a bad penalty was taken")
            return
        }
        #expect(
            Set(failure.errors.map(\.field)) == ["creditCode", "decidedOn", "penaltyCategories", "severity", "fineWan"])
        #expect(failure.errors.first { $0.field == "creditCode" }?.message == "统一社会信用代码校验位不正确")

        var unpaid = penalty
        unpaid.fineWan = nil
        guard case .failure(let missing) = unpaid.validated(today: day("2026-12-07")) else {
            Issue.record("a fine without its amount was taken")
            return
        }
        #expect(missing.errors.map(\.message) == ["处罚类别含罚款，请填写罚款金额（万元）"])
    }

    @Test func aNaturalPersonIsRecordedWithoutAnyIdentityNumber() {
        var person = penalty
        person.counterpartyCategory = "naturalPerson"
        person.counterpartyName = "张某某"
        guard case .failure(let failure) = person.validated(today: day("2026-12-07")) else {
            Issue.record("a natural person's number was kept")
            return
        }
        #expect(failure.errors.map(\.field) == ["creditCode"])
        person.creditCode = nil
        let values = try? person.validated(today: day("2026-12-07")).get()
        #expect(values?.creditCode == nil && values?.legalRepresentative == nil)
    }

    @Test func aLicenceNeedsItsContentAndIsPublicWhileValid() throws {
        var licence = CreditRecordDraft()
        licence.kind = "licence"
        licence.counterpartyName = "湘西某某食品有限公司"
        licence.counterpartyCategory = "organisation"
        licence.creditCode = penalty.creditCode
        licence.documentNumber = "JY14331010000123"
        licence.decidedOn = "2026-03-02"
        licence.authority = "湘西高新区行政审批服务局"
        guard case .failure(let failure) = licence.validated(today: day("2026-12-07")) else {
            Issue.record("a licence without content was taken")
            return
        }
        #expect(Set(failure.errors.map(\.field)) == ["licenceCategory", "licenceContent"])
        licence.licenceCategory = "ordinary"
        licence.licenceContent = "食品生产许可（糕点）"
        licence.validUntil = "2031-03-01"
        #expect(try licence.validated(today: day("2026-12-07")).get().publicUntil == day("2031-03-01"))
        licence.validUntil = nil
        #expect(try licence.validated(today: day("2026-12-07")).get().publicUntil == day("2029-03-01"))
    }

    /// Seven working days from the decision, the decision day not counted: 国庆 and its makeup
    /// Saturday (2026-10-10) move the deadline; so does 中秋 and the makeup Sunday before it.
    @Test func publicationIsDueSevenWorkingDaysAfterTheDecision() {
        let calendar = WorkCalendar.shipped
        #expect(CreditPublication.deadline(decidedOn: day("2026-09-29"), calendar: calendar) == day("2026-10-14"))
        #expect(CreditPublication.deadline(decidedOn: day("2026-09-18"), calendar: calendar) == day("2026-09-29"))
        #expect(CreditPublication.deadline(decidedOn: day("2026-12-07"), calendar: calendar) == day("2026-12-16"))
    }

    private func timeline(
        decided: String, severity: CreditSeverity = .general, published: String? = nil, repaired: String? = nil,
        kind: CreditDecisionKind = .penalty
    ) -> CreditTimeline {
        let decidedOn = day(decided)
        return CreditTimeline(
            kind: kind, decidedOn: decidedOn, severity: kind == .penalty ? severity : nil,
            deadline: CreditPublication.deadline(decidedOn: decidedOn, calendar: .shipped),
            publicUntil: CreditPublication.publicUntil(
                kind: kind, decidedOn: decidedOn, severity: severity, validUntil: nil),
            publishedOn: published.map(day), repairedOn: repaired.map(day))
    }

    @Test func aRecordIsOverdueWhenNotPublicByItsDeadline() {
        let entered = timeline(decided: "2026-09-29")
        #expect(entered.status(on: day("2026-10-14")) == .awaiting)
        #expect(entered.status(on: day("2026-10-15")) == .overdue)
        let late = timeline(decided: "2026-09-29", published: "2026-10-15")
        #expect(late.status(on: day("2026-10-15")) == .published && late.publishedLate)
        #expect(!timeline(decided: "2026-09-29", published: "2026-10-14").publishedLate)
        #expect(late.status(on: day("2027-09-29")) == .expired)
        #expect(
            timeline(decided: "2026-09-29", published: "2026-10-09", repaired: "2027-01-05")
                .status(on: day("2027-01-05")) == .repaired)
    }

    /// 一般失信 three months, 严重失信 one year, from the decision; a month without the day ends on its
    /// last day (30 November plus three months is 28 February).
    @Test func aPenaltyMayBeRepairedOnceItsShortestPeriodIsOver() {
        let general = timeline(decided: "2026-11-30", published: "2026-12-02")
        #expect(general.repairableFrom == day("2027-02-28"))
        #expect(
            general.repairRefusal(on: day("2027-02-27"))
                == "一般失信行政处罚信息最短公示期为3个月，2027年2月28日起方可申请信用修复")
        #expect(general.repairRefusal(on: day("2027-02-28")) == nil)

        let serious = timeline(decided: "2026-02-14", severity: .serious, published: "2026-02-24")
        #expect(serious.publicUntil == day("2029-02-13"))
        #expect(serious.repairRefusal(on: day("2027-02-13"))?.contains("最短公示期为1年") == true)
        #expect(serious.repairRefusal(on: day("2027-02-14")) == nil)

        #expect(timeline(decided: "2026-01-05").repairRefusal(on: day("2026-12-07")) == "该记录尚未公示，无需修复")
        #expect(
            timeline(decided: "2025-11-03", published: "2025-11-05").repairRefusal(on: day("2026-12-07"))
                == "该记录公示期已满，已停止公示，无需修复")
        #expect(
            timeline(decided: "2026-01-05", published: "2026-01-06", repaired: "2026-06-01")
                .repairRefusal(on: day("2026-12-07")) == "该记录已完成信用修复")
        #expect(
            timeline(decided: "2026-01-05", published: "2026-01-06", kind: .licence).repairRefusal(
                on: day("2026-12-07")) == "行政许可信息不涉及失信，无需信用修复")
    }

    @Test func aRefusalNeedsItsReasonAndAnApplicationItsPromise() {
        guard case .failure(let refusal) = CreditRepairDecision.parse(decision: "refuse", reason: " ") else {
            Issue.record("a refusal without a reason was taken")
            return
        }
        #expect(refusal.errors.map(\.field) == ["reason"])
        #expect((try? CreditRepairDecision.parse(decision: "approve", reason: nil).get())?.approve == true)
        guard
            case .failure(let application) = CreditRepairApplication.parse(
                statement: "", fulfilled: false, contact: nil, phone: "12")
        else {
            Issue.record("an empty application was taken")
            return
        }
        #expect(Set(application.errors.map(\.field)) == ["statement", "fulfilled", "phone"])
    }

    @Test func monthsAreAddedToTheLastDayOfShortMonths() {
        #expect(day("2026-11-30").adding(months: 3) == day("2027-02-28"))
        #expect(day("2027-11-30").adding(months: 3) == day("2028-02-29"))
        #expect(day("2026-01-31").adding(months: 36) == day("2029-01-31"))
        #expect(day("2026-05-15").adding(months: 12) == day("2027-05-15"))
    }
}
