import Foundation
import JieyouDomain
import JieyouOffice

/// A campaign's 总结报告 as an official document (.docx), in the sections the page shows: 总体情况,
/// 走访覆盖, 问题办理, 典型案例, 未解决问题及责任单位, 下步工作.
enum CampaignSummaryDocument {
    static let coverageHeader = ["应走访企业", "已走访企业", "覆盖率", "走访次数", "户均走访", "参与干部"]
    static let problemHeader = ["收集问题", "意见建议", "已交办", "已办结", "已销号", "办结率", "满意率", "采纳建议"]
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
            "\(t.registered - t.suggestions)", "\(t.suggestions)", "\(t.assigned)", "\(t.resolved)", "\(t.closed)",
            BulletinDocument.rate(report.metrics.resolutionRate),
            BulletinDocument.rate(report.metrics.satisfactionRate),
            "\(t.suggestionsAdopted)",
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

    static func make(_ summary: CampaignSummary, masthead: Bool, issuedOn: LocalDate) -> DocxDocument {
        var document = DocxDocument(
            documentTitle: summary.title,
            masthead: masthead ? "\(summary.unitName)“送解优”专项行动工作专班" : nil,
            issueLine: masthead ? summary.campaignName : nil)
        document.append(.title(summary.title))
        document.append(.subtitle("（\(summary.from.iso)至\(summary.to.iso)）"))
        document.append(.heading1("一、总体情况"))
        document.append(.paragraph(summary.summary))
        document.append(.heading1("二、走访覆盖"))
        document.append(
            .table(header: coverageHeader, rows: [coverageRow(summary.coverage)], widths: [2, 2, 2, 2, 2, 2]))
        if let policies = summary.policies { document.append(.paragraph("送政策：\(policies.sentence)")) }
        document.append(.heading1("三、问题办理"))
        document.append(
            .table(
                header: problemHeader, rows: [problemRow(summary.problems)],
                widths: [1.6, 1.6, 1.6, 1.6, 1.6, 2.6, 2.6, 1.6])
        )
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
            document.append(
                .table(
                    header: unresolvedHeader, rows: unresolvedRows(summary), widths: [2.4, 2.6, 4.2, 2.2, 2.2, 2, 1.4]))
        }
        document.append(.heading1("六、下步工作"))
        document.append(.paragraph(summary.nextSteps))
        document.append(
            .signature("\(summary.unitName)“送解优”专项行动工作专班\n\(issuedOn.year)年\(issuedOn.month)月\(issuedOn.day)日"))
        return document
    }
}
