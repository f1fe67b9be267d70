import Foundation
import JieyouDomain

/// 双公示: the counts per department for the period, the filters, and the records, each with where it
/// stands; a record not public by its deadline is flagged 逾期未公示.
struct CreditListView {
    let actor: Actor
    let rows: [CreditStore.Row]
    let total: Int
    let query: CreditQuery
    let tally: [CreditStore.Tally]
    let departments: [(value: String, label: String)]
    let today: LocalDate
    let queryString: String

    var html: HTML {
        let f = FormFields()
        let filter = query.filter
        let kinds = CreditDecisionKind.allCases.map { ($0.rawValue, $0.chineseName) }
        let enter: HTML =
            CreditAccess.entersRecords(actor)
            ? """
            <div class="actions"><a class="button" href="\(SiteURL.newCreditRecord.path)?kind=penalty">登记行政处罚</a>\
            <a class="button secondary" href="\(SiteURL.newCreditRecord.path)?kind=licence">登记行政许可</a>\
            <a class="button secondary" href="\(SiteURL.creditImport.path)">导入</a>\
            \(actor.has(.handler) ? HTML("<a class=\"button secondary\" href=\"\(SiteURL.creditReviews.path)\">信用修复审核</a>") : .empty)</div>
            """ : .empty
        let lines = rows.map { row -> HTML in
            let status = row.timeline.status(on: today)
            let subject = row.kindValue == .licence ? row.licenceContent ?? "" : row.violationType ?? ""
            return """
                <tr data-testid="credit-record"><td><a href="\(SiteURL.creditRecord(.value(row.id)).path)">\(row.counterpartyName)</a>\
                <br><small class="muted">\(row.documentNumber)</small></td><td>\(row.kindValue.chineseName)</td>\
                <td class="hide-narrow">\(subject)</td><td class="hide-narrow">\(row.departmentName)</td><td>\(row.decidedOn)</td>\
                <td>\(Self.statusTag(status))\(row.repairState == CreditRepairState.pending.rawValue ? HTML(" <span class=\"tag\">修复待审核</span>") : .empty)</td></tr>
                """
        }
        let pager = pagination
        return """
            <h1>\(actor.has(.enterprise) ? "我的信用信息" : "双公示")</h1>
            <p class="muted">行政许可、行政处罚决定自作出之日起\(CreditPublication.workingDays)个工作日内公示。<a href="\(SiteURL.creditPublic.path)">查看公示页面</a></p>
            \(enter)
            \(tallyTable)
            <form method="get" action="\(SiteURL.credit.path)" class="filters card">
            \(f.select("kind", "类别", options: kinds, selected: filter.kind?.rawValue, blank: "全部"))
            \(departments.count > 1 ? f.select("department", "部门", options: departments, selected: filter.department?.uuidString, blank: "全部") : .empty)
            \(f.text("q", "名称、代码或文书号", value: filter.text))
            \(f.text("from", "决定日期起", value: filter.decidedFrom?.iso, type: "date"))
            \(f.text("to", "决定日期止", value: filter.decidedThrough?.iso, type: "date"))
            \(f.checkbox("unpublished", "只看未公示", checked: filter.unpublishedOnly))
            <div class="actions"><button type="submit">筛选</button></div>
            </form>
            \(ExportLinks.html(SiteURL.creditExport.path, query: exportQuery, label: "按数据标准导出"))
            <div class="table-wrap"><table data-testid="credit-records"><thead><tr><th>行政相对人</th><th>类别</th>\
            <th class="hide-narrow">许可内容／违法行为类型</th><th class="hide-narrow">部门</th><th>决定日期</th><th>状态</th></tr></thead>
            <tbody>\(lines)</tbody></table></div>
            <p class="muted">共 \(total) 条</p>
            \(pager)
            """
    }

    static func statusTag(_ status: CreditRecordStatus) -> HTML {
        let style: String =
            switch status {
            case .overdue: "tag overdue"
            case .published: "tag"
            default: "tag off"
            }
        return "<span class=\"\(style)\" data-testid=\"credit-status\">\(status.chineseName)</span>"
    }

