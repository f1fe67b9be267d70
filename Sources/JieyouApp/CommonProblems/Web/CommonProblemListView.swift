import Foundation
import JieyouDomain

/// 共性问题: what waits for the reader's answer, the groups the system proposes among the unit's open
/// problems (each a form: keep or uncheck members, name it, confirm, join an existing group, or
/// dismiss), and the groups confirmed in the reader's subtree.
struct CommonProblemListView {
    let proposals: [CommonProblemDesk.Proposal]
    let groups: [CommonProblemStore.Row]
    let awaiting: [CommonProblemStore.Row]
    let mayShape: Bool
    let ownUnit: UUID
    let states: [CommonProblemState]
    let csrf: HTML
    let errors: [FieldError]

    var html: HTML {
        """
        <h1>共性问题</h1>
        <p class="muted">不同企业反映的同一类困难，由系统按问题描述和类别提出归并建议，服务小组确认后可作为一个政策问题报上级研究（报上级研究出台政策）。</p>
        \(FormFields(errors: errors).summary)
        \(awaitingSection)
        \(proposalSection)
        \(groupSection)
        """
    }

    private var awaitingSection: HTML {
        guard !awaiting.isEmpty else { return .empty }
        let lines = awaiting.map { g -> HTML in
            """
            <tr><td><a href="\(SiteURL.commonProblem(.value(g.id)).path)">\(g.title)</a></td><td>\(g.unitName)</td>\
            <td class="num">\(g.enterprises)</td><td class="hide-narrow">\(g.escalatedOn ?? "")</td></tr>
            """
        }
        return """
            <h2>待答复（\(awaiting.count)）</h2>
            <div class="table-wrap"><table data-testid="common-awaiting"><thead><tr><th>共性问题</th><th>上报单位</th>\
            <th class="num">企业数</th><th class="hide-narrow">上报日期</th></tr></thead><tbody>\(lines)</tbody></table></div>
            """
    }

    private var confirmedOfOwnUnit: [CommonProblemStore.Row] {
        groups.filter { $0.orgUnitId == ownUnit && $0.stateValue == .confirmed }
    }

    private var proposalSection: HTML {
        guard mayShape else { return .empty }
        guard !proposals.isEmpty else {
            return "<h2>系统建议</h2><p class=\"muted\" data-testid=\"common-no-proposals\">本单位未办结的问题中，暂无两家以上企业反映的同类问题。</p>"
        }
        let cards = proposals.enumerated().map { index, proposal in card(proposal, index: index) }
        return """
            <h2>系统建议（\(proposals.count)）</h2>
            <p class="muted">取消勾选可把问题留在建议之外（拆分）；确认后，其余问题仍按建议列出。</p>
            \(cards)
            """
    }

    private func card(_ proposal: CommonProblemDesk.Proposal, index: Int) -> HTML {
        let prefix = "p\(index)-"
        let rows = proposal.members.map { m -> HTML in
            let box = "\(prefix)\(m.id.uuidString.prefix(8).lowercased())"
            return """
                <li><input type="checkbox" id="\(box)" name="problemIds[]" value="\(m.id.uuidString)" checked>\
                <label for="\(box)"><a href="\(SiteURL.problem(.value(m.id)).path)">\(m.number)</a> \(m.enterpriseName ?? "")：\(m.description) \
                <span class="tag off">\(m.stateValue.chineseName)</span></label></li>
                """
        }
        let f = FormFields(idPrefix: prefix)
        let join: HTML =
            confirmedOfOwnUnit.isEmpty
            ? .empty
            : """
            <div class="inline-choice">\(f.select("groupId", "或并入已确认的共性问题", options: confirmedOfOwnUnit.map { ($0.id.uuidString, $0.title) }, selected: nil, blank: "请选择"))
            <button type="submit" name="intent" value="join" class="secondary">并入</button></div>
            """
        return """
            <form method="post" action="\(SiteURL.commonProblems.path)" class="card" data-testid="common-proposal">\(csrf)
            <p><strong>\(proposal.enterprises)家企业</strong> · \(proposal.members.count)个问题 · 共同点：\(proposal.keywords.map { HTML("<span class=\"tag\">\($0)</span>") })</p>
            <ul class="members">\(rows)</ul>
            \(f.text("title", "共性问题名称", value: proposal.suggestedTitle, required: true))
            <div class="actions"><button type="submit" name="intent" value="confirm">确认为共性问题</button>
            <button type="submit" name="intent" value="dismiss" class="secondary">排除</button></div>
            \(join)
            </form>
            """
    }

    private var groupSection: HTML {
        let filters = [("", "全部")] + CommonProblemState.allCases.map { ($0.rawValue, $0.chineseName) }
        let chosen = states.count == 1 ? states[0].rawValue : ""
        let tabs = filters.map { value, label -> HTML in
            let href = SiteURL.commonProblems.path + (value.isEmpty ? "" : "?state=\(value)")
            return value == chosen ? "<strong>\(label)</strong>" : "<a href=\"\(href)\">\(label)</a>"
        }
        let showUnit = groups.contains { $0.orgUnitId != ownUnit }
        let lines = groups.map { g -> HTML in
            """
            <tr><td><a href="\(SiteURL.commonProblem(.value(g.id)).path)">\(g.title)</a></td>\
            \(showUnit ? HTML("<td>\(g.unitName)</td>") : .empty)<td>\(Self.stateTag(g.stateValue))</td>\
            <td class="num">\(g.enterprises)</td><td class="num hide-narrow">\(g.members)</td>\
            <td class="num">\(g.openMembers)</td></tr>
            """
        }
        let table: HTML =
            groups.isEmpty
            ? "<p class=\"muted\">暂无</p>"
            : """
            <div class="table-wrap"><table data-testid="common-groups"><thead><tr><th>共性问题</th>\
            \(showUnit ? HTML("<th>单位</th>") : .empty)<th>状态</th><th class="num">企业数</th>\
            <th class="num hide-narrow">问题数</th><th class="num">未办结</th></tr></thead><tbody>\(lines)</tbody></table></div>
            """
        return """
            <h2>已确认的共性问题</h2>
            <p class="filters-inline">\(tabs.interspersed(with: " · "))</p>
            \(table)
            """
    }

    static func stateTag(_ state: CommonProblemState) -> HTML {
        "<span class=\"tag\(state == .escalated ? " overdue" : state == .answered ? "" : " off")\" data-testid=\"common-state\">\(state.chineseName)</span>"
    }
}

extension Array where Element == HTML {
    fileprivate func interspersed(with separator: HTML) -> [HTML] {
        enumerated().flatMap { index, item in index == 0 ? [item] : [separator, item] }
    }
}
