import Foundation
import JieyouDomain
import Testing

@testable import JieyouApp

/// The 政策清单, 兑现台账 and 项目申报 pages rendered from fixed values, compared with the HTML kept in
/// `Golden/` (see `Golden.check`).
@Suite struct PolicyPagesGoldenTests {
    static let park = UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    static let csrf = HTML(raw: "<input type=\"hidden\" name=\"_csrf\" value=\"csrf-token\">")

    static let policy = PolicyRecord(
        id: id(80), orgUnitId: park, title: "关于支持企业设备更新和技术改造的若干措施", documentNumber: "长高新管发〔2026〕5号",
        issuer: "长沙高新区管委会", level: "park", themes: "设备更新,技术改造", summary: "对设备投资给予<补贴>",
        validFrom: "2026-01-01", validUntil: "2026-12-31", departmentId: nil, benefitKind: "subsidy", sourceText: nil,
        sourceUrl: nil, automatic: true, columns: "两重两新", rule: "{}")

    @Test func theCatalogueFilteredByAColumn() throws {
        let view = PolicyCatalogueView(
            policies: [Self.policy], columns: ["两重两新", "人才"],
            filter: PolicyFilter(q: "设备", theme: nil, column: "两重两新", automaticOnly: true),
            today: LocalDate(iso: "2027-01-05")!, mayManage: true)
        try Golden.check(view.html.description, "policy-catalogue.html")
    }

    @Test func theBenefitLedgerWithItsTotals() throws {
        var totals = BenefitTotals()
        totals.add(.funds, Amount(wan: "733.14")!)
        totals.add(.vatRefund, Amount(wan: "12")!)
        let entries = [
            BenefitRecord(
                id: Self.id(90), enterpriseId: Self.id(40), enterpriseName: "长沙<某>材料有限公司", policyId: Self.policy.id,
                policyTitle: Self.policy.title, kind: .funds, amount: Amount(wan: "733.14")!, grantedOn: "2026-10-08",
                note: nil)
        ]
        let view = BenefitLedgerView(
            summary: BenefitSummary(
                totals: totals, byPolicy: [(Self.policy.id, Self.policy.title, totals)], entries: entries),
            filter: BenefitFilter(from: LocalDate(iso: "2026-10-01"), to: nil, policy: nil, kind: .funds),
            today: LocalDate(iso: "2026-11-20")!,
            policyOptions: [(Self.policy.id.uuidString.lowercased(), Self.policy.title)],
            entry: StepEntry(
                form: BenefitsWeb.Form(enterprise: "长沙某"), errors: [FieldError(field: "amount", message: "请填写金额")],
                csrf: Self.csrf))
        try Golden.check(view.html.description, "benefit-ledger.html")
    }

    @Test func theProjectListWithItsStagesAndTheEntryForm() throws {
        var totals = ProjectTotals()
        totals.add(.applied, asked: Amount(wan: "2036.5")!)
        totals.add(.disbursed, asked: Amount(wan: "800")!, granted: Amount(wan: "600")!)
        let project = ProjectRecord(
            id: Self.id(70), orgUnitId: Self.park, enterpriseId: Self.id(40), enterpriseName: "长沙<某>材料有限公司",
            policyId: nil, policyTitle: nil, name: "智能产线技改", fund: .ultraLongBonds, amountAsked: Amount(wan: "2036.5")!,
            amountGranted: nil, stage: .applied, appliedOn: "2026-09-03", reviewedOn: nil, listedOn: nil,
            disbursedOn: nil, rejectedOn: nil, reason: nil, note: nil)
        let view = ProjectListView(
            totals: totals, projects: [project], filter: ProjectFilter(stage: .applied),
            today: LocalDate(iso: "2026-09-20")!,
            policyOptions: [(Self.policy.id.uuidString.lowercased(), Self.policy.title)],
            entry: StepEntry(form: ProjectsWeb.Form(), errors: [], csrf: Self.csrf))
        try Golden.check(view.html.description, "project-list.html")
    }
}
