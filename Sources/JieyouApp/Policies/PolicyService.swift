import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// The 政策清单: writing policies and deciding who reads them. A policy belongs to the unit that
/// entered it; the staff of that unit's subtree read it, and so do the units below a higher unit's
/// policy (a park's cadres bring the province's policies). Only the unit's own 政策小组 (its
/// dispatchers and admins, and those of the units above) changes it.
struct PolicyService {
    let database: any Database
    let now: Date

    /// The units whose policies `actor` reads: its own subtree and the units above it.
    static func visibleUnits(of actor: Actor, in tree: OrgTree) -> [UUID] {
        CampaignService.visibleUnits(of: actor, in: tree)
    }

    /// The policy, or 404 when it does not exist or the actor cannot see it; 403 for roles that never
    /// read the 政策清单 (an enterprise reads its own matches through `PolicyMatching`).
    static func readable(_ id: UUID, by actor: Actor, in tree: OrgTree, on sql: any SQLDatabase) async throws
        -> PolicyRecord
    {
        guard AccessPolicy.has(actor, .readPolicies) else { throw AppError.forbidden() }
        guard let policy = try await PolicyQueries.load(id, on: sql),
            visibleUnits(of: actor, in: tree).contains(policy.orgUnitId)
        else { throw AppError.notFound("政策") }
        return policy
    }

    static func mayManage(_ actor: Actor, _ policy: PolicyRecord, in tree: OrgTree) -> Bool {
        AccessPolicy.may(actor, .managePolicies, at: policy.orgUnitId, in: tree)
    }

    /// Where a reader's view of a policy's enterprises is rooted: the deeper of the reader's unit and
    /// the policy's (they lie on one line of the tree, or the policy would not be visible).
    static func scopeRoot(of actor: Actor, for policy: PolicyRecord, in tree: OrgTree) -> UUID {
        tree.isWithin(policy.orgUnitId, subtreeOf: actor.orgUnitID) ? policy.orgUnitId : actor.orgUnitID
    }

