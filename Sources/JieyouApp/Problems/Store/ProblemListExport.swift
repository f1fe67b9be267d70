import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit

/// Writes the 问题清单 of seed 000's attachment as .xlsx for the problems a ledger query selects: one
/// row per problem, enterprises numbered 1…n in the order their first problem came in and their five
/// cells merged down over their problems, problems numbered 1…m down the sheet, the closing note
/// merged across. Enterprises are read in batches and their problems with them, so the sheet streams
/// to disk and memory stays flat however many problems there are.
struct ProblemListExport {
    let sql: any SQLDatabase
    /// Enterprises whose problems are read in one query.
    static let batch = 400

    /// One problem's fields, read column by column: the enterprise's id stays text (as the database
    /// gives it), which spares a UUID parse per row (Codable decoding with UUIDs was a third of the export's time).
    private struct Row {
        let enterpriseKey: String?
        let enterpriseName: String?
        let industryCode: String?
        let relatedInfo: String?
        let regionCode: String?
        let kind: String
        let categoryCode: String?
        let description: String
        let state: String
        let assignedOn: String?
        let leadName: String?
        let result: String?
        let progress: String?
        /// See `ProblemCoDepartments.column`.
        let coDepartments: String?

        init(_ row: any SQLRow) throws {
            func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
            enterpriseKey = try text("enterprise_id")?.uppercased()
            enterpriseName = try text("enterprise_name")
            industryCode = try text("industry_code")
            relatedInfo = try text("related_info")
            regionCode = try text("region_code")
            kind = try row.decode(column: "kind", as: String.self)
            categoryCode = try text("category_code")
            description = try row.decode(column: "description", as: String.self)
            state = try row.decode(column: "state", as: String.self)
            assignedOn = try text("assigned_on")
            leadName = try text("lead_name")
            result = try text("result")
            progress = try text("progress")
            coDepartments = try text("co_departments")
        }
    }

    /// Writes the sheet for the problems `condition` selects (on `p`). With a `subtitle` (the unit and
    /// the day), the attachment's title `问 题 清 单` heads the sheet with the subtitle beneath, and both
    /// print again above the header on every page; without, the header is the first row.
    func write(condition: SQLQueryString, subtitle: String?, to url: URL) async throws {
        let categories = try await ProblemCategoryStore.all(on: sql)
        let labels = Self.categoryLabels(categories)
        // Enterprises in the order of their first problem's number; problems without an enterprise last.
        let enterprises = try await sql.raw(
            """
            SELECT p.enterprise_id, MIN(p.number) AS first FROM problems p
            WHERE \(condition) AND p.enterprise_id IS NOT NULL
            GROUP BY p.enterprise_id ORDER BY first, p.enterprise_id
            """
        ).all().map { try $0.decode(column: "enterprise_id", as: UUID.self) }
        let columns = ProblemList.Column.allCases
        let writer = try XlsxWriter(url: url)
        let headerRows = subtitle == nil ? 1 : 3
        try await writer.addSheet(
            named: "问题清单", columnWidths: columns.map(\.width), frozenRows: headerRows,
            print: .table(headerRows: headerRows)
        ) { sheet in
            if let subtitle {
                let blank = Array(repeating: XlsxValue.empty, count: columns.count - 1)
                try sheet.addRow([.text(ProblemList.title)] + blank, style: .title, height: 36)
                try sheet.merge(columns: 0...(columns.count - 1), rows: 1...1)
                try sheet.addRow([.text(subtitle)] + blank, style: .note, height: 22)
                try sheet.merge(columns: 0...(columns.count - 1), rows: 2...2)
            }
            try sheet.addRow(columns.map { .text($0.header) }, style: .header, height: 32)
            var enterpriseNumber = 0
            var problemNumber = 0
            let styles: [XlsxWriter.Style] = columns.map {
                $0 == .description || $0 == .progress || $0 == .assignment ? .wrapped : .centered
            }
            func emit(_ rows: ArraySlice<Row>) throws {
                guard let first = rows.first else { return }
                let startRow = sheet.lastRow + 1
                if first.enterpriseKey != nil { enterpriseNumber += 1 }
                for (index, row) in rows.enumerated() {
                    problemNumber += 1
                    try sheet.addRow(
                        Self.cells(
                            row, enterpriseNumber: first.enterpriseKey == nil ? nil : enterpriseNumber,
                            problemNumber: problemNumber, firstOfEnterprise: index == 0, labels: labels),
                        styles: styles)
                }
                if first.enterpriseKey != nil, rows.count > 1 {
                    for column in columns where column.isEnterprise {
                        try sheet.merge(columns: column.rawValue...column.rawValue, rows: startRow...sheet.lastRow)
                    }
                }
            }
            for chunk in enterprises.chunked(into: Self.batch) {
                let ids = Array(chunk)
                // Rows come sorted by enterprise; each enterprise's run is emitted in the batch's order.
                let rows = try await read(enterprises: ids, condition: condition)
                var runs: [String: Range<Int>] = [:]
                var start = 0
                for index in rows.indices
                where index == rows.count - 1 || rows[index + 1].enterpriseKey != rows[index].enterpriseKey {
                    runs[rows[index].enterpriseKey ?? ""] = start..<(index + 1)
                    start = index + 1
                }
                for id in ids {
                    if let run = runs[id.uuidString] { try emit(rows[run]) }
                }
            }
            // Problems that name no enterprise (a monitor's report) close the list, unnumbered as enterprises.
            let loose = try await read(enterprises: nil, condition: condition)
            for index in loose.indices { try emit(loose[index...index]) }
            try sheet.addRow(
                [.text(ProblemList.footnote)] + Array(repeating: .empty, count: columns.count - 1), style: .note,
                height: 30)
            try sheet.merge(columns: 0...(columns.count - 1), rows: sheet.lastRow...sheet.lastRow)
        }
        try writer.close()
    }

