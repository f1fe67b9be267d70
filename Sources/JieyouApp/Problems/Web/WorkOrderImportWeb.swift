import Foundation
import JieyouDomain
import Vapor

/// 导入工单 on the web: the upload form with the sheet's columns, then what was taken in (new, already
/// there and corrected, unchanged), or every bad row and column with nothing written; and the 回复表
/// download beside it.
struct WorkOrderImportWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.workOrderImport, use: form)
        routes.on(
            .POST, SiteURL.workOrderImport.pathComponents, body: .collect(maxSize: UploadedFile.maxSize), use: upload)
        routes.get(.workOrderReplies, use: WorkOrderDownloads.replies)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let signedIn = try req.requireProblemImporter()
        let tree = try await req.orgTree()
        return try await req.page("导入工单", page(signedIn, tree: tree, errors: [], count: 0))
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let signedIn = try req.requireProblemImporter()
        let actor = signedIn.actor
        let tree = try await req.orgTree()
        return try await req.sheetImport(
            "导入工单", done: "导入完成", form: { page(signedIn, tree: tree, errors: $0, count: $1) }
        ) { upload in
            let target = try req.sheetImportTarget(for: actor)
            let report = try await req.workOrderImport(by: actor).run(file: upload.url, into: target, platform: nil)
            return WorkOrderImportResultView(report: report).html
        }
    }

    /// The upload form, with every bad row and column of a refused file above it.
    private func page(_ signedIn: SignedIn, tree: OrgTree, errors: [String], count: Int) -> HTML {
        let columns = WorkOrderSheet.Column.allCases.map(\.header).joined(separator: "、")
        let form = SheetUploadForm(
            title: "导入工单", action: WebPath.workOrderImport, fileLabel: "工单表",
            hint: """
                12345热线或省优化营商环境平台导出的工单表（Excel 或 CSV），列名不分先后：\(columns)；其中工单编号、来电/受理时间、诉求内容、诉求类别必填，诉求类别为投诉、举报、诉求、求助或咨询。已导入过的工单按工单编号更新，不会重复登记；填写了办理单位的工单按表交办到本单位该部门。
                """,
            unitLabel: "导入到", unitOptions: UnitChoices.options(under: signedIn.actor.orgUnitID, tree: tree),
            ownUnit: signedIn.actor.orgUnitID, errors: errors, count: count, nothing: "未导入任何工单",
            csrf: FormFields.csrf(signedIn))
        return """
            \(form.html)
            <section class="card"><h2>工单办理情况回复表</h2>
            <p class="hint">已导入工单的办理状态、办理结果、答复方式、办结时间和回访满意度，按原工单表的列排列，可直接报回平台。</p>
            \(ExportLinks.html(WebPath.workOrderReplies, query: "", label: "导出回复表"))</section>
            """
    }
}

/// 导入完成: what a work-order sheet brought in.
struct WorkOrderImportResultView {
    let report: WorkOrderImportReport

    var html: HTML {
        let numbers = report.numbers.prefix(20).map { HTML("<li class=\"mono\">\($0)</li>") }
        return """
            <h1>导入完成</h1>
            <div class="cards" data-testid="import-result">
            \(StatCard.render("新登记工单", "\(report.created)", note: "其中按表交办 \(report.assigned) 件", testID: "created-orders"))
            \(StatCard.render("已有工单更新", "\(report.updated)", testID: "updated-orders"))
            \(StatCard.render("已有工单未变", "\(report.unchanged)", testID: "unchanged-orders"))
            </div>
            \(numbers.isEmpty ? HTML.empty : HTML("<p class=\"muted\">新问题编号\(report.numbers.count > 20 ? "（前20个）" : "")：</p><ul>\(numbers)</ul>"))
            <div class="actions"><a class="button" href="\(WebPath.problems)?sort=-submitted">查看问题台账</a><a class="button secondary" href="\(WebPath.workOrderImport)">继续导入</a></div>
            """
    }
}
