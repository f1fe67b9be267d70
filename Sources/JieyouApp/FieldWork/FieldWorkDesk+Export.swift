import Foundation
import JieyouDomain
import JieyouOffice

/// The field-work ledgers as files (`LedgerExport`), with the list pages' filters: 走访台账, 活动台账,
/// 融资诉求 and 走访覆盖 one enterprise per row. Each is read a page at a time, so memory stays flat.
extension FieldWorkDesk {
    /// 走访台账: every visit of the filter in the reader's units, oldest first, with its cadres and what
    /// was found.
    func exportVisits(_ filter: FieldWorkFilter, format: ExportFormat) async throws -> OfficeFile {
        _ = try units()
        let export = LedgerExport(
            title: "走访台账", subtitle: subtitle(from: filter.from, to: filter.to),
            columns: [
                .init(header: "走访日期", width: 12), .init(header: "企业全称", width: 32),
                .init(header: "统一社会信用代码", width: 22), .init(header: "所属单位", width: 14),
                .init(header: "走访干部", width: 18), .init(header: "走访目的", width: 22),
                .init(header: "问题诉求（条）", width: 10), .init(header: "意见建议（条）", width: 10),
                .init(header: "问题和建议", width: 50), .init(header: "情况记录", width: 36),
            ])
        return try await export.write(format) { page in
            try await VisitQueries.forEachPage(filter, on: sql) { visits in
                try await page(
                    visits.map { visit in
                        let problems = visit.findings.filter { $0.kind == FindingKind.problem.rawValue }
                        return [
                            .day(iso: visit.visitedOn), .text(visit.enterpriseName), .text(visit.creditCode),
                            .orEmpty(tree[visit.orgUnitId]?.name), .text(visit.cadres.joined(separator: "、")),
                            .text(
                                visit.purposes.map { VisitPurpose(rawValue: $0)?.chineseName ?? $0 }.joined(
                                    separator: "、")),
                            .number(Double(problems.count)),
                            .number(Double(visit.findings.count - problems.count)),
                            .text(visit.findings.map(\.text).joined(separator: "；")), .orEmpty(visit.notes),
                        ]
                    })
            }
        }
    }

    /// 活动台账: every meeting of the filter (kind, days) in the reader's units, oldest first, with its
    /// totals, and in the workbook a 合计 row.
    func exportMeetings(_ filter: FieldWorkFilter, format: ExportFormat) async throws -> OfficeFile {
        _ = try units()
        let export = LedgerExport(
            title: "活动台账", subtitle: subtitle(from: filter.from, to: filter.to),
            columns: [
                .init(header: "日期", width: 12), .init(header: "活动名称", width: 34), .init(header: "类型", width: 14),
                .init(header: "地点", width: 18), .init(header: "组织部门", width: 16), .init(header: "所属单位", width: 14),
                .init(header: "参加企业（家）", width: 10), .init(header: "问题建议（条）", width: 10),
                .init(header: "融资意向（万元）", width: 12), .init(header: "现场放款（万元）", width: 12),
                .init(header: "签约（项）", width: 10),
            ])
        var totals = (meetings: 0, enterprises: 0, findings: 0, intended: Int64(0), lent: Int64(0), deals: 0)
        return try await export.write(format) { page in
            try await MeetingQueries.forEachPage(filter, on: sql) { meetings in
                try await page(
                    meetings.map { m in
                        totals.meetings += 1
                        totals.enterprises += m.enterpriseCount
                        totals.findings += m.findingCount
                        totals.intended += m.intendedYuan
                        totals.lent += m.lentYuan
                        totals.deals += m.dealCount
                        return [
                            .day(iso: m.heldOn), .text(m.title), .orEmpty(MeetingKind(rawValue: m.kind)?.chineseName),
                            .orEmpty(m.place), .orEmpty(m.departmentName), .orEmpty(tree[m.orgUnitId]?.name),
                            .number(Double(m.enterpriseCount)), .number(Double(m.findingCount)),
                            .text(Money.wan(m.intendedYuan)), .text(Money.wan(m.lentYuan)),
                            .number(Double(m.dealCount)),
                        ]
                    })
            }
            if format == .xlsx && totals.meetings > 0 {
                try await page([
                    [
                        .text("合计"), .text("\(totals.meetings)场"), .empty, .empty, .empty, .empty,
                        .number(Double(totals.enterprises)), .number(Double(totals.findings)),
                        .text(Money.wan(totals.intended)), .text(Money.wan(totals.lent)), .number(Double(totals.deals)),
                    ]
                ])
            }
        }
    }

