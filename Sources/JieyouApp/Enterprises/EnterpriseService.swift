import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// Creates and edits enterprises of the registry inside the actor's subtree, each change with its
/// event.
struct EnterpriseService {
    let database: any Database
    let now: Date

    private var sql: any SQLDatabase { database.sql }

    func create(orgUnitID: UUID?, _ draft: EnterpriseDraft, by actor: Actor) async throws -> UUID {
        let tree = try await OrgDirectory.tree(on: database)
        let unit = try writableUnit(orgUnitID, actor: actor, tree: tree)
        let values = try await validate(draft)
        let id = UUID()
        let now = now
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            try await Self.checkCodeIsFree(values.creditCode, except: nil, on: sql)
            try await EnterpriseWriter.insert(
                [(EnterpriseRow(id: id, orgUnitID: unit, values: values, now: now), values)], on: sql)
            var audit = values.auditValues
            audit["orgUnitId"] = unit.uuidString
            try await log.record("enterprise", id: id.uuidString, "create", .created(audit), orgUnit: unit)
            return id
        }
    }

    /// Applies `draft` over the stored enterprise: a field left nil keeps its value.
    func update(_ id: UUID, orgUnitID: UUID?, _ draft: EnterpriseDraft, by actor: Actor) async throws {
        let tree = try await OrgDirectory.tree(on: database)
        guard let stored = try await StoredEnterprise.load(id, on: sql),
            AccessPolicy.may(actor, .manageEnterprises, at: stored.row.orgUnitId, in: tree)
        else { throw AppError.notFound("企业") }
        let unit = try writableUnit(orgUnitID ?? stored.row.orgUnitId, actor: actor, tree: tree)
        let values = try await validate(draft)
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            try await Self.checkCodeIsFree(values.creditCode, except: id, on: sql)
            var before = stored.values.auditValues
            before["orgUnitId"] = stored.row.orgUnitId.uuidString
            var after = values.auditValues
            after["orgUnitId"] = unit.uuidString
            let changes = ChangeSet.diff(before, after)
            guard !changes.isEmpty else { return }
            let campaigns =
                CoverageTallies.scopeMayChange(from: stored.values, at: stored.row.orgUnitId, to: values, at: unit)
                ? try await CoverageTallies.campaigns(over: [stored.row.orgUnitId, unit], tree: tree, on: sql) : []
            try await CoverageTallies.around([id], campaigns: campaigns, tree: tree, on: sql) {
                try await EnterpriseWriter.update(id, orgUnitID: unit, values: values, now: now, on: sql)
                if values.tags != stored.tags || values.contacts != stored.contacts {
                    try await EnterpriseWriter.replaceChildren([(id, values)], on: sql)
                }
            }
            try await log.record("enterprise", id: id.uuidString, "update", changes, orgUnit: unit)
        }
    }

    /// Fills the nil fields of a partial draft (an API PATCH) from the stored enterprise.
    /// `whitelisted` is nil when the patch leaves the flag alone.
    static func merged(
        _ patch: EnterpriseDraft, over stored: StoredEnterprise, whitelisted: Bool?, tagsGiven: Bool,
        contactsGiven: Bool
    ) -> EnterpriseDraft {
        let v = stored.values
        return EnterpriseDraft(
            creditCode: patch.creditCode ?? v.creditCode, name: patch.name ?? v.name,
            industry: patch.industry ?? v.industryCode, region: patch.region ?? v.regionCode,
            scale: patch.scale ?? v.scale?.rawValue, tags: tagsGiven ? patch.tags : v.tags,
            relatedInfo: patch.relatedInfo ?? v.relatedInfo, whitelisted: whitelisted ?? v.whitelisted,
            contacts: contactsGiven ? patch.contacts : v.contacts.map { ($0.name, $0.post, $0.phone) },
            registeredOn: patch.registeredOn ?? v.registeredOn?.iso, revenue: patch.revenue ?? v.revenue?.wan,
            employees: patch.employees ?? v.employees.map(String.init))
    }

    /// Tags are shared by every org unit, so only admins add them; a tag is never deleted because
    /// enterprises and campaigns refer to it by name.
    func addTag(_ name: String?, by actor: Actor) async throws {
        guard actor.has(.admin) else { throw AppError.forbidden() }
        var v = Validator()
        let name = v.requiredText(name, field: "name", label: "标签名称", maxLength: 20)
        if let name, EnterpriseTags.split(name) != [name] {
            v.fail("name", "标签名称不能包含空格、逗号、顿号、分号或斜杠（导入时用它们分隔多个标签）")
        }
        try v.throwIfFailed()
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            if try await sql.raw("SELECT 1 AS x FROM tags WHERE name = \(bind: name!)").first() != nil {
                throw AppError.conflict("name", "已有标签“\(name!)”")
            }
            let id = UUID()
            try await sql.insert(into: "tags").columns("id", "name", "built_in", "created_at")
                .values(SQLBind(id), SQLBind(name!), SQLBind(false), SQLBind(now)).run()
            try await log.record("tag", id: id.uuidString, "create", .created(["name": name]), orgUnit: actor.orgUnitID)
        }
    }

    private func validate(_ draft: EnterpriseDraft) async throws -> EnterpriseValues {
        let known = Set(try await TagStore.names(on: sql))
        switch EnterpriseRules.validate(draft, knownTags: known) {
        case .success(let values): return values
        case .failure(let failure): throw AppError.validation(failure)
        }
    }

    private func writableUnit(_ id: UUID?, actor: Actor, tree: OrgTree) throws -> UUID {
        guard let id else { throw AppError.invalid("orgUnitId", "请选择所属园区") }
        guard tree[id] != nil, AccessPolicy.may(actor, .manageEnterprises, at: id, in: tree) else {
            throw AppError.notFound("所属组织")
        }
        return id
    }

    static func checkCodeIsFree(_ code: String, except id: UUID?, on sql: any SQLDatabase) async throws {
        guard let row = try await sql.raw("SELECT id, name FROM enterprises WHERE credit_code = \(bind: code)").first()
        else { return }
        if try row.decode(column: "id", as: UUID.self) != id {
            throw AppError.conflict(
                "creditCode", "统一社会信用代码\(code)已登记（\(try row.decode(column: "name", as: String.self))）")
        }
    }
}