    /// The counts per department for the period: records by kind, and how their publication went.
    private var tallyTable: HTML {
        guard !tally.isEmpty else { return .empty }
        let lines = tally.map { t -> HTML in
            """
            <tr><td>\(t.departmentName)</td><td class="num">\(t.licences)</td><td class="num">\(t.penalties)</td>\
            <td class="num" data-testid="credit-tally-total">\(t.total)</td><td class="num hide-narrow">\(t.publishedOnTime)</td>\
            <td class="num hide-narrow">\(t.publishedLate)</td><td class="num">\(t.unpublished)</td><td class="num hide-narrow">\(t.repaired)</td></tr>
            """
        }
        let sum = { (path: KeyPath<CreditStore.Tally, Int>) in tally.reduce(0) { $0 + $1[keyPath: path] } }
        return """
            <h2>各部门录入情况（\(query.period.lowerBound.chinese)至\(query.period.upperBound.chinese)）</h2>
            <div class="table-wrap"><table data-testid="credit-tally"><thead><tr><th>部门</th><th class="num">行政许可</th>\
            <th class="num">行政处罚</th><th class="num">合计</th><th class="num hide-narrow">按期公示</th><th class="num hide-narrow">逾期公示</th>\
            <th class="num">未公示</th><th class="num hide-narrow">已修复</th></tr></thead><tbody>\(lines)</tbody>
            <tfoot><tr><th>合计</th><th class="num">\(sum(\.licences))</th><th class="num">\(sum(\.penalties))</th>\
            <th class="num" data-testid="credit-tally-sum">\(sum(\.total))</th><th class="num hide-narrow">\(sum(\.publishedOnTime))</th>\
            <th class="num hide-narrow">\(sum(\.publishedLate))</th><th class="num">\(sum(\.unpublished))</th><th class="num hide-narrow">\(sum(\.repaired))</th></tr></tfoot></table></div>
            """
    }

    /// The page's filters without its offset, for the export links.
    private var exportQuery: String {
        queryString.split(separator: "&").filter { !$0.hasPrefix("offset=") }.joined(separator: "&")
    }

    private var pagination: HTML {
        let base = SiteURL.credit.path + "?" + (exportQuery.isEmpty ? "" : exportQuery + "&")
        var links: [HTML] = []
        if query.offset > 0 {
            links.append("<a class=\"button secondary\" href=\"\(base)offset=\(max(query.offset - 50, 0))\">上一页</a>")
        }
        if query.offset + rows.count < total {
            links.append("<a class=\"button secondary\" href=\"\(base)offset=\(query.offset + 50)\">下一页</a>")
        }
        return links.isEmpty ? .empty : "<div class=\"actions\">\(links)</div>"
    }
}

/// 信用修复审核: the applications waiting for the department's decision, oldest first.
struct CreditReviewQueueView {
    let queue: [(repair: CreditRepairStore.Row, record: CreditStore.Row)]

    var html: HTML {
        let lines = queue.map { item -> HTML in
            """
            <tr data-testid="credit-review"><td><a href="\(SiteURL.creditRecord(.value(item.record.id)).path)">\(item.record.counterpartyName)</a></td>\
            <td>\(item.record.documentNumber)</td><td class="hide-narrow">\(item.record.violationType ?? "")</td>\
            <td>\(item.repair.applicantName)</td><td>\(item.repair.appliedOn)</td></tr>
            """
        }
        return """
            <h1>信用修复审核</h1>
            <p><a href="\(SiteURL.credit.path)">返回双公示</a></p>
            \(queue.isEmpty ? HTML("<p class=\"muted\">暂无待审核的信用修复申请</p>") : """
            <div class="table-wrap"><table><thead><tr><th>行政相对人</th><th>处罚决定书文号</th><th class="hide-narrow">违法行为类型</th>\
            <th>申请人</th><th>申请日期</th></tr></thead><tbody>\(lines)</tbody></table></div>
            """)
            """
    }
}
