import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
import Vapor

/// 数据看板 (issue 5): the leaders' view of a unit's subtree — the figures as cards, each category's
/// problems by stage, new and closed problems per 旬, the departments ranked and a campaign's
/// coverage in the units below, charts drawn on the server (JieyouOffice's SVG) whose every number
/// opens its list. `/dashboard` and the same figures as `GET /api/v1/dashboard`. For the staff who
/// read statistics.
struct DashboardController: RouteCollection {
    let api: Bool

    func boot(routes: any RoutesBuilder) throws {
        if api {
            routes.get("dashboard", use: json)
        } else {
            routes.get("dashboard", use: page)
        }
    }

    /// What the request names: the unit (default the reader's), the days problems came in (default
    /// this year to today) and the campaign whose coverage is shown (default the latest begun above
    /// or at the unit).
    struct Wanted {
        let actor: Actor
        let tree: OrgTree
        let unit: UUID
        let from: LocalDate
        let to: LocalDate
        let campaign: CampaignRecord?
        let today: LocalDate

        static func read(_ req: Request) async throws -> Wanted {
            let actor = try req.requireSignedIn().actor
            guard AccessPolicy.has(actor, .readStatistics) else { throw AppError.forbidden("只有园区工作人员可以查看数据看板") }
            let tree = try await OrgDirectory.tree(on: req.db)
            let sql = req.db.sql
            let today = LocalDate(req.now, in: .chinaStandard)
            var v = Validator()
            let unit = req.queryID("orgUnit", "组织", &v) ?? actor.orgUnitID
            let days = DashboardComposer.defaultDays(today: today)
            let from = v.optionalDay(req.queryText("from"), field: "from", label: "起始日期") ?? days.from
            let to = v.optionalDay(req.queryText("to"), field: "to", label: "截止日期") ?? days.to
            if v.errors.isEmpty && to < from { v.fail("to", "截止日期不能早于起始日期") }
            if v.errors.isEmpty && from.days(until: to) > CoverageService.maxDays { v.fail("to", "统计期间不能超过两年") }
            let campaignID = req.queryID("campaign", "专项行动", &v)
            try v.throwIfFailed()
            guard tree.isWithin(unit, subtreeOf: actor.orgUnitID) else { throw AppError.notFound("组织") }
            var campaign: CampaignRecord?
            if let campaignID {
                // A campaign that reaches the unit: run by it, or by a unit above it.
                guard let found = try await CampaignQueries.load(campaignID, on: sql),
                    tree.isWithin(unit, subtreeOf: found.orgUnitId)
                else { throw AppError.notFound("专项行动") }
                campaign = found
            } else {
                campaign = try await DashboardComposer.defaultCampaign(for: unit, tree: tree, today: today, on: sql)
            }
            return Wanted(actor: actor, tree: tree, unit: unit, from: from, to: to, campaign: campaign, today: today)
        }

        /// The dashboard, kept or composed now. A reader whose reach is the whole subtree shares the
        /// kept ones; a handler's, which counts only its department's problems, is always its own.
        func dashboard(_ req: Request) async throws -> Dashboard {
            let shared = [.dispatcher, .admin, .leader, .cadre, .upper].contains { actor.has($0) }
            let key = DashboardCache.Key(unit: unit, from: from, to: to, campaign: campaign?.id)
            let cache = req.application.dashboardCache
            if shared, let kept = await cache.fresh(key, now: req.now) { return kept.dashboard }
            let started = Date()
            let dashboard = try await DashboardComposer(
                actor: actor, tree: tree, sql: req.db.sql,
                calendar: try await CalendarStore.calendar(on: req.db), now: req.now
            ).compose(unit: unit, from: from, to: to, campaign: campaign)
            if shared {
                await cache.keep(
                    dashboard, for: key, composedAt: dashboard.composedAt, seconds: Date().timeIntervalSince(started))
            }
            return dashboard
        }
    }

