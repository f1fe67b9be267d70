import Foundation
import JieyouDomain

/// 部门: the scope's departments (or one unit's subtree's), grouped by unit, with the unit filter.
struct DepartmentListView {
    let departments: [DepartmentModel]
    /// The units the filter offers, and the one chosen.
    let unitOptions: [(value: String, label: String)]
    let filterUnit: UUID?
    let tree: OrgTree

    var html: HTML {
        let f = FormFields()
        let rows = departments.map { d -> HTML in
            """
            <tr><td><a href="\(SiteURL.department(.value(d.id!)).path)">\(d.name)</a>\(d.active ? .empty : HTML(" <span class=\"tag off\">已停用</span>"))</td>\
            <td>\(d.departmentKind.chineseName)</td><td class="hide-narrow">\(tree[d.$orgUnit.id]?.name)</td><td class="hide-narrow">\(d.phone)</td></tr>
            """
        }
        return """
            <h1>部门</h1>
            <form method="get" action="\(SiteURL.departments.path)" class="filters">
            \(f.select("orgUnit", "所属组织", options: unitOptions, selected: filterUnit?.uuidString, blank: "全部"))
            <button type="submit">筛选</button></form>
            <div class="actions"><a class="button" href="\(SiteURL.newDepartment.path)">新增部门</a></div>
            <div class="table-wrap"><table data-testid="departments"><thead><tr><th>名称</th><th>类型</th><th class="hide-narrow">所属组织</th><th class="hide-narrow">电话</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <p class="muted">共 \(departments.count) 个部门</p>
            """
    }
}
