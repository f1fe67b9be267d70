import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// One 兑现, as read back.
struct BenefitRecord: Sendable {
    let id: UUID
    let enterpriseId: UUID
    let enterpriseName: String
    let policyId: UUID?
    let policyTitle: String?
    let kind: BenefitKind
    let amount: Amount
    let grantedOn: String
    let note: String?
}

/// What the ledger is filtered by. Days are the days the money was granted, both included.
struct BenefitFilter: Sendable {
    var from: LocalDate?
    var to: LocalDate?
    var policy: UUID?
    var kind: BenefitKind?
    var enterprise: UUID?
}

/// The 兑现 ledger's view for a scope and filter: totals by kind and by policy, exact to the 分, and
/// the latest entries.
struct BenefitSummary: Sendable {
    let totals: BenefitTotals
    let byPolicy: [(policyId: UUID?, title: String, totals: BenefitTotals)]
    let entries: [BenefitRecord]
}

/// The 兑现 ledger: benefits per enterprise in whole 分. The 政策小组 of a unit records its enterprises'
/// benefits; readers of policies read their subtree's; an enterprise reads only its own.
struct BenefitLedger {
    let database: any Database
    let now: Date

    static let entryLimit = 500

    /// Records one benefit for an enterprise of the actor's scope, optionally under a policy it reads.
    func add(_ draft: BenefitDraft, enterprise: UUID, policy: UUID?, by actor: Actor) async throws -> UUID {
        try await grant(draft, enterprises: [enterprise], policy: policy, by: actor)[0]
    }

