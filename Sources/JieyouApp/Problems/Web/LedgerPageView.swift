import Foundation
import JieyouDomain

/// The 问题台账 page: each role's saved views as tabs, the filters as typed, the ledger's rows with 超期
/// marked, column headings that turn the order, and paging. It renders what the desk read; it reads
/// nothing itself.
struct LedgerPageView {
    let actor: Actor
    let signedInCanImport: Bool
    /// The views this reader works from, in the order its day goes.
    let views: [LedgerView]
    let request: LedgerRequest
    let page: LedgerPage
    let choices: LedgerChoices
    /// The query keys as typed (`LedgerPageView.keptKeys`), kept from one request to the next.
    let typed: [String: String]
    /// A bad filter, named beside its field over an empty table.
    let errors: [FieldError]
    let today: LocalDate

    /// The query keys the ledger page keeps from one request to the next (paging, sorting, tabs).
    static let keptKeys = ["q", "state", "kind", "category", "department", "flag", "overdue", "from", "to", "sort"]

    /// The first 40 characters of a description, for a table cell.
    static func excerpt(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }

    var title: String { actor.has(.enterprise) ? "我的问题和建议" : "问题台账" }

    var html: HTML {
        let shown =
            page.total == 0
            ? "共 0 条" : "共 \(page.total) 条，第 \(request.offset + 1)–\(request.offset + page.items.count) 条"
        return """
            <h1>\(title)</h1>
            <div class="actions">\(ProblemAccess.maySubmit(actor) ? HTML("<a class=\"button\" href=\"\(SiteURL.newProblem.path)\">登记问题</a><a class=\"button secondary\" href=\"\(SiteURL.newProblem.path)?kind=complaint\" data-testid=\"new-request\">登记投诉诉求</a>") : .empty)\
            <a class="button secondary" href="\(link(["sort": nil, "offset": nil, "cursor": nil], path: WebPath.problemList))" data-testid="export-list" download>导出问题清单（Excel）</a>\
            \(actor.isStaff ? HTML("<a class=\"button secondary\" href=\"\(WebPath.responsibilityList)\">责任清单</a><a class=\"button secondary\" href=\"\(WebPath.closedList)\">销号清单</a>") : .empty)\
            \(signedInCanImport ? HTML("<a class=\"button secondary\" href=\"\(WebPath.problemImport)\">导入问题清单</a><a class=\"button secondary\" href=\"\(WebPath.workOrderImport)\" data-testid=\"work-orders\">导入工单</a>") : .empty)</div>
            <nav aria-label="台账视图"><ul class="tabs" data-testid="ledger-views">\(tabs)</ul></nav>
            \(filters)
            \(actor.isStaff && page.total > 0 ? ExportLinks.html(WebPath.problemExport, query: String(link(["sort": nil, "offset": nil, "cursor": nil], path: "").dropFirst()), label: "导出问题台账（每个问题一行）") : .empty)
            <p class="muted" data-testid="ledger-total">\(shown)</p>
            <div class="table-wrap"><table data-testid="ledger"><thead><tr>\(heading("编号", .number))<th>企业</th><th>困难问题</th><th class="hide-narrow">类别</th><th>状态</th><th class="hide-narrow">牵头单位</th>\(heading("办理时限", .deadline))</tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <div class="pager">\(pager)</div>
            """
    }

    /// This page's address with some keys changed (nil removes one).
    private func link(_ changes: [String: String?], path: String = WebPath.problems) -> String {
        var pairs = typed
        if let chosen = request.view { pairs["view"] = chosen.rawValue }
        for (key, value) in changes { pairs[key] = value }
        let query = pairs.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        return path + (query.isEmpty ? "" : "?" + WebPath.query(query))
    }

    private var tabs: [HTML] {
        ([nil] + views.map { Optional($0) }).map { view -> HTML in
            let title = view?.chineseName ?? "全部"
            let href = WebPath.problems + (view.map { "?view=\($0.rawValue)" } ?? "")
            return view == request.view
                ? "<li><a href=\"\(href)\" aria-current=\"page\"><b>\(title)</b></a></li>"
                : "<li><a href=\"\(href)\">\(title)</a></li>"
        }
    }

    private var rows: [HTML] {
        page.items.map { p -> HTML in
            let state = ProblemState(rawValue: p.state) ?? .submitted
            let overdue = ProblemSnapshot.isOverdue(
                state: state, deadline: p.deadline.flatMap(LocalDate.init(iso:)), paused: p.pausedSince != nil,
                on: today)
            let flags = p.flags.split(separator: ",").compactMap { ProblemFlag(rawValue: String($0))?.chineseName }
            return """
                <tr><td class="mono"><a href="\(WebPath.problem(p.id))">\(p.number)</a></td>\
                <td>\(p.enterpriseName ?? "—")</td><td>\(Self.excerpt(p.description))</td>\
                <td class="hide-narrow">\(p.categoryCode.flatMap { choices.categoryNames[$0] } ?? "未分类")</td>\
                <td>\(state.chineseName)\(flags.isEmpty ? HTML.empty : HTML(" <span class=\"tag\">\(flags.joined(separator: "、"))</span>"))</td>\
                <td class="hide-narrow">\(p.leadDepartmentName ?? "—")</td>\
                <td>\(p.deadline ?? "—")\(overdue ? HTML(" <span class=\"tag overdue\">超期</span>") : .empty)</td></tr>
                """
        }
    }

    /// A column heading that sorts by `column`, and the other way round when it already does.
    private func heading(_ title: String, _ column: LedgerOrder.Column) -> HTML {
        let current = request.order.column == column
        let next = current ? request.order.reversed : LedgerOrder(column)
        let sort: HTML =
            current ? HTML(" aria-sort=\"\(request.order.descending ? "descending" : "ascending")\"") : .empty
        let arrow = current ? (request.order.descending ? " ↓" : " ↑") : ""
        return """
            <th\(sort)><a href="\(link(["sort": next.text, "offset": nil, "cursor": nil]))" data-testid="sort-\(column.rawValue)">\(title)\(arrow)</a></th>
            """
    }

    private var pager: [HTML] {
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
        return pager
    }

    /// The ledger's filters, as typed. Enterprises and monitors, who see only their own few, get the
    /// keyword and the state; staff get every filter of the API.
    private var filters: HTML {
        let f = FormFields(errors: errors)
        let view = request.view
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
            fields += [
                f.select(
                    "kind", "类型", options: ProblemKind.allCases.map { ($0.rawValue, $0.chineseName) },
                    selected: typed["kind"], blank: "全部"),
                f.select("category", "问题类别", options: choices.categories, selected: typed["category"], blank: "全部"),
                f.select(
                    "department", "责任单位", options: choices.departments, selected: typed["department"]?.lowercased(),
                    blank: "全部"),
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
}
