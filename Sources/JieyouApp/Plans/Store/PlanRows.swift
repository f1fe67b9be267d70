import Foundation
import JieyouDomain
import SQLKit

/// The rows a checked plan writes below its `plans` row: workstreams and their units, targets, tasks
/// (each under the nearest item above it of a higher level) and their lead and co units. Built in
/// memory, then inserted table by table in multi-row statements.
struct PlanRows {
    private let planID: UUID
    private let units: [String: UUID]
    private let now: Date
    private var streams: [[any SQLExpression]] = []
    private var streamUnits: [[any SQLExpression]] = []
    private var targets: [[any SQLExpression]] = []
    private var tasks: [[any SQLExpression]] = []
    private var taskUnits: [[any SQLExpression]] = []
    private var position = 0

    /// `units` maps each unit name the plan uses to its department.
    init(_ plan: PlanDraft, id: UUID, units: [String: UUID], now: Date) {
        planID = id
        self.units = units
        self.now = now
        for (index, stream) in plan.workstreams.enumerated() { add(stream, at: index) }
    }

    func insert(on sql: any SQLDatabase) async throws {
        try await PlanStore.insertRows(
            "plan_workstreams",
            ["id", "plan_id", "position", "name", "task_force", "convener", "office_department_id"],
            streams, sql: sql)
        try await PlanStore.insertRows(
            "plan_workstream_units", ["workstream_id", "department_id", "role", "position"], streamUnits, sql: sql)
        try await PlanStore.insertRows(
            "plan_targets",
            [
                "id", "plan_id", "workstream_id", "position", "indicator", "comparison", "value", "unit", "source",
                "baseline",
            ],
            targets, sql: sql)
        try await PlanStore.insertRows(
            "plan_tasks",
            [
                "id", "plan_id", "workstream_id", "parent_id", "position", "style", "ordinal", "title", "body",
                "groups",
                "due_on", "percent", "updated_at",
            ], tasks, sql: sql)
        try await PlanStore.insertRows(
            "plan_task_units", ["task_id", "department_id", "role", "position"], taskUnits, sql: sql)
    }

    private mutating func add(_ stream: WorkstreamDraft, at index: Int) {
        let streamID = UUID()
        let force = stream.taskForce
        streams.append([
            SQLBind(streamID), SQLBind(planID), SQLBind(index), SQLBind(stream.name), SQLBind(force.name),
            SQLBind(force.convener), SQLBind(force.officeUnit.flatMap { units[$0] }),
        ])
        var seen: Set<String> = []
        for (role, names) in [("deputy", force.deputyUnits), ("member", force.memberUnits)] {
            for (index, name) in names.enumerated() {
                guard let unit = units[name], seen.insert("\(role)\(unit)").inserted else { continue }
                streamUnits.append([SQLBind(streamID), SQLBind(unit), SQLBind(role), SQLBind(index)])
            }
        }
        for (t, target) in stream.targets.enumerated() {
            targets.append([
                SQLBind(UUID()), SQLBind(planID), SQLBind(streamID), SQLBind(t), SQLBind(target.indicator),
                SQLBind(target.comparison.rawValue), SQLBind(target.value), SQLBind(target.unit),
                SQLBind(target.source.isEmpty ? nil : String(target.source.prefix(500))), SQLBind(target.baseline),
            ])
        }
        // The parent of an item is the nearest item above it of a higher level.
        var open: [(style: TaskNumber.Style, id: UUID)] = []
        for task in stream.tasks {
            let taskID = UUID()
            while let last = open.last, last.style >= task.number.style { open.removeLast() }
            tasks.append([
                SQLBind(taskID), SQLBind(planID), SQLBind(streamID), SQLBind(open.last?.id), SQLBind(position),
                SQLBind(task.number.style.rawValue), SQLBind(task.number.ordinal), SQLBind(task.title),
                SQLBind(task.text), SQLBind(task.groups.isEmpty ? nil : task.groups.joined(separator: "、")),
                SQLBind(task.dueOn), SQLBind(0), SQLBind(now),
            ])
            position += 1
            open.append((task.number.style, taskID))
            var taken: Set<UUID> = []
            for (role, names) in [("lead", task.leadUnits), ("co", task.coUnits)] {
                for (index, name) in names.enumerated() {
                    guard let unit = units[name], taken.insert(unit).inserted else { continue }
                    taskUnits.append([SQLBind(taskID), SQLBind(unit), SQLBind(role), SQLBind(index)])
                }
            }
        }
    }
}
