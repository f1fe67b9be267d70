import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit

/// A plan's 月通报 or 季讲评 (seed 001 三(三) "旬调度、月通报、季讲评"): where its tasks stood at the
/// period's end, its targets against the actuals entered up to then, the tasks behind schedule and
/// under 挂牌督办, how the lead units reported their 旬调度, and the difficulties they raised.
struct PlanBulletin: Sendable {
    struct TaskLine: Sendable {
        let task: TaskRecord
        /// The furthest percentage reported up to the period's end.
        let percent: Int
        let standing: TaskStanding
    }

    struct UnitReporting: Sendable {
        let unit: UnitRef
        let owed: Int
        let reported: Int
    }

    struct Difficulty: Sendable {
        let task: TaskRecord
        let unit: UnitRef
        let period: TenDayPeriod
        let text: String
    }

    let plan: PlanRecord
    let period: ReportPeriod
    let tasks: [TaskLine]
    let targets: [TargetRecord]
    let reporting: [UnitReporting]
    let difficulties: [Difficulty]
    let workstreamNames: [UUID: String]

    var title: String { "\(plan.title)\(period.chineseName)\(period.kind == .quarter ? "讲评" : "通报")" }

    func count(_ standing: TaskStanding) -> Int { tasks.filter { $0.standing == standing }.count }
    var behind: [TaskLine] { tasks.filter { $0.standing == .behind } }
    var supervised: [TaskLine] { tasks.filter { $0.task.supervisedOn.map { $0 <= period.end.iso } ?? false } }
    var owed: Int { reporting.reduce(0) { $0 + $1.owed } }
    var reported: Int { reporting.reduce(0) { $0 + $1.reported } }
    var targetsMet: Int { targets.filter { $0.statusName == "已达成" }.count }
    var targetsMissed: Int { targets.filter { $0.statusName == "未达成" }.count }

    static func percentText(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "—" : "\(PlanNumber.format((Double(part) * 1000 / Double(whole)).rounded() / 10))%"
    }

    /// 一、总体情况 as one paragraph.
    var summary: String {
        var text = "截至\(period.end.month)月\(period.end.day)日，\(plan.title)共有任务\(tasks.count)项，"
        text += "已完成\(count(.done))项、推进中\(count(.inProgress))项、滞后\(count(.behind))项、未启动\(count(.notStarted))项"
        if !targets.isEmpty {
            text += "；量化目标\(targets.count)项，已达成\(targetsMet)项、未达成\(targetsMissed)项"
            let pending = targets.count - targetsMet - targetsMissed
            if pending > 0 { text += "、待报送实际值\(pending)项" }
        }
        text +=
            "。\(period.chineseName)各牵头单位应报送旬调度\(owed)项次，实际报送\(reported)项次，报送率\(Self.percentText(reported, of: owed))"
        let silent = reporting.filter { $0.reported < $0.owed }.count
        text += silent == 0 ? "，均按时报送。" : "，\(silent)个单位存在漏报。"
        return text
    }

    /// Builds the bulletin of `period` from the plan as stored.
    static func make(_ detail: PlanDetail, period: ReportPeriod, on sql: any SQLDatabase) async throws -> PlanBulletin {
        var tenDays: [TenDayPeriod] = []
        var tenDay = TenDayPeriod(containing: period.start)
        while tenDay.start <= period.end {
            tenDays.append(tenDay)
            tenDay = tenDay.next
        }
        let tasks = try await taskLines(detail, period: period, on: sql)
        var owed: [UnitRef: Int] = [:]
        var reported: [UnitRef: Int] = [:]
        var order: [UnitRef] = []
        var difficulties: [Difficulty] = []
        for tenDay in tenDays {
            let summary = try await PlanProgress.summary(detail, period: tenDay, on: sql)
            for line in summary.lines {
                if owed[line.unit] == nil { order.append(line.unit) }
                owed[line.unit, default: 0] += 1
                if let report = line.report {
                    reported[line.unit, default: 0] += 1
                    if let text = report.difficulties {
                        difficulties.append(Difficulty(task: line.task, unit: line.unit, period: tenDay, text: text))
                    }
                }
            }
        }
        let month = String(period.end.iso.prefix(7))
        return PlanBulletin(
            plan: detail.plan, period: period, tasks: tasks,
            targets: try await PlanTargets.targets(of: detail.plan.id, upTo: month, on: sql),
            reporting: order.map { UnitReporting(unit: $0, owed: owed[$0] ?? 0, reported: reported[$0] ?? 0) }
                .sorted { ($0.owed - $0.reported) > ($1.owed - $1.reported) },
            difficulties: difficulties,
            workstreamNames: Dictionary(uniqueKeysWithValues: detail.workstreams.map { ($0.id, $0.name) }))
    }

