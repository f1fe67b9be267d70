import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// One 融资诉求, as read back.
struct FinancingRecord: Sendable {
    let id: UUID
    let orgUnitId: UUID
    let enterpriseId: UUID
    let enterpriseName: String
    let amount: Amount
    let purpose: String
    let raisedOn: String
    let status: FinancingStatus
    let bank: String?
    let lent: Amount?
    let matchedOn: String?
    let lentOn: String?
    let failedOn: String?
    let reason: String?
    let meetingId: UUID?
    let meetingTitle: String?
    let note: String?

    var lastOn: String { [matchedOn, lentOn, failedOn].compactMap { $0 }.max() ?? raisedOn }
}

/// 融资诉求: cadres, dispatchers and admins record an enterprise's need for money (on a visit, by
/// phone) and follow it to a loan or to its end; readers of the registry read their subtree's; an
/// enterprise reads its own. A 政银企对接会 that records a financing for an enterprise moves that
/// enterprise's oldest open demand on in the meeting's own transaction (`match`).
struct FinancingDemands {
    let database: any Database
    let now: Date

    static let listLimit = 500

    private var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    func create(_ draft: FinancingDemandDraft, enterprise: UUID?, by actor: Actor) async throws -> UUID {
        guard AccessPolicy.has(actor, .recordFieldWork) else { throw AppError.forbidden() }
        let tree = try await OrgDirectory.tree(on: database)
        var errors: [FieldError] = []
        var values: FinancingDemandValues?
        switch FinancingDemandRules.validate(draft, today: today) {
        case .success(let checked): values = checked
        case .failure(let failure): errors = failure.errors
        }
        var owner: UUID?
        if let enterprise {
            owner = try await EnterpriseOwners.load([enterprise], on: database.sql)[enterprise]
            if owner == nil || !AccessPolicy.may(actor, .recordFieldWork, at: owner!, in: tree) {
                errors.insert(FieldError(field: "enterpriseId", message: "企业不存在或不属于本单位"), at: 0)
            }
        } else {
            errors.insert(FieldError(field: "enterpriseId", message: "请选择企业"), at: 0)
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        guard let values, let owner, let enterprise else { throw AppError.forbidden() }
        let id = UUID()
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await tx.sql.insert(into: "financing_demands")
                .columns(
                    "id", "org_unit_id", "enterprise_id", "amount_fen", "purpose", "raised_on", "status", "note",
                    "created_by", "created_at", "updated_at"
                )
                .values(
                    SQLBind(id), SQLBind(owner), SQLBind(enterprise), SQLBind(values.amount.fen),
                    SQLBind(values.purpose), SQLBind(values.raisedOn.iso), SQLBind(FinancingStatus.open.rawValue),
                    SQLBind(values.note), SQLBind(actor.userID), SQLBind(now), SQLBind(now)
                ).run()
            let changes = ChangeSet.created([
                "enterpriseId": enterprise.uuidString, "amount": values.amount.wan, "purpose": values.purpose,
                "raisedOn": values.raisedOn.iso, "note": values.note,
            ])
            try await log.record("financingDemand", id: id.uuidString, "create", changes, orgUnit: owner)
        }
        return id
    }

