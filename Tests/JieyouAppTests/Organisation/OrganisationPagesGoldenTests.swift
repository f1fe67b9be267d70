import Foundation
import JieyouDomain
import Testing

@testable import JieyouApp

/// The 用户 list and the 通讯录 rendered from fixed values, compared with the HTML kept in `Golden/`
/// (see `Golden.check`).
@Suite struct OrganisationPagesGoldenTests {
    static let city = UUID(uuidString: "00000000-0000-0000-0000-00000000000c")!
    static let park = UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!
    static let tree = OrgTree([
        OrgTree.Node(id: city, parentID: nil, level: .city, name: "长沙市"),
        OrgTree.Node(id: park, parentID: city, level: .park, name: "长沙高新区"),
    ])

    static func user(_ n: Int, _ name: String, _ roles: Set<Role>, unit: UUID, active: Bool = true) -> UserModel {
        let user = UserModel(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000\(10 + n)")!, username: "user\(n)",
            passwordHash: "-", displayName: name, phone: nil, roles: roles, orgUnitID: unit, departmentID: nil,
            enterpriseID: nil)
        user.active = active
        return user
    }

    @Test func theUserListWithASearchAndTheNextPage() throws {
        let list = UserListPage(
            users: [
                Self.user(1, "王丽华", [.admin], unit: Self.city),
                Self.user(2, "周杰<驻企>", [.cadre, .leader], unit: Self.park),
                Self.user(3, "李娜", [.dispatcher], unit: Self.park, active: false),
            ],
            total: 7, page: 1, pageSize: 3, query: "高新 区", role: .cadre, tree: Self.tree)
        try Golden.check(UserListView(list: list).html.description, "user-list.html")
    }

    @Test func theDirectory() throws {
        let economy = DepartmentModel(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000d1")!, orgUnitID: Self.park, name: "经济发展局",
            kind: .bureau, phone: "0731-88990011")
        let view = DirectoryView(
            sections: [(Self.tree[Self.city]!, []), (Self.tree[Self.park]!, [economy])], tree: Self.tree)
        try Golden.check(view.html.description, "directory.html")
    }

    @Test func theDepartmentsOfTheScopeWithTheUnitFilter() throws {
        let departments = [
            DepartmentModel(
                id: UUID(uuidString: "00000000-0000-0000-0000-0000000000d1")!, orgUnitID: Self.park, name: "经济发展局",
                kind: .bureau, phone: "0731-88990011"),
            DepartmentModel(
                id: UUID(uuidString: "00000000-0000-0000-0000-0000000000d2")!, orgUnitID: Self.park, name: "服务小组",
                kind: .workingGroup, phone: nil, active: false),
        ]
        let view = DepartmentListView(
            departments: departments,
            unitOptions: [(Self.city.uuidString, "长沙市"), (Self.park.uuidString, "　长沙高新区")], filterUnit: Self.park,
            tree: Self.tree)
        try Golden.check(view.html.description, "department-list.html")
    }

    @Test func theOrgUnitsBelowTheAdminsUnit() throws {
        let admin = Actor(userID: UUID(), roles: [.admin], orgUnitID: Self.city)
        let view = OrgUnitListView(actor: admin, tree: Self.tree, codes: [Self.city: "430100", Self.park: nil])
        try Golden.check(view.html.description, "org-unit-list.html")
    }
}
