import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// One project application, as read back.
struct ProjectRecord: Sendable {
    let id: UUID
    let orgUnitId: UUID
    let enterpriseId: UUID
    let enterpriseName: String
    let policyId: UUID?
    let policyTitle: String?
    let name: String
    let fund: ProjectFund
    let amountAsked: Amount
    let amountGranted: Amount?
    let stage: ProjectStage
    let appliedOn: String
    let reviewedOn: String?
    let listedOn: String?
    let disbursedOn: String?
    let rejectedOn: String?
    let reason: String?
    let note: String?

    /// The day of the latest step: the earliest day the next step may carry.
    var lastOn: String {
        [disbursedOn, rejectedOn, listedOn, reviewedOn].compactMap { $0 }.max() ?? appliedOn
    }

    /// Each stage reached, in order, with its day.
    var steps: [(stage: ProjectStage, on: String)] {
        [
            (.applied, appliedOn), (.reviewing, reviewedOn), (.listed, listedOn), (.disbursed, disbursedOn),
            (.rejected, rejectedOn),
        ].compactMap { stage, day in day.map { (stage, $0) } }
    }
}

/// What the list of applications is filtered by. Days are days of application, both included.
struct ProjectFilter: Sendable {
    var stage: ProjectStage?
    var fund: ProjectFund?
    var enterprise: UUID?
    var from: LocalDate?
    var to: LocalDate?
}

/// 项目申报: the 政策小组 of a unit (its dispatchers and admins) records its enterprises' applications
/// and moves each one through 申报 → 审核 → 入库 → 兑现 (or 未通过); readers of policies read their
/// subtree's; an enterprise reads its own. 兑现 also writes the money to the 兑现 ledger as 资金兑现,
/// in the same transaction, so the ledger stays the one place where money granted is summed.
struct ProjectApplications {
    let database: any Database
    let now: Date

    static let listLimit = 500

    private var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    func create(_ draft: ProjectApplicationDraft, enterprise: UUID?, policy: UUID?, by actor: Actor) async throws
        -> UUID
    {
        guard AccessPolicy.has(actor, .managePolicies) else { throw AppError.forbidden() }
        let sql = database.sql
        let tree = try await OrgDirectory.tree(on: database)
        var values: ProjectApplicationValues?
        var errors: [FieldError] = []
        switch ProjectApplicationRules.validate(draft, today: today) {
        case .success(let checked): values = checked
        case .failure(let failure): errors = failure.errors
        }
        var owner: UUID?
        if let enterprise {
            owner = try await EnterpriseOwners.load([enterprise], on: sql)[enterprise]
            if owner == nil || !AccessPolicy.may(actor, .managePolicies, at: owner!, in: tree) {
                errors.insert(FieldError(field: "enterpriseId", message: "企业不存在或不属于本单位"), at: 0)
            }
        } else {
            errors.insert(FieldError(field: "enterpriseId", message: "请选择申报企业"), at: 0)
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        if let policy { _ = try await PolicyService.readable(policy, by: actor, in: tree, on: sql) }
        guard let values, let owner, let enterprise else { throw AppError.forbidden() }
        let id = UUID()
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await tx.sql.insert(into: "project_applications")
                .columns(
                    "id", "org_unit_id", "enterprise_id", "policy_id", "name", "fund", "amount_asked_fen", "stage",
                    "applied_on", "note", "created_by", "created_at", "updated_at"
                )
                .values(
                    SQLBind(id), SQLBind(owner), SQLBind(enterprise), SQLBind(policy), SQLBind(values.name),
                    SQLBind(values.fund.rawValue), SQLBind(values.amountAsked.fen),
                    SQLBind(ProjectStage.applied.rawValue), SQLBind(values.appliedOn.iso), SQLBind(values.note),
                    SQLBind(actor.userID), SQLBind(now), SQLBind(now)
                ).run()
            let changes = ChangeSet.created([
                "enterpriseId": enterprise.uuidString, "policyId": policy?.uuidString, "name": values.name,
                "fund": values.fund.rawValue, "amountAsked": values.amountAsked.wan, "appliedOn": values.appliedOn.iso,
                "note": values.note,
            ])
            try await log.record("project", id: id.uuidString, "create", changes, orgUnit: owner)
        }
        return id
    }

