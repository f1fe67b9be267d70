import Foundation
import JieyouDomain

/// The body of a report as the page shows it and prints it, in the sections of its .docx
/// (`BulletinDocument`, `CampaignSummaryDocument`): the same text in both.
enum ReportArticles {
    static func table(_ header: [String], _ rows: [[String]]) -> HTML {
        """
        <div class="table-wrap"><table><thead><tr>\(header.map { HTML("<th>\($0)</th>") })</tr></thead>
        <tbody>\(rows.map { row in HTML("<tr>\(row.map { HTML("<td>\($0)</td>") })</tr>") })</tbody></table></div>
        """
    }

    static func typicalCases(_ items: [Bulletin.Item], none: String) -> HTML {
        guard !items.isEmpty else { return "<p>\(none)</p>" }
        return HTML(
            "\(items.enumerated().map { index, item -> HTML in "<h3>（\(BulletinDocument.chineseOrdinal(index + 1))）\(item.enterpriseName ?? item.number)</h3><p>\(item.description)\(item.result.map { "办理结果：\($0)" } ?? "")</p>" })"
        )
    }

    static func bulletin(_ bulletin: Bulletin) -> HTML {
        let ranking = BulletinDocument.rankingRows(bulletin)
        var numbered = HeadingCounter()
        let overall = numbered("总体情况")
        let work = BulletinDocument.workParts(bulletin)
        let workHTML: HTML =
            work.isEmpty
            ? .empty
            : """
            <h2>\(numbered("工作推进情况"))</h2>
            <div data-testid="bulletin-work">\(work.map { HTML("<h3>\($0.heading)</h3><p>\($0.text)</p>") })</div>
            """
        return """
            <article class="bulletin" data-testid="bulletin">
            <h1>\(bulletin.title)</h1>
            <p class="muted">（\(bulletin.from.iso)至\(bulletin.to.iso)；应报送日期 \(bulletin.dueDate.iso)）</p>
            <h2>\(overall)</h2>
            <p data-testid="bulletin-summary">\(bulletin.summary)</p>
            \(workHTML)
            <h2>\(numbered("各责任单位办理情况"))</h2>
            \(ranking.isEmpty ? HTML("<p>本期没有交办到责任单位的问题。</p>") : HTML("<p>\(BulletinDocument.rankingNote(bulletin))</p>\(table(BulletinDocument.rankingHeader, ranking))"))
            <h2>\(numbered("超期和督办问题"))</h2>
            \(bulletin.overdue.isEmpty ? HTML("<p>截至通报日，没有超期未办结的问题。</p>") : HTML("<p>截至通报日，超期未办结问题\(bulletin.overdueCount)个：</p>\(table(BulletinDocument.itemHeader, BulletinDocument.itemRows(bulletin.overdue)))"))
            \(bulletin.supervised.isEmpty ? HTML.empty : HTML("<p>挂牌督办问题\(bulletin.supervised.count)个：</p>\(table(BulletinDocument.itemHeader, BulletinDocument.itemRows(bulletin.supervised)))"))
            <h2>\(numbered("典型案例"))</h2>
            \(typicalCases(bulletin.typicalCases, none: "本期暂无标记的典型案例。"))
            <h2>\(numbered("共性问题"))</h2>
            <p>\(BulletinDocument.commonText(bulletin))</p>
            <h2>\(numbered("下步工作"))</h2>
            <p data-testid="bulletin-next-steps">\(bulletin.nextSteps)</p>
            </article>
            """
    }

    static func campaignSummary(_ summary: CampaignSummary) -> HTML {
        let c = summary.coverage
        return """
            <article class="bulletin" data-testid="campaign-summary">
            <h1>\(summary.title)</h1>
            <p class="muted">（\(summary.from.iso)至\(summary.to.iso)；数据截至 \(summary.asOf.iso)）</p>
            <h2>一、总体情况</h2>
            <p data-testid="bulletin-summary">\(summary.summary)</p>
            <h2>二、走访覆盖</h2>
            \(table(CampaignSummaryDocument.coverageHeader, [CampaignSummaryDocument.coverageRow(c)]))
            \(summary.policies.map { HTML("<p data-testid=\"campaign-policies\">送政策：\($0.sentence)</p>") })
            <h2>三、问题办理</h2>
            \(table(CampaignSummaryDocument.problemHeader, [CampaignSummaryDocument.problemRow(summary.problems)]))
            <h2>四、典型案例</h2>
            \(typicalCases(summary.typicalCases, none: "专项行动中暂无标记的典型案例。"))
            <h2>五、未解决问题及责任单位</h2>
            \(summary.unresolved.isEmpty ? HTML("<p>专项行动收集的问题均已办结。</p>") : HTML("<p>\(CampaignSummaryDocument.unresolvedNote(summary))</p>\(table(CampaignSummaryDocument.unresolvedHeader, CampaignSummaryDocument.unresolvedRows(summary)))"))
            <h2>六、下步工作</h2>
            <p data-testid="bulletin-next-steps">\(summary.nextSteps)</p>
            </article>
            """
    }
}
