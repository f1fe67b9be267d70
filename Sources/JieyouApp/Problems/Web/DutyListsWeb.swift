import Foundation
import JieyouDomain
import Vapor

/// 责任清单 and 销号清单 (PRODUCT.md §4's 三个清单 with the 问题清单) as pages over `ProblemSheets`, for
/// the staff who read the ledger. Their scope and filters are the ledger's query (a department, a
/// category, a campaign, a unit below); the 销号清单 also takes the days problems were closed. Their
/// files are `ProblemDownloads`'.
struct DutyListsWeb: RouteCollection {
    /// Departments' problems shown on the page; the .xlsx has them all.
    static let pageRowsPerDepartment = 30
    static let closedPageSize = 100

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.responsibilityList, use: responsibilityPage)
        routes.get(.responsibilityFile, use: ProblemDownloads.responsibility)
        routes.get(.closedList, use: closedPage)
        routes.get(.closedFile, use: ProblemDownloads.closed)
    }

    /// The filters as typed, carried to the other list and the files.
    private static func typed(_ req: Request) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: ["department", "category", "campaign", "orgUnit", "closedFrom", "closedTo"]
                .compactMap { key in req.queryText(key).map { (key, $0) } })
    }

    /// The query string that carries the filters to the other list or the file.
    private static func query(_ typed: [String: String]) -> String {
        let pairs = typed.sorted { $0.key < $1.key }
        return pairs.isEmpty ? "" : "?" + WebPath.query(pairs)
    }

    // MARK: 责任清单

    @Sendable func responsibilityPage(req: Request) async throws -> Response {
        let scope = try await req.dutyListScope()
        let (typed, query) = (Self.typed(req), Self.query(Self.typed(req)))
        let departments = try await req.problemSheets().responsibility(scope, perDepartment: Self.pageRowsPerDepartment)
        let sections = departments.map { department -> HTML in
            let rows = department.rows.map { row -> HTML in
                let days = scope.lists.daysOverdue(row)
                let state = ProblemState(rawValue: row.state)?.chineseName ?? row.state
                return """
                    <tr><td class="mono"><a href="\(WebPath.problem(row.id))">\(row.number)</a></td>\
                    <td>\(row.enterpriseName ?? "—")</td><td>\(LedgerPageView.excerpt(row.description))</td>\
                    <td class="hide-narrow">\(row.coDepartmentNames.joined(separator: "、"))</td>\
                    <td>\(row.deadline ?? "—")</td><td>\(state)\(row.pausedSince == nil ? "" : "（挂起）")</td>\
                    <td>\(days > 0 ? HTML("<span class=\"tag overdue\">超期\(days)个工作日</span>") : .empty)</td></tr>
                    """
            }
            let more: HTML =
                department.open > department.rows.count
                ? "<p class=\"muted\">另有 \(department.open - department.rows.count) 件，见 <a href=\"\(WebPath.problems)?department=\(department.id.uuidString.lowercased())&amp;sort=deadline\">问题台账</a> 或导出清单。</p>"
                : .empty
            return """
                <section class="card" data-testid="duty-department"><h2>\(department.name) <small class="muted">在办 \(department.open) 件，超期 \(department.overdue) 件</small></h2>
                <div class="table-wrap"><table><thead><tr><th>编号</th><th>企业</th><th>困难问题</th><th class="hide-narrow">配合单位</th><th>办理时限</th><th>状态</th><th>超期</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>\(more)</section>
                """
        }
        let content: HTML = """
            <h1>责任清单</h1>
            <p class="muted">各责任单位牵头在办的问题（已交办、办理中、持续推进），超期最多的单位在前，单位内超期的在前、其余按办理时限。</p>
            \(try await filters(req, scope, typed, action: WebPath.responsibilityList, closedDates: false))
            <div class="actions"><a class="button secondary" href="\(SiteURL.responsibilityFile.path)\(query)" download data-testid="export-responsibility">导出责任清单（Excel）</a>\
            <a class="button secondary" href="\(WebPath.closedList)\(query)">销号清单</a>\
            <a class="button secondary" href="\(WebPath.problemList)\(query)" download>问题清单（Excel）</a></div>
            \(departments.isEmpty ? HTML("<p class=\"empty\">没有在办的问题。</p>") : .empty)
            \(sections)
            """
        return try await req.page("责任清单", content)
    }

    // MARK: 销号清单

    @Sendable func closedPage(req: Request) async throws -> Response {
        let scope = try await req.dutyListScope()
        let (typed, query) = (Self.typed(req), Self.query(Self.typed(req)))
        let offset = req.queryText("offset").flatMap(Int.init).map { max($0, 0) } ?? 0
        let (rows, total) = try await req.problemSheets().closed(scope, limit: Self.closedPageSize, offset: offset)
        let body = rows.map { row -> HTML in
            """
            <tr><td class="mono"><a href="\(WebPath.problem(row.id))">\(row.number)</a></td><td>\(row.enterpriseName ?? "—")</td>\
            <td>\(LedgerPageView.excerpt(row.description))</td><td class="hide-narrow">\(row.leadName ?? "—")</td>\
            <td class="hide-narrow">\(row.resolvedOn ?? "—")</td><td>\(row.closedOn ?? "—")</td><td>\(ProblemDutyLists.rating(row))</td></tr>
            """
        }
        var pager: [HTML] = []
        let base = WebPath.closedList + (query.isEmpty ? "?" : query + "&")
        if offset > 0 {
            pager.append(
                "<a class=\"button secondary\" href=\"\(base)offset=\(max(offset - Self.closedPageSize, 0))\">上一页</a>")
        }
        if offset + Self.closedPageSize < total {
            pager.append("<a class=\"button secondary\" href=\"\(base)offset=\(offset + Self.closedPageSize)\">下一页</a>")
        }
        let content: HTML = """
            <h1>销号清单</h1>
            <p class="muted">已销号的问题，最近销号的在前：办结和销号日期、办理结果与企业评价。</p>
            \(try await filters(req, scope, typed, action: WebPath.closedList, closedDates: true))
            <div class="actions"><a class="button secondary" href="\(SiteURL.closedFile.path)\(query)" download data-testid="export-closed">导出销号清单（Excel）</a>\
            <a class="button secondary" href="\(WebPath.responsibilityList)\(query)">责任清单</a></div>
            <p class="muted" data-testid="closed-total">共 \(total) 件</p>
            <div class="table-wrap"><table data-testid="closed-list"><thead><tr><th>编号</th><th>企业</th><th>困难问题</th><th class="hide-narrow">牵头单位</th><th class="hide-narrow">办结</th><th>销号</th><th>企业评价</th></tr></thead>
            <tbody>\(body)</tbody></table></div>
            <div class="pager">\(pager)</div>
            """
        return try await req.page("销号清单", content)
    }

    // MARK: shared

    private func filters(
        _ req: Request, _ scope: ProblemSheets.Scope, _ typed: [String: String], action: String, closedDates: Bool
    ) async throws -> HTML {
        let f = FormFields()
        let choices = try await req.problemDesk().ledgerChoices(for: scope.actor, tree: scope.tree)
        var fields: [HTML] = [
            f.select(
                "department", "责任单位", options: choices.departments, selected: typed["department"]?.lowercased(),
                blank: "全部"),
            f.select("category", "问题类别", options: choices.categories, selected: typed["category"], blank: "全部"),
        ]
        if closedDates {
            fields += [
                f.text("closedFrom", "销号日期自", value: typed["closedFrom"], type: "date"),
                f.text("closedTo", "至", value: typed["closedTo"], type: "date"),
            ]
        }
        return """
            <form method="get" action="\(action)" class="filters card">\(fields)
            <button type="submit">查询</button> <a href="\(action)">清除条件</a></form>
            """
    }
}
