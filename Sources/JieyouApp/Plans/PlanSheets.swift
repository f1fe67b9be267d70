import Foundation
import JieyouDomain
import JieyouOffice

/// A plan's 三张清单 (seed 001 三(二)): 目标清单, 任务清单 and 责任清单 as three sheets of one .xlsx,
/// each with a title over a frozen header, A4 landscape, as a 专班办公室 prints and sends them.
enum PlanSheets {
    static let targetHeader = ["序号", "攻坚", "指标", "目标", "基数", "最新实际", "截至月份", "状态"]
    static let taskHeader = ["序号", "攻坚", "编号", "任务", "牵头单位", "配合单位", "完成时限", "进度", "状态", "督办"]
    static let unitHeader = ["序号", "责任单位", "责任", "攻坚", "编号", "任务", "完成时限", "进度", "状态"]

    static func write(_ detail: PlanDetail, today: LocalDate, to url: URL) throws {
        let writer = try XlsxWriter(url: url)
        let names = Dictionary(uniqueKeysWithValues: detail.workstreams.map { ($0.id, $0.name) })
        let title = detail.plan.title

        let targetWidths: [Double] = [6, 18, 36, 14, 10, 12, 12, 10]
        try writer.addSheet(named: "目标清单", columnWidths: targetWidths, frozenRows: 2, print: .table(headerRows: 2)) {
            sheet in
            try titleRow("\(title)目标清单", columns: targetWidths.count, sheet)
            try sheet.addRow(targetHeader.map { .text($0) }, style: .header, height: 30)
            for (index, target) in detail.targets.enumerated() {
                try sheet.addRow(
                    [
                        .number(Double(index + 1)), .text(names[target.workstreamId] ?? ""), .text(target.indicator),
                        .text(target.requirement), target.baseline.map { .text("\($0)\(target.unit)") } ?? .empty,
                        target.actual.map { .text("\($0)\(target.unit)") } ?? .empty,
                        target.actualMonth.map { .text($0) } ?? .empty, .text(target.statusName),
                    ], styles: styles(targetWidths.count, wrapped: [2]))
            }
        }

        let taskWidths: [Double] = [6, 16, 8, 44, 18, 28, 12, 8, 8, 10]
        try writer.addSheet(named: "任务清单", columnWidths: taskWidths, frozenRows: 2, print: .table(headerRows: 2)) {
            sheet in
            try titleRow("\(title)任务清单", columns: taskWidths.count, sheet)
            try sheet.addRow(taskHeader.map { .text($0) }, style: .header, height: 30)
            var number = 0
            for task in detail.tasks {
                if task.hasChildren {
                    try sheet.addRow(
                        [.empty, .text(names[task.workstreamId] ?? ""), .text(task.number.label), .text(task.title)]
                            + Array(repeating: .empty, count: taskWidths.count - 4),
                        styles: styles(taskWidths.count, wrapped: [3]))
                    continue
                }
                number += 1
                try sheet.addRow(
                    [
                        .number(Double(number)), .text(names[task.workstreamId] ?? ""), .text(task.number.label),
                        .text(task.text), .text(task.leads.map(\.name).joined(separator: "、")),
                        .text((task.cos.map(\.name) + task.groups).joined(separator: "、")), day(task.dueOn),
                        .text("\(task.percent)%"), .text(task.standing(on: today).chineseName),
                        task.supervisedOn.map { .text("\($0)挂牌") } ?? .empty,
                    ], styles: styles(taskWidths.count, wrapped: [3, 4, 5]))
            }
        }

        let unitWidths: [Double] = [6, 18, 8, 16, 8, 44, 12, 8, 8]
        try writer.addSheet(named: "责任清单", columnWidths: unitWidths, frozenRows: 2, print: .table(headerRows: 2)) {
            sheet in
            try titleRow("\(title)责任清单", columns: unitWidths.count, sheet)
            try sheet.addRow(unitHeader.map { .text($0) }, style: .header, height: 30)
            var number = 0
            for (unit, rows) in responsibilities(detail) {
                let first = sheet.lastRow + 1
                for (index, row) in rows.enumerated() {
                    number += 1
                    let task = row.task
                    try sheet.addRow(
                        [
                            .number(Double(number)), index == 0 ? .text(unit.name) : .empty,
                            .text(row.lead ? "牵头" : "配合"),
                            .text(names[task.workstreamId] ?? ""), .text(task.number.label), .text(task.text),
                            day(task.dueOn), .text("\(task.percent)%"), .text(task.standing(on: today).chineseName),
                        ], styles: styles(unitWidths.count, wrapped: [5]))
                }
                try sheet.merge(columns: 1...1, rows: first...max(first, sheet.lastRow))
            }
        }
        try writer.close()
    }

    /// Each unit with the tasks it leads, then those it supports, in the order units first appear.
    static func responsibilities(_ detail: PlanDetail) -> [(UnitRef, [(task: TaskRecord, lead: Bool)])] {
        var order: [UnitRef] = []
        var rows: [UnitRef: [(task: TaskRecord, lead: Bool)]] = [:]
        for lead in [true, false] {
            for task in detail.tasks where !task.hasChildren {
                for unit in lead ? task.leads : task.cos {
                    if rows[unit] == nil {
                        order.append(unit)
                        rows[unit] = []
                    }
                    rows[unit]!.append((task, lead))
                }
            }
        }
        return order.map { ($0, rows[$0]!) }
    }

    private static func titleRow(_ title: String, columns: Int, _ sheet: SheetWriter) throws {
        try sheet.addRow([.text(title)] + Array(repeating: .empty, count: columns - 1), style: .title, height: 36)
        try sheet.merge(columns: 0...(columns - 1), rows: 1...1)
    }

    private static func styles(_ count: Int, wrapped: Set<Int>) -> [XlsxWriter.Style] {
        (0..<count).map { wrapped.contains($0) ? .wrapped : .centered }
    }

    private static func day(_ iso: String?) -> XlsxValue {
        iso.flatMap(LocalDate.init(iso:)).map { .date($0) } ?? .empty
    }
}
