import Foundation
import JieyouDomain

/// 通讯录: each unit of the reader's scope, depth-first, with its active departments and their phones.
struct DirectoryView {
    let sections: [(unit: OrgTree.Node, departments: [DepartmentModel])]
    let tree: OrgTree

    var html: HTML {
        let sections = sections.map { entry -> HTML in
            let list = entry.departments.map { d -> HTML in
                "<tr><td>\(d.name)</td><td>\(d.departmentKind.chineseName)</td><td>\(d.phone)</td></tr>"
            }
            return """
                <h2>\(tree.pathName(of: entry.unit.id))</h2>
                \(list.isEmpty ? HTML("<p class=\"muted\">暂无部门</p>") : HTML("<div class=\"table-wrap\"><table><thead><tr><th>部门</th><th>类型</th><th>电话</th></tr></thead><tbody>\(list)</tbody></table></div>"))
                """
        }
        return "<h1>通讯录</h1><div data-testid=\"directory\">\(sections)</div>"
    }
}
