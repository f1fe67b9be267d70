import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// One lead unit's 旬调度 report on one task.
struct ProgressRecord: Sendable {
    let taskId: UUID
    let departmentId: UUID
    let period: TenDayPeriod
    let progress: String
    let percent: Int
    let difficulties: String?
    let milestoneTitle: String?
    let reportedAt: Date
}

/// A 旬's reports on a plan: for each task that owes one, each lead unit's report or its absence.
struct TenDaySummary: Sendable {
    struct Line: Sendable {
        let task: TaskRecord
        let unit: UnitRef
        let report: ProgressRecord?
    }

    let period: TenDayPeriod
    let lines: [Line]

    var reportedCount: Int { lines.filter { $0.report != nil }.count }
    /// The units that owe reports they have not made, with how many, most first.
    var unitsNotReported: [(unit: UnitRef, missing: Int)] {
        var counts: [UnitRef: Int] = [:]
        var order: [UnitRef] = []
        for line in lines where line.report == nil {
            if counts[line.unit] == nil { order.append(line.unit) }
            counts[line.unit, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }.sorted { $0.missing > $1.missing }
    }
    var difficulties: [Line] { lines.filter { $0.report?.difficulties != nil } }
}

/// 旬调度: lead units report each 旬 on their tasks (their handlers, or the 专班办公室 for them); the
/// 专班办公室 marks tasks 挂牌督办 and sets milestones.
struct PlanProgress {
    let database: any Database
    let now: Date

    private var sql: any SQLDatabase { database.sql }
    private var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    /// The task and plan `actor` reads.
    static func readableTask(_ id: UUID, by actor: Actor, in tree: OrgTree, on sql: any SQLDatabase) async throws
        -> (PlanRecord, TaskRecord)
    {
        guard AccessPolicy.has(actor, .readPlans) else { throw AppError.forbidden() }
        guard let task = try await PlanStore.task(id, on: sql) else {
            throw AppError.notFound("任务")
        }
        do {
            return (try await PlanStore.readable(task.planId, by: actor, in: tree, on: sql), task)
        } catch let error as AppError where error.status == .notFound {
            throw AppError.notFound("任务")
        }
    }

    /// Files a report for `period` (this 旬 when nil; the 旬 before is still open until its report is
    /// due). A second report by the same unit in the same 旬 replaces the first.
    func report(
        task id: UUID, _ draft: ProgressDraft, period code: String?, department: UUID?, milestone: UUID?,
        by actor: Actor
    ) async throws {
        let tree = try await OrgDirectory.tree(on: database)
        let (plan, task) = try await Self.readableTask(id, by: actor, in: tree, on: sql)
        guard AccessPolicy.has(actor, .reportPlanProgress) else { throw AppError.forbidden() }
        guard task.owesReports else {
            throw AppError.conflict("task", task.hasChildren ? "这是分组标题，请在其下的具体任务中报送" : "该任务未设牵头单位")
        }
        let unit: UnitRef
        if let own = actor.departmentID, actor.has(.handler), let lead = task.leads.first(where: { $0.id == own }) {
            unit = lead
        } else if AccessPolicy.has(actor, .managePlans), plan.orgUnitId == actor.orgUnitID {
            guard let lead = department.map({ d in task.leads.first { $0.id == d } }) ?? task.leads.first else {
                throw AppError.invalid("department", "所选单位不是该任务的牵头单位")
            }
            unit = lead
        } else {
            throw AppError.forbidden("只有该任务的牵头单位可以报送旬调度")
        }
        let period = try Self.reportingPeriod(code, today: today)
        let previous =
            try await sql.raw(
                """
                SELECT COALESCE(MAX(percent), 0) AS p FROM plan_progress
                WHERE task_id = \(bind: id) AND department_id = \(bind: unit.id) AND period < \(bind: period.description)
                """
            ).first()?.decode(column: "p", as: Int.self) ?? 0
        let values = try ProgressRules.validate(draft, previous: previous).get()
        if let milestone, !task.milestones.contains(where: { $0.id == milestone && $0.reachedOn == nil }) {
            throw AppError.invalid("milestoneId", "所选节点不属于该任务或已达成")
        }
        let now = now
        let today = today
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            try await sql.raw(
                """
                DELETE FROM plan_progress WHERE task_id = \(bind: id) AND department_id = \(bind: unit.id)
                  AND period = \(bind: period.description)
                """
            ).run()
            try await sql.insert(into: "plan_progress")
                .columns(
                    "id", "task_id", "department_id", "period", "progress", "percent", "difficulties", "milestone_id",
                    "reported_by", "reported_at"
                )
                .values(
                    SQLBind(UUID()), SQLBind(id), SQLBind(unit.id), SQLBind(period.description),
                    SQLBind(values.progress),
                    SQLBind(values.percent), SQLBind(values.difficulties), SQLBind(milestone), SQLBind(actor.userID),
                    SQLBind(now)
                ).run()
            if let milestone {
                try await sql.raw(
                    "UPDATE plan_milestones SET reached_on = \(bind: today.iso) WHERE id = \(bind: milestone) AND reached_on IS NULL"
                ).run()
            }
            // The task stands where its furthest lead unit stands.
            try await sql.raw(
                """
                UPDATE plan_tasks SET percent = (SELECT COALESCE(MAX(percent), 0) FROM plan_progress WHERE task_id = \(bind: id)),
                  updated_at = \(bind: now) WHERE id = \(bind: id)
                """
            ).run()
            var changes = ChangeSet.created([
                "period": period.description, "department": unit.name, "progress": values.progress,
                "percent": String(values.percent), "difficulties": values.difficulties,
            ])
            if let milestone { changes.record("milestoneReached", before: nil, after: milestone.uuidString) }
            try await log.record("planTask", id: id.uuidString, "progress", changes, orgUnit: plan.orgUnitId)
        }
    }

