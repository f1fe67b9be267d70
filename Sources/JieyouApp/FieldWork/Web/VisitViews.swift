import Foundation
import JieyouDomain

/// 记录走访, step one: choose the enterprise. A cadre's own enterprises come first; search finds the rest.
struct VisitPickerView {
    let query: String
    let picks: [EnterpriseListItem]

    var html: HTML {
        let items = picks.map { e -> HTML in
            "<li><a class=\"pick\" href=\"\(WebPath.newVisit(for: e.id))\">\(e.name)<small>\(e.lastVisitedOn.map { "上次走访 \($0)" } ?? "尚未走访")</small></a></li>"
        }
        return """
            <h1>记录走访</h1>
            <form method="get" action="\(WebPath.newVisit)" role="search" class="card">
            <div class="field"><label for="q">走访哪家企业？</label><input id="q" name="q" type="search" value="\(query)" placeholder="输入企业名称中的几个字"></div>
            <button type="submit">查找</button></form>
            <h2>\(query.isEmpty ? "我驻企联系的企业" : "查找结果")</h2>
            \(items.isEmpty ? HTML("<p class=\"muted\">没有找到企业，请换个关键词。</p>") : HTML("<ul class=\"picks\" data-testid=\"visit-picks\">\(items)</ul>"))
            """
    }
}

/// 记录走访, step two: the phone-first form — few fields, large targets, one problem per line.
struct VisitFormView {
    let form: VisitsWeb.Form
    let enterpriseID: UUID
    let enterpriseName: String
    let errors: [FieldError]
    let csrf: HTML
    /// The enterprise's policies it qualifies for and has not been told of.
    let policies: [PolicyMatching.Fit]
    /// Cadres who may have come along.
    let companions: [UserModel]
    /// The size limit of one photo.
    let maxMegabytes: Int

    var html: HTML {
        let f = FormFields(errors: errors)
        let purposes = VisitPurpose.allCases.map { ($0.rawValue, $0.chineseName) }
        let toBring = policies.map {
            ($0.policy.id.uuidString.lowercased(), "\($0.policy.title)（\($0.verdict.summary)）")
        }
        let companions = companions.map { ($0.id!.uuidString, $0.displayName) }
        return """
            <h1>记录走访</h1>
            <p class="lead"><b data-testid="visit-enterprise">\(enterpriseName)</b></p>
            <form method="post" action="\(WebPath.visits)" class="card visit-form" enctype="multipart/form-data">
            \(csrf)\(f.summary)
            <input type="hidden" name="enterpriseId" value="\(enterpriseID.uuidString)">
            \(f.text("visitedOn", "走访日期", value: form.visitedOn, type: "date", required: true))
            \(f.checkboxes("purposes", "走访目的", options: purposes, selected: Set(form.purposes ?? [])))
            <div class="field"><label for="problems">发现的问题、诉求</label>
            <textarea id="problems" name="problems" rows="4" placeholder="每行一条，如：厂区门口道路破损，货车进出困难">\(form.problems ?? "")</textarea>
            <p class="hint">每行记一条问题，会转入问题台账交办</p>\(f.error(for: "findings"))</div>
            <div class="field"><label for="suggestions">企业的意见建议</label>
            <textarea id="suggestions" name="suggestions" rows="3" placeholder="每行一条">\(form.suggestions ?? "")</textarea></div>
            <div class="field"><label for="notes">走访情况</label>
            <textarea id="notes" name="notes" rows="3" placeholder="企业生产经营情况、政策宣讲情况等">\(form.notes ?? "")</textarea>\(f.error(for: "notes"))</div>
            \(f.files("现场照片", accept: "image/*", hint: "可直接拍照，可多选；JPG 或 PNG，每张不超过 \(maxMegabytes) MB。选择的照片在保存时上传；若走访有错，请重新选择"))
            \(toBring.isEmpty ? .empty : f.checkboxes("policyIds", "本次送达的政策（该企业符合条件、尚未知晓）", options: toBring, selected: Set(form.policyIds ?? [])))
            \(companions.isEmpty ? .empty : f.checkboxes("companions", "同行干部", options: companions, selected: Set(form.companions ?? [])))
            \(f.error(for: "cadreIds"))
            <div class="actions"><button type="submit">保存走访</button><a class="button secondary" href="\(WebPath.enterprise(enterpriseID))">取消</a></div>
            </form>
            """
    }
}

/// 走访台账: the visits of the reader's units in a period, newest first, with what each found, and the
/// line that exports all of them. The page shows the latest `limit`; the file holds every one.
struct VisitListView {
    let from: String?
    let to: String?
    let visits: [VisitSummary]
    let limit: Int
    /// The query string of the filters, carried by the export links.
    let query: String
    let errors: [FieldError]
    let mayRecord: Bool

    var html: HTML {
        let f = FormFields(errors: errors)
        let rows = visits.map { v -> HTML in
            let problems = v.findings.filter { $0.kind == FindingKind.problem.rawValue }.count
            let purposes = v.purposes.map { VisitPurpose(rawValue: $0)?.chineseName ?? $0 }.joined(separator: "、")
            return """
                <tr><td class="day">\(v.visitedOn)</td><td><a href="\(WebPath.enterprise(v.enterpriseId))">\(v.enterpriseName)</a></td>\
                <td>\(v.cadres.joined(separator: "、"))</td><td class="hide-narrow">\(purposes)</td>\
                <td class="num">\(problems)</td><td class="num hide-narrow">\(v.findings.count - problems)</td></tr>
                """
        }
        return """
            <h1>走访台账</h1>
            \(mayRecord ? HTML("<div class=\"actions\"><a class=\"button\" href=\"\(WebPath.newVisit)\">记录走访</a></div>") : .empty)
            <form method="get" action="\(WebPath.visits)" class="filters">
            \(f.text("from", "起始日期", value: from, type: "date"))
            \(f.text("to", "截止日期", value: to, type: "date"))
            <div class="actions"><button type="submit">查询</button></div></form>
            \(f.summary)
            \(visits.isEmpty ? HTML("<p class=\"muted\">所选期间没有走访记录。</p>") : HTML("""
            \(ExportLinks.html(SiteURL.visitExport.path, query: query, label: "导出全部走访记录"))
            <div class="table-wrap"><table data-testid="visits"><thead><tr><th>日期</th><th>企业</th><th>走访干部</th><th class="hide-narrow">走访目的</th><th>问题</th><th class="hide-narrow">建议</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            \(visits.count == limit ? HTML("<p class=\"muted\">页面仅列出最近 \(limit) 次走访，导出文件包含全部记录。</p>") : .empty)
            """))
            """
    }
}
