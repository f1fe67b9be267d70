import Foundation
import JieyouDomain

/// 组织机构: the admin's unit and every unit below it, indented by depth, each with its 区划代码; the
/// units the admin may edit are links.
struct OrgUnitListView {
    let actor: Actor
    let tree: OrgTree
    /// Each unit's code, where it has one.
    let codes: [UUID: String?]

    var html: HTML {
        let rows = tree.flattened(from: [actor.orgUnitID]).map { entry -> HTML in
            let editable = AccessPolicy.mayEditOrgUnit(actor, entry.node.id, in: tree)
            let name: HTML =
                editable
                ? "<a href=\"\(SiteURL.orgUnit(.value(entry.node.id)).path)\">\(entry.node.name)</a>"
                : "\(entry.node.name)"
            return """
                <tr><td class="indent-\(min(entry.depth, 3))">\(name)</td><td>\(entry.node.level.chineseName)</td>\
                <td class="mono">\(codes[entry.node.id] ?? nil)</td></tr>
                """
        }
        return """
            <h1>组织机构</h1>
            <div class="actions"><a class="button" href="\(SiteURL.newOrgUnit.path)">新增下级组织</a></div>
            <div class="table-wrap"><table data-testid="org-units"><thead><tr><th>名称</th><th>级别</th><th>区划代码</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }
}