    /// The 旬 a report is for: this one, or the one before until its report is due.
    static func reportingPeriod(_ code: String?, today: LocalDate) throws -> TenDayPeriod {
        let current = TenDayPeriod(containing: today)
        guard let code, !code.isEmpty else { return current }
        guard let asked = TenDayPeriod(code: code) else {
            throw AppError.invalid("period", "旬的格式应为 2025-05-2（2025年5月中旬）")
        }
        guard asked == current || (asked == current.previous && today <= asked.reportDueDate) else {
            throw AppError.invalid("period", "只能报送本旬，或在截止日前补报上一旬")
        }
        return asked
    }

    /// 挂牌督办: marks the task supervised with the reason, or lifts the mark (`note` nil).
    func supervise(task id: UUID, note: String?, by actor: Actor) async throws {
        let tree = try await OrgDirectory.tree(on: database)
        let (plan, task) = try await Self.readableTask(id, by: actor, in: tree, on: sql)
        _ = try await PlanStore.manageable(plan.id, by: actor, in: tree, on: sql)
        var v = Validator()
        let reason = note.map { _ in v.requiredText(note, field: "note", label: "督办事由", maxLength: 500) } ?? nil
        try v.throwIfFailed()
        let on = reason == nil ? nil : today.iso
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await tx.sql.raw(
                """
                UPDATE plan_tasks SET supervised_on = \(bind: on), supervision_note = \(bind: reason), updated_at = \(bind: now)
                WHERE id = \(bind: id)
                """
            ).run()
            var changes = ChangeSet()
            changes.record("supervisedOn", before: task.supervisedOn, after: on)
            changes.record("supervisionNote", before: task.supervisionNote, after: reason)
            try await log.record(
                "planTask", id: id.uuidString, reason == nil ? "unsupervise" : "supervise", changes,
                orgUnit: plan.orgUnitId)
        }
    }

    /// Adds a milestone (节点) with its date to a task.
    func addMilestone(task id: UUID, title: String?, dueOn: String?, by actor: Actor) async throws -> UUID {
        let tree = try await OrgDirectory.tree(on: database)
        let (plan, task) = try await Self.readableTask(id, by: actor, in: tree, on: sql)
        _ = try await PlanStore.manageable(plan.id, by: actor, in: tree, on: sql)
        var v = Validator()
        let title = v.requiredText(title, field: "title", label: "节点名称", maxLength: 100)
        let due = LocalDate(iso: (dueOn ?? "").trimmingCharacters(in: .whitespaces))
        v.check(due != nil, "dueOn", "节点日期格式应为 2025-06-30")
        v.check(task.milestones.count < 20, "title", "一项任务最多设20个节点")
        try v.throwIfFailed()
        let milestone = UUID()
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await tx.sql.insert(into: "plan_milestones")
                .columns("id", "task_id", "title", "due_on")
                .values(SQLBind(milestone), SQLBind(id), SQLBind(title!), SQLBind(due!.iso)).run()
            try await log.record(
                "planTask", id: id.uuidString, "milestone",
                .created(["milestone": title!, "dueOn": due!.iso]), orgUnit: plan.orgUnitId)
        }
        return milestone
    }

    /// The reports of `period` on the plan's tasks that owe them, with the units that have not reported.
    static func summary(_ detail: PlanDetail, period: TenDayPeriod, on sql: any SQLDatabase) async throws
        -> TenDaySummary
    {
        var reports: [String: ProgressRecord] = [:]
        for record in try await records(
            where: "t.plan_id = \(bind: detail.plan.id) AND p.period = \(bind: period.description)", on: sql)
        {
            reports["\(record.taskId)|\(record.departmentId)"] = record
        }
        // A task finished before this 旬 owes nothing more.
        let finishedBefore = Set(
            try await sql.raw(
                """
                SELECT DISTINCT p.task_id, p.department_id FROM plan_progress p JOIN plan_tasks t ON t.id = p.task_id
                WHERE t.plan_id = \(bind: detail.plan.id) AND p.period < \(bind: period.description) AND p.percent >= 100
                """
            ).all().map {
                "\(try $0.decode(column: "task_id", as: UUID.self))|\(try $0.decode(column: "department_id", as: UUID.self))"
            })
        var lines: [TenDaySummary.Line] = []
        for task in detail.tasks where task.owesReports {
            for unit in task.leads {
                let key = "\(task.id)|\(unit.id)"
                guard !finishedBefore.contains(key) else { continue }
                lines.append(TenDaySummary.Line(task: task, unit: unit, report: reports[key]))
            }
        }
        return TenDaySummary(period: period, lines: lines)
    }

    /// A task's reports, newest 旬 first.
    static func records(ofTask task: UUID, on sql: any SQLDatabase) async throws -> [ProgressRecord] {
        try await records(where: "p.task_id = \(bind: task)", on: sql)
    }

    /// What a unit reported for `period`.
    static func records(ofDepartment department: UUID, period: TenDayPeriod, on sql: any SQLDatabase) async throws
        -> [ProgressRecord]
    {
        try await records(
            where: "p.department_id = \(bind: department) AND p.period = \(bind: period.description)", on: sql)
    }

    /// Reports matching `condition` over `plan_progress p JOIN plan_tasks t`, newest 旬 first.
    private static func records(where condition: SQLQueryString, on sql: any SQLDatabase) async throws
        -> [ProgressRecord]
    {
        try await sql.raw(
            """
            SELECT p.task_id, p.department_id, p.period, p.progress, p.percent, p.difficulties, p.reported_at,
              m.title AS milestone_title
            FROM plan_progress p JOIN plan_tasks t ON t.id = p.task_id LEFT JOIN plan_milestones m ON m.id = p.milestone_id
            WHERE \(condition) ORDER BY p.period DESC, t.position
            """
        ).all().compactMap { row in
            guard let period = TenDayPeriod(code: try row.decode(column: "period", as: String.self)) else { return nil }
            return ProgressRecord(
                taskId: try row.decode(column: "task_id", as: UUID.self),
                departmentId: try row.decode(column: "department_id", as: UUID.self), period: period,
                progress: try row.decode(column: "progress", as: String.self),
                percent: try row.decode(column: "percent", as: Int.self),
                difficulties: try row.decode(column: "difficulties", as: String?.self),
                milestoneTitle: try row.decode(column: "milestone_title", as: String?.self),
                reportedAt: try row.decode(column: "reported_at", as: Date.self))
        }
    }
}
