import JieyouDomain
import SQLKit
import Vapor

/// 活动 pages: the list, the form, one meeting. The form takes its lists as lines, the way officials
/// already keep them in Excel: paste the column of attending enterprises, paste the financing table.
struct MeetingsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.meetings, use: index)
        routes.get(SiteURL.newMeeting, use: new)
        routes.post(SiteURL.meetings, use: create)
        routes.get(SiteURL.meeting(.key), use: show)
    }

    struct Form: Content {
        var kind: String?
        var title: String?
        var heldOn: String?
        var place: String?
        var departmentId: String?
        var notes: String?
        var enterpriseList: String?
        var problemList: String?
        var suggestionList: String?
        var financingList: String?
        var dealList: String?
        var policyIds: [String]?

        var pasted: PastedMeeting {
            PastedMeeting(
                kind: kind, title: title, heldOn: heldOn, place: place, departmentID: formUUID(departmentId),
                notes: notes, enterpriseList: enterpriseList ?? "", problemList: problemList ?? "",
                suggestionList: suggestionList ?? "", financingList: financingList ?? "", dealList: dealList ?? "",
                policyIDs: (policyIds ?? []).compactMap(formUUID))
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let desk = try await req.fieldWorkDesk()
        let meetings = try await desk.meetings(FieldWorkFilter(reach: .units(try desk.units())), limit: 200)
        let rows = meetings.map { m -> HTML in
            """
            <tr><td>\(m.heldOn)</td><td><a href="\(WebPath.meeting(m.id))">\(m.title)</a></td>\
            <td class="hide-narrow">\(MeetingKind(rawValue: m.kind)?.chineseName)</td><td>\(m.enterpriseCount)</td>\
            <td class="hide-narrow">\(m.findingCount)</td>\
            <td class="hide-narrow">\(m.intendedYuan > 0 ? "\(Money.wan(m.intendedYuan))万元 / \(Money.wan(m.lentYuan))万元" : "")</td></tr>
            """
        }
        let mayRecord = AccessPolicy.has(desk.actor, .recordFieldWork)
        let content: HTML = """
            <h1>活动</h1>
            <div class="actions">\(mayRecord ? HTML("<a class=\"button\" href=\"\(SiteURL.newMeeting.path)\">记录活动</a>") : .empty)
            <a class="button secondary" href="\(WebPath.financing)">融资诉求</a></div>
            \(meetings.isEmpty ? HTML("<p class=\"muted\">还没有活动记录。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="meetings"><thead><tr><th>日期</th><th>活动</th><th class="hide-narrow">类型</th><th>企业</th><th class="hide-narrow">问题建议</th><th class="hide-narrow">融资意向 / 现场放款</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """))
            """
        return try await req.page("活动", content, flash: req.flash)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let detail = try await req.fieldWorkDesk().meeting(try req.idParameter("活动"))
        let m = detail.summary
        let enterprises = detail.enterprises.map {
            HTML("<li><a href=\"\(WebPath.enterprise($0.id))\">\($0.name)</a></li>")
        }
        let findings = detail.findings.map {
            HTML(
                "<li><b>\($0.enterpriseName)</b>：\($0.text) <span class=\"tag\">\(FindingKind(rawValue: $0.kind)?.chineseName)</span></li>"
            )
        }
        let financings = detail.financings.map {
            HTML(
                "<tr><td>\($0.enterpriseName)</td><td>\($0.bank)</td><td>\(Money.wan($0.intendedYuan))</td><td>\(Money.wan($0.lentYuan))</td></tr>"
            )
        }
        let deals = detail.deals.map {
            HTML(
                "<tr><td>\($0.enterpriseName)</td><td>\($0.counterpart)</td><td>\($0.subject)</td><td>\($0.amountYuan.map(Money.wan))</td></tr>"
            )
        }
        let financingEnterprises = Set(detail.financings.map(\.enterpriseId)).count
        let content: HTML = """
            <h1>\(m.title)</h1>
            <p class="lead">\(MeetingKind(rawValue: m.kind)?.chineseName) · \(m.heldOn)\(m.place.map { " · \($0)" })\(m.departmentName.map { " · \($0)组织" })</p>
            \(detail.notes.map { HTML("<p>\($0)</p>") })
            \(detail.policies.isEmpty ? .empty : HTML("""
            <h2>宣讲的政策</h2>
            <ul data-testid="presented-policies">\(HTML.join(detail.policies.map { p -> HTML in "<li><a href=\"\(WebPath.policy(p.policyId))\">\(p.title)</a>，送达\(p.enterprises)家企业</li>" }))</ul>
            """))
            \(detail.financings.isEmpty ? .empty : HTML("""
            <h2>融资对接</h2>
            <p data-testid="financing-total">\(financingEnterprises) 家企业达成融资意向 \(Money.yi(m.intendedYuan)) 亿元，现场放款 \(Money.wan(m.lentYuan)) 万元</p>
            <div class="table-wrap"><table class="outcomes"><thead><tr><th>企业</th><th>银行</th><th>意向金额（万元）</th><th>现场放款（万元）</th></tr></thead><tbody>\(financings)</tbody></table></div>
            """))
            \(detail.deals.isEmpty ? .empty : HTML("""
            <h2>供需对接</h2>
            <div class="table-wrap"><table class="outcomes"><thead><tr><th>企业</th><th>对方单位</th><th>对接内容</th><th>金额（万元）</th></tr></thead><tbody>\(deals)</tbody></table></div>
            """))
            <h2>收集的问题和建议（\(detail.findings.count)）</h2>
            \(findings.isEmpty ? HTML("<p class=\"muted\">无</p>") : HTML("<ul>\(findings)</ul>"))
            <h2>参会企业（\(detail.enterprises.count)）</h2>
            <ul class="columns">\(enterprises)</ul>
            """
        return try await req.page(m.title, content, flash: req.flash)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .recordFieldWork) else { throw AppError.forbidden() }
        let form = Form(kind: MeetingKind.symposium.rawValue, heldOn: LocalDate(req.now, in: .chinaStandard).iso)
        return try await req.page("记录活动", try await self.form(req, signedIn, form, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let form = try req.content.decode(Form.self)
        do {
            let id = try await req.fieldWorkDesk().recordMeeting(pasted: form.pasted)
            return req.redirect(to: WebPath.meeting(id) + "?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "记录活动", try await self.form(req, signedIn, form, errors: error.fieldErrors), status: error.status)
        }
    }

    private func form(_ req: Request, _ signedIn: SignedIn, _ form: Form, errors: [FieldError]) async throws -> HTML {
        let (departments, policies) = try await req.fieldWorkDesk().meetingChoices()
        let f = FormFields(errors: errors)
        let kinds = MeetingKind.allCases.map { ($0.rawValue, $0.chineseName) }
        func box(_ name: String, _ label: String, _ value: String?, rows: Int, placeholder: String, hint: String)
            -> HTML
        {
            """
            <div class="field"><label for="\(name)">\(label)</label>
            <textarea id="\(name)" name="\(name)" rows="\(rows)" placeholder="\(placeholder)">\(value ?? "")</textarea>
            <p class="hint">\(hint)</p>\(f.error(for: name))</div>
            """
        }
        return """
            <h1>记录活动</h1>
            <form method="post" action="\(WebPath.meetings)" class="card">
            \(FormFields.csrf(signedIn))\(f.summary)
            \(f.select("kind", "活动类型", options: kinds, selected: form.kind, required: true))
            \(f.text("title", "活动名称", value: form.title, required: true, hint: "如：高新区2024年第三季度政银企对接会"))
            \(f.text("heldOn", "活动日期", value: form.heldOn, type: "date", required: true))
            \(f.text("place", "活动地点", value: form.place))
            \(f.select("departmentId", "组织部门", options: departments, selected: form.departmentId, blank: "不填"))
            \(box("enterpriseList", "参会企业", form.enterpriseList, rows: 5, placeholder: "每行一家：企业全称或统一社会信用代码", hint: "下面几栏出现的企业会自动计入参会企业"))
            \(box("problemList", "收集的问题诉求", form.problemList, rows: 4, placeholder: "每行一条：企业名称：问题内容", hint: "会转入问题台账交办"))
            \(box("suggestionList", "收集的意见建议", form.suggestionList, rows: 3, placeholder: "每行一条：企业名称：建议内容", hint: ""))
            \(box("financingList", "融资意向（政银企对接会）", form.financingList, rows: 4, placeholder: "每行一笔：企业名称，银行，意向金额（万元），现场放款（万元）", hint: "可从 Excel 复制四列粘贴；没有现场放款的最后一列留空"))
            \(policies.isEmpty ? .empty : f.checkboxes("policyIds", "宣讲的政策（政策宣讲会/解读会）", options: policies, selected: Set((form.policyIds ?? []).map { $0.lowercased() })))
            \(box("dealList", "签约对接（供需对接会）", form.dealList, rows: 3, placeholder: "每行一项：企业名称，对方单位，对接内容，金额（万元）", hint: "金额不确定的留空"))
            <div class="field"><label for="notes">活动情况</label><textarea id="notes" name="notes" rows="3">\(form.notes ?? "")</textarea>\(f.error(for: "notes"))</div>
            <div class="actions"><button type="submit">保存活动</button><a class="button secondary" href="\(WebPath.meetings)">取消</a></div>
            </form>
            """
    }
}
