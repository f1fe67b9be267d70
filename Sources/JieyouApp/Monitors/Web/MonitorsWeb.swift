import Fluent
import Foundation
import JieyouDomain
import Vapor

/// 监测员 admin pages: the roster with each monitor's reports, a form to appoint or change one, and
/// the sheets.
struct MonitorsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.monitors, use: index)
        routes.get(.newMonitor, use: new)
        routes.post(.monitors, use: create)
        routes.get(.monitorExport, use: MonitorDownloads.roster)
        routes.get(.monitor(.key), use: edit)
        routes.post(.monitor(.key), use: update)
        routes.get(.monitorReports(.key), use: MonitorDownloads.reports)
    }

    struct Form: Content {
        var orgUnitId: String?
        var kind: String?
        var form: String?
        var name: String?
        var organisation: String?
        var phone: String?
        var termStartsOn: String?
        var termEndsOn: String?
        var userId: String?
        var active: String?

        var input: MonitorDesk.Input {
            MonitorDesk.Input(
                draft: MonitorDraft(
                    name: name, kind: kind, form: form, organisation: organisation ?? "", phone: phone ?? "",
                    termStartsOn: termStartsOn, termEndsOn: termEndsOn, active: active == "true"),
                orgUnitID: formUUID(orgUnitId), userID: formUUID(userId))
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let rows = try await req.monitorDesk.roster(in: nil, for: ctx.actor)
        let view = MonitorListView(rows: rows, tree: ctx.tree, today: LocalDate(req.now, in: .chinaStandard))
        return try await req.page("监测员", view.html, flash: req.flash)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let today = LocalDate(req.now, in: .chinaStandard)
        let form = Form(
            orgUnitId: ctx.actor.orgUnitID.uuidString, kind: MonitorKind.businessEnvironment.rawValue,
            form: MonitorForm.person.rawValue, termStartsOn: today.iso,
            termEndsOn: today.adding(days: 365).iso, active: "true")
        return try await req.page("新增监测员", try await page(req, ctx, form, row: nil, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let form = try req.content.decode(Form.self)
        var input = form.input
        input.draft.active = true
        do {
            _ = try await req.monitorDesk.create(input, by: ctx.actor)
            return req.redirect(to: SiteURL.monitors.path + "?done=created")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "新增监测员", try await page(req, ctx, form, row: nil, errors: error.fieldErrors), status: error.status)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let row = try await req.monitorDesk.monitor(try req.idParameter("监测员"), for: ctx.actor)
        let form = Form(
            orgUnitId: row.orgUnitId.uuidString, kind: row.kind, form: row.form, name: row.name,
            organisation: row.organisation, phone: row.phone, termStartsOn: row.termStartsOn,
            termEndsOn: row.termEndsOn, userId: row.userId?.uuidString, active: row.active ? "true" : nil)
        return try await req.page("编辑监测员", try await page(req, ctx, form, row: row, errors: []))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let id = try req.idParameter("监测员")
        let row = try await req.monitorDesk.monitor(id, for: ctx.actor)
        let form = try req.content.decode(Form.self)
        do {
            _ = try await req.monitorDesk.update(id, form.input, by: ctx.actor)
            return req.redirect(to: SiteURL.monitors.path + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "编辑监测员", try await page(req, ctx, form, row: row, errors: error.fieldErrors), status: error.status)
        }
    }

    /// The form, with the monitor accounts of the admin's subtree to link.
    private func page(_ req: Request, _ ctx: AdminContext, _ form: Form, row: MonitorStore.Row?, errors: [FieldError])
        async throws -> HTML
    {
        let accounts = try await MonitorStore(sql: req.db.sql).monitorAccounts(in: Array(ctx.scope)).map {
            ($0.id.uuidString, $0.label)
        }
        return MonitorFormView(
            form: form, row: row, errors: errors, csrf: FormFields.csrf(ctx.signedIn),
            unitOptions: ctx.unitOptions(), accounts: accounts
        ).html
    }
}

/// 监测员: the roster by kind, each line with its term and what it reported.
struct MonitorListView {
    let rows: [MonitorStore.Row]
    let tree: OrgTree
    let today: LocalDate

    var html: HTML {
        let lines = rows.map { row -> HTML in
            let serving = row.values?.isServing(on: today) == true
            let state: HTML =
                serving ? .empty : HTML(" <span class=\"tag off\">\(row.active ? "聘期外" : "已停用")</span>")
            return """
                <tr data-testid="monitor"><td><a href="\(SiteURL.monitor(.value(row.id)).path)">\(row.name)</a>\(state)</td>\
                <td>\(MonitorKind(rawValue: row.kind)?.chineseName)</td><td class="hide-narrow">\(row.organisation ?? "")</td>\
                <td class="hide-narrow">\(tree[row.orgUnitId]?.name)</td><td class="hide-narrow">\(row.termStartsOn) 至 \(row.termEndsOn)</td>\
                <td class="num">\(row.reports)</td><td class="num">\(row.openReports)</td><td class="num hide-narrow">\(row.incognito)</td></tr>
                """
        }
        let counts = MonitorKind.allCases.map { kind in
            StatCard.render(
                kind.chineseName,
                "\(rows.filter { $0.kind == kind.rawValue && $0.values?.isServing(on: today) == true }.count)",
                note: "反映问题 \(rows.filter { $0.kind == kind.rawValue }.reduce(0) { $0 + $1.reports }) 件",
                testID: "monitors-\(kind.rawValue)")
        }
        return """
            <h1>监测员</h1>
            <div class="cards">\(counts)</div>
            <div class="actions"><a class="button" href="\(SiteURL.newMonitor.path)">新增监测员</a></div>
            \(ExportLinks.html(SiteURL.monitorExport.path, query: "", label: "导出名册"))
            <div class="table-wrap"><table data-testid="monitors"><thead><tr><th>名称</th><th>类型</th><th class="hide-narrow">所在单位</th>\
            <th class="hide-narrow">所属组织</th><th class="hide-narrow">聘期</th><th class="num">反映问题</th><th class="num">办理中</th><th class="num hide-narrow">暗访</th></tr></thead>
            <tbody>\(lines)</tbody></table></div>
            <p class="muted">共 \(rows.count) 名（处）；监测员反映的问题对办理单位隐去反映人。</p>
            """
    }
}

/// 新增 / 编辑监测员.
struct MonitorFormView {
    let form: MonitorsWeb.Form
    let row: MonitorStore.Row?
    let errors: [FieldError]
    let csrf: HTML
    let unitOptions: [(value: String, label: String)]
    /// The monitor accounts that may be linked.
    let accounts: [(value: String, label: String)]

    var html: HTML {
        let f = FormFields(errors: errors)
        let kinds = MonitorKind.allCases.map { ($0.rawValue, $0.chineseName) }
        let forms = MonitorForm.allCases.map { ($0.rawValue, $0.chineseName) }
        let action = row.map { SiteURL.monitor(.value($0.id)).path } ?? SiteURL.monitors.path
        let reports: HTML =
            if let row, row.userId != nil {
                "<p>已反映问题 \(row.reports) 件，办理中 \(row.openReports) 件（暗访 \(row.incognito) 件）。<a href=\"\(SiteURL.monitorReports(.value(row.id)).path)\" download>导出反映问题</a></p>"
            } else { .empty }
        return """
            <h1>\(row == nil ? "新增监测员" : "编辑监测员")</h1>
            \(reports)
            <form method="post" action="\(action)" class="card">
            \(csrf)\(f.summary)
            \(row == nil ? f.select("orgUnitId", "所属组织", options: unitOptions, selected: form.orgUnitId, required: true) : .empty)
            \(f.select("kind", "类型", options: kinds, selected: form.kind, required: true))
            \(f.select("form", "形式", options: forms, selected: form.form, blank: nil))
            \(f.text("name", "名称", value: form.name, required: true, hint: "个人填姓名；监测点填场所名称，如：政务服务大厅3号窗口"))
            \(f.text("organisation", "所在单位", value: form.organisation, hint: "企业代表填所在企业"))
            \(f.text("phone", "联系电话", value: form.phone, type: "tel"))
            \(f.text("termStartsOn", "聘期开始", value: form.termStartsOn, type: "date", required: true))
            \(f.text("termEndsOn", "聘期结束", value: form.termEndsOn, type: "date", required: true))
            \(f.select("userId", "关联账号", options: accounts, selected: form.userId, blank: "不关联（无账号）"))
            \(row == nil ? .empty : f.checkbox("active", "在聘（取消即停用）", checked: form.active == "true"))
            <div class="actions"><button type="submit">保存</button><a class="button secondary" href="\(SiteURL.monitors.path)">取消</a></div>
            </form>
            """
    }
}
