import Foundation
import JieyouDomain

/// 信用信息公示: the records in their publication period, newest first, with the standard's public
/// items. A 自然人 shows by surname only (张某某), a legal representative not at all.
struct CreditPublicView {
    let rows: [CreditStore.Row]
    let total: Int
    let offset: Int
    let unit: OrgTree.Node?
    let kind: CreditDecisionKind?
    let text: String?
    let today: LocalDate

    var html: HTML {
        let f = FormFields()
        let kinds = CreditDecisionKind.allCases.map { ($0.rawValue, $0.chineseName) }
        let items = rows.map(item)
        var query: [String] = []
        if let unit { query.append("orgUnit=\(unit.id.uuidString.lowercased())") }
        if let kind { query.append("kind=\(kind.rawValue)") }
        if let text { query.append("q=\(text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")") }
        let base = SiteURL.creditPublic.path + "?" + query.map { $0 + "&" }.joined()
        var pager: [HTML] = []
        if offset > 0 {
            pager.append("<a class=\"button secondary\" href=\"\(base)offset=\(max(offset - 50, 0))\">上一页</a>")
        }
        if offset + rows.count < total {
            pager.append("<a class=\"button secondary\" href=\"\(base)offset=\(offset + 50)\">下一页</a>")
        }
        return """
            <h1>行政许可和行政处罚信用信息公示\(unit.map { HTML("<small>\($0.name)</small>") })</h1>
            <p class="muted">公示在公示期内的行政许可、行政处罚信息；已完成信用修复或公示期满的不再公示。\(today.chinese)</p>
            <form method="get" action="\(SiteURL.creditPublic.path)" class="filters card">
            \(unit.map { HTML("<input type=\"hidden\" name=\"orgUnit\" value=\"\($0.id.uuidString.lowercased())\">") })
            \(f.select("kind", "类别", options: kinds, selected: kind?.rawValue, blank: "全部"))
            \(f.text("q", "企业名称、统一社会信用代码或文书号", value: text))
            <div class="actions"><button type="submit">查询</button></div>
            </form>
            <p class="muted" data-testid="credit-public-total">共 \(total) 条</p>
            <div class="public-records" data-testid="credit-public">\(items)</div>
            \(pager.isEmpty ? HTML.empty : HTML("<div class=\"actions\">\(pager)</div>"))
            """
    }

    /// The public name: an organisation's in full, a natural person's surname and 某某.
    static func publicName(_ row: CreditStore.Row) -> String {
        guard row.category == .naturalPerson else { return row.counterpartyName }
        return String(row.counterpartyName.prefix(1)) + "某某"
    }

    private func item(_ row: CreditStore.Row) -> HTML {
        let facts = CreditColumns.facts(row).filter {
            !["行政相对人名称", "法定代表人", "数据来源单位"].contains($0.label)
        }
        return """
            <article class="card" data-testid="credit-public-record"><h2>\(Self.publicName(row)) <span class="tag">\(row.kindValue.chineseName)</span></h2>
            <dl class="facts">\(facts.map { HTML("<dt>\($0.label)</dt><dd>\($0.value)</dd>") })</dl></article>
            """
    }
}
