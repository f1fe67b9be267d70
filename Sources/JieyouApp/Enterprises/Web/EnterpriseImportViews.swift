import Foundation
import JieyouDomain

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
