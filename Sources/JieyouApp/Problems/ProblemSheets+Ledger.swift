import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit

extension ProblemSheets {
    /// 问题台账 of the ledger's query as a flat file (`LedgerExport`): one problem per row, by number,
    /// with every field a pivot table or another system needs. The 问题清单 beside it is the form sent
    /// upward (enterprises merged over their problems); this one is for counting and for machines (.csv).
    func ledger(_ request: LedgerRequest, for actor: Actor, tree: OrgTree, format: ExportFormat) async throws
        -> OfficeFile
    {
        guard actor.isStaff else { throw AppError.forbidden("问题台账供工作人员导出") }
        let labels = ProblemListExport.categoryLabels(try await ProblemCategoryStore.all(on: sql))
        let condition = ProblemLedger.condition(
            request, actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
        let period = [request.filter.from?.iso, request.filter.to?.iso].compactMap { $0 }.joined(separator: "至")
        let export = LedgerExport(
            title: "问题台账",
            subtitle: [
                tree[request.filter.orgUnitID ?? actor.orgUnitID]?.name ?? "", period.isEmpty ? today.iso : period,
            ]
            .joined(separator: " "),
            columns: [
                .init(header: "编号", width: 16), .init(header: "类型", width: 10), .init(header: "企业全称", width: 30),
                .init(header: "统一社会信用代码", width: 22), .init(header: "所属单位", width: 14),
                .init(header: "问题类别", width: 18), .init(header: "问题描述", width: 50), .init(header: "来源", width: 12),
                .init(header: "提交日期", width: 12), .init(header: "状态", width: 10), .init(header: "牵头部门", width: 18),
                .init(header: "交办日期", width: 12), .init(header: "办理期限", width: 12), .init(header: "是否超期", width: 8),
                .init(header: "办结日期", width: 12), .init(header: "办理结果", width: 36),
                .init(header: "回访满意度", width: 10), .init(header: "销号日期", width: 12), .init(header: "标记", width: 14),
            ])
        let today = today
        return try await export.write(format) { page in
            try await ProblemLedgerRows.forEachPage(condition, on: sql) { rows in
                try await page(rows.map { Self.cells($0, labels: labels, tree: tree, today: today) })
            }
        }
    }

    private static func cells(_ row: ProblemLedgerRows.Row, labels: [String: String], tree: OrgTree, today: LocalDate)
        -> [XlsxValue]
    {
        let state = ProblemState(rawValue: row.state)
        let overdue =
            state?.isWithDepartment == true && row.pausedSince == nil
            && (row.deadline.flatMap(LocalDate.init(iso:)).map { $0 < today } ?? false)
        let result = [row.resultKind.flatMap { ResultKind(rawValue: $0)?.chineseName }, row.result].compactMap { $0 }
            .joined(separator: "：")
        let flags = row.flags.split(separator: ",").compactMap { ProblemFlag(rawValue: String($0))?.chineseName }
        return [
            .text(row.number), .text(ProblemKind(rawValue: row.kind)?.chineseName ?? row.kind),
            .orEmpty(row.enterpriseName), .orEmpty(row.creditCode), .orEmpty(tree[row.orgUnitId]?.name),
            .orEmpty(row.categoryCode.map { labels[$0] ?? $0 }), .text(row.description),
            .text(ProblemSource(rawValue: row.source)?.chineseName ?? row.source), .day(iso: row.submittedOn),
            .text(state?.chineseName ?? row.state), .orEmpty(row.leadName), .day(iso: row.assignedOn),
            .day(iso: row.deadline), .text(overdue ? "是" : "否"), .day(iso: row.resolvedOn),
            result.isEmpty ? .empty : .text(result),
            .orEmpty(row.satisfaction.flatMap { Satisfaction(rawValue: $0)?.chineseName }), .day(iso: row.closedOn),
            .text(flags.joined(separator: "、")),
        ]
    }
}

/// The problems a ledger condition selects, by number, a page at a time: what 问题台账 writes.
enum ProblemLedgerRows {
    struct Row: Decodable, Sendable {
        let id: UUID
        let number: String
        let kind: String
        let orgUnitId: UUID
        let enterpriseName: String?
        let creditCode: String?
        let categoryCode: String?
        let description: String
        let source: String
        let submittedOn: String?
        let state: String
        let leadName: String?
        let assignedOn: String?
        let deadline: String?
        let pausedSince: String?
        let resolvedOn: String?
        let resultKind: String?
        let result: String?
        let satisfaction: String?
        let closedOn: String?
        let flags: String
    }

    static func forEachPage(
        _ condition: SQLQueryString, size: Int = 1_000, on sql: any SQLDatabase, _ body: ([Row]) async throws -> Void
    ) async throws {
        let pages = KeysetPages(key: SQLColumn("number", table: "p"), id: SQLColumn("id", table: "p"), size: size)
        try await pages.forEach(
            [condition],
            read: { condition, limit in
                try await sql.raw(
                    """
                    SELECT p.id, p.number, p.kind, p.org_unit_id, e.name AS enterprise_name, e.credit_code,
                      p.category_code, p.description, p.source, p.submitted_on, p.state, d.name AS lead_name,
                      p.assigned_on, p.deadline, p.paused_since, p.resolved_on, p.result_kind, p.result,
                      p.satisfaction, p.closed_on, p.flags
                    FROM problems p LEFT JOIN enterprises e ON e.id = p.enterprise_id
                      LEFT JOIN departments d ON d.id = p.lead_department_id
                    WHERE \(condition) ORDER BY \(pages.order) LIMIT \(literal: limit)
                    """
                ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
            }, position: { ($0.number, $0.id) }, body)
    }
}
