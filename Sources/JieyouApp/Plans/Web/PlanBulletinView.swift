import Foundation
import JieyouDomain

/// A plan's 月通报 or 季讲评 as a page, with the period before and after and the .docx.
struct PlanBulletinView {
    let bulletin: PlanBulletin

    var html: HTML {
        let b = bulletin
        let base = WebPath.plan(b.plan.id)
        func link(_ period: ReportPeriod) -> String {
            "\(SiteURL.planBulletin(.value(b.plan.id)).path)?\(WebPath.query([("kind", period.kind.rawValue), ("date", period.end.iso)]))"
        }
        func table(_ header: [String], _ rows: [[String]], testID: String) -> HTML {
            let head = header.map { HTML("<th>\($0)</th>") }
            let body = rows.map { row in HTML("<tr>\(row.map { HTML("<td>\($0)</td>") })</tr>") }
            return
                "<div class=\"table-wrap\"><table data-testid=\"\(testID)\"><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table></div>"
        }
        let docx =
            "\(SiteURL.planBulletinFile(.value(b.plan.id)).path)?\(WebPath.query([("kind", b.period.kind.rawValue), ("date", b.period.end.iso)]))"
        let supervised = b.supervised.map { line -> HTML in
            "<li>\(line.task.number.label)\(line.task.title)（\(line.task.leads.map(\.name).joined(separator: "、"))，进度\(line.percent)%）：\(line.task.supervisionNote ?? "")</li>"
        }
        let difficulties = b.difficulties.map { item -> HTML in
            "<li>\(item.unit.name)（\(item.task.number.label)\(item.task.title)，\(item.period.chineseName)）：\(item.text)</li>"
        }
        return """
            <p class="no-print"><a href="\(base)">\(b.plan.title)</a></p>
            <nav class="no-print" aria-label="期间"><p><a href="\(link(b.period.previous))">← \(b.period.previous.chineseName)</a> · <a href="\(link(b.period.next))">\(b.period.next.chineseName) →</a></p></nav>
            <div class="actions no-print"><a class="button" href="\(docx)" download data-testid="plan-bulletin-docx">下载 Word（.docx）</a>\
            <a class="button secondary" href="\(docx)&amp;masthead=true" download>下载带红头的 Word</a></div>
            <article class="bulletin" data-testid="plan-bulletin">
            <h1>\(b.title)</h1><p class="muted">（\(b.period.start.iso)至\(b.period.end.iso)）</p>
            <h2>一、总体情况</h2><p data-testid="plan-bulletin-summary">\(b.summary)</p>
            <h2>二、目标完成情况</h2>\(b.targets.isEmpty ? HTML("<p>本方案未设量化目标。</p>") : table(PlanBulletin.targetHeader, b.targetRows, testID: "bulletin-targets"))
            <h2>三、滞后任务</h2>\(b.behind.isEmpty ? HTML("<p>无滞后任务。</p>") : table(PlanBulletin.taskHeader, b.taskRows(b.behind), testID: "bulletin-behind"))
            <h2>四、挂牌督办任务</h2>\(supervised.isEmpty ? HTML("<p>本期无挂牌督办任务。</p>") : HTML("<ul>\(supervised)</ul>"))
            <h2>五、旬调度报送情况</h2>\(table(PlanBulletin.reportingHeader, b.reportingRows, testID: "bulletin-reporting"))
            <h2>六、困难问题</h2>\(difficulties.isEmpty ? HTML("<p>各牵头单位本期未反映困难问题。</p>") : HTML("<ul>\(difficulties)</ul>"))
            </article>
            """
    }
}
