import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// The fields of an org unit as a client sends them; checked by `OrgUnitService`.
struct OrgUnitInput: Sendable {
    var parentID: UUID?
    var level: String?
    var name: String?
    var code: String?
}

/// Creates and edits org units, within the actor's subtree, with an event for each change.
struct OrgUnitService {
    let database: any Database
    let now: Date

    func create(_ input: OrgUnitInput, by actor: Actor) async throws -> OrgUnitModel {
        let tree = try await OrgDirectory.tree(on: database)
        // A new unit hangs below one the admin manages; a root (province) is created only by the
        // `jieyou` command line on an empty system.
        guard let parentID = input.parentID else {
            throw AppError.invalid("parentId", "请选择上级组织")
        }
        guard AccessPolicy.may(actor, .manageOrganisation, at: parentID, in: tree) else {
            throw AppError.notFound("上级组织")
        }
        let values = try validate(input, tree: tree, existingID: nil)
        return try await insert(values, parentID: parentID, actorID: actor.userID)
    }

    /// Creates a root unit (a province, or whatever the deployment's top is). Command line only.
    func createRoot(_ input: OrgUnitInput, actorID: UUID?) async throws -> OrgUnitModel {
        let tree = try await OrgDirectory.tree(on: database)
        let values = try validate(input, tree: tree, existingID: nil)
        return try await insert(values, parentID: input.parentID, actorID: actorID)
    }

    private func insert(_ values: Values, parentID: UUID?, actorID: UUID?) async throws -> OrgUnitModel {
        try await database.writing(actorID: actorID, now: now) { tx, log in
            try await checkCodeIsFree(values.code, except: nil, on: tx)
            let unit = OrgUnitModel(parentID: parentID, level: values.level, name: values.name, code: values.code)
            try await unit.create(on: tx)
            try await OrgDirectory.bumpVersion(on: tx)
            try await log.record(
                "orgUnit", id: unit.id!.uuidString, "create", .created(unit.auditValues), orgUnit: unit.id)
            return unit
        }
    }

    func update(_ id: UUID, _ input: OrgUnitInput, by actor: Actor) async throws -> OrgUnitModel {
        let tree = try await OrgDirectory.tree(on: database)
        guard let unit = try await OrgUnitModel.find(id, on: database),
            AccessPolicy.may(actor, .manageOrganisation, at: id, in: tree)
        else { throw AppError.notFound("组织") }
        guard AccessPolicy.mayEditOrgUnit(actor, id, in: tree) else {
            throw AppError.forbidden("不能修改本人所在的组织，请联系上级管理员")
        }
        // Fields left out keep their values (PATCH semantics); a move must stay inside the scope.
        var merged = input
        merged.level = input.level ?? unit.level
        merged.name = input.name ?? unit.name
        if input.code == nil { merged.code = unit.code }
        let parentID = input.parentID ?? unit.$parent.id
        merged.parentID = parentID
        if let parentID, !AccessPolicy.may(actor, .manageOrganisation, at: parentID, in: tree) {
            throw AppError.notFound("上级组织")
        }
        let values = try validate(merged, tree: tree, existingID: id)
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await checkCodeIsFree(values.code, except: id, on: tx)
            let before = unit.auditValues
            let moved = unit.$parent.id != parentID
            unit.$parent.id = parentID
            unit.level = values.level.rawValue
            unit.name = values.name
            unit.code = values.code
            let changes = ChangeSet.diff(before, unit.auditValues)
            if !changes.isEmpty {
                try await unit.update(on: tx)
                try await OrgDirectory.bumpVersion(on: tx)
                try await log.record("orgUnit", id: id.uuidString, "update", changes, orgUnit: id)
            }
            // A move changes which enterprises lie in the subtrees of the campaigns above.
            if moved {
                try await CoverageTallies.rebuildAll(
                    tree: try await OrgDirectory.uncachedTree(on: tx), on: tx.sql)
            }
            return unit
        }
    }

    private struct Values {
        let level: OrgLevel
        let name: String
        let code: String?
    }

    private func validate(_ input: OrgUnitInput, tree: OrgTree, existingID: UUID?) throws -> Values {
        var v = Validator()
        let level = input.level.flatMap(OrgLevel.init(rawValue:))
        if level == nil {
            v.fail("level", input.level == nil ? "请选择组织级别" : "组织级别无效，应为省、市、县或园区")
        }
        let name = v.requiredText(input.name, field: "name", label: "组织名称", maxLength: 60)
        let code = v.optionalText(input.code, field: "code", label: "区划代码", maxLength: 20)
        if let code, let level {
            if level == .park {
                v.check(DivisionCode.isValidLocalCode(code), "code", "园区代码应为2到20位字母、数字或“-”")
            } else {
                v.check(DivisionCode.isValid(code), "code", "区划代码应为6位数字（GB/T 2260）")
            }
        }
        if let level,
            let problem = tree.placementProblem(level: level, parentID: input.parentID, movingUnit: existingID)
        {
            v.fail(problem.field, problem.message)
        }
        if let existingID, let level {
            // A unit cannot drop below one of its own children.
            let children = tree.nodes.values.filter { $0.parentID == existingID }
            if let child = children.first(where: { !level.mayContain($0.level) }) {
                v.fail("level", "下级组织“\(child.name)”是\(child.level.chineseName)级，本组织级别不能改为\(level.chineseName)")
            }
        }
        try v.throwIfFailed()
        return Values(level: level!, name: name!, code: code)
    }

    private func checkCodeIsFree(_ code: String?, except id: UUID?, on tx: any Database) async throws {
        guard let code else { return }
        var query = OrgUnitModel.query(on: tx).filter(\.$code == code)
        if let id { query = query.filter(\.$id != id) }
        if try await query.first() != nil {
            throw AppError.conflict("code", "区划代码“\(code)”已被其他组织使用")
        }
    }
}

extension ChangeSet {
    /// The fields whose values differ between two audit snapshots.
    static func diff(_ before: [String: String?], _ after: [String: String?]) -> ChangeSet {
        var set = ChangeSet()
        for key in Set(before.keys).union(after.keys) {
            set.record(key, before: before[key] ?? nil, after: after[key] ?? nil)
        }
        return set
    }
}
