import Foundation
import JieyouDomain
import Testing

@Suite struct CampaignTests {
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    func draft(
        starts: String = "2024-09-01", mobilisation: String = "2024-09-07", action: String = "2024-11-30",
        ends: String = "2024-12-31", scope: String = "aboveScale", tag: String? = nil, required: Int? = nil,
        cadences: [String] = ["tenDay", "weekly"], enterprises: [UUID] = []
    ) -> CampaignDraft {
        CampaignDraft(
            name: " 两重两新送解优专项行动 ", startsOn: starts, mobilisationEndsOn: mobilisation, actionEndsOn: action,
            endsOn: ends, scope: scope, scopeTag: tag, requiredVisits: required, cadences: cadences,
            enterpriseIDs: enterprises)
    }

    func errors(_ draft: CampaignDraft) -> [String: String] {
        guard case .failure(let failure) = CampaignRules.validate(draft, knownTags: ["外贸企业"]) else { return [:] }
        return Dictionary(failure.errors.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func everyDayIsInExactlyOnePhase() throws {
        let values = try CampaignRules.validate(draft(), knownTags: []).get()
        let schedule = values.schedule
        #expect(schedule.phase(on: day("2024-08-31")) == nil)
        #expect(schedule.phase(on: day("2024-09-01")) == .mobilisation)
        #expect(schedule.phase(on: day("2024-09-07")) == .mobilisation)
        #expect(schedule.phase(on: day("2024-09-08")) == .action)
        #expect(schedule.phase(on: day("2024-11-30")) == .action)
        #expect(schedule.phase(on: day("2024-12-01")) == .summary)
        #expect(schedule.phase(on: day("2024-12-31")) == .summary)
        #expect(schedule.phase(on: day("2025-01-01")) == nil)
        #expect(schedule.lengthInDays == 122)
        let action = schedule.span(of: .action)
        #expect(action.from == day("2024-09-08") && action.to == day("2024-11-30"))
        var counted = 0
        for phase in CampaignPhase.allCases {
            let span = schedule.span(of: phase)
            counted += span.from.days(until: span.to) + 1
        }
        #expect(counted == schedule.lengthInDays)
    }

    @Test func defaultsAndNormalisation() throws {
        let values = try CampaignRules.validate(draft(), knownTags: []).get()
        #expect(values.name == "两重两新送解优专项行动")
        #expect(values.requiredVisits == 3)
        #expect(values.scope == .aboveScale)
        #expect(values.scopeTag == nil)
        // Cadences come back in their fixed order, whatever order the form sent.
        #expect(values.cadences == [.weekly, .tenDay])
    }

    @Test func datesOutOfOrderNameTheField() {
        #expect(errors(draft(mobilisation: "2024-08-30"))["mobilisationEndsOn"] == "动员部署截止日期不能早于开始日期")
        #expect(errors(draft(action: "2024-09-07"))["actionEndsOn"] == "集中行动截止日期应晚于动员部署截止日期")
        #expect(errors(draft(ends: "2024-11-30"))["endsOn"] == "结束日期应晚于集中行动截止日期")
        #expect(errors(draft(ends: "2027-01-01"))["endsOn"] == "专项行动不能超过两年")
        #expect(errors(draft(starts: "2024/09/01"))["startsOn"] == "开始日期格式应为 2024-09-01")
        #expect(errors(draft(starts: ""))["startsOn"] == "开始日期不能为空")
    }

    @Test func scopeNeedsItsDetail() {
        #expect(errors(draft(scope: "tag"))["scopeTag"] == "按标签走访时请选择企业标签")
        #expect(errors(draft(scope: "tag", tag: "独角兽"))["scopeTag"] == "企业标签“独角兽”不存在")
        #expect(errors(draft(scope: "tag", tag: "外贸企业")).isEmpty)
        #expect(errors(draft(scope: "list"))["enterpriseIds"] == "指定名单时请至少选择一家企业")
        #expect(errors(draft(scope: "everyone"))["scope"]?.hasPrefix("走访范围“everyone”无效") == true)
        let id = UUID()
        let values = try? CampaignRules.validate(draft(scope: "list", enterprises: [id, id]), knownTags: []).get()
        #expect(values?.enterpriseIDs == [id])
    }

    @Test func requiredVisitsAndCadencesAreChecked() {
        #expect(errors(draft(required: 0))["requiredVisits"] != nil)
        #expect(errors(draft(required: 51))["requiredVisits"] != nil)
        #expect(errors(draft(required: 50)).isEmpty)
        #expect(errors(draft(cadences: ["daily"]))["cadences"] == "调度频次“daily”无效")
    }

    @Test func everyBadFieldIsReportedAtOnce() {
        let all = errors(
            CampaignDraft(
                name: "", startsOn: nil, mobilisationEndsOn: "x", actionEndsOn: nil, endsOn: nil, scope: nil,
                requiredVisits: -1))
        #expect(
            Set(all.keys)
                == ["name", "startsOn", "mobilisationEndsOn", "actionEndsOn", "endsOn", "scope", "requiredVisits"])
    }
}

@Suite struct CoverageFiguresTests {
    @Test func sharesRoundHalfUpOnTheExactFraction() {
        #expect(Share(1, of: 8).percentText == "12.5%")
        #expect(Share(518, of: 560).percentText == "92.5%")
        #expect(Share(2, of: 3).percentText == "66.7%")
        #expect(Share(1, of: 3).percentText == "33.3%")
        #expect(Share(0, of: 7).percentText == "0.0%")
        #expect(Share(7, of: 7).percentText == "100.0%")
        #expect(Share(1, of: 2000).percentText == "0.1%")  // 0.05% rounds up
        #expect(Share(1, of: 2001).percentText == "0.0%")
        #expect(Share(0, of: 0).percentText == "—")
        #expect(Share(0, of: 0).ratio == nil)
    }

