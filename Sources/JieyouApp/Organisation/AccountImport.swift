import Fluent
import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
import Vapor

/// What an account import did: each new account with its one-time password, shown once (it is stored
/// only as a digest) so the admin can hand it over.
struct AccountImportReport: Content {
    struct Account: Content {
        let row: Int
        let username: String
        let displayName: String
        let unit: String
        let roles: [String]
        let password: String
    }

    let created: Int
    let accounts: [Account]
}

/// Opens accounts from a sheet (`AccountSheet`): all or nothing. Units, departments and enterprises are
/// matched by name (or code, or 统一社会信用代码) inside the import's unit; a row naming something it
/// cannot find, a role the admin may not grant, or a username already taken refuses the whole sheet
/// with every bad cell named. Each account gets a random one-time password and must change it at its
/// first sign-in; a cadre's 联系企业 become its 驻企 liaisons, an enterprise contact's its enterprise.
struct AccountImport {
    let database: any Database
    let now: Date
    /// Who imports; nil for the command line.
    let actor: Actor?
    let threadPool: NIOThreadPool

    /// bcrypt cost of the one-time passwords. They are random (about 57 bits) and live until the first
    /// sign-in, so a lower cost than a chosen password's keeps 384 accounts to seconds, not minutes.
    static let oneTimeCost = 8

    /// A checked row and what its names resolved to.
    private struct Planned {
        let entry: AccountSheet.Entry
        let unit: OrgTree.Node
        let departmentID: UUID?
        let enterpriseID: UUID?
        let liaisons: [UUID]
    }

    func run(file url: URL, into target: UUID) async throws -> AccountImportReport {
        let tree = try await OrgDirectory.tree(on: database)
        guard tree[target] != nil,
            actor.map({ AccessPolicy.may($0, .manageOrganisation, at: target, in: tree) }) ?? true
        else { throw AppError.notFound("导入目标单位") }
        let table = try TableFile.uploaded(url)
        var sheet = AccountSheet()
        var entries: [AccountSheet.Entry] = []
        try table.forEachUploadedRow { number, cells in
            if let entry = sheet.read(row: number, cells: cells) { entries.append(entry) }
        }
        sheet.finish(entriesRead: entries.count)
        let planned = try await resolve(entries, sheet: &sheet, tree: tree, target: target)
        if sheet.errorCount > 0 { throw AppError.sheet(sheet.errors, count: sheet.errorCount) }
        return try await write(planned)
    }

    // MARK: Matching names

