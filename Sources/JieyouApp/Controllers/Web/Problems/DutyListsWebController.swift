import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// 责任清单 and 销号清单 (PRODUCT.md §4's 三个清单 with the 问题清单) as pages and as .xlsx, for the
/// staff who read the ledger. Their scope and filters are the ledger's query (a department, a
/// category, a campaign, a unit below); the 销号清单 also takes the days problems were closed.
struct DutyListsWebController: RouteCollection {
    /// Departments' problems shown on the page; the .xlsx has them all.
    static let pageRowsPerDepartment = 30
    static let closedPageSize = 100

    func boot(routes: any RoutesBuilder) throws {
        let problems = routes.grouped("problems")
        problems.get("responsibility", use: responsibilityPage)
        problems.get("responsibility.xlsx", use: { try await Self.responsibilityFile($0) })
        problems.get("closed", use: closedPage)
        problems.get("closed.xlsx", use: { try await Self.closedFile($0) })
    }

    /// What both lists read from the request: the reader, the ledger's condition, names.
    struct Scope {
        let actor: Actor
        let tree: OrgTree
        let lists: ProblemDutyLists
        let condition: SQLQueryString
        let labels: [String: String]
        let unitName: String
        let closedFrom: LocalDate?
        let closedTo: LocalDate?
        let typed: [String: String]

        static func load(_ req: Request) async throws -> Scope {
            let actor = try req.requireSignedIn().actor
            guard actor.isStaff else { throw AppError.forbidden("责任清单和销号清单供工作人员查看") }
            let tree = try await OrgDirectory.tree(on: req.db)
            let sql = req.db.sql
            let request = try req.ledgerRequest(for: actor, tree: tree)
            var v = Validator()
            let closedFrom = v.optionalDay(req.queryText("closedFrom"), field: "closedFrom", label: "销号日期起")
            let closedTo = v.optionalDay(req.queryText("closedTo"), field: "closedTo", label: "销号日期止")
            if let closedFrom, let closedTo, closedFrom > closedTo { v.fail("closedTo", "销号日期止不能早于起") }
            try v.throwIfFailed()
            let today = LocalDate(req.now, in: .chinaStandard)
            let calendar = try await CalendarStore.calendar(on: req.db)
            let typed = Dictionary(
                uniqueKeysWithValues: ["department", "category", "campaign", "orgUnit", "closedFrom", "closedTo"]
                    .compactMap { key in req.queryText(key).map { (key, $0) } })
            return Scope(
                actor: actor, tree: tree, lists: ProblemDutyLists(sql: sql, calendar: calendar, today: today),
                condition: ProblemLedger.condition(
                    request, actor: actor, tree: tree, today: today, calendar: calendar, on: sql),
                labels: ProblemListExport.categoryLabels(try await ProblemCategoryStore.all(on: sql)),
                unitName: tree[request.filter.orgUnitID ?? actor.orgUnitID]?.name ?? "", closedFrom: closedFrom,
                closedTo: closedTo, typed: typed)
        }

        /// The query string that carries the filters to the other list or the file.
        var query: String {
            let pairs = typed.sorted { $0.key < $1.key }
            return pairs.isEmpty ? "" : "?" + WebPath.query(pairs)
        }
    }

    // MARK: 责任清单

