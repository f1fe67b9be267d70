import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
import Vapor

/// 攻坚方案 pages: the plans of a scope; one plan's 三张清单 (目标 / 任务 / 责任) and its 旬调度; a
/// unit's tasks across plans with what it owes this 旬.
struct PlansWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.plans, use: index)
        routes.get(SiteURL.plan(.key), use: show)
        routes.get(SiteURL.planLists(.key), use: PlanDownloads.lists)
        routes.get(SiteURL.planBulletin(.key), use: bulletin)
        routes.get(SiteURL.planBulletinFile(.key), use: PlanDownloads.bulletin)
        routes.post(SiteURL.planTargetActuals(.key), use: recordActual)
        routes.get(SiteURL.planUnit(.key), use: unit)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let plans = try await req.planDesk().plans(for: signedIn.actor)
        let rows = plans.map { p -> HTML in
            """
            <tr><td><a href="\(WebPath.plan(p.id))">\(p.title)</a></td><td class="hide-narrow">\(p.documentNumber ?? "—")</td>
            <td class="hide-narrow">\(p.issuedOn ?? "—")</td><td class="num">\(p.workstreamCount)</td><td class="num">\(p.targetCount)</td><td class="num">\(p.taskCount)</td></tr>
            """
        }
        let mayImport = AccessPolicy.has(signedIn.actor, .managePlans)
        let content: HTML = """
            <h1>攻坚方案</h1>
            \(mayImport ? HTML("<p><a class=\"button\" href=\"\(WebPath.planImport)\">导入方案</a></p>") : .empty)
            \(plans.isEmpty ? HTML("<p>暂无攻坚方案。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="plans"><thead><tr><th>方案</th><th class="hide-narrow">文号</th><th class="hide-narrow">印发日期</th><th>攻坚</th><th>目标</th><th>任务</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """))
            """
        return try await req.page("攻坚方案", content, flash: req.flash)
    }

    enum View: String, CaseIterable {
        case tasks, targets, units, progress, timeline

        var title: String {
            switch self {
            case .timeline: "挂图作战"
            case .tasks: "任务清单"
            case .targets: "目标清单"
            case .units: "责任清单"
            case .progress: "旬调度"
            }
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let detail = try await req.planDesk().detail(try req.idParameter("方案"), for: try req.requireSignedIn().actor)
        let view = View(rawValue: req.queryText("view") ?? "") ?? .tasks
        let workstream = req.queryText("workstream").flatMap(UUID.init(uuidString:))
        let today = LocalDate(req.now, in: .chinaStandard)
        let plan = detail.plan
        let base = WebPath.plan(plan.id)
        func link(_ v: View, workstream: UUID? = workstream) -> String {
            var pairs: [(key: String, value: String)] = [("view", v.rawValue)]
            if let workstream { pairs.append(("workstream", workstream.uuidString.lowercased())) }
            return "\(base)?\(WebPath.query(pairs))"
        }
        let tabs = View.allCases.map { v -> HTML in
            "<li><a href=\"\(link(v))\"\(v == view ? HTML(" aria-current=\"page\"") : .empty)>\(v.title)</a></li>"
        }
        let streamLinks = ([(nil, "全部攻坚")] + detail.workstreams.map { ($0.id, $0.name) }).map { id, name -> HTML in
            "<li><a href=\"\(link(view, workstream: id))\"\(id == workstream ? HTML(" aria-current=\"page\"") : .empty)>\(name)</a></li>"
        }
        let body: HTML
        switch view {
        case .tasks: body = tasksView(detail, workstream: workstream, today: today)
        case .targets:
            body = targetsView(
                detail, workstream: workstream, mayManage: mayManage(signedIn, plan), signedIn: signedIn, today: today)
        case .units: body = unitsView(detail, workstream: workstream, today: today)
        case .timeline:
            let tasks = detail.tasks.filter { $0.owesReports && (workstream == nil || $0.workstreamId == workstream) }
            let groups = detail.workstreams.filter { w in tasks.contains { $0.workstreamId == w.id } }
                .map { w in (w.name, tasks.filter { $0.workstreamId == w.id }) }
            body = HTML(
                raw: Self.timeline(
                    "\(plan.title)挂图作战", groups: groups, year: plan.year, issuedOn: plan.issuedOn, today: today))
        case .progress:
            let desk = req.planDesk()
            let summary = try await desk.progress(detail, period: try desk.period(req.queryText("period")))
            body = progressView(summary, detail: detail, workstream: workstream, link: link(.progress))
        }
        let content: HTML = """
            <h1>\(plan.title)</h1>
            <p class="meta">\(plan.documentNumber ?? "")\(plan.issuedOn.map { HTML(" · \($0)印发") }) · 攻坚\(plan.workstreamCount)个 · 目标\(plan.targetCount)项 · 任务\(plan.taskCount)项</p>
            <nav aria-label="清单"><ul class="tabs">\(tabs)</ul></nav>
            <div class="actions"><a class="button secondary" href="\(SiteURL.planLists(.value(plan.id)).path)" download data-testid="export-plan-lists">导出三张清单（Excel）</a>\
            <a class="button secondary" href="\(SiteURL.planBulletin(.value(plan.id)).path)?kind=month">月通报</a>\
            <a class="button secondary" href="\(SiteURL.planBulletin(.value(plan.id)).path)?kind=quarter">季讲评</a></div>
            <nav aria-label="攻坚"><ul class="tabs small">\(streamLinks)</ul></nav>
            \(workstream.flatMap { detail.workstream($0) }.map(taskForce))
            \(body)
            """
        return try await req.page(plan.title, content, flash: req.flash)
    }

    /// The 月通报 or 季讲评 as a page, with the period before and after and the .docx.
    @Sendable func bulletin(req: Request) async throws -> Response {
        let b = try await req.planDesk().bulletin(
            try req.idParameter("方案"), kind: req.queryText("kind"), date: req.queryText("date"),
            for: try req.requireSignedIn().actor)
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
        let content: HTML = """
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
        return try await req.page(b.title, content)
    }

    private func mayManage(_ signedIn: SignedIn, _ plan: PlanRecord) -> Bool {
        AccessPolicy.has(signedIn.actor, .managePlans) && plan.orgUnitId == signedIn.orgUnitID
    }

    private func taskForce(_ w: WorkstreamRecord) -> HTML {
        """
        <dl class="facts" data-testid="task-force"><dt>工作专班</dt><dd>\(w.taskForce ?? "—")</dd>
        <dt>召集人</dt><dd>\(w.convener ?? "—")</dd>
        <dt>副召集人单位</dt><dd>\(w.deputies.map(\.name).joined(separator: "、"))</dd>
        <dt>专班办公室</dt><dd>\(w.office?.name ?? "—")</dd>
        <dt>成员单位</dt><dd>\(w.members.count)个：\(w.members.map(\.name).joined(separator: "、"))</dd></dl>
        """
    }

    /// 挂图作战: the tasks of each group on the plan's calendar, as SVG.
    static func timeline(
        _ title: String, groups: [(String, [TaskRecord])], year: Int, issuedOn: String?, today: LocalDate
    ) -> String {
        let yearStart = LocalDate(year: year, month: 1, day: 1)!
        let from = issuedOn.flatMap(LocalDate.init(iso:)).map { $0.firstOfMonth } ?? yearStart
        let dues = groups.flatMap { $0.1 }.compactMap { $0.dueOn.flatMap(LocalDate.init(iso:)) }
        let to = max(dues.max() ?? yearStart, LocalDate(year: year, month: 12, day: 31)!)
        var rows: [TimelineChart.Row] = []
        for (name, tasks) in groups {
            rows.append(.heading(name))
            for task in tasks {
                rows.append(
                    .task(
                        TimelineChart.Task(
                            label: "\(task.number.label)\(task.title)",
                            units: task.leads.map(\.name).joined(separator: "、"),
                            dueOn: task.dueOn.flatMap(LocalDate.init(iso:)), percent: task.percent,
                            standing: task.standing(on: today),
                            milestones: task.milestones.compactMap { m in
                                LocalDate(iso: m.dueOn).map { (m.title, $0, m.reachedOn != nil) }
                            }, link: WebPath.planTask(task.id))))
            }
        }
        guard !rows.isEmpty else { return "<p>没有需要推进的任务。</p>" }
        return
            "<figure data-testid=\"plan-timeline\">\(TimelineChart(title: title, from: from, to: to, today: today, rows: rows).svg)</figure>"
    }

    static func unitLinks(_ units: [UnitRef]) -> HTML {
        HTML.join(units.map { HTML("<a href=\"\(WebPath.planUnit($0.id))\">\($0.name)</a>") }, separator: "、")
    }

    private func tasksView(_ detail: PlanDetail, workstream: UUID?, today: LocalDate) -> HTML {
        let tasks = detail.tasks.filter { workstream == nil || $0.workstreamId == workstream }
        var lastStream: UUID?
        let rows = tasks.map { t -> HTML in
            var header: HTML = .empty
            if t.workstreamId != lastStream, let w = detail.workstream(t.workstreamId) {
                header = "<tr class=\"group\"><th colspan=\"7\">\(w.name)</th></tr>"
                lastStream = t.workstreamId
            }
            if t.hasChildren {
                return
                    "\(header)<tr class=\"heading level-\(t.number.style.rawValue)\"><td>\(t.number.label)</td><td colspan=\"6\">\(t.title)</td></tr>"
            }
            let standing = t.standing(on: today)
            return """
                \(header)<tr class="level-\(t.number.style.rawValue)"><td>\(t.number.label)</td>
                <td><a href="\(WebPath.planTask(t.id))">\(t.title)</a>\(t.supervisedOn == nil ? .empty : HTML(" <span class=\"badge warn\">挂牌督办</span>"))</td>
                <td>\(Self.unitLinks(t.leads))</td><td class="hide-narrow">\(Self.unitLinks(t.cos))</td>
                <td class="hide-narrow">\(t.dueOn ?? "—")</td><td class="num">\(t.percent)%</td><td class="standing-\(standing.rawValue)">\(standing.chineseName)</td></tr>
                """
        }
        return """
            <div class="table-wrap"><table data-testid="plan-tasks"><thead><tr><th>编号</th><th>任务</th><th>牵头单位</th><th class="hide-narrow">配合单位</th><th class="hide-narrow">完成时限</th><th>进度</th><th>状态</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    private func targetsView(
        _ detail: PlanDetail, workstream: UUID?, mayManage: Bool, signedIn: SignedIn, today: LocalDate
    ) -> HTML {
        let targets = detail.targets.filter { workstream == nil || $0.workstreamId == workstream }
        let month = String(today.iso.prefix(7))
        let rows = targets.map { g -> HTML in
            """
            <tr><td class="hide-narrow">\(detail.workstream(g.workstreamId)?.name ?? "")</td><td>\(g.indicator)</td><td>\(g.requirement)</td><td class="hide-narrow">\(g.baseline.map { "\($0)\(g.unit)" } ?? "—")</td>
            <td>\(g.actual.map { "\($0)\(g.unit.isEmpty ? "" : " \(g.unit)")" } ?? "—")\(g.actualMonth.map { HTML("<br><small>\($0)</small>") })</td><td>\(g.statusName)</td>
            \(mayManage ? HTML("""
            <td><form method="post" action="\(SiteURL.planTargetActuals(.value(g.id)).path)" class="inline">\(FormFields.csrf(signedIn))
            <input name="month" type="month" value="\(month)" aria-label="月份"> <input name="value" size="6" aria-label="\(g.indicator)实际值" placeholder="实际值"> <button type="submit">填报</button></form></td>
            """) : .empty)</tr>
            """
        }
        return targets.isEmpty
            ? "<p>没有量化目标。</p>"
            : """
            <div class="table-wrap"><table data-testid="plan-targets"><thead><tr><th class="hide-narrow">攻坚</th><th>指标</th><th>目标</th><th class="hide-narrow">基数</th><th>最新实际</th><th>状态</th>\(mayManage ? HTML("<th>填报实际值</th>") : .empty)</tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    private func unitsView(_ detail: PlanDetail, workstream: UUID?, today: LocalDate) -> HTML {
        var lead: [UnitRef: [TaskRecord]] = [:]
        var co: [UnitRef: Int] = [:]
        var order: [UnitRef] = []
        for t in detail.tasks where !t.hasChildren && (workstream == nil || t.workstreamId == workstream) {
            for u in t.leads {
                if lead[u] == nil, co[u] == nil { order.append(u) }
                lead[u, default: []].append(t)
            }
            for u in t.cos {
                if lead[u] == nil, co[u] == nil { order.append(u) }
                co[u, default: 0] += 1
            }
        }
        let rows = order.map { u -> HTML in
            let led = lead[u] ?? []
            let behind = led.filter { $0.standing(on: today) == .behind }.count
            let done = led.filter { $0.percent >= 100 }.count
            return """
                <tr><td><a href="\(WebPath.planUnit(u.id))">\(u.name)</a></td><td class="num">\(led.count)</td><td class="num">\(co[u] ?? 0)</td>
                <td class="num">\(done)</td><td class="num">\(behind)</td></tr>
                """
        }
        return """
            <div class="table-wrap"><table data-testid="plan-units"><thead><tr><th>责任单位</th><th>牵头任务</th><th>配合任务</th><th>已完成</th><th>滞后</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    private func progressView(_ summary: TenDaySummary, detail: PlanDetail, workstream: UUID?, link: String) -> HTML {
        let lines = summary.lines.filter { workstream == nil || $0.task.workstreamId == workstream }
        let missing = summary.unitsNotReported.map { item -> HTML in
            "<li><a href=\"\(WebPath.planUnit(item.unit.id))\">\(item.unit.name)</a>（\(item.missing)项）</li>"
        }
        let rows = lines.map { line -> HTML in
            let r = line.report
            return """
                <tr class="\(r == nil ? "missing" : "reported")"><td><a href="\(WebPath.planTask(line.task.id))">\(line.task.number.label)\(line.task.title)</a></td>
                <td>\(line.unit.name)</td><td>\(r?.progress ?? "")\(r?.milestoneTitle.map { HTML("<br><small>达成节点：\($0)</small>") })</td>
                <td class="num">\(r.map { "\($0.percent)%" } ?? "—")</td><td class="hide-narrow">\(r?.difficulties ?? "")</td><td>\(r == nil ? "未报送" : "已报送")</td></tr>
                """
        }
        let period = summary.period
        return """
            <nav aria-label="旬"><p><a href="\(link)&amp;period=\(period.previous.description)">← \(period.previous.chineseName)</a> · <strong>\(period.chineseName)</strong> · <a href="\(link)&amp;period=\(period.next.description)">\(period.next.chineseName) →</a></p></nav>
            <p data-testid="progress-counts">\(period.chineseName)应报送\(summary.lines.count)项，已报送\(summary.reportedCount)项，未报送\(summary.lines.count - summary.reportedCount)项。</p>
            \(missing.isEmpty ? HTML("<p>各牵头单位均已报送。</p>") : HTML("<h2>未报送单位</h2><ul class=\"columns\" data-testid=\"units-not-reported\">\(missing)</ul>"))
            <h2>报送情况</h2>
            <div class="table-wrap"><table data-testid="progress-lines"><thead><tr><th>任务</th><th>牵头单位</th><th>本旬进展</th><th>进度</th><th class="hide-narrow">困难问题</th><th>报送</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    struct ActualForm: Content {
        var month: String?
        var value: String?
    }

    @Sendable func recordActual(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let id = try req.idParameter("目标")
        let form = try req.content.decode(ActualForm.self)
        let plan = try await req.planDesk().recordActual(
            target: id, month: form.month, value: form.value, note: nil, by: signedIn.actor)
        return req.redirect(to: "\(WebPath.plan(plan))?view=targets&done=saved")
    }

    /// A unit's tasks across the plans the reader reads, with what it owes this 旬.
    @Sendable func unit(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let id = try req.idParameter("单位")
        let today = LocalDate(req.now, in: .chinaStandard)
        let period = TenDayPeriod(containing: today)
        let (name, visible, plans, reported) = try await req.planDesk().unitTasks(
            id, period: period, for: signedIn.actor)
        let leads = visible.filter { t in t.leads.contains { $0.id == id } }
        let owed = leads.filter { $0.percent < 100 && !reported.contains($0.id) }
        func rows(_ list: [TaskRecord], owes: Bool) -> [HTML] {
            list.map { t in
                let standing = t.standing(on: today)
                return """
                    <tr><td class="hide-narrow">\(plans[t.planId]?.title ?? "")</td><td><a href="\(WebPath.planTask(t.id))">\(t.number.label)\(t.title)</a></td>
                    <td class="hide-narrow">\(t.dueOn ?? "—")</td><td class="num">\(t.percent)%</td><td>\(standing.chineseName)</td>
                    \(owes ? HTML("<td>\(reported.contains(t.id) ? "本旬已报" : t.percent >= 100 ? "已完成" : "本旬未报")</td>") : .empty)</tr>
                    """
            }
        }
        let supporting = visible.filter { t in t.cos.contains { $0.id == id } }
        let planOrder = leads.map(\.planId).reduce(into: [UUID]()) { if !$0.contains($1) { $0.append($1) } }
        let chart =
            leads.isEmpty
            ? ""
            : Self.timeline(
                "\(name)牵头任务挂图作战",
                groups: planOrder.map { p in (plans[p]?.title ?? "", leads.filter { $0.planId == p }) },
                year: planOrder.compactMap { plans[$0]?.year }.min() ?? today.year,
                issuedOn: planOrder.compactMap { plans[$0]?.issuedOn }.min(), today: today)
        let content: HTML = """
            <h1>\(name)的攻坚任务</h1>
            <p data-testid="unit-owed">牵头任务\(leads.count)项、配合任务\(supporting.count)项；\(period.chineseName)应报送旬调度\(owed.count + leads.filter { reported.contains($0.id) }.count)项，尚未报送\(owed.count)项。</p>
            <h2>牵头任务</h2>
            \(leads.isEmpty ? HTML("<p>暂无。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="unit-lead-tasks"><thead><tr><th class="hide-narrow">方案</th><th>任务</th><th class="hide-narrow">完成时限</th><th>进度</th><th>状态</th><th>\(period.chineseName)</th></tr></thead><tbody>\(rows(leads, owes: true))</tbody></table></div>
            """))
            \(chart.isEmpty ? .empty : HTML("<h2>挂图作战</h2>\(HTML(raw: chart))"))
            <h2>配合任务</h2>
            \(supporting.isEmpty ? HTML("<p>暂无。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="unit-co-tasks"><thead><tr><th class="hide-narrow">方案</th><th>任务</th><th class="hide-narrow">完成时限</th><th>进度</th><th>状态</th></tr></thead><tbody>\(rows(supporting, owes: false))</tbody></table></div>
            """))
            """
        return try await req.page("\(name)的攻坚任务", content)
    }
}
