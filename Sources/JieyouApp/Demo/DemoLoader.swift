import Fluent
import Foundation
import JieyouDomain
import Vapor

/// Writes the demo organisation through the same services the pages use, so every record has its
/// event and `jieyou audit verify` passes on a fresh demo.
struct DemoLoader {
    let app: Application

    static func isDatabaseEmpty(_ db: any Database) async throws -> Bool {
        try await OrgUnitModel.query(on: db).count() == 0
    }

    func load() async throws {
        let db = app.db
        let now = app.clock.now()
        let hashing = app.passwordHashing
        var unitIDs: [String: UUID] = [:]

        let root = DemoPark.units[0]
        let rootUnit = try await OrgUnitService(database: db, now: now).createRoot(
            OrgUnitInput(level: root.level.rawValue, name: root.name, code: root.code), actorID: nil)
        unitIDs[root.key] = rootUnit.id
        // The province administrator creates everything else, as a real admin would.
        let first = DemoPark.accounts[0]
        let admin = try await UserService(database: db, now: now, hashing: hashing).create(
            UserInput(
                username: first.username, password: DemoPark.password, displayName: first.name, phone: first.phone,
                roles: first.roles.map(\.rawValue), orgUnitID: rootUnit.id),
            by: nil)
        let actor = admin.actor

        for unit in DemoPark.units.dropFirst() {
            let created = try await OrgUnitService(database: db, now: now).create(
                OrgUnitInput(
                    parentID: unitIDs[unit.parent!], level: unit.level.rawValue, name: unit.name, code: unit.code),
                by: actor)
            unitIDs[unit.key] = created.id
        }

        var departmentIDs: [String: UUID] = [:]  // "unitKey/name"
        let departments = DepartmentService(database: db, now: now)
        for unit in DemoPark.units where unit.level == .park {
            for (name, kind, phone) in DemoPark.parkDepartments {
                let d = try await departments.create(
                    DepartmentInput(orgUnitID: unitIDs[unit.key], name: name, kind: kind.rawValue, phone: phone),
                    by: actor)
                departmentIDs["\(unit.key)/\(name)"] = d.id
            }
        }
        for entry in DemoPark.upperDepartments {
            let d = try await departments.create(
                DepartmentInput(orgUnitID: unitIDs[entry.unit], name: entry.name, kind: entry.kind.rawValue), by: actor)
            departmentIDs["\(entry.unit)/\(entry.name)"] = d.id
        }

        var codes = DemoCreditCodes(seed: 20_240_904)
        let enterprises = DemoPark.enterprises.map { entry in
            EnterpriseModel(orgUnitID: unitIDs[entry.unit]!, creditCode: codes.next(), name: entry.name)
        }
        try await db.writing(actorID: admin.id, now: now) { tx, log in
            for enterprise in enterprises {
                try await enterprise.create(on: tx)
                try await log.record(
                    "enterprise", id: enterprise.id!.uuidString, "create", .created(enterprise.auditValues),
                    orgUnit: enterprise.$orgUnit.id)
            }
        }
        let enterpriseIDs = Dictionary(uniqueKeysWithValues: enterprises.map { ($0.name, $0.id!) })

        let users = UserService(database: db, now: now, hashing: hashing)
        for account in DemoPark.accounts.dropFirst() {
            _ = try await users.create(
                UserInput(
                    username: account.username, password: DemoPark.password, displayName: account.name,
                    phone: account.phone,
                    roles: account.roles.map(\.rawValue), orgUnitID: unitIDs[account.unit],
                    departmentID: account.department.flatMap { departmentIDs["\(account.unit)/\($0)"] },
                    enterpriseID: account.enterprise.flatMap { enterpriseIDs[$0] }),
                by: actor)
        }
    }

    static var accountsText: String {
        let rows = DemoPark.accounts.map { account in
            let roles = account.roles.sorted().map(\.chineseName).joined(separator: "、")
            let unit = DemoPark.units.first { $0.key == account.unit }!.name
            return "  \(account.username.padding(toLength: 16, withPad: " ", startingAt: 0)) \(roles)（\(unit)）"
        }
        return (["演示账号（密码均为 \(DemoPark.password)）："] + rows).joined(separator: "\n")
    }
}

/// Valid 统一社会信用代码 for demo enterprises: registered in Changsha (430100), from a fixed seed so
/// every demo has the same codes.
struct DemoCreditCodes {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> String {
        var body = "91430100"
        for _ in 0..<9 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            body.append(CreditCode.alphabet[Int((state >> 33) % 31)])
        }
        return body + String(CreditCode.checkCharacter(for: body)!)
    }
}
