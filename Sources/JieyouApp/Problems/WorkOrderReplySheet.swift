import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit

/// The reply sheet (回复表) a park sends back to the hotline or the platform: each work order it took
/// in, under the columns it came with, then what became of it — 办理状态, 办理结果, 答复方式, 办结时间,
/// 回访满意度. Its headers are the import's, so the sheet can be corrected and imported again: the
/// orders are found by number and nothing is added twice.
struct WorkOrderReplySheet {
    let sql: any SQLDatabase
    let tree: OrgTree
    static let pageSize = 500

    /// The reply sheet of `unit` (a unit of the actor's subtree) for the orders that came in from
    /// `from` through `to`; for those who import the orders.
    func write(
        of unit: UUID, by actor: Actor, from: LocalDate?, to: LocalDate?, today: LocalDate, format: ExportFormat
    ) async throws -> OfficeFile {
        guard AccessPolicy.has(actor, .importProblemLists) else {
            throw AppError.forbidden("只有服务小组或系统管理员可以导出工单回复表")
        }
        guard tree.isWithin(unit, subtreeOf: actor.orgUnitID), let unitName = tree[unit]?.name else {
            throw AppError.notFound("组织")
        }
        let period =
            switch (from, to) {
            case (nil, nil): "截至\(today.iso)"
            case (let from?, nil): "\(from.iso)起"
            case (nil, let to?): "至\(to.iso)"
            case (let from?, let to?): "\(from.iso)至\(to.iso)"
            }
        let widths: [WorkOrderSheet.Column: Double] = [
            .number: 16, .receivedAt: 12, .platform: 17, .requester: 9, .phone: 13, .content: 36, .category: 7,
            .department: 14, .dueOn: 12, .enterprise: 18,
        ]
        let export = LedgerExport(
            title: "工单办理情况回复表", subtitle: "\(unitName) \(period)",
            columns: WorkOrderSheet.Column.allCases.map { .init(header: $0.header, width: widths[$0] ?? 12) }
                + zip(WorkOrderSheet.replyHeaders, [9.0, 30, 9, 12, 9]).map { .init(header: $0, width: $1) })
        let store = WorkOrderStore(sql: sql)
        return try await export.write(format) { page in
            var offset = 0
            while true {
                let rows = try await store.replyRows(
                    of: unit, from: from, to: to, after: offset, limit: Self.pageSize)
                try await page(rows.map(Self.cells))
                if rows.count < Self.pageSize { break }
                offset += rows.count
            }
        }
    }

    /// One order's cells, in the order of `WorkOrderSheet.Column` and then the reply's.
    static func cells(_ row: WorkOrderStore.ReplyRow) -> [XlsxValue] {
        let state = ProblemState(rawValue: row.state)
        let done = state == .resolved || state == .closed
        let result = [row.resultKind.flatMap { ResultKind(rawValue: $0)?.chineseName }, row.result].compactMap { $0 }
        return [
            .text(row.externalNumber), .day(iso: row.submittedOn), .orEmpty(row.externalPlatform),
            .orEmpty(row.name), .orEmpty(row.phone), .text(row.description),
            .orEmpty(ProblemKind(rawValue: row.kind)?.chineseName), .orEmpty(row.department), .day(iso: row.deadline),
            .orEmpty(row.enterprise), .orEmpty(state?.chineseName),
            .orEmpty(result.isEmpty ? nil : result.joined(separator: "：")),
            .orEmpty(row.replyMethod.flatMap { ReplyMethod(rawValue: $0)?.chineseName }),
            .day(iso: done ? row.resolvedOn : nil),
            .orEmpty(row.satisfaction.flatMap { Satisfaction(rawValue: $0)?.chineseName }),
        ]
    }
}
