import Foundation
import JieyouDomain

/// The 攻坚方案's other use cases: the plans an actor reads, importing one, a task's page and its
/// reports, 督办, milestones, monthly actuals, and one unit's tasks across the plans.
extension PlanDesk {
    func plans(for actor: Actor) async throws -> [PlanRecord] {
        try await PlanStore.list(by: actor, in: try await OrgDirectory.tree(on: database), on: database.sql)
    }

    /// A 旬's progress of the plan: who owes a report and what was reported.
    func progress(_ detail: PlanDetail, period: TenDayPeriod) async throws -> TenDaySummary {
        try await PlanProgress.summary(detail, period: period, on: database.sql)
    }

    // MARK: Importing a plan

    /// The plan a pasted text describes, and how each unit it names matches the actor's departments.
    func preview(_ text: String, by actor: Actor) async throws -> (PlanDraft, [PlanUnitMatch]) {
        try await PlanStore(database: database, now: now).preview(text, by: actor)
    }

    func save(_ draft: PlanDraft, mapping: [String: UUID], by actor: Actor) async throws -> UUID {
        try await PlanStore(database: database, now: now).save(draft, mapping: mapping, by: actor)
    }

    /// The units of a corrected draft matched again, with the reviewer's choices (`mapping`) kept: what
    /// the review form shows after a save was refused.
    func rematch(_ draft: PlanDraft, mapping: [String: UUID], of unit: UUID) async throws -> [PlanUnitMatch] {
        let departments = try await departments(of: unit)
        return PlanUnits.match(draft.unitNames, against: departments).map { unit in
            guard let mapped = mapping[unit.name], let d = departments.first(where: { $0.id == mapped }) else {
                return unit
            }
            return PlanUnitMatch(name: unit.name, departmentId: d.id, departmentName: d.name, kind: .similar)
        }
    }

    /// The active departments of `unit`, which a plan's 责任单位 are matched against.
    func departments(of unit: UUID) async throws -> [PlanUnits.Department] {
        try await PlanUnits.departments(of: unit, on: database.sql)
    }

    // MARK: Tasks

    /// A task the actor reads, its plan, and every progress report on it.
    func task(_ id: UUID, for actor: Actor) async throws
        -> (plan: PlanRecord, task: TaskRecord, reports: [ProgressRecord])
    {
        let tree = try await OrgDirectory.tree(on: database)
        let (plan, task) = try await PlanProgress.readableTask(id, by: actor, in: tree, on: database.sql)
        return (plan, task, try await PlanProgress.records(ofTask: task.id, on: database.sql))
    }

    func report(
        task id: UUID, _ draft: ProgressDraft, period: String?, department: UUID?, milestone: UUID?, by actor: Actor
    ) async throws {
        try await PlanProgress(database: database, now: now).report(
            task: id, draft, period: period, department: department, milestone: milestone, by: actor)
    }

    /// Puts the task under 督办 with `note`, or lifts it (nil).
    func supervise(task id: UUID, note: String?, by actor: Actor) async throws {
        try await PlanProgress(database: database, now: now).supervise(task: id, note: note, by: actor)
    }

    func addMilestone(task id: UUID, title: String?, dueOn: String?, by actor: Actor) async throws -> UUID {
        try await PlanProgress(database: database, now: now).addMilestone(
            task: id, title: title, dueOn: dueOn, by: actor)
    }

    /// Records a target's actual value for a month; returns the target's plan.
    @discardableResult
    func recordActual(target id: UUID, month: String?, value: String?, note: String?, by actor: Actor) async throws
        -> UUID
    {
        try await PlanTargets(database: database, now: now).recordActual(
            target: id, month: month, value: value, note: note, by: actor)
        guard let plan = try await PlanStore.planID(ofTarget: id, on: database.sql) else {
            throw AppError.notFound("目标")
        }
        return plan
    }

    // MARK: One unit's tasks

    /// A department of the actor's subtree, its tasks in the plans the actor reads (without parent
    /// tasks), those plans, and which tasks it reported in `period`.
    func unitTasks(_ department: UUID, period: TenDayPeriod, for actor: Actor) async throws
        -> (name: String, tasks: [TaskRecord], plans: [UUID: PlanRecord], reported: Set<UUID>)
    {
        guard AccessPolicy.has(actor, .readPlans) else { throw AppError.forbidden() }
        let sql = database.sql
        let tree = try await OrgDirectory.tree(on: database)
        guard let found = try await OrgDirectory.department(department, on: sql),
            tree.isWithin(found.orgUnitID, subtreeOf: actor.orgUnitID)
        else { throw AppError.notFound("单位") }
        let tasks = try await PlanStore.tasks(ofDepartment: department, on: sql)
        let plans = Dictionary(
            try await PlanStore.list(by: actor, in: tree, on: sql).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let reported = Set(
            try await PlanProgress.records(ofDepartment: department, period: period, on: sql).map(\.taskId))
        return (found.name, tasks.filter { plans[$0.planId] != nil && !$0.hasChildren }, plans, reported)
    }
}
