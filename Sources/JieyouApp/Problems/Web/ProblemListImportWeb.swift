import Foundation
import JieyouDomain
import Vapor

/// 导入问题清单 on the web: the upload form, then the problems taken in (with their new numbers) or
/// every bad row and column with nothing written.
struct ProblemListImportWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.problemImport, use: form)
        routes.on(
            .POST, SiteURL.problemImport.pathComponents, body: .collect(maxSize: UploadedFile.maxSize), use: upload)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let signedIn = try req.requireProblemImporter()
        let tree = try await req.orgTree()
        return try await req.page("导入问题清单", page(signedIn, tree: tree, errors: [], count: 0))
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let signedIn = try req.requireProblemImporter()
        let actor = signedIn.actor
        let tree = try await req.orgTree()
        return try await req.sheetImport(
            "导入问题清单", done: "导入完成", form: { page(signedIn, tree: tree, errors: $0, count: $1) }
        ) { upload in
            let target = try req.sheetImportTarget(for: actor)
            let report = try await req.problemListImport(by: actor).run(file: upload.url, into: target)
            return ProblemImportResultView(report: report).html
        }
    }

    /// The upload form, with every bad row and column of a refused file above it.
    private func page(_ signedIn: SignedIn, tree: OrgTree, errors: [String], count: Int) -> HTML {
        let columns = ProblemList.Column.allCases.map(\.header).joined(separator: "、")
        return SheetUploadForm(
            title: "导入问题清单", action: WebPath.problemImport, fileLabel: "问题清单文件",
            hint: """
                按“送解优”问题清单格式（\(columns)）填写的 Excel 表；企业单元格可合并。企业按全称匹配本单位及下级已登记的企业，若表中另有“统一社会信用代码”列，未登记的企业将一并登记。办理进展以“待受理、待交办、已交办、办理中、已办结、已销号”开头时按该状态导入，交办时间作为交办日期计算办理时限。<a href="\(WebPath.problemList)">导出一份现有问题清单</a>作为样表。
                """,
            unitLabel: "新登记企业归属", unitOptions: UnitChoices.options(under: signedIn.actor.orgUnitID, tree: tree),
            ownUnit: signedIn.actor.orgUnitID, errors: errors, count: count, nothing: "未导入任何问题",
            csrf: FormFields.csrf(signedIn)
        ).html
    }
}
