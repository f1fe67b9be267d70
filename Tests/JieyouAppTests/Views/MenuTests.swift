import Foundation
import JieyouDomain
import Testing

@testable import JieyouApp

/// The menu's groups per role and which group a page belongs to, below HTTP.
@Suite struct MenuTests {
    static let park = UUID()
    static let department = UUID()

    static func actor(_ roles: Set<Role>, department: UUID? = nil) -> Actor {
        Actor(userID: UUID(), roles: roles, orgUnitID: park, departmentID: department)
    }

    @Test func eachRoleGetsOnlyTheGroupsItCanUse() {
        let titles = { (actor: Actor) in Menu.groups(for: actor).map(\.title) }
        #expect(titles(Self.actor([.admin])) == ["问题", "企业与走访", "政策", "攻坚", "信用", "统计与通报", "设置"])
        #expect(
            titles(Self.actor([.handler], department: Self.department)) == ["问题", "政策", "攻坚", "信用", "统计与通报", "设置"])
        // A department reviews the 信用修复 of its penalties; everyone with the group reads the public page.
        #expect(
            Menu.groups(for: Self.actor([.handler], department: Self.department)).first { $0.title == "信用" }?.items
                .map(\.title) == ["双公示", "修复审核", "信用公示"])
        #expect(titles(Self.actor([.enterprise])) == ["问题", "政策", "设置"])
        #expect(titles(Self.actor([.monitor])) == ["问题", "设置"])
        #expect(Menu.groups(for: Self.actor([.enterprise])).first { $0.title == "政策" }?.items.map(\.title) == ["我的政策"])
    }

    @Test func aUnitsTaskForceReadsTheReportsSubmittedToIt() {
        let statistics = { (actor: Actor) in
            Menu.groups(for: actor).first { $0.title == "统计与通报" }?.items.map(\.title) ?? []
        }
        for roles: Set<Role> in [[.upper], [.leader], [.dispatcher], [.admin]] {
            #expect(statistics(Self.actor(roles)).last == "报送收件箱", "\(roles)")
        }
        #expect(!statistics(Self.actor([.cadre])).contains("报送收件箱"))
        #expect(!statistics(Self.actor([.handler], department: Self.department)).contains("报送收件箱"))
    }

    @Test func onlyTheLongestMatchingEntryIsCurrent() {
        let html = MenuView(actor: Self.actor([.upper]), currentPath: SiteURL.reportInbox.path).html.description
        #expect(html.components(separatedBy: "aria-current=\"page\"").count == 3)
        #expect(html.contains("<a href=\"\(SiteURL.reportInbox.path)\" aria-current=\"page\">报送收件箱</a>"))
        #expect(html.contains("<a href=\"\(WebPath.reports)\">通报</a>"))
    }

    @Test func onlyACadreHasTheOneTapVisit() {
        #expect(Menu.quickAction(for: Self.actor([.cadre]))?.path == WebPath.newVisit)
        #expect(Menu.quickAction(for: Self.actor([.dispatcher])) == nil)
        #expect(Menu.quickAction(for: Self.actor([.leader])) == nil)
    }

    @Test func aPageBelongsToTheGroupOfItsLongestEntry() {
        let groups = Menu.groups(for: Self.actor([.admin, .handler], department: Self.department))
        let group = { (path: String) in Menu.group(of: path, in: groups)?.title }
        #expect(group("/") == nil)
        #expect(group(WebPath.problems) == "问题")
        #expect(group(WebPath.problems + "/" + UUID().uuidString) == "问题")
        #expect(group(WebPath.departmentWork(Self.department)) == "问题")
        #expect(group(WebPath.planUnit(Self.department)) == "攻坚")
        #expect(group(WebPath.plans + "/" + UUID().uuidString) == "攻坚")
        #expect(group(WebPath.financing) == "企业与走访", "融资诉求 is reached from 活动")
        #expect(group(WebPath.storedReports) == "统计与通报")
        #expect(group(WebPath.users + "/new") == "设置")
        #expect(group("/problemsx") == nil, "a prefix counts only up to a slash")
    }
}
