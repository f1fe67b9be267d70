import Foundation
import JieyouDomain

/// 用户: one numbered page of the scope's accounts, with the search that chose them.
struct UserListPage {
    let users: [UserModel]
    /// How many accounts match in all.
    let total: Int
    let page: Int
    let pageSize: Int
    let query: String
    let role: Role?
    /// For each account's unit name.
    let tree: OrgTree
}

/// Renders a `UserListPage`: the search, the table, and the pager that keeps the search.
struct UserListView {
    let list: UserListPage

    var html: HTML {
        let f = FormFields()
        let roleOptions = Role.allCases.map { ($0.rawValue, $0.chineseName) }
        return """
            <h1>用户</h1>
            <form method="get" action="\(SiteURL.users.path)" class="filters">
            \(f.text("q", "姓名或用户名", value: list.query, type: "search"))
            \(f.select("role", "角色", options: roleOptions, selected: list.role?.rawValue, blank: "全部"))
            <button type="submit">查询</button></form>
            <div class="actions"><a class="button" href="\(SiteURL.newUser.path)">新增用户</a> <a class="button secondary" href="\(SiteURL.userImport.path)">批量开通账号</a></div>
            <div class="table-wrap"><table data-testid="users"><thead><tr><th>用户名</th><th>姓名</th><th>角色</th><th class="hide-narrow">组织</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <div class="pager"><span class="muted">共 \(list.total) 人，第 \(list.page) 页</span>\(pager)</div>
            """
    }

    private var rows: [HTML] {
        list.users.map { u -> HTML in
            """
            <tr><td><a href="\(SiteURL.user(.value(u.id!)).path)">\(u.username)</a>\(u.active ? .empty : HTML(" <span class=\"tag off\">已停用</span>"))\(u.mustChangePassword ? HTML(" <span class=\"tag\">未改初始密码</span>") : .empty)</td>\
            <td>\(u.displayName)</td><td>\(HTML.join(u.roles.sorted().map { HTML("<span class=\"tag\">\($0.chineseName)</span>") }))</td>\
            <td class="hide-narrow">\(list.tree[u.$orgUnit.id]?.name)</td></tr>
            """
        }
    }

    private var pager: [HTML] {
        var links: [HTML] = []
        if list.page > 1 { links.append("<a href=\"\(link(list.page - 1))\">上一页</a>") }
        if list.page * list.pageSize < list.total { links.append("<a href=\"\(link(list.page + 1))\">下一页</a>") }
        return links
    }

    private func link(_ page: Int) -> String {
        var items = ["page=\(page)"]
        if !list.query.isEmpty {
            items.append("q=\(list.query.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")")
        }
        if let role = list.role { items.append("role=\(role.rawValue)") }
        return SiteURL.users.path + "?" + items.joined(separator: "&")
    }
}