    @Sendable func json(req: Request) async throws -> Dashboard {
        try await Wanted.read(req).dashboard(req)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let wanted = try await Wanted.read(req)
        let d = try await wanted.dashboard(req)
        let f = FormFields()
        let units = UnitChoices.options(under: wanted.actor.orgUnitID, tree: wanted.tree, lowercased: true)
        let picker: HTML = """
            <form method="get" action="\(WebPath.dashboard)" class="filters no-print" data-testid="dashboard-filters">
            \(f.select("orgUnit", "单位", options: units, selected: d.unitId.uuidString.lowercased(), blank: nil))
            \(f.text("from", "收集起始日期", value: d.from.iso, type: "date"))
            \(f.text("to", "收集截止日期", value: d.to.iso, type: "date"))
            <button type="submit">查看</button></form>
            """
        let links = DashboardLinks(d)
        let m = d.stats.metrics
        let t = d.stats.tally
        let cards: HTML = """
            <div class="cards" data-testid="dashboard-cards">
            \(StatCard.render("收集问题", "\(t.registered - t.suggestions)", note: "意见建议 \(t.suggestions) 条", testID: "card-registered", link: links.ledger([("kind", "problem")])))
            \(StatCard.render("已办结", "\(t.resolved)", note: "办结率 \(m.resolutionRate.percent)", testID: "card-resolved", link: links.ledger([("state", "resolved,closed")])))
            \(StatCard.render("已销号", "\(t.closed)", note: "满意率 \(m.satisfactionRate.percent)", testID: "card-closed", link: links.ledger([("state", "closed")])))
            \(StatCard.render("按期办结率", m.onTimeRate.percent, note: "\(m.onTimeRate.count)/\(m.onTimeRate.of)", testID: "card-on-time", link: links.stats))
            \(StatCard.render("在办问题", "\(d.openNow)", note: "截至今日", testID: "card-open", link: links.ledger([("state", ProblemState.allCases.filter(\.isOpen).map(\.rawValue).joined(separator: ","))], period: false)))
            \(StatCard.render("超期未办结", "\(d.overdueNow)", note: "截至今日", testID: "card-overdue", link: links.ledger([("overdue", "true")], period: false)))
            \(StatCard.render("挂牌督办", "\(d.supervisedNow)", note: "在办", testID: "card-supervised", link: links.ledger([("flag", "supervised"), ("state", ProblemState.allCases.filter(\.isOpen).map(\.rawValue).joined(separator: ","))], period: false)))
            </div>
            """
        let content: HTML = """
            <h1>数据看板：\(d.unitName)</h1>
            <p class="muted" data-testid="dashboard-as-of">问题收集于 \(d.from.iso) 至 \(d.to.iso)，数据生成于 \(ChinaTime.dateTime(d.composedAt))。点击图中的数字或柱条可打开对应的问题清单。</p>
            \(picker)
            <div class="actions no-print"><a class="button secondary" href="\(WebPath.reports)?orgUnit=\(d.unitId.uuidString.lowercased())">通报</a>\
            <a class="button secondary" href="\(links.stats)">统计分析</a></div>
            \(cards)
            <section data-testid="chart-categories"><h2>各类别问题办理状态</h2>
            \(d.categories.isEmpty ? HTML("<p class=\"muted\">期间内没有分类的问题。</p>") : HTML(raw: links.categoryChart.svg))</section>
            <section data-testid="chart-trend"><h2>问题新增与销号（按旬）</h2>\(HTML(raw: links.trendChart.svg))</section>
            <section data-testid="chart-ranking"><h2>责任单位\(d.stats.ranking?.rankByName ?? "按期办结率")排名</h2>
            \(links.rankingChart.rows.isEmpty ? HTML("<p class=\"muted\">没有样本达到 \(d.stats.ranking?.minimumSample ?? 5) 件的责任单位，暂不排名。</p>") : HTML(raw: links.rankingChart.svg))</section>
            <section data-testid="chart-coverage"><h2>走访覆盖\(d.coverageCampaign.map { "（\($0.name)）" } ?? "（本周）")</h2>
            <p class="muted">\(d.coverageFrom.iso) 至 \(d.coverageTo.iso)</p>
            \(d.coverage.isEmpty ? HTML("<p class=\"muted\">暂无走访数据。</p>") : HTML(raw: links.coverageChart.svg))</section>
            """
        return try await req.page("数据看板", content)
    }
}

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
