import Foundation
import JieyouDomain
import JieyouOffice

/// One 攻坚方案: its 三张清单 (任务 / 目标 / 责任) as tabs, the 挂图作战 chart and the 旬调度, each
/// narrowed to one 攻坚 when one is chosen.
struct PlanPageView {
    enum Tab: String, CaseIterable {
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

    let detail: PlanDetail
    let tab: Tab
    let workstream: UUID?
    let today: LocalDate
    /// Admins of the plan's own unit fill in the targets' actual values.
    let mayManage: Bool
    /// The 旬调度 of the period asked for, read only for that tab.
    let progress: TenDaySummary?
    let csrf: HTML

    private var plan: PlanRecord { detail.plan }

    private func link(_ v: Tab, workstream: UUID?) -> String {
        var pairs: [(key: String, value: String)] = [("view", v.rawValue)]
        if let workstream { pairs.append(("workstream", workstream.uuidString.lowercased())) }
        return "\(WebPath.plan(plan.id))?\(WebPath.query(pairs))"
    }

    var html: HTML {
        let tabs = Tab.allCases.map { v -> HTML in
            "<li><a href=\"\(link(v, workstream: workstream))\"\(v == tab ? HTML(" aria-current=\"page\"") : .empty)>\(v.title)</a></li>"
        }
        let streamLinks = ([(nil, "全部攻坚")] + detail.workstreams.map { ($0.id, $0.name) }).map { id, name -> HTML in
            "<li><a href=\"\(link(tab, workstream: id))\"\(id == workstream ? HTML(" aria-current=\"page\"") : .empty)>\(name)</a></li>"
        }
        let body: HTML
        switch tab {
        case .tasks: body = tasksView()
        case .targets: body = targetsView()
        case .units: body = unitsView()
        case .timeline:
            let tasks = detail.tasks.filter { $0.owesReports && (workstream == nil || $0.workstreamId == workstream) }
            let groups = detail.workstreams.filter { w in tasks.contains { $0.workstreamId == w.id } }
                .map { w in (w.name, tasks.filter { $0.workstreamId == w.id }) }
            body = HTML(
                raw: PlanTimeline.svg(
                    "\(plan.title)挂图作战", groups: groups, year: plan.year, issuedOn: plan.issuedOn, today: today))
        case .progress: body = progress.map(progressView) ?? .empty
        }
        return """
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

    private func tasksView() -> HTML {
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
                <td>\(PlanTimeline.unitLinks(t.leads))</td><td class="hide-narrow">\(PlanTimeline.unitLinks(t.cos))</td>
                <td class="hide-narrow">\(t.dueOn ?? "—")</td><td class="num">\(t.percent)%</td><td class="standing-\(standing.rawValue)">\(standing.chineseName)</td></tr>
                """
        }
        return """
            <div class="table-wrap"><table data-testid="plan-tasks"><thead><tr><th>编号</th><th>任务</th><th>牵头单位</th><th class="hide-narrow">配合单位</th><th class="hide-narrow">完成时限</th><th>进度</th><th>状态</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    private func targetsView() -> HTML {
        let targets = detail.targets.filter { workstream == nil || $0.workstreamId == workstream }
        let month = String(today.iso.prefix(7))
        let rows = targets.map { g -> HTML in
            """
            <tr><td class="hide-narrow">\(detail.workstream(g.workstreamId)?.name ?? "")</td><td>\(g.indicator)</td><td>\(g.requirement)</td><td class="hide-narrow">\(g.baseline.map { "\($0)\(g.unit)" } ?? "—")</td>
            <td>\(g.actual.map { "\($0)\(g.unit.isEmpty ? "" : " \(g.unit)")" } ?? "—")\(g.actualMonth.map { HTML("<br><small>\($0)</small>") })</td><td>\(g.statusName)</td>
            \(mayManage ? HTML("""
            <td><form method="post" action="\(SiteURL.planTargetActuals(.value(g.id)).path)" class="inline">\(csrf)
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

    private func unitsView() -> HTML {
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

    private func progressView(_ summary: TenDaySummary) -> HTML {
        let link = link(.progress, workstream: workstream)
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
}
