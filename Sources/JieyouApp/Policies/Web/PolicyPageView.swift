import Foundation
import JieyouDomain

/// One policy's page: what it is, its rule in words, who qualifies and why, how far it has reached
/// them (知晓率), and the actions the reader may take: push online, record an in-person delivery,
/// grant 免申即享.
struct PolicyPageView {
    /// The page lists this many qualifying enterprises; the API pages through the rest.
    static let shownEnterprises = 200

    let policy: PolicyRecord
    let reach: PolicyMatching.Reach
    let evaluator: EligibilityEvaluator
    /// The unit whose enterprises are counted.
    let root: UUID
    let departmentName: String?
    let tree: OrgTree
    let today: LocalDate
    let mayEdit: Bool
    let mayPush: Bool
    let mayDeliver: Bool
    /// The enterprises already granted under this policy; nil when no 免申即享 form is shown.
    let granted: Set<UUID>?
    let errors: [FieldError]
    let csrf: HTML

    var html: HTML {
        let p = policy
        let f = FormFields(errors: errors)
        let awareness = reach.awareness.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
        let rows = reach.eligible.prefix(Self.shownEnterprises).map { e -> HTML in
            let channels = e.channels.sorted { $0.rawValue < $1.rawValue }.map(\.chineseName).joined(separator: "、")
            return """
                <tr>\(mayDeliver ? HTML("<td><input type=\"checkbox\" form=\"deliver\" name=\"enterpriseIds[]\" value=\"\(e.facts.id.uuidString)\" aria-label=\"\(e.facts.name)\"></td>") : .empty)
                <td>\(e.facts.name)</td><td class="hide-narrow">\(tree[e.facts.orgUnitID]?.name)</td>
                <td>\(evaluator.explain(e.facts).summary)</td><td>\(channels.isEmpty ? "未送达" : channels)</td>
                <td>\(e.known ? "已知晓" : (e.delivered ? "待确认" : "—"))</td></tr>
                """
        }
        let more: HTML =
            reach.eligible.count > Self.shownEnterprises
            ? "<p class=\"muted\">仅列出前\(Self.shownEnterprises)家，共\(reach.eligible.count)家；完整名单见接口 /api/v1/policies/{id}/eligible-enterprises。</p>"
            : .empty
        return """
            <h1>\(p.title)</h1>
            <p class="muted">\(p.documentNumber ?? "") \(p.levelName) · \(p.issuer) · \(p.validityText)\(p.isValid(on: today) ? "" : "（不在有效期）")</p>
            \(mayEdit ? HTML("<div class=\"actions\"><a class=\"button secondary\" href=\"\(SiteURL.editPolicy(.value(p.id)).path)\">编辑</a></div>") : .empty)
            <dl class="card">
            <dt>惠企方式</dt><dd>\(p.benefitKindName)\(p.automatic ? HTML(" <span class=\"tag\">免申即享</span>") : .empty)</dd>
            <dt>政策主题</dt><dd>\(p.themeList.joined(separator: "、"))</dd>
            <dt>政策专栏</dt><dd>\(p.columnList.joined(separator: "、"))</dd>
            <dt>责任部门</dt><dd>\(departmentName ?? "未指定")</dd>
            <dt>申报条件</dt><dd data-testid="rule-text">\(EligibilityDescription.rule(evaluator.rule, unitName: { tree[$0]?.name }))</dd>
            <dt>政策摘要</dt><dd>\(p.summary ?? "")</dd>
            \(p.sourceUrl.map { HTML("<dt>原文链接</dt><dd><a href=\"\($0)\" rel=\"noopener\">\($0)</a></dd>") })
            </dl>
            \(p.sourceText.map { HTML("<details><summary>政策原文</summary><div class=\"card pre-wrap\">\($0)</div></details>") })
            <h2>精准推送（\(tree[root]?.name)）</h2>
            <div class="cards">
            \(StatCard.render("符合条件企业", String(reach.eligible.count), testID: "eligible"))
            \(StatCard.render("已送达", String(reach.delivered), testID: "delivered"))
            \(StatCard.render("已知晓", String(reach.known), note: "上门、宣讲会或企业确认", testID: "known"))
            \(StatCard.render("知晓率", awareness, note: "已知晓 ÷ 符合条件", testID: "awareness"))
            </div>
            \(f.summary)
            \(mayPush && p.isValid(on: today) ? HTML("""
            <form method="post" action="\(SiteURL.policyPush(.value(p.id)).path)" class="actions">\(csrf)
            <button type="submit" data-testid="push">推送给全部符合条件的企业</button></form>
            """) : .empty)
            \(reach.eligible.isEmpty ? HTML("<p class=\"muted\">本单位范围内暂无符合条件的企业。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="eligible-enterprises"><thead><tr>\(mayDeliver ? HTML("<th>选择</th>") : .empty)<th>企业</th><th class="hide-narrow">园区</th><th>符合情况</th><th>送达</th><th>知晓</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>\(more)
            """))
            \(mayDeliver && !reach.eligible.isEmpty ? deliverForm(f) : .empty)
            \(granted.map { grantForm($0, f) })
            """
    }

    private func deliverForm(_ f: FormFields) -> HTML {
        let channels = DeliveryChannel.allCases.filter(\.isInPerson).map { ($0.rawValue, $0.chineseName) }
        return """
            <form method="post" action="\(SiteURL.policyDeliveries(.value(policy.id)).path)" id="deliver" class="card">
            \(csrf)<h3>记录送达</h3><p class="hint">在上表勾选已当面送达或参加宣讲会的企业。</p>
            \(f.error(for: "enterpriseIds"))
            \(f.select("channel", "送达方式", options: channels, selected: DeliveryChannel.visit.rawValue, required: true, blank: nil))
            \(f.text("deliveredOn", "送达日期", value: today.iso, type: "date", required: true))
            <div class="actions"><button type="submit" data-testid="record-delivery">记录送达</button></div></form>
            """
    }

    /// 免申即享: the qualifying enterprises not yet granted under this policy, all ticked.
    private func grantForm(_ granted: Set<UUID>, _ f: FormFields) -> HTML {
        let waiting = reach.eligible.filter { !granted.contains($0.facts.id) }.prefix(Self.shownEnterprises)
        guard !waiting.isEmpty else {
            return "<h2>免申即享</h2><p class=\"muted\">符合条件的企业均已兑现（\(granted.count)家）。</p>"
        }
        let boxes = waiting.map { e -> HTML in
            "<label class=\"check\"><input type=\"checkbox\" name=\"enterpriseIds[]\" value=\"\(e.facts.id.uuidString)\" checked> \(e.facts.name)</label>"
        }
        let kinds = BenefitKind.allCases.map { ($0.rawValue, $0.chineseName) }
        return """
            <h2>免申即享</h2>
            <form method="post" action="\(SiteURL.policyGrants(.value(policy.id)).path)" class="card" data-testid="grant-form">
            \(csrf)<p class="hint">以下企业符合条件且尚未兑现，无需企业申请，审核后一并兑现。</p>
            <fieldset class="field"><legend>兑现企业（\(waiting.count)家）</legend><div class="checks">\(boxes)</div>\(f.error(for: "enterpriseIds"))</fieldset>
            \(f.select("kind", "兑现类型", options: kinds, selected: BenefitKind.funds.rawValue, required: true, blank: nil))
            \(f.text("amount", "每家金额（万元）", value: nil, required: true, placeholder: "如：5"))
            \(f.text("grantedOn", "兑现日期", value: today.iso, type: "date", required: true))
            <div class="actions"><button type="submit">审核通过并兑现</button></div></form>
            """
    }
}
