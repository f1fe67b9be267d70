import Foundation
import JieyouDomain

/// A plan as its list shows it.
struct PlanRecord: Sendable {
    let id: UUID
    let orgUnitId: UUID
    let title: String
    let documentNumber: String?
    let issuedOn: String?
    let year: Int
    let workstreamCount: Int
    let taskCount: Int
    let targetCount: Int
}

struct UnitRef: Sendable, Hashable {
    let id: UUID
    let name: String
}

struct WorkstreamRecord: Sendable {
    let id: UUID
    let position: Int
    let name: String
    let taskForce: String?
    let convener: String?
    let office: UnitRef?
    var deputies: [UnitRef]
    var members: [UnitRef]
}

struct TargetRecord: Sendable {
    let id: UUID
    let workstreamId: UUID
    let indicator: String
    let comparison: TargetComparison
    let value: String
    let unit: String
    let baseline: String?
    /// The latest month with an actual, and its value.
    var actualMonth: String?
    var actual: String?

    var requirement: String { "\(comparison.symbol) \(value)\(unit.isEmpty ? "" : " \(unit)")" }

    /// 已达成 / 未达成 / 待报送
    var statusName: String {
        guard let actual, let a = PlanNumber.parse(actual), let t = PlanNumber.parse(value) else { return "待报送" }
        return comparison.isMet(actual: a, target: t) ? "已达成" : "未达成"
    }
}

struct MilestoneRecord: Sendable {
    let id: UUID
    let taskId: UUID
    let title: String
    let dueOn: String
    let reachedOn: String?
}

struct TaskRecord: Sendable {
    let id: UUID
    let planId: UUID
    let workstreamId: UUID
    let parentId: UUID?
    let position: Int
    let number: TaskNumber
    let title: String
    let text: String
    let groups: [String]
    let dueOn: String?
    let percent: Int
    let supervisedOn: String?
    let supervisionNote: String?
    var leads: [UnitRef] = []
    var cos: [UnitRef] = []
    var milestones: [MilestoneRecord] = []
    /// True when tasks sit under it: a heading such as （一）大力提振消费.
    var hasChildren = false

    func standing(on day: LocalDate) -> TaskStanding {
        let missed = milestones.contains { $0.reachedOn == nil && (LocalDate(iso: $0.dueOn).map { $0 < day } ?? false) }
        return TaskStanding.of(
            percent: percent, dueOn: dueOn.flatMap(LocalDate.init(iso:)), missedMilestone: missed, on: day)
    }

    /// Whether a lead unit owes this task a 旬调度 report.
    var owesReports: Bool { !hasChildren && !leads.isEmpty }
}

/// A plan with everything under it, in the plan's order.
struct PlanDetail: Sendable {
    let plan: PlanRecord
    let workstreams: [WorkstreamRecord]
    let targets: [TargetRecord]
    let tasks: [TaskRecord]

    func workstream(_ id: UUID) -> WorkstreamRecord? { workstreams.first { $0.id == id } }
}
