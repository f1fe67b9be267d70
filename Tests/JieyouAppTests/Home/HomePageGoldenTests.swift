import Foundation
import JieyouDomain
import Testing

@testable import JieyouApp

/// The 首页 of an admin and of a handler rendered from fixed facts, compared with the HTML kept in
/// `Golden/` (see `Golden.check`).
@Suite struct HomePageGoldenTests {
    static let park = UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!
    static let department = UUID(uuidString: "00000000-0000-0000-0000-0000000000d1")!
    static let tree = OrgTree([OrgTree.Node(id: park, parentID: nil, level: .park, name: "长沙高新区")])
    static let calendar = WorkCalendar(entries: HolidaySchedule.shipped.filter { $0.date.year == 2026 })

    static func facts(on day: String) -> HomeFacts {
        HomeFacts(today: LocalDate(iso: day)!, calendar: calendar, tree: tree)
    }

    @Test func anAdminSeesItsScope() throws {
        var facts = Self.facts(on: "2026-10-08")
        facts.scope = (units: 3, departments: 12, users: 40)
        let view = HomeView(
            facts: facts, actor: Actor(userID: UUID(), roles: [.admin], orgUnitID: Self.park), displayName: "王丽华",
            roles: [.admin])
        try Golden.check(view.html.description, "home-admin.html")
    }

    @Test func aHandlerSeesItsDepartmentOnAnAdjustedWorkingDay() throws {
        var facts = Self.facts(on: "2026-10-10")
        facts.directoryDepartments = 12
        facts.department = (Self.department, "经济发展局<经发>")
        let view = HomeView(
            facts: facts,
            actor: Actor(userID: UUID(), roles: [.handler], orgUnitID: Self.park, departmentID: Self.department),
            displayName: "赵敏", roles: [.handler])
        try Golden.check(view.html.description, "home-handler.html")
    }

    @Test func aDispatcherSeesItsQueuesFirstTheOverdueStandingOut() throws {
        var facts = Self.facts(on: "2026-10-12")
        facts.directoryDepartments = 12
        facts.work.queues = [
            LedgerQueue(view: .toAccept, count: 3), LedgerQueue(view: .toAssign, count: 0),
            LedgerQueue(view: .returned, count: 1), LedgerQueue(view: .overdue, count: 15),
            LedgerQueue(view: .toRevisit, count: 4),
        ]
        let view = HomeView(
            facts: facts, actor: Actor(userID: UUID(), roles: [.dispatcher], orgUnitID: Self.park),
            displayName: "李明", roles: [.dispatcher])
        try Golden.check(view.html.description, "home-dispatcher.html")
    }

    @Test func anEnterpriseSeesWhatWaitsForIt() throws {
        var facts = Self.facts(on: "2026-10-12")
        facts.work.enterprise = (open: 2, toRate: 1, newPolicies: 3)
        let view = HomeView(
            facts: facts, actor: Actor(userID: UUID(), roles: [.enterprise], orgUnitID: Self.park),
            displayName: "孙红梅", roles: [.enterprise])
        try Golden.check(view.html.description, "home-enterprise.html")
    }
}
