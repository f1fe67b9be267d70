import Fluent
import Foundation
import JieyouDomain

struct DepartmentInput: Sendable {
    var orgUnitID: UUID?
    var name: String?
    var kind: String?
    var phone: String?
    var active: Bool?
}

/// Creates and edits departments (部门/责任单位) inside the actor's subtree.
struct DepartmentService {
    let database: any Database
    let now: Date

    func create(_ input: DepartmentInput, by actor: Actor) async throws -> DepartmentModel {
        let tree = try await OrgDirectory.tree(on: database)
        guard let orgUnitID = input.orgUnitID else { throw AppError.invalid("orgUnitId", "请选择所属组织") }
        guard tree[orgUnitID] != nil, AccessPolicy.may(actor, .manageOrganisation, at: orgUnitID, in: tree) else {
            throw AppError.notFound("所属组织")
        }
        let values = try validate(input)
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await checkNameIsFree(values.name, in: orgUnitID, except: nil, on: tx)
            let department = DepartmentModel(
                orgUnitID: orgUnitID, name: values.name, kind: values.kind, phone: values.phone,
                active: input.active ?? true)
            try await department.create(on: tx)
            try await log.record(
                "department", id: department.id!.uuidString, "create", .created(department.auditValues),
                orgUnit: orgUnitID)
            return department
        }
    }

    func update(_ id: UUID, _ input: DepartmentInput, by actor: Actor) async throws -> DepartmentModel {
        let tree = try await OrgDirectory.tree(on: database)
        guard let department = try await DepartmentModel.find(id, on: database),
            AccessPolicy.may(actor, .manageOrganisation, at: department.$orgUnit.id, in: tree)
        else { throw AppError.notFound("部门") }
        let orgUnitID = input.orgUnitID ?? department.$orgUnit.id
        guard tree[orgUnitID] != nil, AccessPolicy.may(actor, .manageOrganisation, at: orgUnitID, in: tree) else {
            throw AppError.notFound("所属组织")
        }
        let merged = DepartmentInput(
            orgUnitID: orgUnitID, name: input.name ?? department.name, kind: input.kind ?? department.kind,
            phone: input.phone ?? department.phone, active: input.active ?? department.active)
        let values = try validate(merged)
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await checkNameIsFree(values.name, in: orgUnitID, except: id, on: tx)
            if orgUnitID != department.$orgUnit.id,
                try await UserModel.query(on: tx).filter(\.$department.$id == id).count() > 0
            {
                throw AppError.conflict("orgUnitId", "该部门下还有用户，不能调整所属组织")
            }
            let before = department.auditValues
            department.$orgUnit.id = orgUnitID
            department.name = values.name
            department.kind = values.kind.rawValue
            department.phone = values.phone
            department.active = merged.active ?? true
            let changes = ChangeSet.diff(before, department.auditValues)
            if !changes.isEmpty {
                try await department.update(on: tx)
                try await log.record(
                    "department", id: id.uuidString, "update", changes, orgUnit: department.$orgUnit.id)
            }
            return department
        }
    }

    private struct Values {
        let name: String
        let kind: DepartmentKind
        let phone: String?
    }

    private func validate(_ input: DepartmentInput) throws -> Values {
        var v = Validator()
        let name = v.requiredText(input.name, field: "name", label: "部门名称", maxLength: 60)
        let kind = input.kind.flatMap(DepartmentKind.init(rawValue:))
        if kind == nil { v.fail("kind", input.kind == nil ? "请选择部门类型" : "部门类型无效") }
        let phone = v.optionalText(input.phone, field: "phone", label: "联系电话", maxLength: 20)
        if let phone { v.check(ContactRules.isValidPhone(phone), "phone", "联系电话格式不正确，应为11位手机号或“区号-号码”") }
        try v.throwIfFailed()
        return Values(name: name!, kind: kind!, phone: phone)
    }

    private func checkNameIsFree(_ name: String, in orgUnitID: UUID, except id: UUID?, on tx: any Database) async throws
    {
        var query = DepartmentModel.query(on: tx).filter(\.$orgUnit.$id == orgUnitID).filter(\.$name == name)
        if let id { query = query.filter(\.$id != id) }
        if try await query.first() != nil {
            throw AppError.conflict("name", "本组织已有名为“\(name)”的部门")
        }
    }
}
