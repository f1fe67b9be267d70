import Foundation

/// A plan (攻坚方案) as parsed from its text, or as the dispatcher corrected it: what the preview shows
/// and what is saved. Plain values, Codable, so the API returns it and takes it back.
public struct PlanDraft: Hashable, Sendable, Codable {
    public var title: String
    /// 文号, e.g. 西管办发〔2025〕5号.
    public var documentNumber: String?
    /// The date the plan was issued (印发), ISO.
    public var issuedOn: String?
    public var workstreams: [WorkstreamDraft]

    public init(title: String, documentNumber: String? = nil, issuedOn: String? = nil, workstreams: [WorkstreamDraft]) {
        self.title = title
        self.documentNumber = documentNumber
        self.issuedOn = issuedOn
        self.workstreams = workstreams
    }

    /// Every unit the plan names, in order of first appearance: leads, co-units, 专班 members and
    /// offices.
    public var unitNames: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        func add(_ name: String?) {
            guard let name, !name.isEmpty, seen.insert(name).inserted else { return }
            names.append(name)
        }
        for workstream in workstreams {
            add(workstream.taskForce.officeUnit)
            workstream.taskForce.deputyUnits.forEach(add)
            for task in workstream.tasks {
                task.leadUnits.forEach(add)
                task.coUnits.forEach(add)
            }
            workstream.taskForce.memberUnits.forEach(add)
        }
        return names
    }

    public var taskCount: Int { workstreams.reduce(0) { $0 + $1.tasks.count } }
    public var targetCount: Int { workstreams.reduce(0) { $0 + $1.targets.count } }
}

/// One 攻坚 of a plan (an annex such as 附件1 内需扩量提效攻坚实施方案), with its 专班.
public struct WorkstreamDraft: Hashable, Sendable, Codable {
    /// 内需扩量提效攻坚
    public var name: String
    public var taskForce: TaskForceDraft
    public var targets: [TargetDraft]
    public var tasks: [TaskDraft]

    public init(
        name: String, taskForce: TaskForceDraft = TaskForceDraft(), targets: [TargetDraft] = [], tasks: [TaskDraft] = []
    ) {
        self.name = name
        self.taskForce = taskForce
        self.targets = targets
        self.tasks = tasks
    }
}

/// A workstream's 专班 as its 推进机制 paragraph sets it up.
public struct TaskForceDraft: Hashable, Sendable, Codable {
    /// 内需扩量提效攻坚工作专班
    public var name: String?
    /// Who convenes it (召集人), a role: 分管区领导.
    public var convener: String?
    /// The units whose heads are deputy conveners (副召集人): 区发改局.
    public var deputyUnits: [String]
    public var memberUnits: [String]
    /// Where the 专班办公室 sits; it dispatches the workstream.
    public var officeUnit: String?

    public init(
        name: String? = nil, convener: String? = nil, deputyUnits: [String] = [], memberUnits: [String] = [],
        officeUnit: String? = nil
    ) {
        self.name = name
        self.convener = convener
        self.deputyUnits = deputyUnits
        self.memberUnits = memberUnits
        self.officeUnit = officeUnit
    }
}

/// A target (目标): 社会消费品零售总额增长 ≥ 6 %.
public struct TargetDraft: Hashable, Sendable, Codable {
    public var indicator: String
    public var comparison: TargetComparison
    /// The number as written: 6, 5.5, 13.8.
    public var value: String
    /// %, 家, 亿元, 万美元; empty for a count without a unit.
    public var unit: String
    /// The words of the plan it was read from.
    public var source: String
    /// Where the indicator stood when the plan began (基数), when the office enters it.
    public var baseline: String?

    public init(
        indicator: String, comparison: TargetComparison, value: String, unit: String, source: String = "",
        baseline: String? = nil
    ) {
        self.indicator = indicator
        self.comparison = comparison
        self.value = value
        self.unit = unit
        self.source = source
        self.baseline = baseline
    }

    /// ≥ 6 %
    public var requirement: String { "\(comparison.symbol) \(value)\(unit.isEmpty ? "" : " \(unit)")" }
}

/// A task (任务) at its place in the numbering, with who leads it and who helps.
public struct TaskDraft: Hashable, Sendable, Codable {
    public var number: TaskNumber
    /// The words before the first 。 when they are a heading (推动增收减负); else the first words.
    public var title: String
    /// The whole text without the unit clause.
    public var text: String
    public var leadUnits: [String]
    public var coUnits: [String]
    /// True when the clause named no lead and the first unit was taken as lead.
    public var leadInferred: Bool
    /// Groups named as responsible that are no single unit (区直有关单位).
    public var groups: [String]
    /// ISO date, when the text gives one (年内, 6月底前) or the dispatcher sets one.
    public var dueOn: String?

    public init(
        number: TaskNumber, title: String, text: String, leadUnits: [String] = [], coUnits: [String] = [],
        leadInferred: Bool = false, groups: [String] = [], dueOn: String? = nil
    ) {
        self.number = number
        self.title = title
        self.text = text
        self.leadUnits = leadUnits
        self.coUnits = coUnits
        self.leadInferred = leadInferred
        self.groups = groups
        self.dueOn = dueOn
    }

    /// A heading such as （一）大力提振消费 groups the tasks under it and names nobody.
    public var isHeading: Bool { leadUnits.isEmpty && coUnits.isEmpty && groups.isEmpty && text == title }
}