    func advance(_ id: UUID, _ draft: FinancingStepDraft, by actor: Actor) async throws {
        let tree = try await OrgDirectory.tree(on: database)
        let demand = try await Self.readable(id, by: actor, in: tree, on: database.sql)
        guard AccessPolicy.may(actor, .recordFieldWork, at: demand.orgUnitId, in: tree) else {
            throw AppError.forbidden("只有企业所属单位的干部可以更新融资诉求")
        }
        let step = try FinancingDemandRules.validate(
            draft, from: demand.status, lastOn: LocalDate(iso: demand.lastOn) ?? today, today: today
        ).get()
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await Self.apply(step, to: demand, meeting: nil, now: now, sql: tx.sql, log: log)
        }
    }

    /// Writes a step; the status in the WHERE clause makes a concurrent second step change nothing.
    private static func apply(
        _ step: FinancingStep, to demand: FinancingRecord, meeting: UUID?, now: Date, sql: any SQLDatabase,
        log: AuditLog
    ) async throws {
        let column =
            switch step.status {
            case .open: "raised_on"
            case .matching: "matched_on"
            case .lent: "lent_on"
            case .failed: "failed_on"
            }
        let updated = try await sql.raw(
            """
            UPDATE financing_demands SET status = \(bind: step.status.rawValue), \(unsafeRaw: column) = \(bind: step.on.iso),
              bank = COALESCE(\(bind: step.bank), bank), lent_fen = \(bind: step.amountLent?.fen),
              reason = COALESCE(\(bind: step.reason), reason), meeting_id = COALESCE(\(bind: meeting), meeting_id),
              updated_at = \(bind: now)
            WHERE id = \(bind: demand.id) AND status = \(bind: demand.status.rawValue)
            RETURNING id
            """
        ).all()
        guard !updated.isEmpty else { throw AppError.conflict("status", "融资诉求已被他人更新，请刷新后重试") }
        var changes = ChangeSet()
        changes.record("status", before: demand.status.rawValue, after: step.status.rawValue)
        if let bank = step.bank { changes.record("bank", before: demand.bank, after: bank) }
        if let lent = step.amountLent { changes.record("amountLent", before: nil, after: lent.wan) }
        if let reason = step.reason { changes.record("reason", before: demand.reason, after: reason) }
        if let meeting { changes.record("meetingId", before: nil, after: meeting.uuidString) }
        try await log.record("financingDemand", id: demand.id.uuidString, "advance", changes, orgUnit: demand.orgUnitId)
    }

    /// A 政银企对接会's financing for `enterprise` (its bank, and the loan made on the spot if any) moves
    /// the enterprise's oldest open or matching demand: to 已放款 with a loan, else to 对接中. Called in
    /// the meeting's transaction. A demand the meeting cannot move (one already 对接中 with no loan)
    /// is left as it is.
    static func match(
        enterprise: UUID, bank: String, lentYuan: Int64, meeting: UUID, on day: LocalDate, now: Date,
        sql: any SQLDatabase, log: AuditLog
    ) async throws {
        guard
            let demand = try await records(
                where: """
                    fd.enterprise_id = \(bind: enterprise) AND fd.status IN (\(binds: [FinancingStatus.open.rawValue, FinancingStatus.matching.rawValue]))
                    """, order: "fd.raised_on, fd.created_at", limit: 1, on: sql
            ).first
        else { return }
        let target: FinancingStatus = lentYuan > 0 ? .lent : .matching
        guard demand.status.nextStatuses.contains(target) else { return }
        let lastOn = LocalDate(iso: demand.lastOn) ?? day
        let step = FinancingStep(
            status: target, on: max(day, lastOn), bank: bank,
            amountLent: lentYuan > 0 ? Amount(fen: lentYuan * 100) : nil,
            reason: nil)
        try await apply(step, to: demand, meeting: meeting, now: now, sql: sql, log: log)
    }

    static func readable(_ id: UUID, by actor: Actor, in tree: OrgTree, on sql: any SQLDatabase) async throws
        -> FinancingRecord
    {
        guard let demand = try await records(where: "fd.id = \(bind: id)", limit: 1, on: sql).first else {
            throw AppError.notFound("融资诉求")
        }
        try EnterpriseRecordAccess.verdict(
            for: actor, enterprise: demand.enterpriseId, orgUnit: demand.orgUnitId, staffCapability: .readEnterprises,
            in: tree
        ).check("融资诉求")
        return demand
    }

    /// The demands of `reach` (optionally of one status) with their totals; newest first, at most
    /// `listLimit`.
    static func list(reach: EnterpriseReach, status: FinancingStatus?, on sql: any SQLDatabase) async throws
        -> (totals: FinancingTotals, items: [FinancingRecord])
    {
        if case .units(let units) = reach, units.isEmpty { return (FinancingTotals(), []) }
        let whereClause = conditions(reach: reach, status: status).joined(separator: " AND ")
        var totals = FinancingTotals()
        for row in try await sql.raw(
            """
            SELECT fd.status, COUNT(*) AS n, CAST(SUM(fd.amount_fen) AS BIGINT) AS asked,
              CAST(COALESCE(SUM(fd.lent_fen), 0) AS BIGINT) AS lent
            FROM financing_demands fd WHERE \(whereClause) GROUP BY fd.status
            """
        ).all() {
            guard let status = FinancingStatus(rawValue: try row.decode(column: "status", as: String.self)) else {
                continue
            }
            totals.add(
                status, count: try row.decode(column: "n", as: Int.self),
                asked: Amount(fen: try row.decode(column: "asked", as: Int64.self)),
                lent: Amount(fen: try row.decode(column: "lent", as: Int64.self)))
        }
        return (totals, try await records(where: whereClause, limit: listLimit, on: sql))
    }

    /// Every demand of `reach` (of one status, or all), oldest first, a page at a time: what an export
    /// writes.
    static func forEachPage(
        reach: EnterpriseReach, status: FinancingStatus?, size: Int = 1_000, on sql: any SQLDatabase,
        _ body: ([FinancingRecord]) async throws -> Void
    ) async throws {
        if case .units(let units) = reach, units.isEmpty { return }
        let pages = KeysetPages(key: SQLColumn("raised_on", table: "fd"), id: SQLColumn("id", table: "fd"), size: size)
        try await pages.forEach(
            conditions(reach: reach, status: status),
            read: { condition, limit in try await records(where: condition, order: pages.order, limit: limit, on: sql)
            },
            position: { ($0.raisedOn, $0.id) }, body)
    }

    private static func conditions(reach: EnterpriseReach, status: FinancingStatus?) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        switch reach {
        case .units(let units): conditions.append("fd.org_unit_id IN (\(binds: units))")
        case .enterprise(let id): conditions.append("fd.enterprise_id = \(bind: id)")
        }
        if let status { conditions.append("fd.status = \(bind: status.rawValue)") }
        return conditions
    }

    private static func records(
        where condition: SQLQueryString, order: SQLQueryString = "fd.raised_on DESC, fd.created_at DESC", limit: Int,
        on sql: any SQLDatabase
    ) async throws -> [FinancingRecord] {
        try await sql.raw(
            """
            SELECT fd.id, fd.org_unit_id, fd.enterprise_id, e.name AS enterprise_name, fd.amount_fen, fd.purpose,
              fd.raised_on, fd.status, fd.bank, fd.lent_fen, fd.matched_on, fd.lent_on, fd.failed_on, fd.reason,
              fd.meeting_id, m.title AS meeting_title, fd.note
            FROM financing_demands fd JOIN enterprises e ON e.id = fd.enterprise_id
              LEFT JOIN meetings m ON m.id = fd.meeting_id
            WHERE \(condition) ORDER BY \(order), fd.id LIMIT \(literal: limit)
            """
        ).all().map { row in
            FinancingRecord(
                id: try row.decode(column: "id", as: UUID.self),
                orgUnitId: try row.decode(column: "org_unit_id", as: UUID.self),
                enterpriseId: try row.decode(column: "enterprise_id", as: UUID.self),
                enterpriseName: try row.decode(column: "enterprise_name", as: String.self),
                amount: Amount(fen: try row.decode(column: "amount_fen", as: Int64.self)),
                purpose: try row.decode(column: "purpose", as: String.self),
                raisedOn: try row.decode(column: "raised_on", as: String.self),
                status: FinancingStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
                bank: try row.decode(column: "bank", as: String?.self),
                lent: try row.decode(column: "lent_fen", as: Int64?.self).map(Amount.init(fen:)),
                matchedOn: try row.decode(column: "matched_on", as: String?.self),
                lentOn: try row.decode(column: "lent_on", as: String?.self),
                failedOn: try row.decode(column: "failed_on", as: String?.self),
                reason: try row.decode(column: "reason", as: String?.self),
                meetingId: try row.decode(column: "meeting_id", as: UUID?.self),
                meetingTitle: try row.decode(column: "meeting_title", as: String?.self),
                note: try row.decode(column: "note", as: String?.self))
        }
    }
}

extension FinancingDemands {
    /// The 进展 a list is filtered by, as typed (code or Chinese name); nil for all.
    static func status(_ text: String?) throws -> FinancingStatus? {
        guard let text else { return nil }
        guard let status = FinancingStatus.parse(text) else {
            throw AppError.invalid("status", "无法识别的进展“\(text)”")
        }
        return status
    }
}
