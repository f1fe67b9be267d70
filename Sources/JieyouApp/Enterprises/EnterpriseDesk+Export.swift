import Foundation
import JieyouDomain
import JieyouOffice

extension EnterpriseDesk {
    /// 企业名单 of the list page's filters as a file (`LedgerExport`). Its columns are the import's, by the
    /// same headers, so a park can correct the list in Excel and import it again; the last visit
    /// follows. Phones are masked for readers who do not see them on the page.
    func export(_ filter: EnterpriseFilter, format: ExportFormat) async throws -> OfficeFile {
        let access = try access()
        let columns =
            EnterpriseSheet.Column.allCases.map { LedgerExport.Column(header: $0.header, width: Self.width($0)) }
            + [LedgerExport.Column(header: "最近走访", width: 12)]
        let export = LedgerExport(
            title: "企业名单",
            subtitle: "\(tree[actor.orgUnitID]?.name ?? "") \(LocalDate(now, in: .chinaStandard).iso)",
            columns: columns)
        return try await export.write(format) { page in
            try await EnterpriseExportRows.forEachPage(filter, reach: access.reach, on: sql) { rows in
                try await page(rows.map { cells($0, access: access) })
            }
        }
    }

    /// Widths that hold a credit code, a full name and a long industry name on one line.
    private static func width(_ column: EnterpriseSheet.Column) -> Double {
        switch column {
        case .name, .relatedInfo: 36
        case .creditCode, .industry, .tags: 22
        case .region, .whitelisted, .revenue: 16
        case .park: 14
        case .contactPhone, .registeredOn: 13
        case .scale, .contactName, .contactPost, .employees: 10
        }
    }

    private func cells(_ item: EnterpriseExportRows.Row, access: EnterpriseAccess) -> [XlsxValue] {
        let row = item.row
        return EnterpriseSheet.Column.allCases.map { column -> XlsxValue in
            switch column {
            case .creditCode: .text(row.creditCode)
            case .name: .text(row.name)
            case .industry: .orEmpty(row.industryCode.map { Industry.byCode[$0]?.name ?? $0 })
            case .region: .orEmpty(row.regionCode.map { Region.byCode[$0]?.fullName ?? $0 })
            case .park: .orEmpty(tree[row.orgUnitId]?.name)
            case .scale: .orEmpty(row.scale.flatMap(EnterpriseScale.init(rawValue:))?.chineseName)
            case .tags: item.tags.isEmpty ? .empty : .text(item.tags.joined(separator: "、"))
            case .relatedInfo: .orEmpty(row.relatedInfo)
            case .contactName: .orEmpty(item.contact?.name)
            case .contactPost: .orEmpty(item.contact?.post)
            case .contactPhone: .orEmpty(access.phone(item.contact?.phone))
            case .whitelisted: .text(row.whitelisted ? "是" : "否")
            case .registeredOn: .day(iso: row.registeredOn)
            case .revenue: .orEmpty(row.revenueFen.map { Amount(fen: $0).wan })
            case .employees: row.employees.map { .number(Double($0)) } ?? .empty
            }
        } + [.day(iso: item.lastVisitedOn)]
    }
}
