import Foundation
import JieyouDomain
import Testing

@testable import JieyouApp

/// The 报告草稿与印发 list and the 生成草稿 button rendered from fixed values, compared with the HTML
/// kept in `Golden/` (see `Golden.check`).
@Suite struct ReportPagesGoldenTests {
    static let park = UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    /// 2026-11-02 10:00 in China.
    static let at = Date(timeIntervalSince1970: 1_793_584_800)

    @Test func theDraftsTab() throws {
        let entries = [
            ReportStore.Entry(
                id: Self.id(1), orgUnitId: Self.park, unitName: "长沙高新区", kind: "tenDay", kindName: "旬通报",
                periodKey: "2026-10-3", title: "长沙高新区旬通报（2026年10月下旬）", state: .draft, dueOn: "2026-11-03",
                draftedAt: Self.at, issuedAt: nil),
            ReportStore.Entry(
                id: Self.id(2), orgUnitId: Self.park, unitName: "长沙高新区", kind: "weekly", kindName: "周调度",
                periodKey: "2026-W44", title: "长沙高新区周调度<第44周>", state: .issued, dueOn: nil, draftedAt: Self.at,
                issuedAt: Self.at.addingTimeInterval(3600)),
        ]
        try Golden.check(StoredReportListView(entries: entries, state: "draft").html.description, "stored-reports.html")
    }

    @Test func theKeepDraftButton() throws {
        let form = KeepDraftForm(
            fields: [("kind", "tenDay"), ("period", "2026-10-3")],
            csrf: HTML(raw: "<input type=\"hidden\" name=\"_csrf\" value=\"csrf-token\">"))
        try Golden.check(form.html.description, "keep-draft.html")
    }
}