    /// The problems of `enterprises` (or those without one) that `condition` selects. The batch's
    /// enterprises drive the query (SQLite takes a CROSS JOIN's left side as the outer loop), so each
    /// batch reads its problems through the enterprise index whatever the condition holds: with
    /// SQLite 3.54's own choice the province's export scanned its org index once per batch.
    private func read(enterprises: [UUID]?, condition: SQLQueryString) async throws -> [Row] {
        let source: SQLQueryString
        if let enterprises {
            source = """
                enterprises e CROSS JOIN problems p LEFT JOIN departments d ON d.id = p.lead_department_id
                WHERE e.id IN (\(binds: enterprises)) AND p.enterprise_id = e.id AND \(condition)
                """
        } else {
            source = """
                problems p LEFT JOIN enterprises e ON e.id = p.enterprise_id
                  LEFT JOIN departments d ON d.id = p.lead_department_id
                WHERE p.enterprise_id IS NULL AND \(condition)
                """
        }
        return try await sql.raw(
            """
            SELECT CAST(p.enterprise_id AS TEXT) AS enterprise_id, e.name AS enterprise_name,
              e.industry_code, e.related_info, e.region_code, p.kind, p.category_code, p.description, p.state,
              p.assigned_on, d.name AS lead_name, p.result,
              (SELECT pp.text FROM problem_progress pp WHERE pp.problem_id = p.id
                ORDER BY pp.created_at DESC, pp.id DESC LIMIT 1) AS progress,
              \(ProblemCoDepartments.column(on: sql)) AS co_departments
            FROM \(source)
            ORDER BY p.enterprise_id, p.number, p.id
            """
        ).all().map(Row.init)
    }

    /// `困难求助`, or `政务服务（用电报装）` for a sub-category.
    static func categoryLabels(_ categories: [ProblemCategory]) -> [String: String] {
        let names = Dictionary(categories.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        return Dictionary(
            categories.map { category in
                (
                    category.code,
                    ProblemList.categoryLabel(
                        name: category.name, parentName: category.parentCode.flatMap { names[$0] })
                )
            }, uniquingKeysWith: { first, _ in first })
    }

    /// One problem's ten cells. The enterprise's cells are written on its first row only; the rows
    /// below are covered by the merge.
    private static func cells(
        _ row: Row, enterpriseNumber: Int?, problemNumber: Int, firstOfEnterprise: Bool, labels: [String: String]
    ) -> [XlsxValue] {
        let coDepartments = ProblemCoDepartments.names(row.coDepartments)
        let state = ProblemState(rawValue: row.state) ?? .submitted
        let assigned = row.assignedOn.flatMap(LocalDate.init(iso:))
        let units = (row.leadName.map { [$0] } ?? []) + coDepartments
        let latest = state == .resolved || state == .closed ? (row.result ?? row.progress) : row.progress
        let category = ProblemList.categoryCell(
            kind: ProblemKind(rawValue: row.kind) ?? .problem, label: row.categoryCode.flatMap { labels[$0] })
        func text(_ value: String?) -> XlsxValue { value.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
        let enterprise: [XlsxValue] =
            firstOfEnterprise
            ? [
                enterpriseNumber.map { .number(Double($0)) } ?? .empty, text(row.enterpriseName),
                text(row.industryCode.flatMap { Industry.byCode[$0]?.name }), text(row.relatedInfo),
                text(row.regionCode.flatMap { Region.byCode[$0]?.fullName }),
            ] : Array(repeating: .empty, count: 5)
        return enterprise + [
            .number(Double(problemNumber)), text(category), .text(row.description),
            text(ProblemList.assignmentText(units.map { ProblemList.Assignment(unit: $0, day: assigned) })),
            .text(ProblemList.progressText(state: state, latest: latest)),
        ]
    }
}
