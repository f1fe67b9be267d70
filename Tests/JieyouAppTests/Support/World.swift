import Foundation
import JieyouDomain
import Vapor

@testable import JieyouApp

/// A small org built through the real services: 湖南省 → 岳阳市 → 临湘市 → 临湘高新区, and 岳阳市 →
/// 平江县 → 平江高新区, with admins and staff in both parks.
struct World {
    static let password = "Test2024pw"

    var province: UUID!
    var city: UUID!
    var linxiang: UUID!
    var linxiangPark: UUID!
    var pingjiang: UUID!
    var pingjiangPark: UUID!
    var linxiangEconomy: UUID!
    var linxiangService: UUID!
    var pingjiangEconomy: UUID!
    var enterprise: UUID!
    /// An enterprise of 平江高新区, which 临湘 users must never reach.
    var pingjiangEnterprise: UUID!
    var users: [String: UUID] = [:]

    static func build(on app: Application) async throws -> World {
        var w = World()
        let db = app.db
        let now = app.clock.now()
        let hashing = app.passwordHashing
        let units = OrgUnitService(database: db, now: now)
        w.province = try await units.createRoot(
            OrgUnitInput(level: "province", name: "湖南省", code: "430000"), actorID: nil
        ).id
        let root = try await UserService(database: db, now: now, hashing: hashing).create(
            UserInput(
                username: "root", password: password, displayName: "省管理员", roles: ["admin"], orgUnitID: w.province),
            by: nil)
        let actor = root.actor
        w.users["root"] = root.id
        func unit(_ parent: UUID, _ level: String, _ name: String, _ code: String) async throws -> UUID {
            try await units.create(OrgUnitInput(parentID: parent, level: level, name: name, code: code), by: actor).id!
        }
        w.city = try await unit(w.province, "city", "岳阳市", "430600")
        w.linxiang = try await unit(w.city, "county", "临湘市", "430682")
        w.linxiangPark = try await unit(w.linxiang, "park", "临湘高新区", "LXGXQ")
        w.pingjiang = try await unit(w.city, "county", "平江县", "430626")
        w.pingjiangPark = try await unit(w.pingjiang, "park", "平江高新区", "PJGXQ")
        let departments = DepartmentService(database: db, now: now)
        func department(_ unit: UUID, _ name: String, _ kind: DepartmentKind) async throws -> UUID {
            try await departments.create(DepartmentInput(orgUnitID: unit, name: name, kind: kind.rawValue), by: actor)
                .id!
        }
        w.linxiangEconomy = try await department(w.linxiangPark, "经济发展局", .bureau)
        w.linxiangService = try await department(w.linxiangPark, "服务小组", .workingGroup)
        w.pingjiangEconomy = try await department(w.pingjiangPark, "经济发展局", .bureau)
        let enterprise = EnterpriseModel(
            orgUnitID: w.linxiangPark, creditCode: "91440300708461136T", name: "临湘浮标科技有限公司")
        try await enterprise.create(on: db)
        w.enterprise = enterprise.id
        let other = EnterpriseModel(
            orgUnitID: w.pingjiangPark, creditCode: "91350100M000100Y43", name: "平江食品加工有限公司")
        try await other.create(on: db)
        w.pingjiangEnterprise = other.id
        let users = UserService(database: db, now: now, hashing: hashing)
        let accounts: [(String, [String], UUID, UUID?, UUID?)] = [
            ("lx_admin", ["admin"], w.linxiangPark, nil, nil),
            ("lx_dispatcher", ["dispatcher"], w.linxiangPark, w.linxiangService, nil),
            ("lx_handler", ["handler"], w.linxiangPark, w.linxiangEconomy, nil),
            ("lx_cadre", ["cadre"], w.linxiangPark, nil, nil),
            ("lx_leader", ["leader"], w.linxiangPark, nil, nil),
            ("lx_monitor", ["monitor"], w.linxiangPark, nil, nil),
            ("lx_enterprise", ["enterprise"], w.linxiangPark, nil, w.enterprise),
            ("pj_admin", ["admin"], w.pingjiangPark, nil, nil),
            ("pj_cadre", ["cadre"], w.pingjiangPark, nil, nil),
            ("yy_upper", ["upper"], w.city, nil, nil),
            ("yy_admin", ["admin"], w.city, nil, nil),
        ]
        for (name, roles, unit, department, enterprise) in accounts {
            w.users[name] = try await users.create(
                UserInput(
                    username: name, password: password, displayName: name, phone: "13800000000", roles: roles,
                    orgUnitID: unit, departmentID: department, enterpriseID: enterprise),
                by: actor
            ).id
        }
        return w
    }
}
