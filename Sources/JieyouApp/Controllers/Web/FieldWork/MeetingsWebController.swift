import JieyouDomain
import SQLKit
import Vapor

/// 活动 pages: the list, the form, one meeting. The form takes its lists as lines, the way officials
/// already keep them in Excel: paste the column of attending enterprises, paste the financing table.
struct MeetingsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let meetings = routes.grouped("meetings")
        meetings.get(use: index)
        meetings.get("new", use: new)
        meetings.post(use: create)
        meetings.get(":id", use: show)
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
    }

    @Sendable func index(req: Request) async throws -> Response {
        let access = try await EnterpriseAccess.load(req)
        guard case .units(let units) = access.reach else { throw AppError.forbidden() }
        let meetings = try await MeetingQueries.list(FieldWorkFilter(reach: .units(units)), limit: 200, on: req.db.sql)
        let rows = meetings.map { m -> HTML in
            """
            <tr><td>\(m.heldOn)</td><td><a href="\(WebPath.meeting(m.id))">\(m.title)</a></td>\
            <td class="hide-narrow">\(MeetingKind(rawValue: m.kind)?.chineseName)</td><td>\(m.enterpriseCount)</td>\
            <td class="hide-narrow">\(m.findingCount)</td>\
            <td class="hide-narrow">\(m.intendedYuan > 0 ? "\(Money.wan(m.intendedYuan))万元 / \(Money.wan(m.lentYuan))万元" : "")</td></tr>
            """
        }
        let mayRecord = AccessPolicy.has(access.actor, .recordFieldWork)
        let content: HTML = """
            <h1>活动</h1>
            <div class="actions">\(mayRecord ? HTML("<a class=\"button\" href=\"\(WebPath.meetings)/new\">记录活动</a>") : .empty)
            <a class="button secondary" href="\(WebPath.financing)">融资诉求</a></div>
            \(meetings.isEmpty ? HTML("<p class=\"muted\">还没有活动记录。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="meetings"><thead><tr><th>日期</th><th>活动</th><th class="hide-narrow">类型</th><th>企业</th><th class="hide-narrow">问题建议</th><th class="hide-narrow">融资意向 / 现场放款</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """))
            """
        return try await req.page("活动", content, flash: req.flash)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let detail = try await MeetingQueries.readable(
            reach: try await EnterpriseAccess.load(req).reach, on: req.db.sql, try req.idParameter("活动"))
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
            let input = try await self.input(req, signedIn, form)
            let id = try await MeetingService(database: req.db, now: req.now).record(input, by: signedIn.actor)
            return req.redirect(to: WebPath.meeting(id) + "?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "记录活动", try await self.form(req, signedIn, form, errors: error.fieldErrors), status: error.status)
        }
    }

    /// Reads the boxes line by line and finds each named enterprise in the recorder's subtree.
    private func input(_ req: Request, _ signedIn: SignedIn, _ form: Form) async throws -> MeetingInput {
        guard AccessPolicy.has(signedIn.actor, .recordFieldWork) else { throw AppError.forbidden() }
        let tree = try await OrgDirectory.tree(on: req.db)
        let attending = PastedLines.records(form.enterpriseList ?? "", maxFields: 1, separators: [])
        let findingSeparators: Set<Character> = ["：", ":", "\t"]
        let problems = PastedLines.records(form.problemList ?? "", maxFields: 2, separators: findingSeparators)
        let suggestions = PastedLines.records(form.suggestionList ?? "", maxFields: 2, separators: findingSeparators)
        let financings = PastedLines.records(form.financingList ?? "", maxFields: 4)
        let deals = PastedLines.records(form.dealList ?? "", maxFields: 4)
        let keys = (attending + problems + suggestions + financings + deals).map { $0.fields[0] }
        let found = try await EnterpriseLookup.resolve(
            keys, units: Array(tree.subtree(of: signedIn.actor.orgUnitID)), on: req.db.sql)
        var v = Validator()
        func enterprise(_ record: PastedLines.Record, _ field: String, _ box: String) -> UUID? {
            guard let ref = found[record.fields[0]] else {
                v.fail(field, "\(box)第\(record.line)行：找不到企业“\(record.fields[0])”")
                return nil
            }
            return ref.id
        }
        func field(_ record: PastedLines.Record, _ index: Int) -> String? {
            index < record.fields.count ? record.fields[index] : nil
        }
        var input = MeetingInput(
            kind: form.kind, title: form.title, heldOn: form.heldOn, place: form.place,
            departmentID: formUUID(form.departmentId), notes: form.notes)
        input.policyIDs = (form.policyIds ?? []).compactMap(formUUID)
        input.enterpriseIDs = attending.compactMap { enterprise($0, "enterpriseList", "参会企业") }
        for (records, kind) in [(problems, FindingKind.problem), (suggestions, .suggestion)] {
            let box = kind == .problem ? "问题诉求" : "意见建议"
            for record in records {
                guard record.fields.count == 2 else {
                    v.fail("\(kind.rawValue)List", "\(box)第\(record.line)行：请按“企业名称：内容”填写")
                    continue
                }
                if let id = enterprise(record, "\(kind.rawValue)List", box) {
                    input.findings.append(.init(enterpriseID: id, kind: kind.rawValue, text: record.fields[1]))
                }
            }
        }
        for record in financings {
            if let id = enterprise(record, "financingList", "融资意向") {
                input.financings.append(
                    .init(
                        enterpriseID: id, bank: field(record, 1), intendedWan: field(record, 2),
                        lentWan: field(record, 3)))
            }
        }
        for record in deals {
            if let id = enterprise(record, "dealList", "签约对接") {
                input.deals.append(
                    .init(
                        enterpriseID: id, counterpart: field(record, 1), subject: field(record, 2),
                        amountWan: field(record, 3)))
            }
        }
        try v.throwIfFailed()
        return input
    }

    private func form(_ req: Request, _ signedIn: SignedIn, _ form: Form, errors: [FieldError]) async throws -> HTML {
        let tree = try await OrgDirectory.tree(on: req.db)
        let line = tree.lineage(of: signedIn.orgUnitID).map(\.id)
        let departments = try await DepartmentStore(database: req.db).activeChoices(in: line)
        let f = FormFields(errors: errors)
        let kinds = MeetingKind.allCases.map { ($0.rawValue, $0.chineseName) }
        // A briefing's policies: those in force that the recorder reads (its unit's, and those above it).
        let today = LocalDate(req.now, in: .chinaStandard)
        let policies =
            AccessPolicy.has(signedIn.actor, .readPolicies)
            ? try await PolicyQueries.list(
                units: PolicyService.visibleUnits(of: signedIn.actor, in: tree), filter: PolicyFilter(),
                on: req.db.sql
            ).filter { $0.isValid(on: today) }.map { ($0.id.uuidString.lowercased(), $0.title) } : []
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
