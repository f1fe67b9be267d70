import Foundation
import JieyouDomain

/// 导入问题清单: the upload form, with every bad row and column of a refused file above it.
struct ProblemImportFormView {
    let unitOptions: [(value: String, label: String)]
    let ownUnit: UUID
    let errors: [String]
    /// How many errors the file had (more than are listed).
    let count: Int
    let csrf: HTML

    var html: HTML {
        let columns = ProblemList.Column.allCases.map(\.header).joined(separator: "、")
        return SheetUploadForm(
            title: "导入问题清单", action: WebPath.problemImport, fileLabel: "问题清单文件",
            hint: """
                按“送解优”问题清单格式（\(columns)）填写的 Excel 表；企业单元格可合并。企业按全称匹配本单位及下级已登记的企业，若表中另有“统一社会信用代码”列，未登记的企业将一并登记。办理进展以“待受理、待交办、已交办、办理中、已办结、已销号”开头时按该状态导入，交办时间作为交办日期计算办理时限。<a href="\(WebPath.problemList)">导出一份现有问题清单</a>作为样表。
                """,
            unitLabel: "新登记企业归属", unitOptions: unitOptions, ownUnit: ownUnit, errors: errors, count: count,
            nothing: "未导入任何问题", csrf: csrf
        ).html
    }
}

/// 导入完成: what a problem list brought in, with the new problems' numbers.
struct ProblemImportResultView {
    let report: ProblemListImportReport

    var html: HTML {
        let numbers = report.numbers.prefix(20).map { HTML("<li class=\"mono\">\($0)</li>") }
        return """
            <h1>导入完成</h1>
            <div class="cards" data-testid="import-result">
            \(StatCard.render("导入问题", "\(report.problems)", testID: "imported-problems"))
            \(StatCard.render("匹配已登记企业", "\(report.enterprisesMatched)", testID: "matched-enterprises"))
            \(StatCard.render("新登记企业", "\(report.enterprisesCreated)", testID: "created-enterprises"))
            </div>
            <p class="muted">新问题编号\(report.numbers.count > 20 ? "（前20个）" : "")：</p><ul>\(numbers)</ul>
            <div class="actions"><a class="button" href="\(WebPath.problems)?sort=-submitted">查看问题台账</a><a class="button secondary" href="\(WebPath.problemImport)">继续导入</a></div>
            """
    }
}
