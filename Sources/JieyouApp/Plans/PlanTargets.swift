import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// Targets and their actuals: the 专班办公室 enters each month's actual (统计数), and the 月通报 sets it
/// against the target.
struct PlanTargets {
    let database: any Database
    let now: Date

    private var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    /// Records the actual of `month` (2025-05), replacing one entered before for that month.
    func recordActual(target id: UUID, month: String?, value: String?, note: String?, by actor: Actor) async throws {
        let sql = database.sql
        let tree = try await OrgDirectory.tree(on: database)
        guard
            let row = try await sql.raw("SELECT plan_id FROM plan_targets WHERE id = \(bind: id)").first(),
            let planID = try? row.decode(column: "plan_id", as: UUID.self)
        else { throw AppError.notFound("目标") }
        let plan = try await PlanStore.manageable(planID, by: actor, in: tree, on: sql)
        var v = Validator()
        let monthText = (month ?? "").trimmingCharacters(in: .whitespaces)
        let monthDate = LocalDate(iso: monthText + "-01")
        v.check(monthDate != nil, "month", "月份格式应为 2025-05")
        if let monthDate { v.check(monthDate <= today, "month", "不能填报未来月份的实际值") }
        let number = PlanNumber.parse(value ?? "")
        v.check(number != nil, "value", "实际值应为数字，如 6.2")
        let note = v.optionalText(note, field: "note", label: "说明", maxLength: 500)
        try v.throwIfFailed()
        let formatted = PlanNumber.format(number!)
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            let before = try await sql.raw(
                "SELECT value FROM plan_target_actuals WHERE target_id = \(bind: id) AND month = \(bind: monthText)"
            ).first().map { try $0.decode(column: "value", as: String.self) }
            try await sql.raw(
                "DELETE FROM plan_target_actuals WHERE target_id = \(bind: id) AND month = \(bind: monthText)"
            ).run()
            try await sql.insert(into: "plan_target_actuals")
                .columns("id", "target_id", "month", "value", "note", "reported_by", "reported_at")
                .values(
                    SQLBind(UUID()), SQLBind(id), SQLBind(monthText), SQLBind(formatted), SQLBind(note),
                    SQLBind(actor.userID), SQLBind(now)
                ).run()
            var changes = ChangeSet()
            changes.record("actual[\(monthText)]", before: before, after: formatted)
            try await log.record("planTarget", id: id.uuidString, "actual", changes, orgUnit: plan.orgUnitId)
        }
    }

    /// The plan's targets in order, each with its latest actual up to `month` (all months when nil).
    static func targets(of plan: UUID, upTo month: String? = nil, on sql: any SQLDatabase) async throws
        -> [TargetRecord]
    {
        var targets = try await sql.raw(
            """
            SELECT g.id, g.workstream_id, g.indicator, g.comparison, g.value, g.unit, g.baseline
            FROM plan_targets g JOIN plan_workstreams w ON w.id = g.workstream_id
            WHERE g.plan_id = \(bind: plan) ORDER BY w.position, g.position
            """
        ).all().map { row in
            TargetRecord(
                id: try row.decode(column: "id", as: UUID.self),
                workstreamId: try row.decode(column: "workstream_id", as: UUID.self),
                indicator: try row.decode(column: "indicator", as: String.self),
                comparison: TargetComparison(rawValue: try row.decode(column: "comparison", as: String.self))
                    ?? .atLeast,
                value: try row.decode(column: "value", as: String.self),
                unit: try row.decode(column: "unit", as: String.self),
                baseline: try row.decode(column: "baseline", as: String?.self))
        }
        let index = Dictionary(uniqueKeysWithValues: targets.enumerated().map { ($1.id, $0) })
        let limit: SQLQueryString = month.map { "AND a.month <= \(bind: $0)" } ?? ""
        for row in try await sql.raw(
            """
            SELECT a.target_id, a.month, a.value FROM plan_target_actuals a JOIN plan_targets g ON g.id = a.target_id
            WHERE g.plan_id = \(bind: plan) \(limit) ORDER BY a.month
            """
        ).all() {
            guard let i = index[try row.decode(column: "target_id", as: UUID.self)] else { continue }
            targets[i].actualMonth = try row.decode(column: "month", as: String.self)
            targets[i].actual = try row.decode(column: "value", as: String.self)
        }
        return targets
    }
}