    /// 融资诉求: every demand in the reader's reach (of one status, or all), oldest first, with each
    /// step's day, and in the workbook a 合计 row of the amounts asked and lent.
    func exportFinancing(status: String?, format: ExportFormat) async throws -> OfficeFile {
        let reach = try access().reach
        let wanted = try FinancingDemands.status(status)
        let export = LedgerExport(
            title: "融资诉求", subtitle: subtitle(from: nil, to: nil, status: wanted?.chineseName),
            columns: [
                .init(header: "提出日期", width: 12), .init(header: "企业全称", width: 32),
                .init(header: "所属单位", width: 14), .init(header: "需求金额（万元）", width: 12),
                .init(header: "用途", width: 24), .init(header: "进展", width: 10), .init(header: "对接银行", width: 20),
                .init(header: "放款金额（万元）", width: 12), .init(header: "对接日期", width: 12),
                .init(header: "放款日期", width: 12), .init(header: "未达成日期", width: 12),
                .init(header: "未达成原因", width: 24), .init(header: "对接活动", width: 24), .init(header: "备注", width: 24),
            ])
        var count = 0
        var asked = Amount.zero
        var lent = Amount.zero
        return try await export.write(format) { page in
            try await FinancingDemands.forEachPage(reach: reach, status: wanted, on: sql) { demands in
                try await page(
                    demands.map { d in
                        count += 1
                        asked += d.amount
                        lent += d.lent ?? .zero
                        return [
                            .day(iso: d.raisedOn), .text(d.enterpriseName), .orEmpty(tree[d.orgUnitId]?.name),
                            .text(d.amount.wan), .text(d.purpose), .text(d.status.chineseName), .orEmpty(d.bank),
                            .orEmpty(d.lent?.wan), .day(iso: d.matchedOn), .day(iso: d.lentOn), .day(iso: d.failedOn),
                            .orEmpty(d.reason), .orEmpty(d.meetingTitle), .orEmpty(d.note),
                        ]
                    })
            }
            if format == .xlsx && count > 0 {
                try await page([
                    [
                        .text("合计"), .text("\(count)项"), .empty, .text(asked.wan), .empty, .empty, .empty,
                        .text(lent.wan),
                    ]
                        + Array(repeating: .empty, count: 6)
                ])
            }
        }
    }

    /// 走访覆盖 of a campaign or a period (the page's parameters), one in-scope enterprise per row by
    /// name: its visits in the period, the last, the cadres, and whether it was visited as required.
    func exportCoverage(orgUnit: String?, campaign: String?, from: String?, to: String?, format: ExportFormat)
        async throws -> OfficeFile
    {
        let (record, unit, scope) = try await CoverageService.resolve(
            orgUnit: orgUnit, campaign: campaign, from: from, to: to, access: try access(), today: today, on: sql)
        let export = LedgerExport(
            title: "走访覆盖",
            subtitle: [record?.name, tree[unit]?.name, "\(scope.from.iso)至\(scope.to.iso)"].compactMap { $0 }.joined(
                separator: " "),
            columns: [
                .init(header: "企业全称", width: 32), .init(header: "统一社会信用代码", width: 22),
                .init(header: "所属单位", width: 14), .init(header: "走访次数", width: 10), .init(header: "最近走访", width: 12),
                .init(header: "走访干部", width: 24), .init(header: "走访达标（≥\(scope.requiredVisits)次）", width: 14),
            ])
        return try await export.write(format) { page in
            try await CoverageEnterpriseRows.forEachPage(scope, on: sql) { rows in
                try await page(
                    rows.map { row, cadres in
                        [
                            .text(row.name), .text(row.creditCode), .orEmpty(tree[row.orgUnitId]?.name),
                            .number(Double(row.visits)), .day(iso: row.lastVisitedOn),
                            .text(cadres.joined(separator: "、")),
                            .text(row.visits == 0 ? "未走访" : row.visits >= scope.requiredVisits ? "是" : "否"),
                        ]
                    })
            }
        }
    }

    /// `望城经开区 2026-11-01至2026-11-30`, or today when no days are given.
    private func subtitle(from: LocalDate?, to: LocalDate?, status: String? = nil) -> String {
        let period = [from?.iso, to?.iso].compactMap { $0 }.joined(separator: "至")
        return [tree[actor.orgUnitID]?.name ?? "", status, period.isEmpty ? today.iso : period].compactMap { $0 }
            .joined(separator: " ")
    }
}
