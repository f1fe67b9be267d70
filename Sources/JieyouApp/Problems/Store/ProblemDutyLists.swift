import Foundation
import JieyouDomain
import SQLKit

/// The other two of the 三个清单 (PRODUCT.md §4): the 责任清单, what each responsible department holds
/// open with its deadline (overdue first), and the 销号清单, what was closed, when, and how the
/// enterprise rated it. Both take the ledger's query for their scope and filters.
struct ProblemDutyLists {
    let sql: any SQLDatabase
    let calendar: WorkCalendar
    let today: LocalDate

    /// A department's share of the 责任清单.
    struct Department: Sendable {
        let id: UUID
        let name: String
        let open: Int
        let overdue: Int
        var rows: [DutyRow] = []
    }

    struct DutyRow: Decodable, Sendable {
        let id: UUID
        let number: String
        let enterpriseName: String?
        let categoryCode: String?
        let description: String
        let state: String
        let assignedOn: String?
        let deadline: String?
        let pausedSince: String?
        let leadDepartmentId: UUID
        /// See `ProblemCoDepartments.column`.
        let coDepartments: String?

        var coDepartmentNames: [String] { ProblemCoDepartments.names(coDepartments) }
    }

    struct ClosedRow: Decodable, Sendable {
        let id: UUID
        let number: String
        let enterpriseName: String?
        let categoryCode: String?
        let description: String
        let leadName: String?
        let assignedOn: String?
        let resolvedOn: String?
        let closedOn: String?
        let result: String?
        let satisfaction: String?
        let closeOverride: String?
    }

    /// Working days a problem is past its deadline today; 0 when it is not overdue.
    func daysOverdue(_ row: DutyRow) -> Int {
        ProblemSnapshot.workingDaysOverdue(
            state: ProblemState(rawValue: row.state) ?? .submitted,
            deadline: row.deadline.flatMap(LocalDate.init(iso:)),
            paused: row.pausedSince != nil, on: today, calendar: calendar)
    }

    /// The departments holding open problems under `condition`, most overdue first, each with up to
    /// `perDepartment` of its problems (overdue first, then by deadline).
    func responsibility(condition: SQLQueryString, perDepartment: Int?) async throws -> [Department] {
        let held: SQLQueryString = "p.state IN (\(binds: ProblemLedger.held)) AND p.lead_department_id IS NOT NULL"
        let overdue = ProblemLedger.overdue(on: today)
        var departments = try await sql.raw(
            """
            SELECT p.lead_department_id AS id, d.name, COUNT(*) AS open,
              SUM(CASE WHEN \(overdue) THEN 1 ELSE 0 END) AS overdue
            FROM problems p JOIN departments d ON d.id = p.lead_department_id
            WHERE \(condition) AND \(held)
            GROUP BY p.lead_department_id, d.name
            ORDER BY overdue DESC, open DESC, d.name
            """
        ).all().map { row in
            Department(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                open: try row.decode(column: "open", as: Int.self),
                overdue: try row.decode(column: "overdue", as: Int?.self) ?? 0)
        }
        // Every department's rows in one query, numbered within their department so that a page can
        // take the first few of each (rather than one query per department: a province has 1,500).
        let place: SQLQueryString = perDepartment.map { "WHERE ranked.place <= \(literal: $0)" } ?? ""
        let rows = try await sql.raw(
            """
            SELECT ranked.* FROM (
              SELECT p.id, p.number, e.name AS enterprise_name, p.category_code, p.description, p.state,
                p.assigned_on, p.deadline, p.paused_since, p.lead_department_id,
                \(ProblemCoDepartments.column(on: sql)) AS co_departments,
                ROW_NUMBER() OVER (PARTITION BY p.lead_department_id
                  ORDER BY CASE WHEN \(overdue) THEN 0 ELSE 1 END, p.deadline, p.number, p.id) AS place
              FROM problems p LEFT JOIN enterprises e ON e.id = p.enterprise_id
              WHERE \(condition) AND \(held)
            ) ranked \(place)
            ORDER BY ranked.lead_department_id, ranked.place
            """
        ).all(decoding: DutyRow.self, keyDecodingStrategy: ColumnNames.snakeCase)
        let byDepartment = Dictionary(grouping: rows, by: \.leadDepartmentId)
        for index in departments.indices { departments[index].rows = byDepartment[departments[index].id] ?? [] }
        return departments
    }

    /// Closed problems under `condition`, closed within `closed` (both ends included), latest first.
    func closed(condition: SQLQueryString, closedFrom: LocalDate?, closedTo: LocalDate?, limit: Int?, offset: Int = 0)
        async throws -> (rows: [ClosedRow], total: Int)
    {
        var conditions: [SQLQueryString] = [condition, "p.state = 'closed'"]
        if let closedFrom { conditions.append("p.closed_on >= \(bind: closedFrom.iso)") }
        if let closedTo { conditions.append("p.closed_on <= \(bind: closedTo.iso)") }
        let whereClause = conditions.joined(separator: " AND ")
        let page: SQLQueryString = limit.map { "LIMIT \(literal: $0) OFFSET \(literal: offset)" } ?? ""
        let rows = try await sql.raw(
            """
            SELECT p.id, p.number, e.name AS enterprise_name, p.category_code, p.description, d.name AS lead_name,
              p.assigned_on, p.resolved_on, p.closed_on, p.result, p.satisfaction, p.close_override
            FROM problems p LEFT JOIN enterprises e ON e.id = p.enterprise_id
              LEFT JOIN departments d ON d.id = p.lead_department_id
            WHERE \(whereClause)
            ORDER BY p.closed_on DESC, p.number DESC, p.id \(page)
            """
        ).all(decoding: ClosedRow.self, keyDecodingStrategy: ColumnNames.snakeCase)
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM problems p WHERE \(whereClause)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        return (rows, total)
    }

    /// 满意, 基本满意 …, or 未回访（销号理由：…） when it was closed without a rating.
    static func rating(_ row: ClosedRow) -> String {
        if let satisfaction = row.satisfaction.flatMap(Satisfaction.init(rawValue:)) { return satisfaction.chineseName }
        return row.closeOverride.map { "未回访（销号理由：\($0)）" } ?? "未回访"
    }
}

/// The co-departments (配合单位) of a problem `p`, by name, as one column of its row: each database's
/// string aggregate, in name order, separated by U+001F, which no name contains.
enum ProblemCoDepartments {
    static func column(on sql: any SQLDatabase) -> SQLQueryString {
        let aggregate: SQLQueryString =
            sql.dialect.name == "postgresql"
            ? "string_agg(d2.name, chr(31) ORDER BY d2.name)" : "group_concat(d2.name, char(31) ORDER BY d2.name)"
        return """
            (SELECT \(aggregate) FROM problem_co_departments c JOIN departments d2 ON d2.id = c.department_id
              WHERE c.problem_id = p.id)
            """
    }

    /// The names in such a column.
    static func names(_ column: String?) -> [String] {
        column.map { $0.split(separator: "\u{1F}").map(String.init) } ?? []
    }
}
