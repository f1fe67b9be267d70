import Foundation
import JieyouDomain

/// 企业: the registry list with search and filters, a page at a time, with the actions managers have.
struct EnterpriseListView {
    let page: EnterprisePage
    let filter: EnterpriseFilter
    let tags: [String]
    /// The request's query without its cursor, carried to the next page.
    let query: String
    let isFirstPage: Bool
    let access: EnterpriseAccess

    var html: HTML {
        let f = FormFields()
        let sections = Industry.sections.map { ($0.code, "\($0.code) \($0.name)") }
        let cities = Region.hunan.filter(\.isCity).map { ($0.code, $0.name) }
        let scales = EnterpriseScale.allCases.map { ($0.rawValue, $0.chineseName) }
        let rows = page.items.map { e -> HTML in
            let industry = e.industryCode.flatMap { Industry.byCode[$0]?.name }
            return """
                <tr><td><a href="\(WebPath.enterprise(e.id))">\(e.name)</a>\(e.whitelisted ? HTML(" <span class=\"tag off\">白名单</span>") : .empty)<div class="muted mono hide-wide">\(e.creditCode)</div></td>\
                <td class="hide-narrow mono">\(e.creditCode)</td><td class="hide-narrow">\(industry)</td>\
                <td>\(e.scale.flatMap(EnterpriseScale.init(rawValue:))?.chineseName)</td>\
                <td>\(e.lastVisitedOn ?? "未走访")</td></tr>
                """
        }
        let next = page.nextCursor.map { cursor -> HTML in
            let link =
                WebPath.enterprises + "?" + (query.isEmpty ? "" : query + "&") + "cursor="
                + (cursor.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")
            return "<a class=\"button secondary\" href=\"\(link)\">下一页</a>"
        }
        let first: HTML? =
            isFirstPage ? nil : "<a href=\"\(WebPath.enterprises + (query.isEmpty ? "" : "?" + query))\">回到第一页</a>"
        let isCadre = access.actor.has(.cadre)
        return """
            <h1>企业</h1>
            <form method="get" action="\(WebPath.enterprises)" class="filters" role="search">
            <div class="field"><label for="q">搜索</label><input id="q" name="q" type="search" value="\(filter.q)" placeholder="企业名称或统一社会信用代码"></div>
            \(f.select("industry", "行业", options: sections, selected: filter.industry, blank: "全部"))
            \(f.select("region", "市州", options: cities, selected: filter.region, blank: "全部"))
            \(f.select("scale", "规模", options: scales, selected: filter.scale?.rawValue, blank: "全部"))
            \(f.select("tag", "标签", options: tags.map { ($0, $0) }, selected: filter.tag, blank: "全部"))
            <label class="check"><input type="checkbox" name="neverVisited" value="true"\(filter.neverVisited ? HTML(" checked") : .empty)> 从未走访</label>
            \(isCadre ? HTML("<label class=\"check\"><input type=\"checkbox\" name=\"cadre\" value=\"\(access.actor.userID.uuidString)\"\(filter.cadreID != nil ? HTML(" checked") : .empty)> 只看我驻企的</label>") : .empty)
            <button type="submit">查询</button></form>
            \(access.mayManage ? HTML("<div class=\"actions\"><a class=\"button\" href=\"\(SiteURL.newEnterprise.path)\">新增企业</a><a class=\"button secondary\" href=\"\(WebPath.enterpriseImport)\">导入企业名单</a>\(access.actor.has(.admin) ? HTML("<a class=\"button secondary\" href=\"\(WebPath.tags)\">企业标签</a>") : .empty)</div>") : .empty)
            <p class="muted" data-testid="enterprise-total">\(page.totalCapped ? "超过 \(page.total) 家企业符合，请输入更完整的名称" : "共 \(page.total) 家企业")</p>
            \(ExportLinks.html(SiteURL.enterpriseExport.path, query: query, label: "导出当前筛选结果"))
            <div class="table-wrap"><table data-testid="enterprises"><thead><tr><th>企业</th><th class="hide-narrow">统一社会信用代码</th><th class="hide-narrow">行业</th><th>规模</th><th>最近走访</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <div class="pager">\(first)\(next)</div>
            """
    }
}