    @Test func seed004Week() {
        // "384 名联点干部一周内完成 518 家企业上门走访": 560 in scope, 518 visited, 611 visits.
        let week = CoverageFigures(
            enterprisesInScope: 560, visitedAtLeastOnce: 518, visitedAsRequired: 40, requiredVisits: 3, visits: 611,
            cadresActive: 384, days: 7)
        #expect(week.neverVisited == 42)
        #expect(week.coverage.percentText == "92.5%")
        #expect(week.completion.percentText == "7.1%")
        #expect(CoverageFigures.oneDecimal(week.visitsPerEnterprise) == "1.1")
        #expect(CoverageFigures.oneDecimal(week.visitsPerCadre) == "1.6")
        #expect(CoverageFigures.oneDecimal(week.visitsPerDay) == "87.3")
        #expect(week.headline == "384 名干部 7 天内走访 518 家企业 611 次，覆盖率 92.5%")
    }

    @Test func anEmptyScopeHasNoRates() {
        let none = CoverageFigures(
            enterprisesInScope: 0, visitedAtLeastOnce: 0, visitedAsRequired: 0, requiredVisits: 3, visits: 0,
            cadresActive: 0, days: 0)
        #expect(none.neverVisited == 0)
        #expect(none.coverage.ratio == nil)
        #expect(none.visitsPerCadre == nil)
        #expect(CoverageFigures.oneDecimal(none.visitsPerDay) == "—")
    }
}

@Suite struct PastedLinesTests {
    @Test func tabsAndCommasSplitAndTheLastFieldKeepsTheRest() {
        let text = "长沙恒信新材料有限公司\t工商银行\t1500\t200\n\n  湖南华瑞食品有限公司，建设银行,800  \r\n某企业：厂区道路破损，货车进出难"
        let records = PastedLines.records(text, maxFields: 4)
        #expect(records.count == 3)
        #expect(records[0] == .init(line: 1, fields: ["长沙恒信新材料有限公司", "工商银行", "1500", "200"]))
        #expect(records[1] == .init(line: 3, fields: ["湖南华瑞食品有限公司", "建设银行", "800"]))
        #expect(records[2].line == 4)
        let findings = PastedLines.records("某企业：厂区道路破损，货车进出难", maxFields: 2, separators: ["：", ":", "\t"])
        #expect(findings[0].fields == ["某企业", "厂区道路破损，货车进出难"])
    }
}

/// A cadre's share of a campaign's visits this week.
@Suite struct VisitQuotaTests {
    let today = LocalDate(iso: "2026-12-07")!

    @Test func theMissingVisitsAreSpreadOverTheWeeksLeft() {
        // Three enterprises, 3 visits each required: one done, one with 1, one with none: 2 + 3 owed.
        let quota = VisitQuota(
            required: 3, visitsSoFar: [3, 1, 0], today: today, actionEndsOn: LocalDate(iso: "2026-12-20")!)
        #expect(quota.enterprisesShort == 2 && quota.visitsOwed == 5)
        #expect(quota.weeksLeft == 2)
        #expect(quota.thisWeek == 3)
    }

    @Test func onTheLastDayOrAfterEverythingIsThisWeeks() {
        for end in ["2026-12-07", "2026-12-01"] {
            let quota = VisitQuota(required: 2, visitsSoFar: [0, 1], today: today, actionEndsOn: LocalDate(iso: end)!)
            #expect(quota.weeksLeft == 1 && quota.thisWeek == 3)
        }
        #expect(VisitQuota(required: 1, visitsSoFar: [1, 2], today: today, actionEndsOn: today).thisWeek == 0)
    }
}
