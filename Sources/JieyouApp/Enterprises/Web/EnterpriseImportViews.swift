import Foundation
import JieyouDomain

/// 导入企业名单: the upload form, with every bad row and column of a refused file above it.
struct EnterpriseImportFormView {
    let unitOptions: [(value: String, label: String)]
    let ownUnit: UUID
    let errors: [String]
    let count: Int
    let csrf: HTML

    var html: HTML {
        SheetUploadForm(
            title: "导入企业名单", action: WebPath.enterpriseImport, fileLabel: "企业名单文件",
            hint: "Excel（.xlsx）或 CSV 文件，第一行为表头。<a href=\"\(WebPath.enterpriseTemplate)\">下载导入模板</a>",
            unitLabel: "导入到", unitOptions: unitOptions, ownUnit: ownUnit, errors: errors, count: count,
            nothing: "未导入任何数据", csrf: csrf
        ).html
    }
}

/// 导入完成: how many enterprises a list added, updated or left as they were.
struct EnterpriseImportResultView {
    let report: EnterpriseImportReport

    var html: HTML {
        return """
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
    }
}
