import Foundation
import JieyouDomain
import Testing

@testable import JieyouApp

/// The 通知 page rendered from fixed values, compared with the HTML kept in `Golden/` (see `Golden.check`).
@Suite struct NotificationsPageGoldenTests {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    /// 2026-11-02 10:00 in China.
    static let at = Date(timeIntervalSince1970: 1_793_584_800)

    @Test func anUnreadNoticeOfAProblemAndAReadOneOfAReport() throws {
        let items = [
            NotificationItem(
                id: Self.id(1), problemId: Self.id(2), link: nil, kind: "overdue", message: "问题 CSGX-2026-0042 已超期<1天>",
                createdAt: Self.at, readAt: nil),
            NotificationItem(
                id: Self.id(3), problemId: nil, link: "/reports/records/00000000-0000-0000-0000-000000000004",
                kind: "draftReport", message: "旬通报草稿已生成", createdAt: Self.at.addingTimeInterval(-86_400),
                readAt: Self.at),
            NotificationItem(
                id: Self.id(5), problemId: nil, link: "//evil.example/x", kind: "draftReport", message: "不安全的链接不显示",
                createdAt: Self.at.addingTimeInterval(-172_800), readAt: Self.at),
        ]
        let view = NotificationListView(
            items: items, csrf: HTML(raw: "<input type=\"hidden\" name=\"_csrf\" value=\"csrf-token\">"))
        try Golden.check(view.html.description, "notifications.html")
    }
}