    func create(
        _ draft: PolicyDraft, rule: EligibilityRuleDraft?, department: UUID?, orgUnit: UUID?, by actor: Actor
    ) async throws -> UUID {
        let tree = try await OrgDirectory.tree(on: database)
        let unit = orgUnit ?? actor.orgUnitID
        guard AccessPolicy.has(actor, .managePolicies) else { throw AppError.forbidden() }
        guard AccessPolicy.may(actor, .managePolicies, at: unit, in: tree) else { throw AppError.notFound("组织") }
        let record = try await checked(draft, rule: rule, department: department, id: UUID(), unit: unit, tree: tree)
        let now = now
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await tx.sql.insert(into: "policies")
                .columns(
                    "id", "org_unit_id", "title", "document_number", "issuer", "level", "themes", "summary",
                    "valid_from", "valid_until", "department_id", "benefit_kind", "source_text", "source_url",
                    "automatic", "columns", "rule", "created_at", "updated_at"
                )
                .values(
                    SQLBind(record.id), SQLBind(unit), SQLBind(record.title), SQLBind(record.documentNumber),
                    SQLBind(record.issuer), SQLBind(record.level), SQLBind(record.themes), SQLBind(record.summary),
                    SQLBind(record.validFrom), SQLBind(record.validUntil), SQLBind(record.departmentId),
                    SQLBind(record.benefitKind), SQLBind(record.sourceText), SQLBind(record.sourceUrl),
                    SQLBind(record.automatic), SQLBind(record.columns), SQLBind(record.rule), SQLBind(now), SQLBind(now)
                ).run()
            try await log.record(
                "policy", id: record.id.uuidString, "create", ChangeSet.created(record.auditValues), orgUnit: unit)
            return record.id
        }
    }

    func update(_ id: UUID, _ draft: PolicyDraft, rule: EligibilityRuleDraft?, department: UUID?, by actor: Actor)
        async throws
    {
        let tree = try await OrgDirectory.tree(on: database)
        let before = try await Self.readable(id, by: actor, in: tree, on: database.sql)
        guard Self.mayManage(actor, before, in: tree) else { throw AppError.forbidden("只有发布单位的政策小组可以修改此政策") }
        let after = try await checked(
            draft, rule: rule, department: department, id: id, unit: before.orgUnitId, tree: tree)
        let changes = ChangeSet.diff(before.auditValues, after.auditValues)
        guard !changes.isEmpty else { return }
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await tx.sql.update("policies")
                .set("title", to: after.title).set("document_number", to: after.documentNumber)
                .set("issuer", to: after.issuer).set("level", to: after.level).set("themes", to: after.themes)
                .set("summary", to: after.summary).set("valid_from", to: after.validFrom)
                .set("valid_until", to: after.validUntil).set("department_id", to: after.departmentId)
                .set("benefit_kind", to: after.benefitKind).set("source_text", to: after.sourceText)
                .set("source_url", to: after.sourceUrl).set("automatic", to: after.automatic)
                .set("columns", to: after.columns).set("rule", to: after.rule).set("updated_at", to: now)
                .where("id", .equal, id).run()
            try await log.record("policy", id: id.uuidString, "update", changes, orgUnit: before.orgUnitId)
        }
    }

    /// Validates the draft and the rule together, so a form shows every error at once, then checks the
    /// department against the database: it must be one of the policy's own unit.
    private func checked(
        _ draft: PolicyDraft, rule: EligibilityRuleDraft?, department: UUID?, id: UUID, unit: UUID, tree: OrgTree
    ) async throws -> PolicyRecord {
        let sql = database.sql
        let tags = Set(try await TagStore.names(on: sql))
        var errors: [FieldError] = []
        let values: PolicyValues?
        switch PolicyRules.validate(draft) {
        case .success(let v): values = v
        case .failure(let failure):
            values = nil
            errors += failure.errors
        }
        let parsed: EligibilityRule?
        switch EligibilityRuleParser(knownTags: tags, tree: tree).parse(rule) {
        case .success(let r): parsed = r
        case .failure(let failure):
            parsed = nil
            errors += failure.errors
        }
        if let department {
            let owner = try await sql.raw("SELECT org_unit_id FROM departments WHERE id = \(bind: department)").first()
                .map { try $0.decode(column: "org_unit_id", as: UUID.self) }
            if owner != unit { errors.append(FieldError(field: "departmentId", message: "责任部门应为本单位的部门")) }
        }
        guard errors.isEmpty, let values, let parsed else { throw ValidationFailure(errors) }
        return PolicyRecord(
            id: id, orgUnitId: unit, title: values.title, documentNumber: values.documentNumber, issuer: values.issuer,
            level: values.level.rawValue, themes: PolicyQueries.joined(values.themes), summary: values.summary,
            validFrom: values.validFrom?.iso, validUntil: values.validUntil?.iso, departmentId: department,
            benefitKind: values.benefitKind.rawValue, sourceText: values.sourceText, sourceUrl: values.sourceURL,
            automatic: values.automatic, columns: PolicyQueries.joined(values.columns), rule: parsed.json)
    }
}

extension PolicyService {
    /// The policies that fit an enterprise account's enterprise.
    static func fits(_ actor: Actor, tree: OrgTree, today: LocalDate, on sql: any SQLDatabase) async throws
        -> [PolicyMatching.Fit]
    {
        guard let enterprise = actor.enterpriseID,
            let facts = try await EnterpriseFactsStore.load(enterprise: enterprise, on: sql)
        else { return [] }
        return try await PolicyMatching(sql: sql, tree: tree, today: today).policies(for: facts)
    }

    /// `ids` when each qualifies for `policy` within the actor's scope; otherwise a 400 naming the first
    /// that does not.
    static func qualifying(
        _ ids: [UUID], for policy: PolicyRecord, actor: Actor, tree: OrgTree, now: Date, on sql: any SQLDatabase
    ) async throws -> [UUID] {
        guard !ids.isEmpty else { throw AppError.invalid("enterpriseIds", "请选择要兑现的企业") }
        let reach = try await PolicyMatching(sql: sql, tree: tree, today: LocalDate(now, in: .chinaStandard)).reach(
            of: policy, under: PolicyService.scopeRoot(of: actor, for: policy, in: tree))
        let eligible = Set(reach.eligible.map(\.facts.id))
        if let index = ids.firstIndex(where: { !eligible.contains($0) }) {
            throw AppError.invalid("enterpriseIds[\(index)]", "第\(index + 1)家企业不符合该政策的条件或不在本单位范围内")
        }
        return ids
    }
}
