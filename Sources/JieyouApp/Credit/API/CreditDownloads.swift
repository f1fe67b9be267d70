import Foundation
import JieyouDomain
import JieyouOffice
import Vapor

/// The records a list's filters match, in the standard's columns of one kind (`kind`, 行政处罚 when
/// left out, since those are the records a 信用办 asks for most), for the pages and the API.
enum CreditDownloads {
    static func records(_ req: Request) async throws -> Response {
        let actor = try req.requireSignedIn().actor
        var query = try CreditQuery(req)
        let kind = query.filter.kind ?? .penalty
        query.filter.kind = kind
        let desk = try await req.creditDesk()
        let filter = try await desk.reach(query.filter, for: actor)
        let tree = try await OrgDirectory.tree(on: req.db)
        let today = desk.today
        let columns = CreditColumns.columns(kind) + CreditColumns.tracking(kind, today: today)
        let export = LedgerExport(
            title: "\(kind.chineseName)信息", subtitle: "\(tree[actor.orgUnitID]?.name ?? "") \(today.iso)",
            columns: columns.map { LedgerExport.Column(header: $0.header, width: $0.width) })
        let store = desk.store
        let file = try await export.write(try ExportFormat(query: req.queryText("format"))) { page in
            var offset = 0
            while true {
                let rows = try await store.list(filter, limit: 500, offset: offset)
                try await page(rows.map { row in columns.map { $0.value(row) } })
                if rows.count < 500 { break }
                offset += rows.count
            }
        }
        return try await OfficeDownload.stream(file, req)
    }
}
