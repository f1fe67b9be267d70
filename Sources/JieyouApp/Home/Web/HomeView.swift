import Foundation
import JieyouDomain

/// 首页: who and where the reader is, today's place in the reporting cadence, and what the reader's
/// roles look after.
struct HomeView {
    let facts: HomeFacts
    let actor: Actor
    let displayName: String
    let roles: Set<Role>

    /// 我的待办: each figure opens the ledger view behind it; one that needs acting on today stands out.
    private var queues: HTML {
        let cards = facts.work.queues.map { queue -> HTML in
            let urgent = queue.view.isUrgent && queue.count > 0
            return """
                <a class="stat\(urgent ? " urgent" : "")" href="\(queue.link)" data-testid="queue-\(queue.view.rawValue)">\
                <span class="stat-label">\(queue.view.chineseName)</span><b>\(queue.count)</b></a>
                """
        }
        return """
            <h2>我的待办</h2>
            <div class="cards" data-testid="queues">\(cards)</div>
            """
    }

    var html: HTML {
        let tree = facts.tree
        let context = HomeContext(today: facts.today, calendar: facts.calendar)
        var sections: [HTML] = []
        if !facts.work.queues.isEmpty { sections.append(queues) }
        if let stationed = facts.stationed {
            sections.append(CadreHome.section(stationed, quota: facts.quota))
        }
        if let inbox = facts.work.inbox {
            let path = SiteURL.reportInbox.path
            sections.append(
                """
                <h2>下级报送</h2>
                <div class="cards" data-testid="inbox">
                <a class="stat\(inbox.unread > 0 ? " urgent" : "")" href="\(path)#received" data-testid="inbox-unread"><span class="stat-label">未阅报送</span><b>\(inbox.unread)</b></a>
                <a class="stat\(inbox.missing > 0 ? " urgent" : "")" href="\(path)#deliveries" data-testid="inbox-missing"><span class="stat-label">逾期未报送</span><b>\(inbox.missing)</b></a>
                </div>
                """)
        }
        if let reported = facts.work.monitor {
            let open = ProblemState.allCases.filter { $0.isOpen && $0 != .resolved }.map(\.rawValue)
            sections.append(
                """
                <h2>我反映的问题</h2>
                <div class="cards" data-testid="monitor-work">
                <a class="stat" href="\(WebPath.problems)?state=\(open.joined(separator: ","))" data-testid="monitor-open"><span class="stat-label">办理中</span><b>\(reported.open)</b></a>
                <a class="stat\(reported.toRate > 0 ? " urgent" : "")" href="\(WebPath.problems)?state=resolved" data-testid="monitor-to-rate"><span class="stat-label">已办结待评价</span><b>\(reported.toRate)</b></a>
                <a class="stat" href="\(WebPath.problems)?state=closed" data-testid="monitor-closed"><span class="stat-label">已销号</span><b>\(reported.closed)</b></a>
                </div>
                <p><a class="button" href="\(SiteURL.newProblem.path)">反映问题</a></p>
                """)
        }
        if let tenDay = facts.work.tenDay { sections.append(HomeFiguresView.tenDay(tenDay)) }
        sections.append(HomeFiguresView.unitsBelow(facts.work.unitsBelow))
        sections.append(context.cadenceCard)

        if let counts = facts.scope {
            sections.append(
                """
                <h2>管理范围</h2>
                <div class="cards" data-testid="admin-stats">
                <a class="stat" href="\(WebPath.orgUnits)"><b>\(counts.units)</b><span>组织</span></a>
                <a class="stat" href="\(WebPath.departments)"><b>\(counts.departments)</b><span>部门</span></a>
                <a class="stat" href="\(WebPath.users)"><b>\(counts.users)</b><span>用户</span></a>
                </div>
                """)
        } else if let departments = facts.directoryDepartments {
            sections.append(
                """
                <h2>通讯录</h2>
                <p>本单位及下级共 \(departments) 个部门。<a href="\(WebPath.directory)">查看通讯录</a></p>
                """)
        }
        if let (departmentID, name) = facts.department {
            sections.append(
                """
                <h2>所属部门</h2><p data-testid="department">\(name)</p>
                \(actor.has(.handler) ? HTML("<p><a class=\"button\" href=\"\(WebPath.departmentWork(departmentID))\">部门工作台</a></p>") : .empty)
                """)
        }
        if let work = facts.work.enterprise {
            let open = ProblemState.allCases.filter { $0.isOpen && $0 != .resolved }.map(\.rawValue)
            sections.insert(
                """
                <h2>我的待办</h2>
                <div class="cards" data-testid="enterprise-work">
                <a class="stat" href="\(WebPath.problems)?state=\(open.joined(separator: ","))" data-testid="enterprise-open"><span>办理中的问题</span><b>\(work.open)</b></a>
                <a class="stat\(work.toRate > 0 ? " urgent" : "")" href="\(WebPath.problems)?state=resolved" data-testid="enterprise-to-rate"><span>已办结待评价</span><b>\(work.toRate)</b></a>
                <a class="stat" href="\(WebPath.myPolicies)" data-testid="enterprise-policies"><span>符合条件、尚未确认的政策</span><b>\(work.newPolicies)</b></a>
                </div>
                """, at: 0)
        }
        if let enterprise = facts.enterprise {
            sections.append(
                """
                <h2>我的企业</h2>
                <dl class="facts card" data-testid="enterprise">
                <dt>企业全称</dt><dd>\(enterprise.name)</dd>
                <dt>统一社会信用代码</dt><dd class="mono">\(enterprise.creditCode)</dd>
                <dt>所属园区</dt><dd>\(tree.pathName(of: enterprise.orgUnitId))</dd>
                </dl>
                """)
        }
        let roles = roles.sorted().map(\.chineseName).joined(separator: "、")
        return """
            <h1>您好，\(displayName)</h1>
            <p class="muted">\(tree.pathName(of: actor.orgUnitID)) · <span data-testid="roles">\(roles)</span></p>
            \(sections)
            """
    }
}

/// Today's position in the reporting cadence: working day or not, the ten-day bulletin due, the week's
/// Thursday dispatch.
struct HomeContext {
    let today: LocalDate
    let calendar: WorkCalendar

    var todayText: String {
        let weekday = ["一", "二", "三", "四", "五", "六", "日"][today.isoWeekday - 1]
        let status: String
        if calendar.isWorkingDay(today) {
            status = calendar.holidayName(on: today).map { "工作日（\($0)调休上班）" } ?? "工作日"
        } else {
            status = calendar.holidayName(on: today).map { "休息日（\($0)）" } ?? "休息日"
        }
        return "\(today.chinese) 星期\(weekday) · \(status)"
    }

    var bulletinText: String {
        let reported = TenDayPeriod.nextToReport(on: today)
        return "\(reported.chineseName)旬通报：\(reported.reportDueDate.chinese)前报送"
    }

    var weeklyText: String {
        let thursday = ReportingWeek(containing: today).thursday
        return "本周周调度：\(thursday.chinese)（星期四）"
    }

    var calendarWarning: String? {
        calendar.knownYears.contains(today.year) ? nil : "\(today.year)年的法定节假日安排尚未录入，工作日暂按周一至周五计算。"
    }

    var cadenceCard: HTML {
        """
        <section class="card" data-testid="cadence">
        <p><b>\(todayText)</b></p>
        <p>\(bulletinText)</p>
        <p>\(weeklyText)</p>
        \(calendarWarning.map { HTML("<p class=\"field-error\">\($0)</p>") })
        </section>
        """
    }
}
