import Foundation
import JieyouDomain

/// 活动: the meetings of the reader's units, newest first.
struct MeetingListView {
    let meetings: [MeetingSummary]
    let mayRecord: Bool

    var html: HTML {
        let rows = meetings.map { m -> HTML in
            """
            <tr><td>\(m.heldOn)</td><td><a href="\(WebPath.meeting(m.id))">\(m.title)</a></td>\
            <td class="hide-narrow">\(MeetingKind(rawValue: m.kind)?.chineseName)</td><td>\(m.enterpriseCount)</td>\
            <td class="hide-narrow">\(m.findingCount)</td>\
            <td class="hide-narrow">\(m.intendedYuan > 0 ? "\(Money.wan(m.intendedYuan))万元 / \(Money.wan(m.lentYuan))万元" : "")</td></tr>
            """
        }
        return """
            <h1>活动</h1>
            <div class="actions">\(mayRecord ? HTML("<a class=\"button\" href=\"\(SiteURL.newMeeting.path)\">记录活动</a>") : .empty)
            <a class="button secondary" href="\(WebPath.financing)">融资诉求</a></div>
            \(meetings.isEmpty ? HTML("<p class=\"muted\">还没有活动记录。</p>") : HTML("""
            \(ExportLinks.html(WebPath.meetingExport, query: "", label: "导出全部活动"))
            <div class="table-wrap"><table data-testid="meetings"><thead><tr><th>日期</th><th>活动</th><th class="hide-narrow">类型</th><th>企业</th><th class="hide-narrow">问题建议</th><th class="hide-narrow">融资意向 / 现场放款</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """))
            """
    }
}

/// One meeting: the policies presented, the financing and deals agreed, what was collected, who came.
struct MeetingPageView {
    let detail: MeetingDetail
    /// 签到表, 纪要 and photos, with the upload form for the unit's recorders.
    let attachments: AttachmentSectionView

    var html: HTML {
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
        return """
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
            \(attachments.html)
            """
    }
}

/// 记录活动: the lists go in as pasted lines, the way officials keep them in Excel.
struct MeetingFormView {
    let form: MeetingsWeb.Form
    let errors: [FieldError]
    let csrf: HTML
    let departments: [(value: String, label: String)]
    let policies: [(value: String, label: String)]

    var html: HTML {
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
            \(csrf)\(f.summary)
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
