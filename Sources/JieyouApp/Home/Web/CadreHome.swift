import Foundation
import JieyouDomain

/// A cadre's home: the enterprises it is stationed at (驻企), when each was last visited, how many of
/// their problems and suggestions are not closed yet, and which it has not visited yet (those first).
enum CadreHome {
    /// The campaign's requirement, what is still missing and this week's share.
    static func quota(_ entry: (campaign: String, quota: VisitQuota)) -> HTML {
        let q = entry.quota
        guard q.visitsOwed > 0 else {
            return
                "<p class=\"card\" data-testid=\"visits-owed\">《\(entry.campaign)》要求每家企业走访 \(q.required) 次：您联系的企业均已达到。</p>"
        }
        return """
            <p class="card" data-testid="visits-owed">《\(entry.campaign)》要求每家企业走访 \(q.required) 次：\
            您联系的企业中 \(q.enterprisesShort) 家未达到，还差 \(q.visitsOwed) 次；距集中行动结束还有 \(q.weeksLeft) 周，\
            本周应走访 <b data-testid="visits-this-week">\(q.thisWeek)</b> 次。</p>
            """
    }

    static func section(
        _ rows: [LiaisonService.StationedEnterprise], quota: (campaign: String, quota: VisitQuota)? = nil
    ) -> HTML {
        let sorted = rows.sorted { ($0.lastVisitedOn ?? "", $0.name) < ($1.lastVisitedOn ?? "", $1.name) }
        let never = rows.filter { $0.lastVisitedOn == nil }.count
        let items = sorted.map { row -> HTML in
            """
            <tr><td><a href="\(WebPath.enterprise(row.id))">\(row.name)</a></td>\
            <td>\(row.lastVisitedOn ?? "尚未走访")</td><td>\(row.openProblems == 0 ? "—" : String(row.openProblems))</td>\
            <td><a href="\(WebPath.newVisit(for: row.id))">记录走访</a></td></tr>
            """
        }
        guard !rows.isEmpty else {
            return "<h2>我联系的企业</h2><p class=\"muted\">还没有为您指定驻企联系的企业。<a href=\"\(WebPath.newVisit)\">记录走访</a></p>"
        }
        return """
            <h2>我联系的企业</h2>
            <p data-testid="cadre-summary">驻企联系 \(rows.count) 家企业，其中 <b>\(never)</b> 家尚未走访。</p>
            \(quota.map(Self.quota) ?? .empty)
            <div class="table-wrap"><table data-testid="my-enterprises"><thead><tr><th>企业</th><th>最近走访</th><th>待办问题</th><th></th></tr></thead>
            <tbody>\(items)</tbody></table></div>
            """
    }
}
