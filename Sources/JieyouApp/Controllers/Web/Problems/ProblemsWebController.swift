import Fluent
import JieyouDomain
import SQLKit
import Vapor

/// 问题台账 on the web: the ledger with each role's saved views, the submission form, and a problem's
/// page showing its facts, its timeline and a form for each action the reader may take now (and no
/// other). Every form posts with its CSRF token; a refused action comes back on the page with its reason.
struct ProblemsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let problems = routes.grouped("problems")
        problems.get(use: ledger)
        problems.get("list.xlsx", use: { try await ProblemListDownload.response($0) })
        problems.get("new", use: new)
        problems.post(use: create)
        problems.get(":id", use: show)
        problems.post(":id", "actions", ":action", use: act)
    }

    /// The views a role works from, in the order its day goes.
    static func views(for actor: Actor) -> [LedgerView] {
        var views: [LedgerView] = []
        if actor.has(.dispatcher) { views += [.toAccept, .toAssign, .returned, .overdue, .toRevisit] }
        if actor.has(.handler) { views += [.toSign, .working, .dueSoon] }
        if actor.has(.leader) { views += [.supervised, .leaderCases, .overdue] }
        var seen: Set<LedgerView> = []
        return views.filter { seen.insert($0).inserted }
    }

    /// The first 40 characters of a description, for a table cell.
    static func excerpt(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }

    static func maySubmit(_ actor: Actor) -> Bool {
        actor.has(.dispatcher) || actor.has(.cadre) || actor.has(.enterprise) || actor.has(.monitor)
    }

    // MARK: ledger

    /// The query keys the ledger page keeps from one request to the next (paging, sorting, tabs).
    static let ledgerKeys = ["q", "state", "kind", "category", "department", "flag", "overdue", "from", "to", "sort"]

    @Sendable func ledger(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let actor = signedIn.actor
        let tree = try await OrgDirectory.tree(on: req.db)
        let sql = req.db as! any SQLDatabase
        let views = Self.views(for: actor)
        // A bad filter comes back on the page, named beside its field, over an empty table.
        var request = LedgerRequest()
        var errors: [FieldError] = []
        do {
            request = try req.ledgerRequest(for: actor, tree: tree, maxLimit: 50)
        } catch {
            let error = try AppError.forForm(error)
            guard error.status == .badRequest else { throw error }
            errors = error.fieldErrors
        }
        request.limit = 50
        let typed = Dictionary(
            uniqueKeysWithValues: Self.ledgerKeys.compactMap { key in
                req.query[String.self, at: key].map { (key, $0) }
            })
        let today = LocalDate(req.now, in: .chinaStandard)
        let page =
            errors.isEmpty
            ? try await ProblemLedger.page(
                request, actor: actor, tree: tree, today: today, calendar: try await CalendarStore.calendar(on: req.db),
                on: sql)
            : (items: [], total: 0)
        let names = try await ProblemCategoryStore.names(on: sql)
        let chosen = request.view
        /// This page's address with some keys changed (nil removes one).
        func link(_ changes: [String: String?], path: String = WebPath.problems) -> String {
            var pairs = typed
            if let chosen { pairs["view"] = chosen.rawValue }
            for (key, value) in changes { pairs[key] = value }
            let query = pairs.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            return path + (query.isEmpty ? "" : "?" + WebPath.query(query))
        }
        let tabs = ([nil] + views.map { Optional($0) }).map { view -> HTML in
            let title = view?.chineseName ?? "全部"
            let href = WebPath.problems + (view.map { "?view=\($0.rawValue)" } ?? "")
            return view == chosen
                ? "<li><a href=\"\(href)\" aria-current=\"page\"><b>\(title)</b></a></li>"
                : "<li><a href=\"\(href)\">\(title)</a></li>"
        }
        let rows = page.items.map { p -> HTML in
            let state = ProblemState(rawValue: p.state) ?? .submitted
            let overdue = ProblemSnapshot.isOverdue(
                state: state, deadline: p.deadline.flatMap(LocalDate.init(iso:)), paused: p.pausedSince != nil,
                on: today)
            let flags = p.flags.split(separator: ",").compactMap { ProblemFlag(rawValue: String($0))?.chineseName }
            return """
                <tr><td class="mono"><a href="\(WebPath.problem(p.id))">\(p.number)</a></td>\
                <td>\(p.enterpriseName ?? "—")</td><td>\(Self.excerpt(p.description))</td>\
                <td class="hide-narrow">\(p.categoryCode.flatMap { names[$0] } ?? "未分类")</td>\
                <td>\(state.chineseName)\(flags.isEmpty ? HTML.empty : HTML(" <span class=\"tag\">\(flags.joined(separator: "、"))</span>"))</td>\
                <td class="hide-narrow">\(p.leadDepartmentName ?? "—")</td>\
                <td>\(p.deadline ?? "—")\(overdue ? HTML(" <span class=\"tag overdue\">超期</span>") : .empty)</td></tr>
                """
        }
        /// A column heading that sorts by `column`, and the other way round when it already does.
        func heading(_ title: String, _ column: LedgerOrder.Column, narrow: Bool = false) -> HTML {
            let current = request.order.column == column
            let next = current ? request.order.reversed : LedgerOrder(column)
            let sort: HTML =
                current ? HTML(" aria-sort=\"\(request.order.descending ? "descending" : "ascending")\"") : .empty
            let arrow = current ? (request.order.descending ? " ↓" : " ↑") : ""
            return """
                <th\(narrow ? HTML(" class=\"hide-narrow\"") : .empty)\(sort)><a href="\(link(["sort": next.text, "offset": nil, "cursor": nil]))" data-testid="sort-\(column.rawValue)">\(title)\(arrow)</a></th>
                """
        }
        var pager: [HTML] = []
        if request.offset > 0 {
            pager.append(
                "<a class=\"button secondary\" href=\"\(link(["offset": "\(max(request.offset - request.limit, 0))"]))\">上一页</a>"
            )
        }
        if request.offset + request.limit < page.total {
            pager.append(
                "<a class=\"button secondary\" href=\"\(link(["offset": "\(request.offset + request.limit)"]))\">下一页</a>"
            )
        }
        let filters = try await ledgerFilters(
            actor: actor, tree: tree, typed: typed, view: chosen, errors: errors, on: sql)
        let title = actor.has(.enterprise) ? "我的问题和建议" : "问题台账"
        let shown =
            page.total == 0
            ? "共 0 条" : "共 \(page.total) 条，第 \(request.offset + 1)–\(request.offset + page.items.count) 条"
        let content: HTML = """
            <h1>\(title)</h1>
            <div class="actions">\(Self.maySubmit(actor) ? HTML("<a class=\"button\" href=\"\(WebPath.problems)/new\">登记问题</a>") : .empty)\
            <a class="button secondary" href="\(link(["sort": nil, "offset": nil, "cursor": nil], path: WebPath.problemList))" data-testid="export-list" download>导出问题清单（Excel）</a>\
            \(actor.isStaff ? HTML("<a class=\"button secondary\" href=\"\(WebPath.responsibilityList)\">责任清单</a><a class=\"button secondary\" href=\"\(WebPath.closedList)\">销号清单</a>") : .empty)\
            \(ProblemListImport.mayImport(actor) ? HTML("<a class=\"button secondary\" href=\"\(WebPath.problemImport)\">导入问题清单</a>") : .empty)</div>
            <nav aria-label="台账视图"><ul class="tabs" data-testid="ledger-views">\(tabs)</ul></nav>
            \(filters)
            <p class="muted" data-testid="ledger-total">\(shown)</p>
            <div class="table-wrap"><table data-testid="ledger"><thead><tr>\(heading("编号", .number))<th>企业</th><th>困难问题</th><th class="hide-narrow">类别</th><th>状态</th><th class="hide-narrow">牵头单位</th>\(heading("办理时限", .deadline))</tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <div class="pager">\(pager)</div>
            """
        return try await req.page(
            title, content, flash: req.flash, status: errors.isEmpty ? .ok : .badRequest)
    }

    /// The ledger's filters, as typed. Enterprises and monitors, who see only their own few, get the
    /// keyword and the state; staff get every filter of the API.
    private func ledgerFilters(
        actor: Actor, tree: OrgTree, typed: [String: String], view: LedgerView?, errors: [FieldError],
        on sql: any SQLDatabase
    ) async throws -> HTML {
        let f = FormFields(errors: errors)
        let viewField: HTML =
            view.map { HTML("<input type=\"hidden\" name=\"view\" value=\"\($0.rawValue)\">") } ?? .empty
        let orders: [(String, String)] = [
            ("deadline", "办理时限（近→远）"), ("-deadline", "办理时限（远→近）"), ("-submitted", "最新登记"), ("submitted", "最早登记"),
            ("number", "编号"), ("-number", "编号（倒序）"),
        ]
        var fields: [HTML] = [
            f.text("q", "关键词", value: typed["q"], type: "search", placeholder: "编号、问题描述或企业名称"),
            f.select(
                "state", "状态", options: ProblemState.allCases.map { ($0.rawValue, $0.chineseName) },
                selected: typed["state"], blank: "全部"),
        ]
        if actor.isStaff {
            let categories = ProblemCategoryStore.options(
                try await ProblemCategoryStore.available(in: actor.orgUnitID, tree: tree, on: sql))
            fields += [
                f.select(
                    "kind", "类型", options: ProblemKind.allCases.map { ($0.rawValue, $0.chineseName) },
                    selected: typed["kind"], blank: "全部"),
                f.select("category", "问题类别", options: categories, selected: typed["category"], blank: "全部"),
                f.select(
                    "department", "责任单位",
                    options: try await DepartmentChoices.options(under: actor.orgUnitID, tree: tree, on: sql),
                    selected: typed["department"]?.lowercased(), blank: "全部"),
                f.select(
                    "flag", "标记", options: ProblemFlag.allCases.map { ($0.rawValue, $0.chineseName) },
                    selected: typed["flag"], blank: "全部"),
                f.text("from", "登记日期自", value: typed["from"], type: "date"),
                f.text("to", "至", value: typed["to"], type: "date"),
            ]
        }
        fields.append(f.select("sort", "排序", options: orders, selected: typed["sort"] ?? "deadline", blank: nil))
        let overdue = ["true", "1", "on"].contains(typed["overdue"] ?? "")
        return """
            <form method="get" action="\(WebPath.problems)" class="filters card" data-testid="ledger-filters">\(viewField)\(f.summary)
            \(fields)
            \(actor.isStaff ? f.checkbox("overdue", "只看超期", checked: overdue) : .empty)
            <button type="submit">查询</button> <a href="\(WebPath.problems)\(view.map { "?view=\($0.rawValue)" } ?? "")">清除条件</a></form>
            """
    }

    // MARK: submission

    struct NewForm: Content {
        var enterpriseId: String?
        var kind: String?
        var category: String?
        var source: String?
        var description: String?
    }

    @Sendable func new(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard Self.maySubmit(signedIn.actor) else { throw AppError.forbidden() }
        let form = NewForm(enterpriseId: req.query[String.self, at: "enterprise"], kind: "problem")
        return try await req.page("登记问题", try await newForm(req, signedIn, form, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let form = try req.content.decode(NewForm.self)
        do {
            let id = try await ProblemService(
                database: req.db, now: req.now, calendar: try await CalendarStore.calendar(on: req.db)
            ).submit(
                ProblemInput(
                    enterpriseID: formUUID(form.enterpriseId), kind: form.kind, category: form.category,
                    source: form.source, description: form.description, campaignID: nil),
                orgUnit: nil, by: signedIn.actor)
            return req.redirect(to: WebPath.problem(id) + "?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "登记问题", try await newForm(req, signedIn, form, errors: error.fieldErrors), status: error.status)
        }
    }

    private func newForm(_ req: Request, _ signedIn: SignedIn, _ form: NewForm, errors: [FieldError]) async throws
        -> HTML
    {
        let actor = signedIn.actor
        let sql = req.db as! any SQLDatabase
        var enterpriseName: String?
        // The categories of the ledger the problem goes to: the enterprise's unit's.
        var unit = actor.orgUnitID
        if actor.has(.enterprise), let own = actor.enterpriseID,
            let enterprise = try await StoredEnterprise.load(own, on: sql)
        {
            enterpriseName = enterprise.row.name
            unit = enterprise.row.orgUnitId
        } else if let id = formUUID(form.enterpriseId) {
            let access = try await EnterpriseAccess.load(req)
            let enterprise = try await access.enterprise(id, on: req.db)
            enterpriseName = enterprise.row.name
            unit = enterprise.row.orgUnitId
        }
        let f = FormFields(errors: errors)
        let categories = ProblemCategoryStore.options(
            try await ProblemCategoryStore.available(in: unit, tree: try await OrgDirectory.tree(on: req.db), on: sql))
        let staff = actor.has(.dispatcher) || actor.has(.cadre)
        let sources = ProblemSource.allCases.filter { $0 != .online && $0 != .monitor && $0 != .sheet }
        let enterpriseField: HTML =
            if let enterpriseName {
                "<p class=\"lead\">企业：<b data-testid=\"problem-enterprise\">\(enterpriseName)</b></p>\(actor.has(.enterprise) ? HTML.empty : HTML("<input type=\"hidden\" name=\"enterpriseId\" value=\"\(form.enterpriseId ?? "")\">"))"
            } else if actor.has(.monitor) {
                "<p class=\"hint\">如反映的问题涉及某家企业，请从该企业页面登记。</p>"
            } else {
                "<p class=\"muted\">请先在<a href=\"\(WebPath.enterprises)\">企业</a>中找到企业，在企业页面点“登记问题”。</p>\(f.error(for: "enterpriseId"))"
            }
        return """
            <h1>登记问题</h1>
            <form method="post" action="\(WebPath.problems)" class="card problem-form">
            \(FormFields.csrf(signedIn))\(f.summary)
            \(enterpriseField)
            \(f.select("kind", "类型", options: ProblemKind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: form.kind, blank: nil))
            \(f.select("category", "问题类别", options: categories, selected: form.category, blank: "由服务小组分类"))
            \(staff ? f.select("source", "问题来源", options: sources.map { ($0.rawValue, $0.chineseName) }, selected: form.source, blank: nil) : .empty)
            <div class="field"><label for="description">困难问题<span class="req">*</span></label>
            <textarea id="description" name="description" rows="5" required>\(form.description ?? "")</textarea>\(f.error(for: "description"))</div>
            <div class="actions"><button type="submit">提交</button><a class="button secondary" href="\(WebPath.problems)">取消</a></div>
            </form>
            """
    }

    // MARK: one problem

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req, errors: [], failed: nil)
    }

    /// The fields of every action form, as a browser sends them.
    struct ActionForm: Content {
        var category: String?
        var reason: String?
        var leadDepartmentId: String?
        var coDepartmentIds: [String]?
        var deadline: String?
        var text: String?
        var upheld: String?
        var note: String?
        var result: String?
        var resultKind: String?
        var satisfaction: String?
        var comment: String?
        var overrideReason: String?
        var targetNumber: String?
        var plan: String?
        var responsibleUnit: String?
        var until: String?
        var workingDays: String?
        var approve: String?
        var departmentId: String?
        var on: String?
        var rootCause: String?

        /// What was typed into `field` (by its form name), to show again when the form comes back.
        func value(_ field: String) -> String? {
            Mirror(reflecting: self).children.first { $0.label == field }.flatMap { $0.value as? String }
        }
    }

    @Sendable func act(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let id = try req.idParameter("问题")
        guard let name = req.parameters.get("action").flatMap(ProblemAction.Name.init(rawValue:)) else {
            throw AppError.notFound("操作")
        }
        let form = try req.content.decode(ActionForm.self)
        do {
            let sql = req.db as! any SQLDatabase
            var target: UUID?
            if name == .merge, let number = form.targetNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
                target = try await sql.raw("SELECT id FROM problems WHERE number = \(bind: number)").first()?
                    .decode(column: "id", as: UUID.self)
                if target == nil { throw AppError.invalid("targetId", "找不到编号为“\(number)”的问题") }
            }
            let body = ProblemsAPIController.ActionBody(
                category: form.category, reason: form.reason, leadDepartmentId: formUUID(form.leadDepartmentId),
                coDepartmentIds: (form.coDepartmentIds ?? []).compactMap(formUUID), deadline: form.deadline,
                text: form.text, upheld: form.upheld.map { $0 == "true" }, note: form.note, result: form.result,
                resultKind: form.resultKind, satisfaction: form.satisfaction, comment: form.comment,
                overrideReason: form.overrideReason, targetId: target, plan: form.plan,
                responsibleUnit: form.responsibleUnit, until: form.until,
                workingDays: form.workingDays.flatMap { Int($0) },
                approve: form.approve.map { $0 == "true" }, departmentId: formUUID(form.departmentId),
                on: form.on.map { $0 == "true" }, rootCause: form.rootCause)
            let action = try ProblemsAPIController.action(name, body, problemID: id)
            _ = try await ProblemService(
                database: req.db, now: req.now, calendar: try await CalendarStore.calendar(on: req.db)
            ).act(action, on: id, note: form.note, by: signedIn.actor)
            return req.redirect(to: WebPath.problem(id) + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await page(req, errors: error.fieldErrors, failed: name, typed: form, status: error.status)
        }
    }

    private func page(
        _ req: Request, errors: [FieldError], failed: ProblemAction.Name?, typed: ActionForm? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let sql = req.db as! any SQLDatabase
        let id = try req.idParameter("问题")
        let tree = try await OrgDirectory.tree(on: req.db)
        let (record, snapshot, parties) = try await ProblemParties.readable(
            id, by: signedIn.actor, tree: tree, on: sql)
        let calendar = try await CalendarStore.calendar(on: req.db)
        let today = LocalDate(req.now, in: .chinaStandard)
        let available = ProblemWorkflow(calendar: calendar).available(to: parties, on: snapshot)
        let categoryNames = try await ProblemCategoryStore.names(on: sql)
        let departments = try await DepartmentModel.query(on: req.db).filter(\.$orgUnit.$id == record.orgUnitId)
            .filter(\.$active == true).sort(\.$name).all()
        let departmentNames = Dictionary(uniqueKeysWithValues: departments.map { ($0.id!, $0.name) })
        let categories = try await ProblemCategoryStore.available(in: record.orgUnitId, tree: tree, on: sql)
        var enterprise: StoredEnterprise?
        if let enterpriseID = record.enterpriseId {
            enterprise = try await StoredEnterprise.load(enterpriseID, on: sql)
        }
        let timeline = try await ProblemsAPIController.timeline(
            of: id, hideMonitor: record.reporterHidden && !parties.contains(.dispatcher), on: sql)
        let escalatedTo = try await ProblemsAPIController.LinkedProblem.load(record.escalatedTo, on: sql)
        let forms = ProblemActionForms(
            problemID: id, snapshot: snapshot, signedIn: signedIn, departments: departments.map { ($0.id!, $0.name) },
            categories: categories, errors: failed == nil ? [] : errors, typed: typed)
        let actionItems = available.map { forms.form(for: $0, open: $0 == failed) }
        let co = snapshot.coDepartments.sorted { $0.value < $1.value }.map {
            "\(departmentNames[$0.key] ?? "其他单位")（\($0.value.iso)）"
        }
        let events = timeline.map { entry -> HTML in
            let name =
                ProblemAction.Name(rawValue: entry.action)?.chineseName
                ?? (entry.action == "submit" ? "登记" : entry.action)
            let note = entry.changes["note"]?.after ?? entry.changes["description"]?.after
            let state = entry.changes["state"]?.after.flatMap(ProblemState.init(rawValue:))?.chineseName
            return """
                <li><time>\(ChinaTime.dateTime(entry.at))</time> <b>\(entry.actor ?? "系统")</b> \(name)\
                \(state.map { HTML(" → \($0)") } ?? .empty)\(note.map { HTML("<p>\($0)</p>") } ?? .empty)</li>
                """
        }
        let overdue = snapshot.isOverdue(on: today)
        // A step refused because the problem moved on has no form left to show its reason in.
        let stale: HTML =
            if let failed, !available.contains(failed) {
                "<div class=\"error-summary\" role=\"alert\"><p>\(errors.map(\.message).joined(separator: "；"))</p></div>"
            } else { .empty }
        let content: HTML = """
            \(stale)<h1><span class="mono" data-testid="problem-number">\(record.number)</span> <span data-testid="problem-state">\(snapshot.state.chineseName)</span>\(overdue ? HTML(" <span class=\"tag overdue\">超期</span>") : .empty)</h1>
            <dl class="facts card">
            <dt>企业</dt><dd>\(enterprise.map { HTML("<a href=\"\(WebPath.enterprise($0.row.id))\">\($0.row.name)</a>") } ?? HTML("—"))</dd>
            <dt>类型</dt><dd>\(snapshot.kind.chineseName)</dd>
            <dt>问题类别</dt><dd>\(snapshot.categoryCode.flatMap { categoryNames[$0] } ?? "未分类")</dd>
            <dt>问题来源</dt><dd>\(ProblemSource(rawValue: record.source)?.chineseName ?? record.source)</dd>
            <dt>困难问题</dt><dd data-testid="problem-description">\(record.description)</dd>
            <dt>牵头单位</dt><dd>\(snapshot.leadDepartment.flatMap { departmentNames[$0] } ?? "—")</dd>
            <dt>配合单位</dt><dd>\(co.isEmpty ? "—" : co.joined(separator: "、"))</dd>
            <dt>办理时限</dt><dd>\(snapshot.deadline?.iso ?? "—")\(snapshot.pausedSince.map { HTML("（\($0.iso) 起挂起）") } ?? .empty)</dd>
            \(snapshot.result.map { HTML("<dt>办理结果</dt><dd>\($0)（\(snapshot.resultKind?.chineseName ?? "")）</dd>") } ?? .empty)
            \(snapshot.satisfaction.map { HTML("<dt>满意度</dt><dd>\($0.chineseName)</dd>") } ?? .empty)
            \(snapshot.rootCause.map { HTML("<dt>症结</dt><dd>\($0)</dd>") } ?? .empty)
            \(snapshot.flags.isEmpty ? HTML.empty : HTML("<dt>标记</dt><dd>\(snapshot.flags.map(\.chineseName).sorted().joined(separator: "、"))</dd>"))
            \(escalatedTo.map { HTML("<dt>已上报</dt><dd>上级编号 \($0.number)，\($0.stateName)\($0.result.map { "：\($0)" } ?? "")</dd>") } ?? .empty)
            </dl>
            \(actionItems.isEmpty ? HTML.empty : HTML("<h2>办理</h2><div class=\"problem-actions\" data-testid=\"problem-actions\">\(actionItems)</div>"))
            <h2>办理过程</h2>
            <ol class="timeline" data-testid="timeline">\(events)</ol>
            """
        return try await req.page("问题 \(record.number)", content, flash: req.flash, status: status)
    }
}
