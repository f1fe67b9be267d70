import Fluent
import JieyouDomain
import SQLKit
import Vapor

/// 部门工作台: one department's work in the loop — what waits for its signature, what it is working on
/// as lead or as co-department, what falls due in the next three working days and what is overdue,
/// with its figures for the year. Its handlers read their own department's; the dispatchers, leaders
/// and admins of its unit and the units above read any within their reach.
struct DepartmentWorkWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("work", "departments", ":id", use: show)
    }

    /// How many held problems the page lists before it sends the reader to the ledger.
    static let listLimit = 200

    @Sendable func show(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let actor = signedIn.actor
        let id = try req.idParameter("部门")
        let tree = try await OrgDirectory.tree(on: req.db)
        guard let department = try await DepartmentModel.find(id, on: req.db), Self.mayRead(actor, department, tree)
        else { throw AppError.notFound("部门") }
        let sql = req.db.sql
        let calendar = try await CalendarStore.calendar(on: req.db)
        let today = LocalDate(req.now, in: .chinaStandard)

        var held = LedgerRequest()
        held.filter.departmentID = id
        held.filter.states = ProblemState.allCases.filter(\.isWithDepartment)
        held.limit = Self.listLimit
        let page = try await ProblemLedger.page(
            held, actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
        let soon = calendar.addingWorkingDays(3, to: today)
        func overdue(_ p: LedgerItem) -> Bool {
            ProblemSnapshot.isOverdue(
                state: ProblemState(rawValue: p.state) ?? .assigned, deadline: p.deadline.flatMap(LocalDate.init(iso:)),
                paused: p.pausedSince != nil, on: today)
        }
        let leading = page.items.filter { $0.leadDepartmentId == id }
        let toSign = leading.filter { $0.state == ProblemState.assigned.rawValue }
        let working = leading.filter { $0.state != ProblemState.assigned.rawValue }
        let assisting = page.items.filter { $0.leadDepartmentId != id }
        let late = page.items.filter(overdue)
        let dueSoon = page.items.filter { p in
            !overdue(p) && p.pausedSince == nil
                && p.deadline.flatMap(LocalDate.init(iso:)).map { $0 >= today && $0 <= soon } == true
        }

        // The year's figures as lead department, as the statistics page counts them.
        var stats = StatsRequest()
        stats.scope.departmentID = id
        stats.scope.from = LocalDate(year: today.year, month: 1, day: 1)
        let year = try await stats.report(actor: actor, tree: tree, today: today, calendar: calendar, on: sql)

        let ledger = WebPath.problems + "?department=\(id.uuidString.lowercased())"
        func count(_ label: String, _ items: [LedgerItem], _ testID: String, _ link: String) -> HTML {
            """
            <a class="stat" href="\(link)" data-testid="\(testID)"><span class="stat-label">\(label)</span><b>\(items.count)</b></a>
            """
        }
        let m = year.metrics
        let rows = page.items.map { p -> HTML in
            let role = p.leadDepartmentId == id ? "牵头" : "配合"
            let state = ProblemState(rawValue: p.state)?.chineseName ?? p.state
            return """
                <tr><td class="mono"><a href="\(WebPath.problem(p.id))">\(p.number)</a></td><td>\(p.enterpriseName ?? "—")</td>\
                <td>\(LedgerPageView.excerpt(p.description))</td><td>\(role)</td><td>\(state)</td>\
                <td>\(p.deadline ?? "—")\(overdue(p) ? HTML(" <span class=\"tag overdue\">超期</span>") : .empty)\(p.pausedSince != nil ? HTML(" <span class=\"tag off\">挂起</span>") : .empty)</td></tr>
                """
        }
        let more: HTML =
            page.total > page.items.count
            ? HTML(
                "<p class=\"muted\">共 \(page.total) 件，此处列出办理时限最近的 \(page.items.count) 件，<a href=\"\(ledger)&view=working\">在问题台账中查看全部</a>。</p>"
            )
            : .empty
        let content: HTML = """
            <h1>\(department.name) · 部门工作台</h1>
            <p class="lead">\(tree.pathName(of: department.$orgUnit.id))</p>
            <div class="cards" data-testid="department-counts">
            \(count("待签收", toSign, "to-sign", ledger + "&view=toSign"))
            \(count("牵头办理中", working, "working", ledger + "&view=working"))
            \(count("配合办理", assisting, "assisting", ledger))
            \(count("三个工作日内到期", dueSoon, "due-soon", ledger + "&view=dueSoon"))
            \(count("超期", late, "overdue", ledger + "&overdue=true"))
            </div>
            <h2>\(today.year)年以来（牵头办理）</h2>
            <div class="cards" data-testid="department-metrics">
            \(StatCard.render("交办", "\(year.tally.assigned)", testID: "assigned"))
            \(StatCard.render("办结率", m.resolutionRate.percent, note: "\(m.resolutionRate.count) / \(m.resolutionRate.of)", testID: "resolution-rate"))
            \(StatCard.render("按期办结率", m.onTimeRate.percent, note: "\(m.onTimeRate.count) / \(m.onTimeRate.of)", testID: "on-time-rate"))
            \(StatCard.render("满意率", m.satisfactionRate.percent, note: "\(m.satisfactionRate.count) / \(m.satisfactionRate.of)", testID: "satisfaction-rate"))
            \(StatCard.render("响应率", m.responseRate.percent, note: "\(m.responseRate.count) / \(m.responseRate.of)", testID: "response-rate"))
            \(StatCard.render("平均办理工作日", m.averageResolveDays.map { String(format: "%.1f", $0) } ?? "—", testID: "average-days"))
            </div>
            <p><a href="\(WebPath.stats)?department=\(id.uuidString.lowercased())&from=\(stats.scope.from!.iso)">查看统计分析</a></p>
            <h2>在办问题</h2>
            \(page.items.isEmpty ? HTML("<p class=\"muted\">目前没有在办的问题。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="department-problems"><thead><tr><th>编号</th><th>企业</th><th>困难问题</th><th>职责</th><th>状态</th><th>办理时限</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """))
            \(more)
            """
        return try await req.page("\(department.name) · 部门工作台", content)
    }

    /// Its own handlers, and the staff who read statistics over its unit.
    static func mayRead(_ actor: Actor, _ department: DepartmentModel, _ tree: OrgTree) -> Bool {
        if actor.departmentID == department.id { return true }
        let overseers: [Role] = [.dispatcher, .admin, .leader, .cadre, .upper]
        return overseers.contains { actor.has($0) } && tree.isWithin(department.$orgUnit.id, subtreeOf: actor.orgUnitID)
    }
}
