import Foundation
import JieyouDomain

/// The filters of the 责任清单 and 销号清单: the ledger's department and category, and the days problems
/// were closed on the 销号清单.
struct DutyListFilters {
    let choices: LedgerChoices
    /// The filters as typed.
    let typed: [String: String]
    let action: String
    let closedDates: Bool

    var html: HTML {
        let f = FormFields()
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

/// 责任清单: each department's open problems as lead, the most overdue department first.
struct ResponsibilityListView {
    let departments: [ProblemDutyLists.Department]
    /// Working days overdue of each problem listed (absent when it is not overdue).
    let daysOverdue: [UUID: Int]
    let filters: DutyListFilters
    /// The query string that carries the filters to the other list and the files.
    let query: String

    var html: HTML {
        let sections = departments.map { department -> HTML in
            let rows = department.rows.map { row -> HTML in
                let days = daysOverdue[row.id] ?? 0
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
        return """
            <h1>责任清单</h1>
            <p class="muted">各责任单位牵头在办的问题（已交办、办理中、持续推进），超期最多的单位在前，单位内超期的在前、其余按办理时限。</p>
            \(filters.html)
            <div class="actions"><a class="button secondary" href="\(SiteURL.responsibilityFile.path)\(query)" download data-testid="export-responsibility">导出责任清单（Excel）</a>\
            <a class="button secondary" href="\(WebPath.closedList)\(query)">销号清单</a>\
            <a class="button secondary" href="\(WebPath.problemList)\(query)" download>问题清单（Excel）</a></div>
            \(departments.isEmpty ? HTML("<p class=\"empty\">没有在办的问题。</p>") : .empty)
            \(sections)
            """
    }
}

/// 销号清单: the closed problems, the latest closed first, a page at a time.
struct ClosedListView {
    let rows: [ProblemDutyLists.ClosedRow]
    let total: Int
    let offset: Int
    let pageSize: Int
    let filters: DutyListFilters
    let query: String

    var html: HTML {
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
                "<a class=\"button secondary\" href=\"\(base)offset=\(max(offset - pageSize, 0))\">上一页</a>")
        }
        if offset + pageSize < total {
            pager.append("<a class=\"button secondary\" href=\"\(base)offset=\(offset + pageSize)\">下一页</a>")
        }
        return """
            <h1>销号清单</h1>
            <p class="muted">已销号的问题，最近销号的在前：办结和销号日期、办理结果与企业评价。</p>
            \(filters.html)
            <div class="actions"><a class="button secondary" href="\(SiteURL.closedFile.path)\(query)" download data-testid="export-closed">导出销号清单（Excel）</a>\
            <a class="button secondary" href="\(WebPath.responsibilityList)\(query)">责任清单</a></div>
            <p class="muted" data-testid="closed-total">共 \(total) 件</p>
            <div class="table-wrap"><table data-testid="closed-list"><thead><tr><th>编号</th><th>企业</th><th>困难问题</th><th class="hide-narrow">牵头单位</th><th class="hide-narrow">办结</th><th>销号</th><th>企业评价</th></tr></thead>
            <tbody>\(body)</tbody></table></div>
            <div class="pager">\(pager)</div>
            """
    }
}