    /// The plan's tasks that owe reports, each with the furthest percentage reported up to the period's
    /// last 旬 and where it stood at the period's end.
    static func taskLines(_ detail: PlanDetail, period: ReportPeriod, on sql: any SQLDatabase) async throws
        -> [TaskLine]
    {
        let lastTenDay = TenDayPeriod(containing: period.end)
        var percents: [UUID: Int] = [:]
        for row in try await sql.raw(
            """
            SELECT p.task_id, MAX(p.percent) AS percent FROM plan_progress p JOIN plan_tasks t ON t.id = p.task_id
            WHERE t.plan_id = \(bind: detail.plan.id) AND p.period <= \(bind: lastTenDay.description) GROUP BY p.task_id
            """
        ).all() {
            percents[try row.decode(column: "task_id", as: UUID.self)] = try row.decode(column: "percent", as: Int.self)
        }
        let dayAfter = period.end.adding(days: 1)
        return detail.tasks.filter(\.owesReports).map { task -> TaskLine in
            let percent = percents[task.id] ?? 0
            let missed = task.milestones.contains { m in
                guard let due = LocalDate(iso: m.dueOn), due < dayAfter else { return false }
                return m.reachedOn.map { $0 > period.end.iso } ?? true
            }
            return TaskLine(
                task: task, percent: percent,
                standing: TaskStanding.of(
                    percent: percent, dueOn: task.dueOn.flatMap(LocalDate.init(iso:)), missedMilestone: missed,
                    on: dayAfter))
        }
    }

    // MARK: Tables, shared by the page and the .docx

    static let targetHeader = ["攻坚", "指标", "目标", "实际", "状态"]
    static let taskHeader = ["攻坚", "任务", "牵头单位", "完成时限", "进度"]
    static let reportingHeader = ["单位", "应报（项次）", "已报", "漏报", "报送率"]

    var targetRows: [[String]] {
        targets.map { target in
            let actual = target.actual.map { "\($0)\(target.unit)（\(target.actualMonth ?? "")）" } ?? "未报送"
            return [
                workstreamNames[target.workstreamId] ?? "", target.indicator, target.requirement, actual,
                target.statusName,
            ]
        }
    }

    func taskRows(_ lines: [TaskLine]) -> [[String]] {
        lines.map {
            [
                workstreamNames[$0.task.workstreamId] ?? "", "\($0.task.number.label)\($0.task.title)",
                $0.task.leads.map(\.name).joined(separator: "、"), $0.task.dueOn ?? "—", "\($0.percent)%",
            ]
        }
    }

    var reportingRows: [[String]] {
        reporting.map {
            [
                "\($0.unit.name)", "\($0.owed)", "\($0.reported)", "\($0.owed - $0.reported)",
                Self.percentText($0.reported, of: $0.owed),
            ]
        }
    }

    /// The 通报 as an official document: the plan's 专班 issues it (in the 版头 when `masthead`, with
    /// the period's issue number), and its lead units receive copies.
    func document(masthead: Bool, issuedOn: LocalDate) -> DocxDocument {
        let taskForce = "\(plan.title)工作专班"
        var document = DocxDocument(
            documentTitle: title, masthead: masthead ? taskForce : nil, issueLine: masthead ? period.issueLine : nil)
        document.append(.title(title))
        document.append(.subtitle("（\(period.start.iso)至\(period.end.iso)）"))
        document.append(.heading1("一、总体情况"))
        document.append(.paragraph(summary))
        document.append(.heading1("二、目标完成情况"))
        if targets.isEmpty {
            document.append(.paragraph("本方案未设量化目标。"))
        } else {
            document.append(.table(header: Self.targetHeader, rows: targetRows))
        }
        document.append(.heading1("三、滞后任务"))
        if behind.isEmpty {
            document.append(.paragraph("无滞后任务。"))
        } else {
            document.append(.paragraph("以下\(behind.count)项任务已过完成时限或节点而未完成，请牵头单位加快推进："))
            document.append(.table(header: Self.taskHeader, rows: taskRows(behind)))
        }
        document.append(.heading1("四、挂牌督办任务"))
        if supervised.isEmpty {
            document.append(.paragraph("本期无挂牌督办任务。"))
        } else {
            for line in supervised {
                document.append(
                    .paragraph(
                        "\(line.task.number.label)\(line.task.title)（\(line.task.leads.map(\.name).joined(separator: "、"))，进度\(line.percent)%）：\(line.task.supervisionNote ?? "")"
                    ))
            }
        }
        document.append(.heading1("五、旬调度报送情况"))
        document.append(.table(header: Self.reportingHeader, rows: reportingRows))
        document.append(.heading1("六、困难问题"))
        if difficulties.isEmpty {
            document.append(.paragraph("各牵头单位本期未反映困难问题。"))
        } else {
            for item in difficulties {
                document.append(
                    .paragraph(
                        "\(item.unit.name)反映，\(item.task.number.label)\(item.task.title)（\(item.period.chineseName)）：\(item.text)"
                    ))
            }
        }
        document.append(.signature(issuer: taskForce, date: issuedOn.chinese))
        document.recordSheet = DocxDocument.RecordSheet(
            copiesTo: reporting.isEmpty ? ["各牵头单位"] : reporting.map(\.unit.name), printedBy: taskForce,
            printedOn: issuedOn.chinese)
        return document
    }
}