    private func resolve(
        _ entries: [AccountSheet.Entry], sheet: inout AccountSheet, tree: OrgTree, target: UUID
    ) async throws -> [Planned] {
        let sql = database.sql
        let units = tree.subtree(of: target)
        // A unit by its name or its code (行政区划代码, or a park's own).
        var unitsByName: [String: UUID] = [:]
        for unit in try await OrgUnitModel.query(on: database).filter(\.$id ~~ Array(units)).all() {
            guard let id = unit.id else { continue }
            unitsByName[unit.name] = id
            if let code = unit.code { unitsByName[code] = id }
        }
        struct Department: Decodable {
            let id: UUID
            let orgUnitId: UUID
            let name: String
        }
        let departments = try await sql.raw(
            "SELECT id, org_unit_id, name FROM departments WHERE active = \(bind: true)"
        )
        .all(decoding: Department.self, keyDecodingStrategy: ColumnNames.snakeCase)
        var departmentIDs: [String: UUID] = [:]
        for department in departments { departmentIDs["\(department.orgUnitId)|\(department.name)"] = department.id }
        let named = Array(Set(entries.flatMap(\.enterprises)))
        struct Enterprise: Decodable {
            let id: UUID
            let orgUnitId: UUID
            let name: String
            let creditCode: String
        }
        var enterprises: [String: [Enterprise]] = [:]
        for chunk in named.chunked(into: 500) where !chunk.isEmpty {
            let found = try await sql.select().columns("id", "org_unit_id", "name", "credit_code").from("enterprises")
                .where("name", .in, Array(chunk)).orWhere("credit_code", .in, Array(chunk))
                .all(decoding: Enterprise.self, keyDecodingStrategy: ColumnNames.snakeCase)
            for enterprise in found {
                enterprises[enterprise.name, default: []].append(enterprise)
                enterprises[enterprise.creditCode, default: []].append(enterprise)
            }
        }
        let taken = try await takenUsernames(entries.map(\.username))

        var planned: [Planned] = []
        for entry in entries {
            let before = sheet.errorCount
            let unitID = entry.unit.map { unitsByName[$0] } ?? target
            guard let unitID, let unit = tree[unitID] else {
                sheet.report(row: entry.row, .unit, "单位“\(entry.unit ?? "")”不存在或不在\(tree[target]?.name ?? "本单位")管辖范围内")
                continue
            }
            if taken.contains(entry.username.lowercased()) {
                sheet.report(row: entry.row, .username, "用户名“\(entry.username)”已被使用")
            }
            var rolesRefused = false
            if let actor {
                let refused = entry.roles.subtracting(AccessPolicy.grantableRoles(by: actor, at: unit.level))
                if !refused.isEmpty {
                    rolesRefused = true
                    sheet.report(
                        row: entry.row, .roles, "无权授予角色：\(refused.sorted().map(\.chineseName).joined(separator: "、"))")
                }
            }
            var departmentID: UUID?
            if let name = entry.department {
                departmentID = departmentIDs["\(unitID)|\(name)"]
                if departmentID == nil { sheet.report(row: entry.row, .department, "\(unit.name)没有名为“\(name)”的部门") }
            }
            // A cadre's enterprises hang below its unit (its park, or a unit above the park); an
            // enterprise contact's one enterprise too.
            var matched: [UUID] = []
            for name in entry.enterprises {
                let candidates = (enterprises[name] ?? []).filter { tree.isWithin($0.orgUnitId, subtreeOf: unitID) }
                if candidates.count == 1 {
                    matched.append(candidates[0].id)
                } else if candidates.isEmpty {
                    sheet.report(row: entry.row, .enterprises, "\(unit.name)及下级没有登记企业“\(name)”")
                } else {
                    sheet.report(row: entry.row, .enterprises, "有多家企业名为“\(name)”，请改填统一社会信用代码")
                }
            }
            let isContact = entry.roles.contains(.enterprise)
            for problem in UserRules.problems(
                roles: entry.roles, level: unit.level, hasDepartment: departmentID != nil || entry.department != nil,
                hasEnterprise: isContact && !entry.enterprises.isEmpty)
            where !(rolesRefused && problem.field == "roles") {
                let column: AccountSheet.Column =
                    switch problem.field {
                    case "departmentId": .department
                    case "enterpriseId": .enterprises
                    default: .roles
                    }
                sheet.report(row: entry.row, column, problem.message)
            }
            guard sheet.errorCount == before else { continue }
            planned.append(
                Planned(
                    entry: entry, unit: unit, departmentID: departmentID, enterpriseID: isContact ? matched.first : nil,
                    liaisons: isContact ? [] : matched))
        }
        return planned
    }

    private func takenUsernames(_ names: [String]) async throws -> Set<String> {
        var taken: Set<String> = []
        for chunk in names.chunked(into: 500) where !chunk.isEmpty {
            let rows = try await database.sql.raw(
                "SELECT LOWER(username) AS name FROM users WHERE LOWER(username) IN (\(binds: chunk.map { $0.lowercased() }))"
            ).all()
            for row in rows { taken.insert(try row.decode(column: "name", as: String.self)) }
        }
        return taken
    }

    // MARK: Writing

