import Foundation

/// What a plan must hold to be saved, and what a 旬调度 report must say. Every error names the field the
/// form shows, in the words a dispatcher reads.
public enum PlanRules {
    public static let maxWorkstreams = 30
    public static let maxTasks = 2_000
    public static let maxTextLength = 4_000

    /// Checks a (corrected) draft. A task with tasks under it is a heading and needs no unit; any other
    /// task needs a lead unit, since nobody would owe its 旬调度 otherwise.
    public static func validate(_ draft: PlanDraft) -> Result<PlanDraft, ValidationFailure> {
        var v = Validator()
        var plan = draft
        plan.title = v.requiredText(draft.title, field: "title", label: "方案名称", maxLength: 100) ?? ""
        plan.documentNumber = v.optionalText(draft.documentNumber, field: "documentNumber", label: "文号", maxLength: 50)
        if let issued = draft.issuedOn?.trimmingSpaces, !issued.isEmpty {
            v.check(LocalDate(iso: issued) != nil, "issuedOn", "印发日期格式应为 2025-04-27")
            plan.issuedOn = issued
        } else {
            plan.issuedOn = nil
        }
        v.check(!draft.workstreams.isEmpty, "workstreams", "方案中没有识别出攻坚（附件）；请检查粘贴的文本")
        v.check(draft.workstreams.count <= maxWorkstreams, "workstreams", "攻坚不能超过\(maxWorkstreams)个")
        v.check(draft.taskCount <= maxTasks, "workstreams", "任务不能超过\(maxTasks)项")
        v.check(draft.taskCount > 0, "workstreams", "方案中没有识别出任务；任务应以（一）、1.、（1）等编号开头")
        for (w, stream) in draft.workstreams.enumerated() {
            let place = "第\(w + 1)个攻坚"
            let prefix = "workstreams[\(w)]"
            plan.workstreams[w].name =
                v.requiredText(stream.name, field: "\(prefix).name", label: "\(place)的名称", maxLength: 60) ?? ""
            for (t, target) in stream.targets.enumerated() {
                let field = "\(prefix).targets[\(t)]"
                let label = "\(place)第\(t + 1)个目标"
                plan.workstreams[w].targets[t].indicator =
                    v.requiredText(target.indicator, field: "\(field).indicator", label: "\(label)的指标", maxLength: 100)
                    ?? ""
                if let value = PlanNumber.parse(target.value) {
                    plan.workstreams[w].targets[t].value = PlanNumber.format(value)
                } else {
                    v.fail("\(field).value", "\(label)的目标值应为数字，如 6 或 13.8")
                }
                if let baseline = target.baseline?.trimmingSpaces, !baseline.isEmpty {
                    if let number = PlanNumber.parse(baseline) {
                        plan.workstreams[w].targets[t].baseline = PlanNumber.format(number)
                    } else {
                        v.fail("\(field).baseline", "\(label)的基数应为数字")
                    }
                } else {
                    plan.workstreams[w].targets[t].baseline = nil
                }
                plan.workstreams[w].targets[t].unit = target.unit.trimmingSpaces
                v.check(target.unit.count <= 10, "\(field).unit", "\(label)的单位不能超过10个字")
            }
            for (t, task) in stream.tasks.enumerated() {
                let field = "\(prefix).tasks[\(t)]"
                let label = "\(place)第\(t + 1)项任务（\(task.number.label)）"
                let text = task.text.trimmingSpacesAndNewlines
                v.check(!text.isEmpty, "\(field).text", "\(label)的内容不能为空")
                v.check(text.count <= maxTextLength, "\(field).text", "\(label)的内容不能超过\(maxTextLength)字")
                plan.workstreams[w].tasks[t].text = text
                let title = task.title.trimmingSpaces
                plan.workstreams[w].tasks[t].title = title.isEmpty ? String(text.prefix(30)) : String(title.prefix(100))
                let hasChildren = t + 1 < stream.tasks.count && stream.tasks[t + 1].number.style > task.number.style
                let leads = task.leadUnits.map(UnitClause.unitName).filter { !$0.isEmpty }
                let cos = task.coUnits.map(UnitClause.unitName).filter { !$0.isEmpty && !leads.contains($0) }
                plan.workstreams[w].tasks[t].leadUnits = leads
                plan.workstreams[w].tasks[t].coUnits = cos
                if !hasChildren {
                    v.check(!leads.isEmpty, "\(field).leadUnits", "\(label)请填写牵头单位")
                }
                for name in leads + cos {
                    v.check(name.count <= 40, "\(field).leadUnits", "\(label)的单位名称“\(name.prefix(20))”过长")
                }
                if let due = task.dueOn?.trimmingSpaces, !due.isEmpty {
                    v.check(LocalDate(iso: due) != nil, "\(field).dueOn", "\(label)的完成时限格式应为 2025-12-31")
                    plan.workstreams[w].tasks[t].dueOn = due
                } else {
                    plan.workstreams[w].tasks[t].dueOn = nil
                }
            }
        }
        return v.errors.isEmpty ? .success(plan) : .failure(ValidationFailure(v.errors))
    }

    /// The year a plan runs in: the year it was issued, else this year.
    public static func year(of plan: PlanDraft, today: LocalDate) -> Int {
        plan.issuedOn.flatMap(LocalDate.init(iso:))?.year ?? today.year
    }
}

/// A lead unit's 旬调度 report on one task.
public struct ProgressDraft: Sendable, Hashable, Codable {
    public var progress: String?
    public var percent: String?
    public var difficulties: String?

    public init(progress: String?, percent: String?, difficulties: String? = nil) {
        self.progress = progress
        self.percent = percent
        self.difficulties = difficulties
    }
}

public struct ProgressValues: Sendable, Hashable {
    public let progress: String
    public let percent: Int
    public let difficulties: String?
}

public enum ProgressRules {
    /// `previous` is the percentage the unit last reported; a report does not go back below it.
    public static func validate(_ draft: ProgressDraft, previous: Int) -> Result<ProgressValues, ValidationFailure> {
        var v = Validator()
        let progress = v.requiredText(draft.progress, field: "progress", label: "本旬进展", maxLength: 1_000)
        var percent = previous
        let text = draft.percent?.trimmingSpaces.replacingOccurrences(of: "%", with: "") ?? ""
        if text.isEmpty {
            v.fail("percent", "请填写完成进度（0–100）")
        } else if let value = Int(text), (0...100).contains(value) {
            percent = value
            v.check(value >= previous, "percent", "完成进度不能低于上次报送的\(previous)%")
        } else {
            v.fail("percent", "完成进度应为0到100之间的整数")
        }
        let difficulties = v.optionalText(draft.difficulties, field: "difficulties", label: "困难问题", maxLength: 1_000)
        guard v.errors.isEmpty, let progress else { return .failure(ValidationFailure(v.errors)) }
        return .success(ProgressValues(progress: progress, percent: percent, difficulties: difficulties))
    }
}

/// Where a task stands on a day.
public enum TaskStanding: String, Sendable, Codable, CaseIterable {
    case notStarted
    case inProgress
    case done
    /// Past its due date, or a milestone's, and not done.
    case behind

    public var chineseName: String {
        switch self {
        case .notStarted: "未启动"
        case .inProgress: "推进中"
        case .done: "已完成"
        case .behind: "滞后"
        }
    }

    public static func of(percent: Int, dueOn: LocalDate?, missedMilestone: Bool, on day: LocalDate) -> TaskStanding {
        if percent >= 100 { return .done }
        if missedMilestone { return .behind }
        if let dueOn, dueOn < day { return .behind }
        return percent > 0 ? .inProgress : .notStarted
    }
}
