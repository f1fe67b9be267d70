import Fluent
import JieyouDomain
import SQLKit
import Vapor

/// 企业 pages: the registry list with search and filters, and everything known about one enterprise.
struct EnterprisesWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let enterprises = routes.grouped("enterprises")
        enterprises.get(use: index)
        enterprises.get(":id", use: show)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let access = try await EnterpriseAccess.load(req)
        if case .enterprise(let id) = access.reach { return req.redirect(to: WebPath.enterprise(id)) }
        let filter = try EnterpriseFilter(query: req, access: access)
        let cursor = req.query[String.self, at: "cursor"]
        let page = try await EnterpriseSearch.page(
            filter, reach: access.reach, limit: 30, cursor: cursor, on: req.db.sql)
        let tags = try await TagStore.names(on: req.db.sql)
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
        var query = req.url.query ?? ""
        query = query.split(separator: "&").filter { !$0.hasPrefix("cursor=") }.joined(separator: "&")
        let next = page.nextCursor.map { cursor -> HTML in
            let link =
                WebPath.enterprises + "?" + (query.isEmpty ? "" : query + "&") + "cursor="
                + (cursor.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")
            return "<a class=\"button secondary\" href=\"\(link)\">下一页</a>"
        }
        let first: HTML? =
            cursor == nil ? nil : "<a href=\"\(WebPath.enterprises + (query.isEmpty ? "" : "?" + query))\">回到第一页</a>"
        let isCadre = access.actor.has(.cadre)
        let content: HTML = """
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
            \(access.mayManage ? HTML("<div class=\"actions\"><a class=\"button\" href=\"\(WebPath.enterprises)/new\">新增企业</a><a class=\"button secondary\" href=\"\(WebPath.enterpriseImport)\">导入企业名单</a>\(access.actor.has(.admin) ? HTML("<a class=\"button secondary\" href=\"\(WebPath.tags)\">企业标签</a>") : .empty)</div>") : .empty)
            <p class="muted" data-testid="enterprise-total">\(page.totalCapped ? "超过 \(page.total) 家企业符合，请输入更完整的名称" : "共 \(page.total) 家企业")</p>
            <div class="table-wrap"><table data-testid="enterprises"><thead><tr><th>企业</th><th class="hide-narrow">统一社会信用代码</th><th class="hide-narrow">行业</th><th>规模</th><th>最近走访</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <div class="pager">\(first)\(next)</div>
            """
        return try await req.page("企业", content, flash: req.flash)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let access = try await EnterpriseAccess.load(req)
        let stored = try await access.enterprise(try req.idParameter("企业"), on: req.db)
        let sql = req.db.sql
        let id = stored.row.id
        let liaison = try await LiaisonService.load([id], on: sql)[id] ?? Liaison()
        let visits = try await VisitQueries.recent(
            FieldWorkFilter(reach: .enterprise(id)), limit: 50, on: sql)
        let open = try await OpenProblems.of(enterprise: id, readBy: access.actor, tree: access.tree, on: sql)
        let e = stored.row
        let industry = e.industryCode.flatMap { Industry.byCode[$0]?.label }
        let region = e.regionCode.flatMap { Region.byCode[$0]?.fullName }
        let contacts = stored.contacts.map { c -> HTML in
            let phone = access.phone(c.phone)
            let call: HTML =
                phone.map { p in
                    access.seesPhones ? "<a href=\"tel:\(p)\">\(p)</a>" : "\(p)"
                } ?? .empty
            return "<li>\(c.name)\(c.post.map { "（\($0)）" })　\(call)</li>"
        }
        let tags = stored.tags.map { HTML("<span class=\"tag\">\($0)</span>") }
        let cadres = liaison.cadres.map(\.name).joined(separator: "、")
        let visitItems = visits.map { v -> HTML in
            let purposes = v.purposes.compactMap { VisitPurpose(rawValue: $0)?.chineseName }.joined(separator: "、")
            let found = v.findings.map { f -> HTML in
                "<li><span class=\"tag\">\(FindingKind(rawValue: f.kind)?.chineseName ?? f.kind)</span>\(f.text)</li>"
            }
            return """
                <li class="card" data-testid="visit"><b>\(v.visitedOn)</b> · \(purposes) · \(v.cadres.joined(separator: "、"))
                \(v.notes.map { HTML("<p>\($0)</p>") })\(found.isEmpty ? .empty : HTML("<ul class=\"findings\">\(found)</ul>"))</li>
                """
        }
        let openItems = open.map { p -> HTML in
            let state = ProblemState(rawValue: p.state)?.chineseName ?? p.state
            let kind = ProblemKind(rawValue: p.kind)?.chineseName ?? p.kind
            return
                "<li data-testid=\"problem\"><span class=\"mono\">\(p.number)</span> <span class=\"tag\">\(kind)</span><span class=\"tag\">\(state)</span>\(p.description)\(p.deadline.map { HTML("<small>办理时限 \($0)</small>") } ?? .empty)</li>"
        }
        let mayVisit = AccessPolicy.may(access.actor, .recordFieldWork, at: e.orgUnitId, in: access.tree)
        let mayEdit = AccessPolicy.may(access.actor, .manageEnterprises, at: e.orgUnitId, in: access.tree)
        var meetingItems: [HTML] = []
        var teamItems: [HTML] = []
        if case .units = access.reach {
            meetingItems = try await MeetingQueries.list(
                FieldWorkFilter(reach: .enterprise(id)), limit: 50, on: sql
            ).map {
                "<li><a href=\"\(WebPath.meeting($0.id))\">\($0.heldOn) \($0.title)</a> <span class=\"tag\">\(MeetingKind(rawValue: $0.kind)?.chineseName)</span></li>"
            }
            teamItems = try await TeamService.teams(serving: id, on: sql).map {
                "<li>\($0.name)：组长 \($0.leader.name)，成员 \($0.members.map(\.name).joined(separator: "、"))</li>"
            }
        }
        let policies = try await VisitsWebController.policiesToBring(req, access.signedIn, enterprise: id).map {
            "<li><a href=\"\(WebPath.policy($0.policy.id))\">\($0.policy.title)</a> <small>\($0.verdict.summary)</small></li>"
                as HTML
        }
        let actions = [
            mayVisit ? HTML("<a class=\"button\" href=\"\(WebPath.newVisit(for: id))\">记录走访</a>") : nil,
            ProblemAccess.maySubmit(access.actor) && !access.actor.has(.monitor)
                ? HTML(
                    "<a class=\"button secondary\" href=\"\(SiteURL.newProblem.path)?enterprise=\(id.uuidString.lowercased())\">登记问题</a>"
                )
                : nil,
            mayEdit ? HTML("<a class=\"button secondary\" href=\"\(WebPath.enterprise(id))/edit\">编辑</a>") : nil,
        ].compactMap { $0 }
        let content: HTML = """
            <h1 data-testid="enterprise-name">\(e.name)</h1>
            \(actions.isEmpty ? .empty : HTML("<div class=\"actions\">\(actions)</div>"))
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
            \(policies.isEmpty ? .empty : HTML("<h2>下次可送的政策</h2><ul class=\"plain\" data-testid=\"policies-to-bring\">\(policies)</ul>"))
            <h2>三联机制</h2>
            <dl class="facts card" data-testid="liaison">
            <dt>联点领导</dt><dd>\(liaison.leader?.name ?? "未指定")</dd>
            <dt>对口部门</dt><dd>\(liaison.department?.name ?? "未指定")</dd>
            <dt>驻企干部</dt><dd>\(cadres.isEmpty ? "未指定" : cadres)</dd>
            \(teamItems.isEmpty ? .empty : HTML("<dt>一对一专班</dt><dd><ul class=\"plain\">\(teamItems)</ul></dd>"))
            </dl>
            <h2>未销号的问题和建议（\(openItems.count)）</h2>
            \(openItems.isEmpty ? HTML("<p class=\"muted\">暂无</p>") : HTML("<ul class=\"findings\" data-testid=\"open-problems\">\(openItems)</ul>"))
            \(meetingItems.isEmpty ? .empty : HTML("<h2>参加的活动（\(meetingItems.count)）</h2><ul class=\"plain\" data-testid=\"meetings\">\(meetingItems)</ul>"))
            <h2>走访记录（\(visits.count)）</h2>
            \(visitItems.isEmpty ? HTML("<p class=\"muted\">尚未走访</p>") : HTML("<ul class=\"plain\" data-testid=\"visits\">\(visitItems)</ul>"))
            """
        return try await req.page(e.name, content, flash: req.flash)
    }
}
