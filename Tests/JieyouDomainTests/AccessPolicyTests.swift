import Foundation
import JieyouDomain
import Testing

@Suite struct AccessPolicyTests {
    // 湖南省 → 岳阳市 → 临湘市 → 临湘高新区; 岳阳市 → 平江县 → 平江高新区
    let province = UUID(), city = UUID(), linxiang = UUID(), linxiangPark = UUID(), pingjiang = UUID(),
        pingjiangPark = UUID()

    var tree: OrgTree {
        OrgTree([
            .init(id: province, parentID: nil, level: .province, name: "湖南省"),
            .init(id: city, parentID: province, level: .city, name: "岳阳市"),
            .init(id: linxiang, parentID: city, level: .county, name: "临湘市"),
            .init(id: linxiangPark, parentID: linxiang, level: .park, name: "临湘高新区"),
            .init(id: pingjiang, parentID: city, level: .county, name: "平江县"),
            .init(id: pingjiangPark, parentID: pingjiang, level: .park, name: "平江高新区"),
        ])
    }

    func actor(_ roles: Set<Role>, at unit: UUID) -> Actor { Actor(userID: UUID(), roles: roles, orgUnitID: unit) }

    @Test func parkAdminManagesOnlyItsOwnPark() {
        let admin = actor([.admin], at: linxiangPark)
        #expect(AccessPolicy.may(admin, .manageOrganisation, at: linxiangPark, in: tree))
        #expect(!AccessPolicy.may(admin, .manageOrganisation, at: pingjiangPark, in: tree))
        #expect(!AccessPolicy.may(admin, .manageOrganisation, at: linxiang, in: tree))
        #expect(!AccessPolicy.mayEditOrgUnit(admin, linxiangPark, in: tree))
    }

    @Test func cityAdminReachesEveryParkBelow() {
        let admin = actor([.admin], at: city)
        for unit in [city, linxiang, linxiangPark, pingjiang, pingjiangPark] {
            #expect(AccessPolicy.may(admin, .manageOrganisation, at: unit, in: tree))
        }
        #expect(!AccessPolicy.may(admin, .manageOrganisation, at: province, in: tree))
        #expect(AccessPolicy.mayEditOrgUnit(admin, linxiangPark, in: tree))
        #expect(!AccessPolicy.mayEditOrgUnit(admin, city, in: tree))
    }

    @Test func onlyAdminsManageTheOrganisation() {
        for role in Role.allCases where role != .admin {
            #expect(
                !AccessPolicy.may(actor([role], at: city), .manageOrganisation, at: linxiangPark, in: tree), "\(role)")
        }
    }

    @Test func enterprisesAndMonitorsDoNotReadTheDirectory() {
        #expect(!AccessPolicy.has(actor([.enterprise], at: linxiangPark), .readDirectory))
        #expect(!AccessPolicy.has(actor([.monitor], at: linxiangPark), .readDirectory))
        for role in [Role.admin, .dispatcher, .handler, .cadre, .leader, .upper] {
            #expect(AccessPolicy.has(actor([role], at: linxiangPark), .readDirectory), "\(role)")
        }
        #expect(AccessPolicy.may(actor([.upper], at: city), .readDirectory, at: pingjiangPark, in: tree))
        #expect(!AccessPolicy.may(actor([.leader], at: pingjiangPark), .readDirectory, at: linxiangPark, in: tree))
    }

    @Test func parksHaveNoChildrenAndMovesCannotCreateCycles() {
        #expect(tree.placementProblem(level: .park, parentID: linxiangPark)?.field == "level")
        #expect(tree.placementProblem(level: .park, parentID: linxiang) == nil)
        #expect(
            tree.placementProblem(level: .county, parentID: linxiangPark, movingUnit: linxiang)?.field == "parentId")
        #expect(tree.placementProblem(level: .park, parentID: UUID())?.message == "上级组织不存在")
        #expect(tree.pathName(of: linxiangPark) == "湖南省 / 岳阳市 / 临湘市 / 临湘高新区")
        #expect(tree.subtree(of: linxiang) == [linxiang, linxiangPark])
    }

    @Test func accountRoleCombinations() {
        #expect(
            UserRules.problems(roles: [.handler], level: .park, hasDepartment: false, hasEnterprise: false).map(\.field)
                == ["departmentId"])
        #expect(
            UserRules.problems(roles: [.enterprise, .cadre], level: .park, hasDepartment: false, hasEnterprise: true)
                .map(\.field) == ["roles"])
        #expect(
            UserRules.problems(roles: [.upper], level: .park, hasDepartment: false, hasEnterprise: false).map(\.field)
                == ["roles"])
        #expect(UserRules.problems(roles: [.upper], level: .city, hasDepartment: false, hasEnterprise: false).isEmpty)
        #expect(
            UserRules.problems(roles: [], level: .park, hasDepartment: false, hasEnterprise: false).map(\.field) == [
                "roles"
            ])
        #expect(
            UserRules.problems(roles: [.cadre], level: .park, hasDepartment: false, hasEnterprise: true).map(\.field)
                == ["enterpriseId"])
    }
}
