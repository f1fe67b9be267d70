import Foundation
import JieyouDomain

/// 导入双公示信息: the upload form with the standard's columns, after the errors of a refused file.
struct CreditImportFormView {
    let signedIn: SignedIn
    let departments: [(value: String, label: String)]
    let errors: [String]
    let count: Int

    var html: HTML {
        let f = FormFields()
        let penalty = CreditColumns.columns(.penalty).map(\.header).joined(separator: "、")
        let licence = CreditColumns.columns(.licence).map(\.header).joined(separator: "、")
        return """
            <h1>导入双公示信息</h1>
            \(ImportErrors.render(errors, count: count, nothing: "未导入任何记录"))
            <form method="post" action="\(SiteURL.creditImport.path)" enctype="multipart/form-data" class="card" data-upload>
            \(FormFields.csrf(signedIn))
            <div class="field"><label for="file">双公示信息表<span class="req">*</span></label>
            <input id="file" name="file" type="file" accept=".xlsx,.csv" required>
            <p class="hint">按数据标准的列（与“按数据标准导出”的表相同，列名不分先后）。行政处罚：\(penalty)。行政许可：\(licence)。
            已登记的决定文书号按表更新，不会重复登记；填写了公示日期的按该日公示。</p></div>
            \(f.select("departmentId", "数据来源单位为空时记入", options: departments, selected: signedIn.actor.departmentID?.uuidString, blank: "（按表中数据来源单位）"))
            \(f.checkbox("publish", "未填公示日期的记录导入后立即公示", checked: true))
            <progress hidden max="100" value="0" data-progress></progress><p class="hint" data-progress-text aria-live="polite"></p>
            <div class="actions"><button type="submit">上传并导入</button><a class="button secondary" href="\(SiteURL.credit.path)">取消</a></div>
            </form>
            <script src="\(WebPath.uploadScript)" defer></script>
            """
    }
}

/// 导入完成: what a 双公示 sheet brought in.
struct CreditImportResultView {
    let report: CreditImportReport

    var html: HTML {
        let kind = CreditDecisionKind(rawValue: report.kind)?.chineseName ?? ""
        return """
            <h1>导入完成</h1>
            <div class="cards" data-testid="import-result">
            \(StatCard.render("新登记\(kind)", "\(report.created)", note: "其中已公示 \(report.published) 条", testID: "created-records"))
            \(StatCard.render("已有记录更新", "\(report.updated)", testID: "updated-records"))
            \(StatCard.render("已有记录未变", "\(report.unchanged)", testID: "unchanged-records"))
            </div>
            <div class="actions"><a class="button" href="\(SiteURL.credit.path)">查看双公示</a><a class="button secondary" href="\(SiteURL.creditImport.path)">继续导入</a></div>
            """
    }
}
