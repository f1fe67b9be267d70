import Foundation
import JieyouDomain
import Testing

@testable import JieyouApp

/// The 专项行动, 走访覆盖 and 融资诉求 pages rendered from fixed values, compared with the HTML kept
/// in `Golden/` (see `Golden.check`).
@Suite struct FieldWorkPagesGoldenTests {
    static let city = UUID(uuidString: "00000000-0000-0000-0000-00000000000c")!
    static let park = UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!
    static let tree = OrgTree([
        OrgTree.Node(id: city, parentID: nil, level: .city, name: "长沙市"),
        OrgTree.Node(id: park, parentID: city, level: .park, name: "长沙高新区"),
    ])
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    static let csrf = HTML(raw: "<input type=\"hidden\" name=\"_csrf\" value=\"csrf-token\">")

    static let campaign = CampaignRecord(
        id: id(1), orgUnitId: park, name: "两重两新送解优专项行动", startsOn: "2026-09-01",
        mobilisationEndsOn: "2026-09-07", actionEndsOn: "2026-11-15", endsOn: "2026-11-30", scope: "aboveScale",
        scopeTag: nil, requiredVisits: 3, cadences: "weekly,tenDay")

    @Test func theCampaignListWithAnEditLink() throws {
        let ended = CampaignRecord(
            id: Self.id(2), orgUnitId: Self.city, name: "春风行动<2026>", startsOn: "2026-03-01",
            mobilisationEndsOn: "2026-03-07",
            actionEndsOn: "2026-04-15", endsOn: "2026-04-30", scope: "all", scopeTag: nil, requiredVisits: 1,
            cadences: "weekly")
        let view = CampaignListView(
            campaigns: [Self.campaign, ended], today: LocalDate(iso: "2026-10-08")!, mayManage: true,
            editable: [Self.campaign.id], tree: Self.tree)
        try Golden.check(view.html.description, "campaign-list.html")
    }

    @Test func theCampaignFormWithAnError() throws {
        let form = CampaignsWeb.Form(
            orgUnitId: Self.park.uuidString, name: "", startsOn: "2026-09-01", scope: "list", requiredVisits: "x",
            cadences: ["weekly"], enterpriseList: "长沙某某科技有限公司\n91430100MA4L0000X1")
        let view = CampaignFormView(
            form: form, id: nil, errors: [FieldError(field: "name", message: "请填写行动名称")], csrf: Self.csrf,
            unitOptions: [(Self.park.uuidString, "长沙高新区")], tags: ["规上企业", "专精特新"])
        try Golden.check(view.html.description, "campaign-form.html")
    }

    @Test func theCoverageOfACampaign() throws {
        let report = CoverageReport(
            orgUnit: .init(id: Self.park, name: "长沙高新区"),
            campaign: NamedRef(id: Self.campaign.id, name: Self.campaign.name),
            from: "2026-09-01", to: "2026-09-03", requiredVisits: 3, enterprisesInScope: 40, visitedAtLeastOnce: 12,
            visitedAsRequired: 2, neverVisitedCount: 28, visits: 19, cadresActive: 4, days: 3, coverageRate: 0.3,
            completionRate: 0.05, headline: "",
            perDay: [
                CoverageDay(day: "2026-09-01", visits: 7, enterprises: 6),
                CoverageDay(day: "2026-09-02", visits: 12, enterprises: 9),
            ],
            perCadre: [CoverageCadre(id: Self.id(30), name: "周杰", visits: 11, enterprises: 8)],
            neverVisited: [NamedRef(id: Self.id(40), name: "长沙<某>材料有限公司")])
        let view = CoveragePageView(
            query: .init(campaign: Self.campaign.id.uuidString, orgUnit: nil, from: nil, to: nil),
            campaigns: [Self.campaign], unitOptions: [(Self.park.uuidString, "长沙高新区")], report: .success(report),
            summaryLink: true)
        try Golden.check(view.html.description, "coverage.html")
    }

    @Test func theCoverageFilterWithTheErrorThatKeptTheReportFromBeingRead() throws {
        let view = CoveragePageView(
            query: .init(campaign: nil, orgUnit: nil, from: "2026-13-01", to: nil), campaigns: [],
            unitOptions: [],
            report: .failure(.init(errors: [FieldError(field: "from", message: "起始日期格式应为 YYYY-MM-DD")])),
            summaryLink: false)
        try Golden.check(view.html.description, "coverage-refused.html")
    }

    @Test func aFinancingDemandBeingMatchedWithItsNextStepForm() throws {
        let demand = FinancingRecord(
            id: Self.id(50), orgUnitId: Self.park, enterpriseId: Self.id(40), enterpriseName: "长沙<某>材料有限公司",
            amount: Amount(wan: "500")!, purpose: "设备更新", raisedOn: "2026-09-02", status: .matching, bank: "长沙银行",
            lent: nil, matchedOn: "2026-09-10", lentOn: nil, failedOn: nil, reason: nil, meetingId: Self.id(60),
            meetingTitle: "政银企对接会", note: nil)
        let view = FinancingPageView(
            demand: demand, today: LocalDate(iso: "2026-09-20")!,
            step: StepEntry(
                form: FinancingWeb.StepForm(status: "lent"),
                errors: [FieldError(field: "amountLent", message: "请填写放款金额")],
                csrf: Self.csrf))
        try Golden.check(view.html.description, "financing-demand.html")
    }
}
