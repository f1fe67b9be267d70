import Foundation
import JieyouDomain
import JieyouOffice

/// The dashboard's charts and the list behind each of their numbers: the ledger with the unit, the
/// period and the mark's filter; the 销号清单 for closings; the coverage page for visits.
struct DashboardLinks {
    let d: Dashboard

    init(_ d: Dashboard) { self.d = d }

    private var unit: String { d.unitId.uuidString.lowercased() }

    func ledger(_ filters: [(key: String, value: String)], period: Bool = true) -> String {
        var query: [(key: String, value: String)] = [("orgUnit", unit)]
        if period { query += [("from", d.from.iso), ("to", d.to.iso)] }
        return WebPath.problems + "?" + WebPath.query(query + filters)
    }

    var stats: String {
        WebPath.stats + "?" + WebPath.query([("orgUnit", unit), ("from", d.from.iso), ("to", d.to.iso)])
    }

    var categoryChart: StackedBarChart {
        StackedBarChart(
            title: "各类别问题办理状态",
            parts: ProblemStage.allCases.enumerated().map { ($1.chineseName, ChartPalette.series[$0]) },
            rows: d.categories.map { category in
                StackedBarChart.Row(
                    label: category.name,
                    values: zip(ProblemStage.allCases, category.counts).map { stage, count in
                        (
                            count,
                            ledger([
                                ("kind", "problem"), ("category", category.code),
                                ("state", stage.states.map(\.rawValue).joined(separator: ",")),
                            ])
                        )
                    },
                    totalLink: ledger([("kind", "problem"), ("category", category.code)]))
            })
    }

    var trendChart: ColumnChart {
        ColumnChart(
            title: "问题新增与销号（按旬）",
            categories: d.trend.map {
                (
                    $0.name,
                    WebPath.reports + "?" + WebPath.query([("kind", "tenDay"), ("period", $0.key), ("orgUnit", unit)])
                )
            },
            series: [
                ColumnChart.Series(
                    name: "新增问题", color: ChartPalette.series[1],
                    values: d.trend.map {
                        (
                            $0.submitted,
                            WebPath.problems + "?"
                                + WebPath.query([
                                    ("orgUnit", unit), ("kind", "problem"), ("from", $0.from.iso), ("to", $0.to.iso),
                                ])
                        )
                    }),
                ColumnChart.Series(
                    name: "销号", color: ChartPalette.series[3],
                    values: d.trend.map {
                        (
                            $0.closed,
                            WebPath.closedList + "?"
                                + WebPath.query([
                                    ("orgUnit", unit), ("kind", "problem"), ("closedFrom", $0.from.iso),
                                    ("closedTo", $0.to.iso),
                                ])
                        )
                    }),
            ])
    }

    /// The ranked departments, the first fifteen.
    var rankingChart: RateChart {
        RateChart(
            title: "责任单位\(d.stats.ranking?.rankByName ?? "")排名",
            rows: (d.stats.ranking?.ranked ?? []).prefix(15).map {
                RateChart.Row(
                    label: "\($0.place ?? 0). \($0.name)", value: $0.rate.value ?? 0,
                    note: "\($0.rate.percent)（\($0.rate.count)/\($0.rate.of)）",
                    link: ledger([("department", $0.key.lowercased())]))
            })
    }

    var coverageChart: RateChart {
        RateChart(
            title: "走访覆盖率",
            rows: d.coverage.map { row in
                var query: [(key: String, value: String)] = [("orgUnit", row.id.uuidString.lowercased())]
                if let campaign = d.coverageCampaign { query.append(("campaign", campaign.id.uuidString.lowercased())) }
                return RateChart.Row(
                    label: row.name, value: row.rate ?? 0,
                    note:
                        "\(Share(row.visited, of: row.enterprisesInScope).percentText)（\(row.visited)/\(row.enterprisesInScope)）",
                    link: WebPath.coverage + "?" + WebPath.query(query))
            })
    }
}