    /// Moves an application one step. Returns the benefit written when the step is 兑现.
    @discardableResult
    func advance(_ id: UUID, _ draft: ProjectStepDraft, by actor: Actor) async throws -> UUID? {
        let tree = try await OrgDirectory.tree(on: database)
        let project = try await Self.readable(id, by: actor, in: tree, on: database.sql)
        guard AccessPolicy.may(actor, .managePolicies, at: project.orgUnitId, in: tree) else {
            throw AppError.forbidden("只有企业所属单位的政策小组可以办理项目申报")
        }
        let lastOn = LocalDate(iso: project.lastOn) ?? today
        let step = try ProjectApplicationRules.validate(draft, from: project.stage, lastOn: lastOn, today: today)
            .get()
        let column =
            switch step.stage {
            case .applied: "applied_on"
            case .reviewing: "reviewed_on"
            case .listed: "listed_on"
            case .disbursed: "disbursed_on"
            case .rejected: "rejected_on"
            }
        let now = now
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            var benefit: UUID?
            if step.stage == .disbursed, let granted = step.amountGranted {
                let benefitID = UUID()
                let note = "项目申报：\(project.name)（\(project.fund.chineseName)）"
                try await sql.insert(into: "benefits")
                    .columns(
                        "id", "policy_id", "enterprise_id", "org_unit_id", "kind", "amount_fen", "granted_on", "note",
                        "created_at", "created_by"
                    )
                    .values(
                        SQLBind(benefitID), SQLBind(project.policyId), SQLBind(project.enterpriseId),
                        SQLBind(project.orgUnitId), SQLBind(BenefitKind.funds.rawValue), SQLBind(granted.fen),
                        SQLBind(step.on.iso), SQLBind(note), SQLBind(now), SQLBind(actor.userID)
                    ).run()
                let created = ChangeSet.created([
                    "enterpriseId": project.enterpriseId.uuidString, "policyId": project.policyId?.uuidString,
                    "kind": BenefitKind.funds.rawValue, "amount": granted.wan, "grantedOn": step.on.iso, "note": note,
                ])
                try await log.record("benefit", id: benefitID.uuidString, "create", created, orgUnit: project.orgUnitId)
                benefit = benefitID
            }
            // The stage in the WHERE clause makes a second, concurrent step of the same kind change nothing.
            let updated = try await sql.raw(
                """
                UPDATE project_applications SET stage = \(bind: step.stage.rawValue), \(unsafeRaw: column) = \(bind: step.on.iso),
                  amount_granted_fen = \(bind: step.amountGranted?.fen), reason = \(bind: step.reason),
                  benefit_id = \(bind: benefit), updated_at = \(bind: now)
                WHERE id = \(bind: id) AND stage = \(bind: project.stage.rawValue)
                RETURNING id
                """
            ).all()
            guard !updated.isEmpty else { throw AppError.conflict("stage", "项目已被他人办理，请刷新后重试") }
            var changes = ChangeSet()
            changes.record("stage", before: project.stage.rawValue, after: step.stage.rawValue)
            changes.record(column.replacingOccurrences(of: "_on", with: "On"), before: nil, after: step.on.iso)
            if let granted = step.amountGranted { changes.record("amountGranted", before: nil, after: granted.wan) }
            if let reason = step.reason { changes.record("reason", before: project.reason, after: reason) }
            try await log.record("project", id: id.uuidString, "advance", changes, orgUnit: project.orgUnitId)
            return benefit
        }
    }

    /// The application, or 404 when the actor cannot see it; an enterprise sees only its own.
    static func readable(_ id: UUID, by actor: Actor, in tree: OrgTree, on sql: any SQLDatabase) async throws
        -> ProjectRecord
    {
        guard let project = try await records(where: "pa.id = \(bind: id)", order: "pa.id", limit: 1, on: sql).first
        else {
            throw AppError.notFound("项目")
        }
        try EnterpriseRecordAccess.verdict(
            for: actor, enterprise: project.enterpriseId, orgUnit: project.orgUnitId, staffCapability: .readPolicies,
            in: tree
        ).check("项目")
        return project
    }

    /// The applications of `reach` under `filter`: their totals (all of them) and the latest at most
    /// `listLimit`, newest application first.
    /// The conditions on `project_applications pa` of a reach and a filter.
    static func conditions(reach: EnterpriseReach, filter: ProjectFilter) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        switch reach {
        case .units(let units):
            guard !units.isEmpty else { return ["1 = 0"] }
            conditions.append("pa.org_unit_id IN (\(binds: units))")
        case .enterprise(let id): conditions.append("pa.enterprise_id = \(bind: id)")
        }
        if let stage = filter.stage { conditions.append("pa.stage = \(bind: stage.rawValue)") }
        if let fund = filter.fund { conditions.append("pa.fund = \(bind: fund.rawValue)") }
        if let enterprise = filter.enterprise { conditions.append("pa.enterprise_id = \(bind: enterprise)") }
        if let from = filter.from { conditions.append("pa.applied_on >= \(bind: from.iso)") }
        if let to = filter.to { conditions.append("pa.applied_on <= \(bind: to.iso)") }
        return conditions
    }

    static func list(reach: EnterpriseReach, filter: ProjectFilter, on sql: any SQLDatabase) async throws
        -> (totals: ProjectTotals, items: [ProjectRecord])
    {
        let whereClause = conditions(reach: reach, filter: filter).joined(separator: " AND ")
        var totals = ProjectTotals()
        for row in try await sql.raw(
            """
            SELECT pa.stage, COUNT(*) AS n, CAST(SUM(pa.amount_asked_fen) AS BIGINT) AS asked,
              CAST(COALESCE(SUM(pa.amount_granted_fen), 0) AS BIGINT) AS granted
            FROM project_applications pa WHERE \(whereClause) GROUP BY pa.stage
            """
        ).all() {
            guard let stage = ProjectStage(rawValue: try row.decode(column: "stage", as: String.self)) else { continue }
            totals.add(
                stage, count: try row.decode(column: "n", as: Int.self),
                asked: Amount(fen: try row.decode(column: "asked", as: Int64.self)),
                granted: Amount(fen: try row.decode(column: "granted", as: Int64.self)))
        }
        let items = try await records(
            where: whereClause, order: "pa.applied_on DESC, pa.created_at DESC, pa.id", limit: listLimit, on: sql)
        return (totals, items)
    }

    /// Every application of `reach` under `filter`, oldest application first, a page at a time (keyset
    /// on the day and the id): what an export writes.
    static func forEachPage(
        reach: EnterpriseReach, filter: ProjectFilter, size: Int = 1_000, on sql: any SQLDatabase,
        _ body: ([ProjectRecord]) async throws -> Void
    ) async throws {
        let pages = KeysetPages(key: SQLColumn("applied_on", table: "pa"), id: SQLColumn("id", table: "pa"), size: size)
        try await pages.forEach(
            conditions(reach: reach, filter: filter),
            read: { condition, limit in try await records(where: condition, order: pages.order, limit: limit, on: sql)
            },
            position: { ($0.appliedOn, $0.id) }, body)
    }

    private static func records(
        where condition: SQLQueryString, order: SQLQueryString, limit: Int, on sql: any SQLDatabase
    ) async throws -> [ProjectRecord] {
        try await sql.raw(
            """
            SELECT pa.id, pa.org_unit_id, pa.enterprise_id, e.name AS enterprise_name, pa.policy_id,
              p.title AS policy_title, pa.name, pa.fund, pa.amount_asked_fen, pa.amount_granted_fen, pa.stage,
              pa.applied_on, pa.reviewed_on, pa.listed_on, pa.disbursed_on, pa.rejected_on, pa.reason, pa.note
            FROM project_applications pa JOIN enterprises e ON e.id = pa.enterprise_id
              LEFT JOIN policies p ON p.id = pa.policy_id
            WHERE \(condition) ORDER BY \(order) LIMIT \(literal: limit)
            """
        ).all().map { row in
            ProjectRecord(
                id: try row.decode(column: "id", as: UUID.self),
                orgUnitId: try row.decode(column: "org_unit_id", as: UUID.self),
                enterpriseId: try row.decode(column: "enterprise_id", as: UUID.self),
                enterpriseName: try row.decode(column: "enterprise_name", as: String.self),
                policyId: try row.decode(column: "policy_id", as: UUID?.self),
                policyTitle: try row.decode(column: "policy_title", as: String?.self),
                name: try row.decode(column: "name", as: String.self),
                fund: ProjectFund(rawValue: try row.decode(column: "fund", as: String.self)) ?? .other,
                amountAsked: Amount(fen: try row.decode(column: "amount_asked_fen", as: Int64.self)),
                amountGranted: try row.decode(column: "amount_granted_fen", as: Int64?.self).map(Amount.init(fen:)),
                stage: ProjectStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .applied,
                appliedOn: try row.decode(column: "applied_on", as: String.self),
                reviewedOn: try row.decode(column: "reviewed_on", as: String?.self),
                listedOn: try row.decode(column: "listed_on", as: String?.self),
                disbursedOn: try row.decode(column: "disbursed_on", as: String?.self),
                rejectedOn: try row.decode(column: "rejected_on", as: String?.self),
                reason: try row.decode(column: "reason", as: String?.self),
                note: try row.decode(column: "note", as: String?.self))
        }
    }
}

extension ProjectApplications {
    /// The applications a list asks for (`from`, `to`, `enterprise`, `orgUnit`, `stage`, `fund` as typed)
    /// and the enterprises `actor` reaches: its own, or its subtree's (below `orgUnit`).
    static func query(_ text: (String) -> String?, for actor: Actor, on database: any Database) async throws
        -> (EnterpriseReach, ProjectFilter)
    {
        var v = Validator()
        let common = PolicyListQuery(text, &v)
        var filter = ProjectFilter()
        (filter.from, filter.to, filter.enterprise) = (common.from, common.to, common.enterprise)
        if let stage = text("stage") {
            filter.stage = ProjectStage.parse(stage)
            if filter.stage == nil { v.fail("stage", "无法识别的阶段“\(stage)”") }
        }
        if let fund = text("fund") {
            filter.fund = ProjectFund.parse(fund)
            if filter.fund == nil { v.fail("fund", "无法识别的资金渠道“\(fund)”") }
        }
        try v.throwIfFailed()
        return (try await common.reach(of: actor, on: database), filter)
    }
}
