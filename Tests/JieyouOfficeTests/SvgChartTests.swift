import Foundation
import JieyouDomain
import Testing

@testable import JieyouOffice

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The server-drawn charts are well-formed SVG, escape their labels, and link their marks.
@Suite struct SvgChartTests {
    func parses(_ svg: String) -> Bool {
        XMLParser(data: Data(svg.utf8)).parse()
    }

    @Test func aTimelineDrawsEachTaskToItsDueDateFilledToItsPercent() throws {
        let day = { (m: Int, d: Int) in LocalDate(year: 2026, month: m, day: d)! }
        let chart = TimelineChart(
            title: "产业项目攻坚挂图作战", from: day(1, 1), to: day(12, 31), today: day(7, 1),
            rows: [
                .heading("产业项目攻坚"),
                .task(
                    .init(
                        label: "1.推进重点项目开工", units: "经济发展局", dueOn: day(12, 31), percent: 50, standing: .inProgress,
                        milestones: [("全部开工", day(6, 30), true)], link: "/plans/tasks/a?x=1&y=2")),
                .task(.init(label: "2.保障<用电>", units: "电力公司", dueOn: day(4, 1), percent: 30, standing: .behind)),
            ])
        let svg = chart.svg
        #expect(parses(svg))
        #expect(svg.contains("2.保障&lt;用电&gt;"))
        #expect(svg.contains("<a href=\"/plans/tasks/a?x=1&amp;y=2\">"))
        // The plot runs from x 300 to 944 over 364 days: a whole-year task is 644 wide, half of it filled.
        #expect(svg.contains("width=\"644\" height=\"12\" fill=\"#e2e8f0\""))
        #expect(svg.contains("width=\"322\" height=\"12\" fill=\"#2f6fb2\""))
        #expect(svg.contains("fill=\"#dc2626\""), "a task behind schedule is red")
        #expect(svg.contains("<polygon") && svg.contains("全部开工：2026-06-30（已达成）"))
        #expect(svg.contains(">今天</text>"))
        #expect(svg.contains(">12月</text>"))
        #expect(TimelineChart(title: "空", from: day(1, 1), to: day(2, 1), today: day(1, 1), rows: []).svg.isEmpty)
    }

    @Test func aStackedBarLinksEachPartAndItsTotalAndEscapesLabels() {
        let chart = StackedBarChart(
            title: "各类别<问题>",
            parts: [("办理中", "#f59e0b"), ("已销号", "#16a34a")],
            rows: [
                .init(
                    label: "困难求助 & 其他", values: [(3, "/problems?a=1&b=2"), (0, "/never")], totalLink: "/problems?all"),
                .init(label: "政务服务", values: [(1, nil), (4, "/closed")]),
            ])
        let svg = chart.svg
        #expect(parses(svg))
        #expect(svg.contains("各类别&lt;问题&gt;"))
        #expect(svg.contains("困难求助 &amp; 其他"))
        #expect(svg.contains("<a href=\"/problems?a=1&amp;b=2\"><rect"))
        #expect(!svg.contains("/never"))  // an empty part draws nothing
        #expect(svg.contains("<a href=\"/problems?all\"><text"))
        #expect(svg.contains(">5</text>"))  // the second row's total
    }

    @Test func columnsStandSideBySideWithALegendAndLinkedLabels() {
        let chart = ColumnChart(
            title: "新增与销号",
            categories: [("9月上旬", "/reports?p=1"), ("9月中旬", nil)],
            series: [
                .init(name: "新增", color: "#f59e0b", values: [(4, "/new1"), (2, "/new2")]),
                .init(name: "销号", color: "#16a34a", values: [(1, "/closed1"), (0, nil)]),
            ])
        let svg = chart.svg
        #expect(parses(svg))
        #expect(svg.components(separatedBy: "<rect").count - 1 == 4 + 2)  // four columns and two swatches
        #expect(svg.contains("<a href=\"/reports?p=1\"><text"))
        #expect(svg.contains("<title>9月上旬 新增：4</title>"))
        #expect(ColumnChart(title: "空", categories: [], series: []).svg.isEmpty)
    }

    @Test func rateBarsAreClampedToTheirScale() {
        let svg = RateChart(
            title: "排名",
            rows: [
                .init(label: "经济发展局", value: 1.5, note: "150%", link: "/d1"), .init(label: "税务局", value: -1, note: "0"),
            ]
        ).svg
        #expect(parses(svg))
        #expect(svg.contains("width=\"320\""))  // 640 − 170 − 150: never wider than the scale
        #expect(svg.contains("width=\"0\""))
        #expect(SvgCanvas.number(2.25) == "2.3" && SvgCanvas.number(-0.04) == "0" && SvgCanvas.number(12) == "12")
    }
}
