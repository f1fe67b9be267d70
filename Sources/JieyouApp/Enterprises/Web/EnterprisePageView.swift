import Foundation
import JieyouDomain

/// The profile page of one enterprise: its facts, the policies to bring, its 三联 liaison, its open
/// problems, the meetings it attended and its visits. Contact phones show as the reader may see them.
struct EnterprisePageView {
    let profile: EnterpriseProfile
    let access: EnterpriseAccess
    /// Its 双公示 records (行政许可, 行政处罚), newest first.
    var credit: [CreditStore.Row] = []
    var today = LocalDate(Date(), in: .chinaStandard)

    private var e: EnterpriseRow { profile.enterprise.row }

    var html: HTML {
        """
        <h1 data-testid="enterprise-name">\(e.name)</h1>
        \(actions.isEmpty ? .empty : HTML("<div class=\"actions\">\(actions)</div>"))
        \(facts)
        \(policies.isEmpty ? .empty : HTML("<h2>下次可送的政策</h2><ul class=\"plain\" data-testid=\"policies-to-bring\">\(policies)</ul>"))
        \(liaison)
        <h2>未销号的问题和建议（\(openProblems.count)）</h2>
        \(openProblems.isEmpty ? HTML("<p class=\"muted\">暂无</p>") : HTML("<ul class=\"findings\" data-testid=\"open-problems\">\(openProblems)</ul>"))
        \(meetings.isEmpty ? .empty : HTML("<h2>参加的活动（\(meetings.count)）</h2><ul class=\"plain\" data-testid=\"meetings\">\(meetings)</ul>"))
        <h2>走访记录（\(visits.count)）</h2>
        \(visits.isEmpty ? HTML("<p class=\"muted\">尚未走访</p>") : HTML("<ul class=\"plain\" data-testid=\"visits\">\(visits)</ul>"))
        \(credit.isEmpty ? .empty : HTML("<h2>双公示信息（\(credit.count)）</h2><ul class=\"plain\" data-testid=\"enterprise-credit\">\(creditLines)</ul>"))
        """
    }

    private var creditLines: [HTML] {
        credit.map { row in
            let subject = row.kindValue == .licence ? row.licenceContent ?? "" : row.violationType ?? ""
            return """
                <li>\(row.decidedOn) <span class="tag">\(row.kindValue.chineseName)</span> \
                <a href="\(SiteURL.creditRecord(.value(row.id)).path)">\(row.documentNumber)</a> \(subject) \
                \(CreditListView.statusTag(row.timeline.status(on: today)))</li>
                """
        }
    }

    private var actions: [HTML] {
        let id = e.id
        return [
            profile.mayVisit ? HTML("<a class=\"button\" href=\"\(WebPath.newVisit(for: id))\">记录走访</a>") : nil,
            profile.maySubmitProblem
                ? HTML(
                    "<a class=\"button secondary\" href=\"\(SiteURL.newProblem.path)?enterprise=\(id.uuidString.lowercased())\">登记问题</a><a class=\"button secondary\" href=\"\(SiteURL.newProblem.path)?kind=complaint&amp;enterprise=\(id.uuidString.lowercased())\">登记投诉诉求</a>"
                )
                : nil,
            profile.mayEdit
                ? HTML("<a class=\"button secondary\" href=\"\(SiteURL.editEnterprise(.value(id)).path)\">编辑</a>")
                : nil,
        ].compactMap { $0 }
    }

