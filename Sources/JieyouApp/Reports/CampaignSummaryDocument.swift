import Foundation
import JieyouDomain
import JieyouOffice

/// A campaign's 总结报告 as an official document (.docx), in the sections the page shows: 总体情况,
/// 走访覆盖, 问题办理, 典型案例, 未解决问题及责任单位, 下步工作.
enum CampaignSummaryDocument {
    static let coverageHeader = ["应走访企业", "已走访企业", "覆盖率", "走访次数", "户均走访", "参与干部"]
    /// 交办, 解决 and 办结率 count problems; 销号 counts problems and suggestions (`ProblemTally`).
    static let problemHeader = ["收集问题", "意见建议", "交办问题", "已解决", "办结率", "满意率", "采纳建议", "销号（件）"]
    static let unresolvedHeader = ["编号", "企业", "问题", "牵头单位", "配合单位", "办理时限", "状态"]

    static func coverageRow(_ c: CoverageFigures) -> [String] {
        [
            "\(c.enterprisesInScope)", "\(c.visitedAtLeastOnce)", c.coverage.percentText, "\(c.visits)",
            CoverageFigures.oneDecimal(c.visitsPerEnterprise), "\(c.cadresActive)",
        ]
    }

    static func problemRow(_ report: StatsReport) -> [String] {
        let t = report.tally
        return [
            "\(t.problemsRegistered)", "\(t.suggestions)", "\(t.problemsAssigned)", "\(t.problemsResolved)",
            BulletinDocument.rate(report.metrics.resolutionRate),
            BulletinDocument.rate(report.metrics.satisfactionRate),
            "\(t.suggestionsAdopted)", "\(t.closed)",
        ]
    }

    static func unresolvedRows(_ summary: CampaignSummary) -> [[String]] {
        summary.unresolved.map {
            [
                $0.number, $0.enterpriseName ?? "—", $0.description, $0.leadName ?? "未交办",
                ($0.coDepartments ?? []).joined(separator: "、"), $0.deadline ?? "—", $0.state,
            ]
        }
    }

    static func unresolvedNote(_ summary: CampaignSummary) -> String {
        var note = "截至\(summary.asOf.month)月\(summary.asOf.day)日，尚未解决的问题\(summary.unresolvedCount)个"
        if summary.unresolvedCount > summary.unresolved.count { note += "，列出前\(summary.unresolved.count)个" }
        return note + "，按牵头单位列示如下："
    }

    static func make(_ summary: CampaignSummary, issuer: ReportIssuer, masthead: Bool, issuedOn: LocalDate)
        -> DocxDocument
    {
        var document = DocxDocument(documentTitle: summary.title)
        document.append(.title(summary.title))
        document.append(.subtitle("（\(summary.from.iso)至\(summary.to.iso)）"))
        document.append(.heading1("一、总体情况"))
        document.append(.paragraph(summary.summary))
        document.append(.heading1("二、走访覆盖"))
        document.append(.table(header: coverageHeader, rows: [coverageRow(summary.coverage)]))
        if let policies = summary.policies { document.append(.paragraph("送政策：\(policies.sentence)")) }
        document.append(.heading1("三、问题办理"))
        document.append(.table(header: problemHeader, rows: [problemRow(summary.problems)]))
        document.append(.heading1("四、典型案例"))
        if summary.typicalCases.isEmpty {
            document.append(.paragraph("专项行动中暂无标记的典型案例。"))
        } else {
            for (index, item) in summary.typicalCases.enumerated() {
                document.append(
                    .heading2("（\(BulletinDocument.chineseOrdinal(index + 1))）\(item.enterpriseName ?? item.number)"))
                document.append(.paragraph("\(item.description)\(item.result.map { "办理结果：\($0)" } ?? "")"))
            }
        }
        document.append(.heading1("五、未解决问题及责任单位"))
        if summary.unresolved.isEmpty {
            document.append(.paragraph("专项行动收集的问题均已办结。"))
        } else {
            document.append(.paragraph(unresolvedNote(summary)))
            document.append(.table(header: unresolvedHeader, rows: unresolvedRows(summary)))
        }
        document.append(.heading1("六、下步工作"))
        document.append(.paragraph(summary.nextSteps))
        // A campaign's summary is one of its kind: no issue number.
        issuer.frame(&document, masthead: masthead, issueLine: nil, issuedOn: issuedOn)
        return document
    }
}
