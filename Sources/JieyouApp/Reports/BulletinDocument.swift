import Foundation
import JieyouDomain
import JieyouOffice

/// A bulletin as an official document (.docx, GB/T 9704 via `DocxWriter`) and the sections both the
/// page and the document show, in one order: 总体情况, 各责任单位办理情况, 超期和督办问题, 典型案例,
/// 共性问题, 下步工作.
enum BulletinDocument {
    static let rankingHeader = ["排名", "责任单位", "交办", "办结", "办结率", "按期办结率", "满意率", "超期"]
    static let itemHeader = ["编号", "企业", "问题", "责任单位", "办理时限", "超期\n工作日"]

    /// The department table: ranked departments by place, then those below the minimum sample.
    static func rankingRows(_ bulletin: Bulletin) -> [[String]] {
        let groups = Dictionary(
            bulletin.current.groups.compactMap { g in g.key.map { ($0, g) } }, uniquingKeysWith: { first, _ in first })
        guard let ranking = bulletin.current.ranking else { return [] }
        func row(_ placed: StatsReport.Placed, place: String) -> [String]? {
            guard let group = groups[placed.key] else { return nil }
            let m = group.metrics
            return [
                place, placed.name, "\(group.tally.problemsAssigned)", "\(group.tally.problemsResolved)",
                rate(m.resolutionRate),
                rate(m.onTimeRate), rate(m.satisfactionRate), "\(m.overdue)",
            ]
        }
        return ranking.ranked.compactMap { row($0, place: "\($0.place ?? 0)") }
            + ranking.leftOut.compactMap { row($0, place: "—") }
    }

    /// `87.5%（7/8）`: each rate with its sample.
    static func rate(_ rate: Rate) -> String {
        rate.value == nil ? "—" : "\(rate.percent)（\(rate.count)/\(rate.of)）"
    }

    static func itemRows(_ items: [Bulletin.Item]) -> [[String]] {
        items.map {
            [
                $0.number, $0.enterpriseName ?? "—", $0.description, $0.leadName ?? "—", $0.deadline ?? "—",
                $0.daysOverdue > 0 ? "\($0.daysOverdue)" : "—",
            ]
        }
    }

    static func rankingNote(_ bulletin: Bulletin) -> String {
        guard let ranking = bulletin.current.ranking else { return "" }
        var note = "按“\(ranking.rankByName)”排名"
        if !ranking.leftOut.isEmpty {
            note += "；交办样本不足\(ranking.minimumSample)个的单位列于表末，不参与排名"
        }
        return note + "。"
    }

    static func commonText(_ bulletin: Bulletin) -> String {
        if let groups = bulletin.commonGroups, !groups.isEmpty {
            return "经梳理确认，突出共性问题有："
                + groups.map { "“\($0.title)”（\($0.enterprises)家企业，未办结\($0.open)个，\($0.stateName)）" }
                .joined(separator: "、") + "，需加强统筹、分类施策，本级难以解决的报上级研究出台政策。"
        }
        guard !bulletin.commonProblems.isEmpty else { return "目前未办结的问题中，暂无同类问题集中出现的情况。" }
        return "目前未办结的问题中，"
            + bulletin.commonProblems.map { "“\($0.category)”类\($0.open)个" }.joined(separator: "、")
            + "，需加强统筹、分类施策、推动集中解决。"
    }

    static func make(_ bulletin: Bulletin, issuer: ReportIssuer, masthead: Bool, issuedOn: LocalDate) -> DocxDocument {
        var document = DocxDocument(documentTitle: bulletin.title)
        document.append(.title(bulletin.title))
        document.append(.subtitle("（\(bulletin.from.iso)至\(bulletin.to.iso)）"))
        var numbered = HeadingCounter()
        func heading(_ text: String) { document.append(.heading1(numbered(text))) }
        heading("总体情况")
        document.append(.paragraph(bulletin.summary))
        if let work = bulletin.work, !work.sections.isEmpty {
            heading("工作推进情况")
            for part in workParts(bulletin) {
                document.append(.heading2(part.heading))
                document.append(.paragraph(part.text))
            }
        }
        heading("各责任单位办理情况")
        let ranking = rankingRows(bulletin)
        if ranking.isEmpty {
            document.append(.paragraph("本期没有交办到责任单位的问题。"))
        } else {
            document.append(.paragraph(rankingNote(bulletin)))
            document.append(.table(header: rankingHeader, rows: ranking))
        }
        heading("超期和督办问题")
        if bulletin.overdue.isEmpty {
            document.append(.paragraph("截至通报日，没有超期未办结的问题。"))
        } else {
            document.append(
                .paragraph(
                    "截至通报日，超期未办结问题\(bulletin.overdueCount)个\(bulletin.overdueCount > bulletin.overdue.count ? "，列出办理时限最早的\(bulletin.overdue.count)个" : "")："
                ))
            document.append(.table(header: itemHeader, rows: itemRows(bulletin.overdue)))
        }
        if !bulletin.supervised.isEmpty {
            document.append(.paragraph("挂牌督办问题\(bulletin.supervised.count)个："))
            document.append(.table(header: itemHeader, rows: itemRows(bulletin.supervised)))
        }
        heading("典型案例")
        if bulletin.typicalCases.isEmpty {
            document.append(.paragraph("本期暂无标记的典型案例。"))
        } else {
            for (index, item) in bulletin.typicalCases.enumerated() {
                document.append(.heading2("（\(chineseOrdinal(index + 1))）\(item.enterpriseName ?? item.number)"))
                document.append(.paragraph("\(item.description)\(item.result.map { "办理结果：\($0)" } ?? "")"))
            }
        }
        heading("共性问题")
        document.append(.paragraph(commonText(bulletin)))
        heading("下步工作")
        document.append(.paragraph(bulletin.nextSteps))
        issuer.frame(
            &document, masthead: masthead, issueLine: ReportPeriod(key: bulletin.periodKey)?.issueLine,
            issuedOn: issuedOn)
        return document
    }

    /// The work section's headings and paragraphs, page and .docx alike.
    static func workParts(_ bulletin: Bulletin) -> [(heading: String, text: String)] {
        guard let work = bulletin.work else { return [] }
        return work.paragraphs.enumerated().map { index, part in
            ("（\(chineseOrdinal(index + 1))）\(part.section.chineseName)", part.text)
        }
    }

    /// 一 … 十, 十一 … 九十九 as headings count; larger numbers in digits.
    static func chineseOrdinal(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch n {
        case 0..<10: return digits[n]
        case 10..<100:
            return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + (n % 10 == 0 ? "" : digits[n % 10])
        default: return "\(n)"
        }
    }
}

/// Numbers a report's first-level headings as they come (一、二、…), so that a section a unit does not
/// report leaves no gap; the page and the .docx count alike.
struct HeadingCounter {
    private var number = 0

    mutating func callAsFunction(_ title: String) -> String {
        number += 1
        return "\(BulletinDocument.chineseOrdinal(number))、\(title)"
    }
}
