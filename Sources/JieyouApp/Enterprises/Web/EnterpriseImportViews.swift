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
        let f = FormFields()
        let errorList = ImportErrors.render(errors, count: count, nothing: "未导入任何数据")
        return """
            <h1>导入企业名单</h1>
            \(errorList)
            <form method="post" action="\(WebPath.enterpriseImport)" enctype="multipart/form-data" class="card" data-upload>
            \(csrf)
            <div class="field"><label for="file">企业名单文件<span class="req">*</span></label>
            <input id="file" name="file" type="file" accept=".xlsx,.csv" required>
            <p class="hint">Excel（.xlsx）或 CSV 文件，第一行为表头。<a href="\(WebPath.enterpriseTemplate)">下载导入模板</a></p></div>
            \(f.select("orgUnit", "导入到", options: unitOptions, selected: ownUnit.uuidString, blank: nil))
            <progress hidden max="100" value="0" data-progress></progress><p class="hint" data-progress-text aria-live="polite"></p>
            <div class="actions"><button type="submit">上传并导入</button></div>
            </form>
            <script src="\(WebPath.uploadScript)" defer></script>
            """
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
