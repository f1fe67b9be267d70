import Fluent
import Foundation
import JieyouDomain

struct UserInput: Sendable {
    var username: String?
    var password: String?
    var displayName: String?
    var phone: String?
    var roles: [String]?
    var orgUnitID: UUID?
    var departmentID: UUID?
    var enterpriseID: UUID?
    var active: Bool?
    /// PATCH can clear the department or enterprise link explicitly.
    var clearDepartment = false
    var clearEnterprise = false
}

/// Creates and edits accounts inside the actor's subtree.
struct UserService {
    let database: any Database
    let now: Date
    let hashing: PasswordHashing

    func create(_ input: UserInput, by actor: Actor?) async throws -> UserModel {
        let tree = try await OrgDirectory.tree(on: database)
        var v = Validator()
        let username = v.requiredText(input.username, field: "username", label: "用户名", maxLength: 32)
        if let username {
            v.check(ContactRules.isValidUsername(username), "username", "用户名应为3到32位字母、数字、“_”“.”或“-”，以字母或数字开头")
        }
        let password = input.password ?? ""
        if let problem = ContactRules.passwordProblem(password, username: username ?? "") {
            v.fail("password", problem)
        }
        let links = try await checkLinks(input, tree: tree, actor: actor, validator: &v, existing: nil)
        let displayName = v.requiredText(input.displayName, field: "displayName", label: "姓名", maxLength: 40)
        let phone = checkPhone(input.phone, &v)
        try v.throwIfFailed()
        let digest = try await hashing.hash(password)
        return try await database.writing(actorID: actor?.userID, now: now) { tx, log in
            if try await UserModel.query(on: tx).filter(\.$username == username!).first() != nil {
                throw AppError.conflict("username", "用户名“\(username!)”已被使用")
            }
            let user = UserModel(
                username: username!, passwordHash: digest, displayName: displayName!, phone: phone, roles: links.roles,
                orgUnitID: links.orgUnitID, departmentID: links.departmentID, enterpriseID: links.enterpriseID)
            user.passwordChangedAt = now
            try await user.create(on: tx)
            try await log.record(
                "user", id: user.id!.uuidString, "create", .created(user.auditValues), orgUnit: user.$orgUnit.id)
            return user
        }
    }

    func update(_ id: UUID, _ input: UserInput, by actor: Actor) async throws -> UserModel {
        let tree = try await OrgDirectory.tree(on: database)
        guard let user = try await UserModel.find(id, on: database),
            AccessPolicy.may(actor, .manageOrganisation, at: user.$orgUnit.id, in: tree)
        else { throw AppError.notFound("用户") }
        var v = Validator()
        if input.username != nil && input.username != user.username {
            v.fail("username", "用户名创建后不能修改")
        }
        var password: String?
        if let newPassword = input.password, !newPassword.isEmpty {
            if let problem = ContactRules.passwordProblem(newPassword, username: user.username) {
                v.fail("password", problem)
            }
            password = newPassword
        }
        let links = try await checkLinks(input, tree: tree, actor: actor, validator: &v, existing: user)
        let displayName =
            input.displayName == nil
            ? user.displayName : v.requiredText(input.displayName, field: "displayName", label: "姓名", maxLength: 40)
        let phone = input.phone == nil ? user.phone : checkPhone(input.phone, &v)
        if id == actor.userID, input.active == false {
            v.fail("active", "不能停用自己的账号")
        }
        if id == actor.userID, !links.roles.contains(.admin) {
            v.fail("roles", "不能取消自己的管理员角色")
        }
        try v.throwIfFailed()
        let digest: String? = if let password { try await hashing.hash(password) } else { nil }
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let before = user.auditValues
            user.displayName = displayName ?? user.displayName
            user.phone = phone
            user.roles = links.roles
            user.$orgUnit.id = links.orgUnitID
            user.$department.id = links.departmentID
            user.$enterprise.id = links.enterpriseID
            if let active = input.active {
                user.active = active
                if active {  // re-enabling also lifts a lockout
                    user.failedLogins = 0
                    user.lockedUntil = nil
                }
            }
            var changes = ChangeSet.diff(before, user.auditValues)
            if let digest {
                user.passwordHash = digest
                user.passwordChangedAt = now
                changes.record("password", before: nil, after: "reset")
            }
            if !changes.isEmpty {
                try await user.update(on: tx)
                try await log.record("user", id: id.uuidString, "update", changes, orgUnit: user.$orgUnit.id)
            }
            if digest != nil || user.active == false {
                // A reset password or a disabled account ends every session of that user.
                try await SessionStore.revokeAll(of: id, except: nil, now: now, on: tx)
            }
            return user
        }
    }

    private struct Links {
        let roles: Set<Role>
        let orgUnitID: UUID
        let departmentID: UUID?
        let enterpriseID: UUID?
    }

    /// Checks roles, org unit, department and enterprise together: they constrain each other.
    private func checkLinks(
        _ input: UserInput, tree: OrgTree, actor: Actor?, validator v: inout Validator, existing: UserModel?
    ) async throws -> Links {
        var roles = existing?.roles ?? []
        if let names = input.roles {
            roles = []
            for name in names {
                if let role = Role(rawValue: name) { roles.insert(role) } else { v.fail("roles", "角色“\(name)”不存在") }
            }
        } else if existing == nil {
            v.fail("roles", "角色至少选择一个")
        }
        // Without an org unit nothing else can be checked: the unit decides which departments,
        // enterprises and roles are possible.
        guard let orgUnitID = input.orgUnitID ?? existing?.$orgUnit.id else {
            throw AppError.invalid("orgUnitId", "请选择所属组织")
        }
        guard let unit = tree[orgUnitID] else { throw AppError.notFound("所属组织") }
        if let actor, !AccessPolicy.may(actor, .manageOrganisation, at: orgUnitID, in: tree) {
            throw AppError.notFound("所属组织")
        }
        let departmentID = input.clearDepartment ? nil : (input.departmentID ?? existing?.$department.id)
        if let departmentID {
            let department = try await DepartmentModel.find(departmentID, on: database)
            if department == nil || department!.$orgUnit.id != orgUnitID {
                v.fail("departmentId", "所选部门不属于该用户的组织")
            }
        }
        let enterpriseID = input.clearEnterprise ? nil : (input.enterpriseID ?? existing?.$enterprise.id)
        if let enterpriseID {
            let enterprise = try await EnterpriseModel.find(enterpriseID, on: database)
            if enterprise == nil || !tree.isWithin(enterprise!.$orgUnit.id, subtreeOf: orgUnitID) {
                v.fail("enterpriseId", "所选企业不在该用户的组织范围内")
            }
        }
        if let actor, !roles.isSubset(of: AccessPolicy.grantableRoles(by: actor, at: unit.level)) {
            v.fail("roles", "无权授予所选角色")
        }
        for problem in UserRules.problems(
            roles: roles, level: unit.level, hasDepartment: departmentID != nil, hasEnterprise: enterpriseID != nil)
        where !v.errors.contains(where: { $0.field == problem.field }) {
            v.fail(problem.field, problem.message)
        }
        return Links(roles: roles, orgUnitID: orgUnitID, departmentID: departmentID, enterpriseID: enterpriseID)
    }

    private func checkPhone(_ phone: String?, _ v: inout Validator) -> String? {
        let value = v.optionalText(phone, field: "phone", label: "手机号", maxLength: 20)
        if let value, !ContactRules.isValidPhone(value) {
            v.fail("phone", "手机号格式不正确，应为11位手机号或“区号-号码”")
        }
        return value
    }
}
