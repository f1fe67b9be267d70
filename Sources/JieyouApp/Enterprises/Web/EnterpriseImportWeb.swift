import Fluent
import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
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
        do {
            let upload = try UploadedFile(req)
            defer { upload.remove() }
            let report = try await desk.importList(
                upload.url, narrowing: try? req.content.get(String.self, at: "orgUnit"), logger: req.logger)
            let content: HTML = """
                <h1>导入完成</h1>
                <div class="cards" data-testid="import-result">
                <div class="stat"><b>\(report.rows)</b><span>读取企业</span></div>
                <div class="stat"><b>\(report.created)</b><span>新增</span></div>
                <div class="stat"><b>\(report.updated)</b><span>更新</span></div>
                <div class="stat"><b>\(report.unchanged)</b><span>无变化</span></div>
                </div>
                <p class="muted">文件格式：\(report.format == "xlsx" ? "Excel 工作簿" : "CSV（\(report.encoding == "gb18030" ? "GB18030/GBK" : "UTF-8") 编码）")</p>
                <div class="actions"><a class="button" href="\(WebPath.enterprises)">查看企业</a><a class="button secondary" href="\(WebPath.enterpriseImport)">继续导入</a></div>
                """
            return try await req.page("导入完成", content)
        } catch {
            let error = ErrorResponseMiddleware.classify(error)
            guard error.status.code < 500 else { throw error }
            let messages = error.sheetErrors.isEmpty ? [error.message] : error.sheetErrors.map(\.description)
            return try await req.page(
                "导入企业名单", page(access, errors: messages, count: max(error.sheetErrorCount, 1)), status: error.status)
        }
    }

    @Sendable func template(req: Request) async throws -> Response {
        let access = try await EnterpriseAccess.load(req)
        guard access.mayManage else { throw AppError.forbidden() }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("template-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter(url: url)
        let columns = EnterpriseSheet.Column.allCases
        try writer.addSheet(named: "企业名单", columnWidths: columns.map { $0 == .name || $0 == .relatedInfo ? 36 : 18 }) {
            sheet in
            try sheet.addRow(columns.map { .text($0.header) }, style: .header)
            try sheet.addRow(columns.map { .text($0.example) })
        }
        try writer.addSheet(named: "填写说明", columnWidths: [18, 80]) { sheet in
            try sheet.addRow([.text("列"), .text("说明")], style: .header)
            let notes: [(String, String)] = [
                ("统一社会信用代码", "必填，18位，系统校验校验位；已登记的代码会更新原企业而不是新增"),
                ("企业全称", "必填"),
                ("所属行业", "国民经济行业分类（GB/T 4754-2017）门类或大类名称，如“制造业”“医药制造业”，也可填代码"),
                ("所属市县", "湖南省市州或县市区名称，如“岳阳市临湘市”，或6位行政区划代码"),
                ("所属园区", "可不填，默认导入到上传页面选择的单位"),
                ("企业规模", "规上 或 规下"),
                ("企业标签", "多个用顿号分隔：" + EnterpriseTags.builtIn.joined(separator: "、")),
                ("白名单（无事不扰）", "是 或 否"),
                ("文件格式", "Excel（.xlsx）或 CSV（UTF-8 或 GBK/GB18030 编码均可）；任何一行有误则整表不导入，并列出所有错误"),
            ]
            for (column, note) in notes { try sheet.addRow([.text(column), .text(note)], style: .wrapped) }
        }
        try writer.close()
        let response = Response(status: .ok, body: .init(data: try Data(contentsOf: url)))
        response.headers.contentType = HTTPMediaType(
            type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers.contentDisposition = .init(.attachment, filename: "企业名单导入模板.xlsx")
        return response
    }

    private func page(_ access: EnterpriseAccess, errors: [String], count: Int) -> HTML {
        let units = UnitChoices.options(under: access.actor.orgUnitID, tree: access.tree)
        let f = FormFields()
        let errorList = ImportErrors.render(errors, count: count, nothing: "未导入任何数据")
        return """
            <h1>导入企业名单</h1>
            \(errorList)
            <form method="post" action="\(WebPath.enterpriseImport)" enctype="multipart/form-data" class="card" data-upload>
            \(FormFields.csrf(access.signedIn))
            <div class="field"><label for="file">企业名单文件<span class="req">*</span></label>
            <input id="file" name="file" type="file" accept=".xlsx,.csv" required>
            <p class="hint">Excel（.xlsx）或 CSV 文件，第一行为表头。<a href="\(WebPath.enterpriseTemplate)">下载导入模板</a></p></div>
            \(f.select("orgUnit", "导入到", options: units, selected: access.actor.orgUnitID.uuidString, blank: nil))
            <progress hidden max="100" value="0" data-progress></progress><p class="hint" data-progress-text aria-live="polite"></p>
            <div class="actions"><button type="submit">上传并导入</button></div>
            </form>
            <script src="\(WebPath.uploadScript)" defer></script>
            """
    }
}