    /// Records the same benefit for each of `enterprises` in one transaction (免申即享 approves a whole
    /// list at once); every one must be in scope, or nothing is written.
    func grant(_ draft: BenefitDraft, enterprises: [UUID], policy: UUID?, by actor: Actor) async throws -> [UUID] {
        guard AccessPolicy.has(actor, .managePolicies) else { throw AppError.forbidden() }
        let sql = database.sql
        let tree = try await OrgDirectory.tree(on: database)
        let values = try BenefitRules.validate(draft, today: LocalDate(now, in: .chinaStandard)).get()
        guard !enterprises.isEmpty else { throw AppError.invalid("enterpriseId", "请选择企业") }
        guard enterprises.count <= 5_000 else { throw AppError.invalid("enterpriseIds", "一次最多兑现5000家企业") }
        if let policy { _ = try await PolicyService.readable(policy, by: actor, in: tree, on: sql) }
        let owners = try await EnterpriseOwners.load(enterprises, on: sql)
        for (index, id) in enterprises.enumerated() {
            guard let owner = owners[id], AccessPolicy.may(actor, .managePolicies, at: owner, in: tree) else {
                throw AppError.invalid(
                    enterprises.count == 1 ? "enterpriseId" : "enterpriseIds[\(index)]",
                    "第\(index + 1)家企业不存在或不属于本单位")
            }
        }
        let ids = enterprises.map { _ in UUID() }
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            for chunk in Array(zip(ids, enterprises)).chunked(into: 300) {
                var insert = sql.insert(into: "benefits").columns(
                    "id", "policy_id", "enterprise_id", "org_unit_id", "kind", "amount_fen", "granted_on", "note",
                    "created_at", "created_by")
                for (id, enterprise) in chunk {
                    insert = insert.values(
                        SQLBind(id), SQLBind(policy), SQLBind(enterprise), SQLBind(owners[enterprise]!),
                        SQLBind(values.kind.rawValue), SQLBind(values.amount.fen), SQLBind(values.grantedOn.iso),
                        SQLBind(values.note), SQLBind(now), SQLBind(actor.userID))
                }
                try await insert.run()
            }
            for (id, enterprise) in zip(ids, enterprises) {
                let changes = ChangeSet.created([
                    "enterpriseId": enterprise.uuidString, "policyId": policy?.uuidString,
                    "kind": values.kind.rawValue, "amount": values.amount.wan, "grantedOn": values.grantedOn.iso,
                    "note": values.note,
                ])
                try await log.record("benefit", id: id.uuidString, "create", changes, orgUnit: owners[enterprise])
            }
        }
        return ids
    }

    /// The ledger of `reach` (units, or one enterprise) under `filter`.
    /// The conditions on `benefits b` of a reach and a filter.
    static func conditions(reach: EnterpriseReach, filter: BenefitFilter) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        switch reach {
        case .units(let units):
            guard !units.isEmpty else { return ["1 = 0"] }
            conditions.append("b.org_unit_id IN (\(binds: units))")
        case .enterprise(let id): conditions.append("b.enterprise_id = \(bind: id)")
        }
        if let from = filter.from { conditions.append("b.granted_on >= \(bind: from.iso)") }
        if let to = filter.to { conditions.append("b.granted_on <= \(bind: to.iso)") }
        if let policy = filter.policy { conditions.append("b.policy_id = \(bind: policy)") }
        if let kind = filter.kind { conditions.append("b.kind = \(bind: kind.rawValue)") }
        if let enterprise = filter.enterprise { conditions.append("b.enterprise_id = \(bind: enterprise)") }
        return conditions
    }

    static func summary(reach: EnterpriseReach, filter: BenefitFilter, on sql: any SQLDatabase) async throws
        -> BenefitSummary
    {
        let whereClause = conditions(reach: reach, filter: filter).joined(separator: " AND ")
        // Sums in SQL are exact integers on both databases (PostgreSQL sums BIGINT as NUMERIC, hence the
        // cast back); each row is one (policy, kind) group.
        var totals = BenefitTotals()
        var policies: [UUID?: (title: String, totals: BenefitTotals)] = [:]
        for row in try await sql.raw(
            """
            SELECT b.policy_id, p.title, b.kind, COUNT(*) AS n, CAST(SUM(b.amount_fen) AS BIGINT) AS fen
            FROM benefits b LEFT JOIN policies p ON p.id = b.policy_id WHERE \(whereClause)
            GROUP BY b.policy_id, p.title, b.kind
            """
        ).all() {
            guard let kind = BenefitKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            let amount = Amount(fen: try row.decode(column: "fen", as: Int64.self))
            let count = try row.decode(column: "n", as: Int.self)
            let policy = try row.decode(column: "policy_id", as: UUID?.self)
            let title = try row.decode(column: "title", as: String?.self) ?? "未关联政策"
            var group = policies[policy] ?? (title, BenefitTotals())
            group.totals.add(kind, amount, count: count)
            policies[policy] = group
            totals.add(kind, amount, count: count)
        }
        let byPolicy = policies.map { (policyId: $0.key, title: $0.value.title, totals: $0.value.totals) }
            .sorted { ($0.totals.total, $0.title) > ($1.totals.total, $1.title) }
        let entries = try await sql.raw(
            """
            SELECT b.id, b.enterprise_id, e.name AS enterprise_name, b.policy_id, p.title AS policy_title, b.kind,
              b.amount_fen, b.granted_on, b.note
            FROM benefits b JOIN enterprises e ON e.id = b.enterprise_id LEFT JOIN policies p ON p.id = b.policy_id
            WHERE \(whereClause) ORDER BY b.granted_on DESC, b.created_at DESC, b.id LIMIT \(literal: entryLimit)
            """
        ).all().map { row in
            BenefitRecord(
                id: try row.decode(column: "id", as: UUID.self),
                enterpriseId: try row.decode(column: "enterprise_id", as: UUID.self),
                enterpriseName: try row.decode(column: "enterprise_name", as: String.self),
                policyId: try row.decode(column: "policy_id", as: UUID?.self),
                policyTitle: try row.decode(column: "policy_title", as: String?.self),
                kind: BenefitKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .funds,
                amount: Amount(fen: try row.decode(column: "amount_fen", as: Int64.self)),
                grantedOn: try row.decode(column: "granted_on", as: String.self),
                note: try row.decode(column: "note", as: String?.self))
        }
        return BenefitSummary(totals: totals, byPolicy: byPolicy, entries: entries)
    }

    /// The enterprises already granted something under `policy`, so 免申即享 lists only the rest.
    static func granted(under policy: UUID, on sql: any SQLDatabase) async throws -> Set<UUID> {
        Set(
            try await sql.raw("SELECT DISTINCT enterprise_id FROM benefits WHERE policy_id = \(bind: policy)").all()
                .map { try $0.decode(column: "enterprise_id", as: UUID.self) })
    }
}

extension BenefitLedger {
    /// The ledger lines a list asks for (`from`, `to`, `policy`, `enterprise`, `orgUnit`, `kind` as typed)
    /// and the enterprises `actor` reaches: its own, or its subtree's (below `orgUnit`).
    static func query(_ text: (String) -> String?, for actor: Actor, on database: any Database) async throws
        -> (EnterpriseReach, BenefitFilter)
    {
        var v = Validator()
        let common = PolicyListQuery(text, &v)
        var filter = BenefitFilter()
        (filter.from, filter.to, filter.enterprise) = (common.from, common.to, common.enterprise)
        filter.policy = v.optionalID(text("policy"), field: "policy", label: "政策")
        if let kind = text("kind") {
            filter.kind = BenefitKind.parse(kind)
            if filter.kind == nil { v.fail("kind", "无法识别的兑现类型“\(kind)”") }
        }
        try v.throwIfFailed()
        return (try await common.reach(of: actor, on: database), filter)
    }
}