    private var facts: HTML {
        let industry = e.industryCode.flatMap { Industry.byCode[$0]?.label }
        let region = e.regionCode.flatMap { Region.byCode[$0]?.fullName }
        let tags = profile.enterprise.tags.map { HTML("<span class=\"tag\">\($0)</span>") }
        return """
            <dl class="facts card">
            <dt>统一社会信用代码</dt><dd class="mono">\(e.creditCode)</dd>
            <dt>所属园区</dt><dd>\(access.tree.pathName(of: e.orgUnitId))</dd>
            <dt>所属行业</dt><dd>\(industry ?? "未填")</dd>
            <dt>所属市县</dt><dd>\(region ?? "未填")</dd>
            <dt>企业规模</dt><dd>\(e.scale.flatMap(EnterpriseScale.init(rawValue:))?.chineseName ?? "未填")</dd>
            <dt>企业标签</dt><dd>\(tags.isEmpty ? "无" : HTML.join(tags))</dd>
            <dt>白名单</dt><dd>\(e.whitelisted ? "是（无事不扰：除企业主动提出外不上门）" : "否")</dd>
            <dt>关联企业</dt><dd>\(e.relatedInfo ?? "无")</dd>
            <dt>成立日期</dt><dd>\(e.registeredOn ?? "未填")</dd>
            <dt>上年营业收入</dt><dd>\(e.revenueFen.map { "\(Amount(fen: $0).wan)万元" } ?? "未填")</dd>
            <dt>从业人员</dt><dd>\(e.employees.map { "\($0)人" } ?? "未填")</dd>
            <dt>联系人</dt><dd>\(contacts.isEmpty ? HTML("未登记") : HTML("<ul class=\"plain\">\(contacts)</ul>"))</dd>
            </dl>
            """
    }

    private var contacts: [HTML] {
        profile.enterprise.contacts.map { c -> HTML in
            let phone = access.phone(c.phone)
            let call: HTML =
                phone.map { p in
                    access.seesPhones ? "<a href=\"tel:\(p)\">\(p)</a>" : "\(p)"
                } ?? .empty
            return "<li>\(c.name)\(c.post.map { "（\($0)）" })　\(call)</li>"
        }
    }

    private var policies: [HTML] {
        profile.policiesToBring.map {
            "<li><a href=\"\(WebPath.policy($0.policy.id))\">\($0.policy.title)</a> <small>\($0.verdict.summary)</small></li>"
        }
    }

    private var liaison: HTML {
        let liaison = profile.liaison
        let cadres = liaison.cadres.map(\.name).joined(separator: "、")
        let teams = profile.teams.map { team -> HTML in
            "<li>\(team.name)：组长 \(team.leader.name)，成员 \(team.members.map(\.name).joined(separator: "、"))</li>"
        }
        return """
            <h2>三联机制</h2>
            <dl class="facts card" data-testid="liaison">
            <dt>联点领导</dt><dd>\(liaison.leader?.name ?? "未指定")</dd>
            <dt>对口部门</dt><dd>\(liaison.department?.name ?? "未指定")</dd>
            <dt>驻企干部</dt><dd>\(cadres.isEmpty ? "未指定" : cadres)</dd>
            \(teams.isEmpty ? .empty : HTML("<dt>一对一专班</dt><dd><ul class=\"plain\">\(teams)</ul></dd>"))
            </dl>
            """
    }

    private var openProblems: [HTML] {
        profile.openProblems.map { p -> HTML in
            let state = ProblemState(rawValue: p.state)?.chineseName ?? p.state
            let kind = ProblemKind(rawValue: p.kind)?.chineseName ?? p.kind
            return
                "<li data-testid=\"problem\"><span class=\"mono\">\(p.number)</span> <span class=\"tag\">\(kind)</span><span class=\"tag\">\(state)</span>\(p.description)\(p.deadline.map { HTML("<small>办理时限 \($0)</small>") } ?? .empty)</li>"
        }
    }

    private var meetings: [HTML] {
        profile.meetings.map {
            "<li><a href=\"\(WebPath.meeting($0.id))\">\($0.heldOn) \($0.title)</a> <span class=\"tag\">\(MeetingKind(rawValue: $0.kind)?.chineseName)</span></li>"
        }
    }

    private var visits: [HTML] {
        profile.visits.map { v -> HTML in
            let purposes = v.purposes.compactMap { VisitPurpose(rawValue: $0)?.chineseName }.joined(separator: "、")
            let found = v.findings.map { f -> HTML in
                "<li><span class=\"tag\">\(FindingKind(rawValue: f.kind)?.chineseName ?? f.kind)</span>\(f.text)</li>"
            }
            return """
                <li class="card" data-testid="visit"><b>\(v.visitedOn)</b> · \(purposes) · \(v.cadres.joined(separator: "、"))
                \(v.notes.map { HTML("<p>\($0)</p>") })\(found.isEmpty ? .empty : HTML("<ul class=\"findings\">\(found)</ul>"))\
                \(profile.visitFiles[v.id].map(AttachmentSectionView.list) ?? .empty)</li>
                """
        }
    }
}