    private func write(_ planned: [Planned]) async throws -> AccountImportReport {
        let passwords = planned.map { _ in OneTimePassword.make() }
        let digests = try await hash(passwords)
        let sql = database.sql
        let liaisonTargets = Array(Set(planned.flatMap(\.liaisons)))
        let before = try await LiaisonService.load(liaisonTargets, on: sql)
        // Each enterprise's unit, for its liaison event: one statement for all of them.
        var enterpriseUnits: [UUID: UUID] = [:]
        for chunk in liaisonTargets.chunked(into: 500) {
            for row in try await sql.raw("SELECT id, org_unit_id FROM enterprises WHERE id IN (\(binds: Array(chunk)))")
                .all()
            {
                enterpriseUnits[try row.decode(column: "id", as: UUID.self)] = try row.decode(
                    column: "org_unit_id", as: UUID.self)
            }
        }
        let units = enterpriseUnits
        let accounts = try await database.writing(actorID: actor?.userID, now: now) { tx, log in
            var accounts: [AccountImportReport.Account] = []
            var cadresAdded: [UUID: [UUID]] = [:]
            for (index, plan) in planned.enumerated() {
                let entry = plan.entry
                let user = UserModel(
                    username: entry.username, passwordHash: digests[index], displayName: entry.name, phone: entry.phone,
                    roles: entry.roles, orgUnitID: plan.unit.id, departmentID: plan.departmentID,
                    enterpriseID: plan.enterpriseID)
                user.passwordChangedAt = now
                user.mustChangePassword = true
                try await user.create(on: tx)
                let id = try user.requireID()
                if let email = entry.email {
                    try await tx.sql.update("users").set("email", to: SQLBind(email)).where("id", .equal, SQLBind(id))
                        .run()
                }
                var changes = ChangeSet.created(user.auditValues)
                changes.record("source", before: nil, after: "账号导入")
                try await log.record("user", id: id.uuidString, "create", changes, orgUnit: plan.unit.id)
                for enterprise in plan.liaisons { cadresAdded[enterprise, default: []].append(id) }
                accounts.append(
                    .init(
                        row: entry.row, username: entry.username, displayName: entry.name, unit: plan.unit.name,
                        roles: entry.roles.sorted().map(\.chineseName), password: passwords[index]))
            }
            for (enterprise, added) in cadresAdded.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                var insert = tx.sql.insert(into: "enterprise_liaisons").columns(
                    "id", "enterprise_id", "kind", "user_id", "department_id")
                for user in added {
                    insert = insert.values(
                        SQLBind(UUID()), SQLBind(enterprise), SQLBind("cadre"), SQLBind(user), SQLBind(UUID?.none))
                }
                try await insert.run()
                let existing = before[enterprise]?.cadres.map(\.id) ?? []
                var changes = ChangeSet()
                changes.record(
                    "cadreIds", before: LiaisonService.joined(existing), after: LiaisonService.joined(existing + added))
                try await log.record(
                    "enterprise", id: enterprise.uuidString, "liaison.set", changes,
                    orgUnit: units[enterprise])
            }
            return accounts
        }
        return AccountImportReport(created: accounts.count, accounts: accounts)
    }

    /// bcrypt of every one-time password, two at a time (the machine's cores) on the thread pool.
    private func hash(_ passwords: [String]) async throws -> [String] {
        let hashing = PasswordHashing(threadPool: threadPool, cost: Self.oneTimeCost)
        return try await withThrowingTaskGroup(of: (Int, String).self) { group in
            var digests = [String](repeating: "", count: passwords.count)
            var next = 0
            for _ in 0..<min(4, passwords.count) {
                let index = next
                group.addTask { (index, try await hashing.hash(passwords[index])) }
                next += 1
            }
            while let (index, digest) = try await group.next() {
                digests[index] = digest
                if next < passwords.count {
                    let index = next
                    group.addTask { (index, try await hashing.hash(passwords[index])) }
                    next += 1
                }
            }
            return digests
        }
    }
}

/// A password for a new account to use once: ten characters from letters and digits that cannot be
/// misread on paper (no 0/O, 1/l/I), with both letters and digits, so `ContactRules` accepts it.
enum OneTimePassword {
    static let letters = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ")
    static let digits = Array("23456789")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = letters + digits
        while true {
            let text = String((0..<10).map { _ in alphabet.randomElement(using: &generator)! })
            if text.contains(where: \.isLetter) && text.contains(where: \.isNumber) { return text }
        }
    }
}
