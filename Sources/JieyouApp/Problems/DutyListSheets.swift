import Foundation
import JieyouDomain
import JieyouOffice

/// The 责任清单 and 销号清单 as .xlsx: a title, a bordered table under a frozen header, A4 landscape.
enum DutyListSheets {
    static let responsibilityHeader = [
        "序号", "责任单位", "问题编号", "企业名称", "问题类别", "困难问题", "配合单位", "交办时间", "办理时限", "状态", "超期（工作日）",
    ]
    static let closedHeader = [
        "序号", "问题编号", "企业名称", "问题类别", "困难问题", "牵头单位", "交办时间", "办结时间", "销号时间", "办理结果", "企业评价",
    ]

    /// One department's rows under its name, merged down; departments most overdue first.
    static func writeResponsibility(
        _ departments: [ProblemDutyLists.Department], lists: ProblemDutyLists, labels: [String: String],
        title: String, to url: URL
    ) throws {
        let writer = try XlsxWriter(url: url)
        let widths: [Double] = [6, 16, 18, 24, 12, 40, 16, 12, 12, 10, 10]
        try writer.addSheet(named: "责任清单", columnWidths: widths, frozenRows: 2, print: .table(headerRows: 2)) { sheet in
            try titleRow(title, columns: widths.count, sheet)
            try sheet.addRow(responsibilityHeader.map { .text($0) }, style: .header, height: 30)
            var number = 0
            for department in departments {
                let first = sheet.lastRow + 1
                for (index, row) in department.rows.enumerated() {
                    number += 1
                    let days = lists.daysOverdue(row)
                    let state = ProblemState(rawValue: row.state)?.chineseName ?? row.state
                    let values: [XlsxValue] = [
                        .number(Double(number)),
                        index == 0 ? .text("\(department.name)（\(department.open)件，超期\(department.overdue)件）") : .empty,
                        .text(row.number), text(row.enterpriseName), text(row.categoryCode.flatMap { labels[$0] }),
                        .text(row.description), text(row.coDepartmentNames.joined(separator: "、")),
                        day(row.assignedOn), day(row.deadline), .text(row.pausedSince == nil ? state : "\(state)（挂起）"),
                        days > 0 ? .number(Double(days)) : .empty,
                    ]
                    try sheet.addRow(values, styles: styles(widths.count, wrapped: [5, 6]))
                }
                try sheet.merge(columns: 1...1, rows: first...max(first, sheet.lastRow))
            }
        }
        try writer.close()
    }

    /// The closed problems in pages read by `page(offset)`, latest first.
    static func writeClosed(
        title: String, labels: [String: String], to url: URL,
        page: (Int) async throws -> [ProblemDutyLists.ClosedRow]
    ) async throws {
        let writer = try XlsxWriter(url: url)
        let widths: [Double] = [6, 18, 24, 12, 36, 16, 12, 12, 12, 36, 14]
        try await writer.addSheet(named: "销号清单", columnWidths: widths, frozenRows: 2, print: .table(headerRows: 2)) {
            sheet in
            try titleRow(title, columns: widths.count, sheet)
            try sheet.addRow(closedHeader.map { .text($0) }, style: .header, height: 30)
            var number = 0
            while true {
                let rows = try await page(number)
                if rows.isEmpty { break }
                for row in rows {
                    number += 1
                    let values: [XlsxValue] = [
                        .number(Double(number)), .text(row.number), text(row.enterpriseName),
                        text(row.categoryCode.flatMap { labels[$0] }), .text(row.description), text(row.leadName),
                        day(row.assignedOn), day(row.resolvedOn), day(row.closedOn), text(row.result),
                        .text(ProblemDutyLists.rating(row)),
                    ]
                    try sheet.addRow(values, styles: styles(widths.count, wrapped: [4, 9, 10]))
                }
            }
        }
        try writer.close()
    }

    private static func titleRow(_ title: String, columns: Int, _ sheet: SheetWriter) throws {
        try sheet.addRow([.text(title)] + Array(repeating: .empty, count: columns - 1), style: .title, height: 36)
        try sheet.merge(columns: 0...(columns - 1), rows: 1...1)
    }

    private static func styles(_ count: Int, wrapped: Set<Int>) -> [XlsxWriter.Style] {
        (0..<count).map { wrapped.contains($0) ? .wrapped : .centered }
    }

    private static func text(_ value: String?) -> XlsxValue {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }

    private static func day(_ iso: String?) -> XlsxValue {
        iso.flatMap(LocalDate.init(iso:)).map { .date($0) } ?? .empty
    }
}
