import Foundation
import JieyouDomain

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
