import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
import Vapor

/// 通报 (PRODUCT.md §4): 周调度, 旬通报, 月通报 and 季讲评 for any unit of the reader's subtree and any
/// period — a print-friendly page (`/reports`), the same as JSON (`/api/v1/reports/bulletin`) and as
/// a .docx in official style (`…/bulletin.docx`, `masthead=true` for the 红头). For the staff who read
/// statistics.
struct ReportsController: RouteCollection {
    let api: Bool

    func boot(routes: any RoutesBuilder) throws {
        let reports = routes.grouped("reports")
        if api {
            reports.get("bulletin", use: json)
        } else {
            reports.get(use: page)
        }
        reports.get("bulletin.docx", use: docx)
    }

    /// What a report request names: the kind (default 旬通报), the period (default the last one
    /// ended), the unit (default the reader's).
    struct Wanted {
        let actor: Actor
        let tree: OrgTree
        let unit: UUID
        let period: ReportPeriod
        let today: LocalDate

        static func read(_ req: Request) async throws -> Wanted {
            let actor = try req.requireSignedIn().actor
            guard AccessPolicy.has(actor, .readStatistics) else { throw AppError.forbidden("只有园区工作人员可以查看通报") }
            let tree = try await OrgDirectory.tree(on: req.db)
            let today = LocalDate(req.now, in: .chinaStandard)
            var v = Validator()
            var kind = ReportPeriod.Kind.tenDay
            if let text = req.queryText("kind") {
                if let parsed = ReportPeriod.Kind(rawValue: text) {
                    kind = parsed
                } else {
                    v.fail("kind", "通报类型应为 week（周调度）、tenDay（旬通报）、month（月通报）或 quarter（季讲评）")
                }
            }
            var period = ReportPeriod.lastEnded(on: today, kind: kind)
            if let key = req.queryText("period") {
                if let parsed = ReportPeriod(key: key), parsed.kind == kind {
                    period = parsed
                } else {
                    v.fail("period", "通报期次“\(key)”无效")
                }
            }
            let unit = req.queryID("orgUnit", "组织", &v) ?? actor.orgUnitID
            try v.throwIfFailed()
            guard tree.isWithin(unit, subtreeOf: actor.orgUnitID) else { throw AppError.notFound("组织") }
            return Wanted(actor: actor, tree: tree, unit: unit, period: period, today: today)
        }

        func bulletin(_ req: Request) async throws -> Bulletin {
            try await BulletinComposer(
                actor: actor, tree: tree, sql: req.db.sql,
                calendar: try await CalendarStore.calendar(on: req.db), today: today
            ).compose(unit: unit, period: period)
        }

        var query: [(key: String, value: String)] {
            [("kind", period.kind.rawValue), ("period", period.key), ("orgUnit", unit.uuidString.lowercased())]
        }
    }

    @Sendable func json(req: Request) async throws -> Bulletin {
        try await Wanted.read(req).bulletin(req)
    }

    @Sendable func docx(req: Request) async throws -> Response {
        let wanted = try await Wanted.read(req)
        let bulletin = try await wanted.bulletin(req)
        let masthead = ["true", "1", "on"].contains(req.queryText("masthead") ?? "")
        return try await OfficeDownload.docx(
            BulletinDocument.make(bulletin, masthead: masthead, issuedOn: wanted.today), filename: bulletin.title, req)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let wanted = try await Wanted.read(req)
        let bulletin = try await wanted.bulletin(req)
        let units = UnitChoices.options(under: wanted.actor.orgUnitID, tree: wanted.tree, lowercased: true)
        // The last twelve periods of the kind, the chosen one among them.
        var periods: [ReportPeriod] = [ReportPeriod.lastEnded(on: wanted.today, kind: wanted.period.kind)]
        while periods.count < 12 { periods.append(periods.last!.previous) }
        if !periods.contains(wanted.period) { periods.insert(wanted.period, at: 0) }
        let f = FormFields()
        let picker: HTML = """
            <form method="get" action="\(WebPath.reports)" class="filters card no-print" data-testid="report-picker">
            \(f.select("kind", "通报类型", options: ReportPeriod.Kind.allCases.map { ($0.rawValue, $0.reportName) }, selected: wanted.period.kind.rawValue, blank: nil))
            \(f.select("orgUnit", "单位", options: units, selected: wanted.unit.uuidString.lowercased(), blank: nil))
            <button type="submit">查看</button></form>
            <nav class="no-print" aria-label="期次"><ul class="tabs">\(periods.map { p -> HTML in
                let href = WebPath.reports + "?" + WebPath.query([("kind", p.kind.rawValue), ("period", p.key), ("orgUnit", wanted.unit.uuidString.lowercased())])
                return p == wanted.period ? "<li><a href=\"\(href)\" aria-current=\"page\"><b>\(p.chineseName)</b></a></li>" : "<li><a href=\"\(href)\">\(p.chineseName)</a></li>"
            })</ul></nav>
            """
        let docxLink = WebPath.reports + "/bulletin.docx?" + WebPath.query(wanted.query)
        let signedIn = try req.requireSignedIn()
        // The unit's own dispatchers keep the report: a draft to edit and issue (`StoredReportsController`).
        let keep: HTML =
            ReportStore.mayWrite(wanted.actor, unit: wanted.unit)
            ? """
            <form method="post" action="\(WebPath.storedReports)" class="inline">\(FormFields.csrf(signedIn))\
            <input type="hidden" name="kind" value="\(wanted.period.kind.rawValue)">\
            <input type="hidden" name="period" value="\(wanted.period.key)">\
            <button type="submit" class="secondary" data-testid="keep-draft">生成草稿（编辑后印发）</button></form>
            """ : .empty
        let content: HTML = """
            \(picker)
            <div class="actions no-print"><a class="button" href="\(docxLink)" data-testid="bulletin-docx" download>下载 Word（.docx）</a>\
            <a class="button secondary" href="\(docxLink)&amp;masthead=true" download>下载带红头的 Word</a>\
            <a class="button secondary" href="\(WebPath.storedReports)">草稿与已印发报告</a>\(keep)</div>
            \(ReportArticles.bulletin(bulletin))
            """
        return try await req.page("\(bulletin.kind.reportName)：\(bulletin.periodName)", content)
    }
}
