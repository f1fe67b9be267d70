import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// 攻坚方案: the 专班办公室 (dispatchers and admins of the plan's org unit) saves a reviewed draft; every
/// government role of the unit and of the units above it reads it. Saving creates the departments the
/// plan names that the unit does not have yet, in the same transaction.
struct PlanStore {
    let database: any Database
    let now: Date

    private var sql: any SQLDatabase { database.sql }
    private var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    /// Refuses whoever may not import or save plans (`doing`: 导入, 保存), before anything it sent is read.
    static func requireManager(_ actor: Actor, doing: String) throws {
        guard AccessPolicy.has(actor, .managePlans) else {
            throw AppError.forbidden("只有专班办公室（调度、管理员）可以\(doing)方案")
        }
    }

    /// The preview of a pasted text: the parsed draft and how each unit it names matches a department.
    func preview(_ text: String, by actor: Actor) async throws -> (PlanDraft, [PlanUnitMatch]) {
        try Self.requireManager(actor, doing: "导入")
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw AppError.invalid("text", "请粘贴方案全文") }
        guard trimmed.count <= 500_000 else { throw AppError.invalid("text", "方案文本不能超过50万字") }
        let draft = PlanTextParser.parse(trimmed)
        guard draft.taskCount > 0 else {
            throw AppError.invalid("text", "没有识别出任务：任务应以（一）、1.、（1）等编号开头，单位写在句末括号中，如（区发改局牵头负责）")
        }
        let departments = try await PlanUnits.departments(of: actor.orgUnitID, on: sql)
        return (draft, PlanUnits.match(draft.unitNames, against: departments))
    }

    /// Saves a reviewed draft for the actor's unit. `mapping` sends a unit name to an existing
    /// department (区发改局 → 经济发展局); a name without one is matched as in the preview, else created.
    func save(_ draft: PlanDraft, mapping: [String: UUID], by actor: Actor) async throws -> UUID {
        try Self.requireManager(actor, doing: "保存")
        let plan = try PlanRules.validate(draft).get()
        let orgUnit = actor.orgUnitID
        let departments = try await PlanUnits.departments(of: orgUnit, on: sql)
        let known = Set(departments.map(\.id))
        for (name, id) in mapping where !known.contains(id) {
            throw AppError.invalid("unitMapping", "单位“\(name)”对应的部门不存在或不属于本单位")
        }
        let matches = PlanUnits.match(plan.unitNames, against: departments)
        let id = UUID()
        let now = now
        let year = PlanRules.year(of: plan, today: today)
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            var unitIDs: [String: UUID] = [:]
            for match in matches {
                if let mapped = mapping[match.name] {
                    unitIDs[match.name] = mapped
                } else if let existing = match.departmentId {
                    unitIDs[match.name] = existing
                } else {
                    let department = UUID()
                    let kind = PlanUnits.kind(of: match.name)
                    try await sql.insert(into: "departments")
                        .columns("id", "org_unit_id", "name", "kind", "active", "created_at", "updated_at")
                        .values(
                            SQLBind(department), SQLBind(orgUnit), SQLBind(match.name), SQLBind(kind.rawValue),
                            SQLBind(true), SQLBind(now), SQLBind(now)
                        ).run()
                    try await log.record(
                        "department", id: department.uuidString, "create",
                        .created([
                            "orgUnitId": orgUnit.uuidString, "name": match.name, "kind": kind.rawValue,
                            "source": "plan",
                        ]),
                        orgUnit: orgUnit)
                    unitIDs[match.name] = department
                }
            }
            try await Self.insert(
                plan, id: id, orgUnit: orgUnit, year: year, units: unitIDs, by: actor, now: now, sql: sql)
            try await log.record(
                "plan", id: id.uuidString, "create",
                .created([
                    "title": plan.title, "documentNumber": plan.documentNumber, "issuedOn": plan.issuedOn,
                    "workstreams": String(plan.workstreams.count), "targets": String(plan.targetCount),
                    "tasks": String(plan.taskCount),
                ]), orgUnit: orgUnit)
        }
        return id
    }

    private static func insert(
        _ plan: PlanDraft, id: UUID, orgUnit: UUID, year: Int, units: [String: UUID], by actor: Actor, now: Date,
        sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "plans")
            .columns(
                "id", "org_unit_id", "title", "document_number", "issued_on", "year", "created_by", "created_at",
                "updated_at"
            )
            .values(
                SQLBind(id), SQLBind(orgUnit), SQLBind(plan.title), SQLBind(plan.documentNumber),
                SQLBind(plan.issuedOn),
                SQLBind(year), SQLBind(actor.userID), SQLBind(now), SQLBind(now)
            ).run()
        try await PlanRows(plan, id: id, units: units, now: now).insert(on: sql)
    }

    /// Multi-row inserts, 100 rows at a time: a plan such as seed 001 writes about 600 rows.
    static func insertRows(_ table: String, _ columns: [String], _ rows: [[any SQLExpression]], sql: any SQLDatabase)
        async throws
    {
        for batch in rows.chunked(into: 100) {
            var insert = sql.insert(into: table).columns(columns)
            for row in batch { insert = insert.values(row) }
            try await insert.run()
        }
    }

    // MARK: Reading

    /// The plans `actor` reads: those of its unit and of the units below it.
    static func list(by actor: Actor, in tree: OrgTree, on sql: any SQLDatabase) async throws -> [PlanRecord] {
        guard AccessPolicy.has(actor, .readPlans) else { throw AppError.forbidden() }
        let units = Array(tree.subtree(of: actor.orgUnitID))
        guard !units.isEmpty else { return [] }
        return try await records(where: "p.org_unit_id IN (\(binds: units))", on: sql)
    }

    /// Every unit's plans issued in `year` or later: a plan issued last year still runs this year.
    static func plans(since year: Int, on sql: any SQLDatabase) async throws -> [PlanRecord] {
        try await records(where: "p.year >= \(bind: year)", on: sql)
    }

    static func readable(_ id: UUID, by actor: Actor, in tree: OrgTree, on sql: any SQLDatabase) async throws
        -> PlanRecord
    {
        guard AccessPolicy.has(actor, .readPlans) else { throw AppError.forbidden() }
        guard let plan = try await records(where: "p.id = \(bind: id)", on: sql).first,
            tree.isWithin(plan.orgUnitId, subtreeOf: actor.orgUnitID)
        else { throw AppError.notFound("方案") }
        return plan
    }

    /// The plan `actor` may run (save actuals, milestones, 督办): only its own unit's.
    static func manageable(_ id: UUID, by actor: Actor, in tree: OrgTree, on sql: any SQLDatabase) async throws
        -> PlanRecord
    {
        let plan = try await readable(id, by: actor, in: tree, on: sql)
        guard AccessPolicy.has(actor, .managePlans), plan.orgUnitId == actor.orgUnitID else {
            throw AppError.forbidden("只有方案所属单位的专班办公室（调度、管理员）可以修改方案")
        }
        return plan
    }

    private static func records(where condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [PlanRecord] {
        try await sql.raw(
            """
            SELECT p.id, p.org_unit_id, p.title, p.document_number, p.issued_on, p.year,
              (SELECT COUNT(*) FROM plan_workstreams w WHERE w.plan_id = p.id) AS workstreams,
              (SELECT COUNT(*) FROM plan_tasks t WHERE t.plan_id = p.id) AS tasks,
              (SELECT COUNT(*) FROM plan_targets g WHERE g.plan_id = p.id) AS targets
            FROM plans p WHERE \(condition) ORDER BY p.created_at DESC, p.id
            """
        ).all().map { row in
            PlanRecord(
                id: try row.decode(column: "id", as: UUID.self),
                orgUnitId: try row.decode(column: "org_unit_id", as: UUID.self),
                title: try row.decode(column: "title", as: String.self),
                documentNumber: try row.decode(column: "document_number", as: String?.self),
                issuedOn: try row.decode(column: "issued_on", as: String?.self),
                year: try row.decode(column: "year", as: Int.self),
                workstreamCount: try row.decode(column: "workstreams", as: Int.self),
                taskCount: try row.decode(column: "tasks", as: Int.self),
                targetCount: try row.decode(column: "targets", as: Int.self))
        }
    }

    /// The whole plan: workstreams with their 专班, targets with their latest actual, tasks with their
    /// units and milestones.
    static func detail(_ plan: PlanRecord, on sql: any SQLDatabase) async throws -> PlanDetail {
        var streams = try await sql.raw(
            """
            SELECT w.id, w.position, w.name, w.task_force, w.convener, w.office_department_id, d.name AS office_name
            FROM plan_workstreams w LEFT JOIN departments d ON d.id = w.office_department_id
            WHERE w.plan_id = \(bind: plan.id) ORDER BY w.position
            """
        ).all().map { row in
            WorkstreamRecord(
                id: try row.decode(column: "id", as: UUID.self),
                position: try row.decode(column: "position", as: Int.self),
                name: try row.decode(column: "name", as: String.self),
                taskForce: try row.decode(column: "task_force", as: String?.self),
                convener: try row.decode(column: "convener", as: String?.self),
                office: try row.decode(column: "office_department_id", as: UUID?.self).map {
                    UnitRef(id: $0, name: (try? row.decode(column: "office_name", as: String.self)) ?? "")
                }, deputies: [], members: [])
        }
        for row in try await sql.raw(
            """
            SELECT u.workstream_id, u.role, d.id, d.name FROM plan_workstream_units u
              JOIN plan_workstreams w ON w.id = u.workstream_id JOIN departments d ON d.id = u.department_id
            WHERE w.plan_id = \(bind: plan.id) ORDER BY u.position
            """
        ).all() {
            let stream = try row.decode(column: "workstream_id", as: UUID.self)
            guard let index = streams.firstIndex(where: { $0.id == stream }) else { continue }
            let unit = UnitRef(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self))
            if try row.decode(column: "role", as: String.self) == "deputy" {
                streams[index].deputies.append(unit)
            } else {
                streams[index].members.append(unit)
            }
        }
        let targets = try await PlanTargets.targets(of: plan.id, on: sql)
        let tasks = try await tasks(where: "t.plan_id = \(bind: plan.id)", on: sql)
        return PlanDetail(plan: plan, workstreams: streams, targets: targets, tasks: tasks)
    }

    /// The tasks a unit leads or supports, across plans.
    static func tasks(ofDepartment department: UUID, on sql: any SQLDatabase) async throws -> [TaskRecord] {
        try await tasks(
            where: "t.id IN (SELECT task_id FROM plan_task_units WHERE department_id = \(bind: department))", on: sql)
    }

    /// One task.
    static func task(_ id: UUID, on sql: any SQLDatabase) async throws -> TaskRecord? {
        try await tasks(where: "t.id = \(bind: id)", on: sql).first
    }

    /// The plan a target belongs to.
    static func planID(ofTarget target: UUID, on sql: any SQLDatabase) async throws -> UUID? {
        try await sql.raw("SELECT plan_id FROM plan_targets WHERE id = \(bind: target)").first()?
            .decode(column: "plan_id", as: UUID.self)
    }

    /// Tasks with their units and milestones, in plan order.
    private static func tasks(where condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [TaskRecord] {
        var tasks = try await sql.raw(
            """
            SELECT t.id, t.plan_id, t.workstream_id, t.parent_id, t.position, t.style, t.ordinal, t.title, t.body,
              t.groups, t.due_on, t.percent, t.supervised_on, t.supervision_note,
              (SELECT COUNT(*) FROM plan_tasks c WHERE c.parent_id = t.id) AS children
            FROM plan_tasks t WHERE \(condition) ORDER BY t.position
            """
        ).all().map { row in
            var task = TaskRecord(
                id: try row.decode(column: "id", as: UUID.self),
                planId: try row.decode(column: "plan_id", as: UUID.self),
                workstreamId: try row.decode(column: "workstream_id", as: UUID.self),
                parentId: try row.decode(column: "parent_id", as: UUID?.self),
                position: try row.decode(column: "position", as: Int.self),
                number: TaskNumber(
                    style: TaskNumber.Style(rawValue: try row.decode(column: "style", as: Int.self)) ?? .arabicDot,
                    ordinal: try row.decode(column: "ordinal", as: String.self)),
                title: try row.decode(column: "title", as: String.self),
                text: try row.decode(column: "body", as: String.self),
                groups: (try row.decode(column: "groups", as: String?.self))?.split(separator: "、").map(String.init)
                    ?? [],
                dueOn: try row.decode(column: "due_on", as: String?.self),
                percent: try row.decode(column: "percent", as: Int.self),
                supervisedOn: try row.decode(column: "supervised_on", as: String?.self),
                supervisionNote: try row.decode(column: "supervision_note", as: String?.self))
            task.hasChildren = try row.decode(column: "children", as: Int.self) > 0
            return task
        }
        guard !tasks.isEmpty else { return [] }
        let index = Dictionary(uniqueKeysWithValues: tasks.enumerated().map { ($1.id, $0) })
        for batch in tasks.map(\.id).chunked(into: 500) {
            for row in try await sql.raw(
                """
                SELECT u.task_id, u.role, d.id, d.name FROM plan_task_units u JOIN departments d ON d.id = u.department_id
                WHERE u.task_id IN (\(binds: Array(batch))) ORDER BY u.position
                """
            ).all() {
                guard let i = index[try row.decode(column: "task_id", as: UUID.self)] else { continue }
                let unit = UnitRef(
                    id: try row.decode(column: "id", as: UUID.self),
                    name: try row.decode(column: "name", as: String.self))
                if try row.decode(column: "role", as: String.self) == "lead" {
                    tasks[i].leads.append(unit)
                } else {
                    tasks[i].cos.append(unit)
                }
            }
            for row in try await sql.raw(
                """
                SELECT id, task_id, title, due_on, reached_on FROM plan_milestones
                WHERE task_id IN (\(binds: Array(batch))) ORDER BY due_on, title
                """
            ).all() {
                let milestone = MilestoneRecord(
                    id: try row.decode(column: "id", as: UUID.self),
                    taskId: try row.decode(column: "task_id", as: UUID.self),
                    title: try row.decode(column: "title", as: String.self),
                    dueOn: try row.decode(column: "due_on", as: String.self),
                    reachedOn: try row.decode(column: "reached_on", as: String?.self))
                if let i = index[milestone.taskId] { tasks[i].milestones.append(milestone) }
            }
        }
        return tasks
    }
}
