import Foundation
import JieyouDomain

/// One task of a plan: what it asks, who leads and helps, its milestones and every 旬's reports; the
/// lead unit's 旬调度 form; the office's 挂牌督办 and milestone forms.
struct PlanTaskPageView {
    let plan: PlanRecord
    let task: TaskRecord
    /// Newest first.
    let reports: [ProgressRecord]
    let today: LocalDate
    /// The reader's department when it leads this task (it reports for itself).
    let ownLead: UnitRef?
    /// Admins of the plan's unit: 挂牌督办, milestones, and reporting for any lead unit.
    let mayManage: Bool
    /// What the 旬调度 form was given.
    let report: PlanTaskWeb.ReportForm
    /// The report form's errors; the 督办 and milestone forms' carry the prefixes s- and m-.
    let errors: [FieldError]
    let csrf: HTML

    var html: HTML {
        let period = TenDayPeriod(containing: today)
        let mayReport = task.owesReports && (ownLead != nil || mayManage)
        let names = Dictionary((task.leads + task.cos).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let history = reports.map { r -> HTML in
            """
            <tr><td>\(r.period.chineseName)</td><td>\(names[r.departmentId] ?? "")</td><td>\(r.progress)\(r.milestoneTitle.map { HTML("<br><small>达成节点：\($0)</small>") })</td>
            <td class="num">\(r.percent)%</td><td class="hide-narrow">\(r.difficulties ?? "")</td></tr>
            """
        }
        let milestones = task.milestones.map { m -> HTML in
            "<li><time>\(m.dueOn)</time> \(m.title)：\(m.reachedOn.map { "\($0)达成" } ?? (LocalDate(iso: m.dueOn).map { $0 < today } ?? false ? "逾期未达成" : "未达成"))</li>"
        }
        // The report form's errors; the 督办 and milestone forms' errors carry their prefix.
        let f = FormFields(errors: errors.filter { !$0.field.hasPrefix("s-") && !$0.field.hasPrefix("m-") })
        let openMilestones = task.milestones.filter { $0.reachedOn == nil }
        let previousPercent = reports.first?.percent ?? task.percent
        let reportForm: HTML =
            mayReport
            ? """
            <h2>报送旬调度</h2>
            <form method="post" action="\(SiteURL.planTaskProgress(.value(task.id)).path)" class="card">\(csrf)\(f.summary)
            \(f.select("period", "旬", options: [(period.description, "本旬（\(period.chineseName)）")] + (today <= period.previous.reportDueDate ? [(period.previous.description, "补报上一旬（\(period.previous.chineseName)）")] : []), selected: report.period, required: true, blank: nil))
            \(ownLead == nil && task.leads.count > 0 ? f.select("department", "代报单位", options: task.leads.map { ($0.id.uuidString, $0.name) }, selected: report.department, required: true, blank: nil) : .empty)
            <div class="field"><label for="progress">本旬进展<span class="req">*</span></label><textarea id="progress" name="progress" rows="4" required>\(report.progress ?? "")</textarea>\(f.error(for: "progress"))</div>
            \(f.text("percent", "完成进度（%）", value: report.percent ?? String(previousPercent), type: "number", required: true, hint: "0–100，不低于上次报送", extra: " min=\"0\" max=\"100\""))
            \(openMilestones.isEmpty ? .empty : f.select("milestone", "本旬达成节点", options: openMilestones.map { ($0.id.uuidString, "\($0.dueOn) \($0.title)") }, selected: report.milestone, blank: "无"))
            <div class="field"><label for="difficulties">困难问题</label><textarea id="difficulties" name="difficulties" rows="2">\(report.difficulties ?? "")</textarea>\(f.error(for: "difficulties"))</div>
            <div class="actions"><button type="submit">报送</button></div></form>
            """ : .empty
        let manageForms: HTML =
            mayManage
            ? """
            <h2>挂牌督办</h2>
            <form method="post" action="\(SiteURL.planTaskSupervision(.value(task.id)).path)" class="card">\(csrf)
            \(task.supervisedOn == nil ? HTML("""
            \(Self.prefixed(errors, "s-").text("note", "督办事由", value: nil, required: true))<div class="actions"><button type="submit">挂牌督办</button></div>
            """) : HTML("<input type=\"hidden\" name=\"lift\" value=\"1\"><div class=\"actions\"><button type=\"submit\">摘牌</button></div>"))</form>
            <h2>添加节点</h2>
            <form method="post" action="\(SiteURL.planTaskMilestones(.value(task.id)).path)" class="card">\(csrf)
            \(Self.prefixed(errors, "m-").text("title", "节点名称", value: nil, required: true))
            \(Self.prefixed(errors, "m-").text("dueOn", "节点日期", value: nil, type: "date", required: true))
            <div class="actions"><button type="submit">添加</button></div></form>
            """ : .empty
        let standing = task.standing(on: today)
        return """
            <p><a href="\(WebPath.plan(plan.id))">\(plan.title)</a></p>
            <h1>\(task.number.label)\(task.title)</h1>
            \(task.supervisedOn.map { HTML("<p class=\"badge warn\" data-testid=\"supervised\">\($0)挂牌督办：\(task.supervisionNote ?? "")</p>") })
            <dl class="facts" data-testid="task-facts">
            <dt>牵头单位</dt><dd>\(PlanTimeline.unitLinks(task.leads))</dd>
            <dt>配合单位</dt><dd>\(PlanTimeline.unitLinks(task.cos))\(task.groups.isEmpty ? .empty : HTML("、\(task.groups.joined(separator: "、"))"))</dd>
            <dt>完成时限</dt><dd>\(task.dueOn ?? "—")</dd>
            <dt>进度</dt><dd data-testid="task-percent">\(task.percent)%（\(standing.chineseName)）</dd></dl>
            <p class="task-text">\(task.text)</p>
            \(milestones.isEmpty ? .empty : HTML("<h2>节点</h2><ul>\(milestones)</ul>"))
            \(reportForm)
            <h2>旬调度记录</h2>
            \(history.isEmpty ? HTML("<p>尚未报送。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="task-reports"><thead><tr><th>旬</th><th>单位</th><th>进展</th><th>进度</th><th class="hide-narrow">困难问题</th></tr></thead><tbody>\(history)</tbody></table></div>
            """))
            \(manageForms)
            """
    }

    /// The fields of a second form on the page: errors under `prefix` (s-note), shown by their own name.
    static func prefixed(_ errors: [FieldError], _ prefix: String) -> FormFields {
        FormFields(
            errors: errors.filter { $0.field.hasPrefix(prefix) }.map {
                FieldError(field: String($0.field.dropFirst(prefix.count)), message: $0.message)
            }, idPrefix: prefix)
    }
}
