import Foundation
import JieyouDomain
import Vapor

/// 导入企业名单 on the web: the upload form (with a progress bar where script runs), the result page
/// (counts, or every bad row and column), and the template.
struct EnterpriseImportWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.enterpriseImport, use: form)
        routes.on(
            .POST, SiteURL.enterpriseImport.pathComponents, body: .collect(maxSize: UploadedFile.maxSize), use: upload)
        routes.get(SiteURL.enterpriseTemplate, use: template)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let access = try await EnterpriseAccess.load(req)
        guard access.mayManage else { throw AppError.forbidden() }
        return try await req.page("导入企业名单", page(access, errors: [], count: 0))
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let desk = try await req.enterpriseDesk()
        let access = try desk.access()
        guard access.mayManage else { throw AppError.forbidden() }
        return try await req.sheetImport(
            "导入企业名单", done: "导入完成", form: { page(access, errors: $0, count: $1) }
        ) { upload in
            let report = try await desk.importList(
                upload.url, narrowing: try? req.content.get(String.self, at: "orgUnit"), logger: req.logger)
            return EnterpriseImportResultView(report: report).html
        }
    }

    @Sendable func template(req: Request) async throws -> Response {
        let access = try await EnterpriseAccess.load(req)
        guard access.mayManage else { throw AppError.forbidden() }
        return try await OfficeDownload.stream(try await EnterpriseTemplate.write(), req)
    }

    /// The upload form, with every bad row and column of a refused file above it.
    private func page(_ access: EnterpriseAccess, errors: [String], count: Int) -> HTML {
        SheetUploadForm(
            title: "导入企业名单", action: WebPath.enterpriseImport, fileLabel: "企业名单文件",
            hint: "Excel（.xlsx）或 CSV 文件，第一行为表头。<a href=\"\(WebPath.enterpriseTemplate)\">下载导入模板</a>",
            unitLabel: "导入到", unitOptions: UnitChoices.options(under: access.actor.orgUnitID, tree: access.tree),
            ownUnit: access.actor.orgUnitID, errors: errors, count: count, nothing: "未导入任何数据",
            csrf: FormFields.csrf(access.signedIn)
        ).html
    }
}