    @Sendable func responsibilityPage(req: Request) async throws -> Response {
        let scope = try await Scope.load(req)
        let departments = try await scope.lists.responsibility(
            condition: scope.condition, perDepartment: Self.pageRowsPerDepartment)
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
            \(try await filters(req, scope, action: WebPath.responsibilityList, closedDates: false))
            <div class="actions"><a class="button secondary" href="\(WebPath.responsibilityList).xlsx\(scope.query)" download data-testid="export-responsibility">导出责任清单（Excel）</a>\
            <a class="button secondary" href="\(WebPath.closedList)\(scope.query)">销号清单</a>\
            <a class="button secondary" href="\(WebPath.problemList)\(scope.query)" download>问题清单（Excel）</a></div>
            \(departments.isEmpty ? HTML("<p class=\"empty\">没有在办的问题。</p>") : .empty)
            \(sections)
            """
        return try await req.page("责任清单", content)
    }

    static func responsibilityFile(_ req: Request) async throws -> Response {
        let scope = try await Scope.load(req)
        let departments = try await scope.lists.responsibility(condition: scope.condition, perDepartment: nil)
        let url = temporaryFile()
        do {
            try DutyListSheets.writeResponsibility(
                departments, lists: scope.lists, labels: scope.labels,
                title: "\(scope.unitName)责任清单（截至\(scope.lists.today.iso)）", to: url)
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return try await OfficeDownload.stream(
            url, filename: "责任清单-\(scope.unitName)-\(scope.lists.today.iso).xlsx", req)
    }

    // MARK: 销号清单

    @Sendable func closedPage(req: Request) async throws -> Response {
        let scope = try await Scope.load(req)
        let offset = req.queryText("offset").flatMap(Int.init).map { max($0, 0) } ?? 0
        let (rows, total) = try await scope.lists.closed(
            condition: scope.condition, closedFrom: scope.closedFrom, closedTo: scope.closedTo,
            limit: Self.closedPageSize, offset: offset)
        let body = rows.map { row -> HTML in
            """
            <tr><td class="mono"><a href="\(WebPath.problem(row.id))">\(row.number)</a></td><td>\(row.enterpriseName ?? "—")</td>\
            <td>\(LedgerPageView.excerpt(row.description))</td><td class="hide-narrow">\(row.leadName ?? "—")</td>\
            <td class="hide-narrow">\(row.resolvedOn ?? "—")</td><td>\(row.closedOn ?? "—")</td><td>\(ProblemDutyLists.rating(row))</td></tr>
            """
        }
        var pager: [HTML] = []
        let base = WebPath.closedList + (scope.query.isEmpty ? "?" : scope.query + "&")
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
            \(try await filters(req, scope, action: WebPath.closedList, closedDates: true))
            <div class="actions"><a class="button secondary" href="\(WebPath.closedList).xlsx\(scope.query)" download data-testid="export-closed">导出销号清单（Excel）</a>\
            <a class="button secondary" href="\(WebPath.responsibilityList)\(scope.query)">责任清单</a></div>
            <p class="muted" data-testid="closed-total">共 \(total) 件</p>
            <div class="table-wrap"><table data-testid="closed-list"><thead><tr><th>编号</th><th>企业</th><th>困难问题</th><th class="hide-narrow">牵头单位</th><th class="hide-narrow">办结</th><th>销号</th><th>企业评价</th></tr></thead>
            <tbody>\(body)</tbody></table></div>
            <div class="pager">\(pager)</div>
            """
        return try await req.page("销号清单", content)
    }

    static func closedFile(_ req: Request) async throws -> Response {
        let scope = try await Scope.load(req)
        let url = temporaryFile()
        var title = "\(scope.unitName)销号清单"
        if scope.closedFrom != nil || scope.closedTo != nil {
            title += "（\(scope.closedFrom?.iso ?? "")至\(scope.closedTo?.iso ?? scope.lists.today.iso)）"
        }
        do {
            try await DutyListSheets.writeClosed(title: title, labels: scope.labels, to: url) { offset in
                try await scope.lists.closed(
                    condition: scope.condition, closedFrom: scope.closedFrom, closedTo: scope.closedTo, limit: 2_000,
                    offset: offset
                ).rows
            }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return try await OfficeDownload.stream(
            url, filename: "销号清单-\(scope.unitName)-\(scope.lists.today.iso).xlsx", req)
    }

    // MARK: shared

    private func filters(_ req: Request, _ scope: Scope, action: String, closedDates: Bool) async throws -> HTML {
        let sql = req.db.sql
        let f = FormFields()
        let categories = ProblemCategoryStore.options(
            try await ProblemCategoryStore.available(in: scope.actor.orgUnitID, tree: scope.tree, on: sql))
        var fields: [HTML] = [
            f.select(
                "department", "责任单位",
                options: try await DepartmentChoices.options(under: scope.actor.orgUnitID, tree: scope.tree, on: sql),
                selected: scope.typed["department"]?.lowercased(), blank: "全部"),
            f.select("category", "问题类别", options: categories, selected: scope.typed["category"], blank: "全部"),
        ]
        if closedDates {
            fields += [
                f.text("closedFrom", "销号日期自", value: scope.typed["closedFrom"], type: "date"),
                f.text("closedTo", "至", value: scope.typed["closedTo"], type: "date"),
            ]
        }
        return """
            <form method="get" action="\(action)" class="filters card">\(fields)
            <button type="submit">查询</button> <a href="\(action)">清除条件</a></form>
            """
    }

    private static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("duty-list-\(UUID().uuidString).xlsx")
    }
}
