import Foundation
import JieyouDomain

/// One 双公示 record: its items in the standard's order, where it stands (deadline, 公示截止期, 最短
/// 公示期), what its reader may do (publish, correct, apply for repair, decide an application), the
/// applications with their decisions, and the 材料.
struct CreditRecordView {
    let row: CreditStore.Row
    let repairs: [CreditRepairStore.Row]
    let actor: Actor
    let tree: OrgTree
    let today: LocalDate
    let csrf: HTML
    let errors: [FieldError]
    let typed: CreditWeb.ApplicationForm?
    let decision: CreditWeb.DecisionForm?
    let files: AttachmentSectionView

    private var timeline: CreditTimeline { row.timeline }
    private var mayEnter: Bool {
        CreditAccess.mayEnter(actor, department: row.departmentId, at: row.orgUnitId, in: tree)
    }

    var html: HTML {
        let status = timeline.status(on: today)
        let f = FormFields(errors: errors)
        return """
            <h1>\(row.counterpartyName) <small>\(row.kindValue.chineseName)</small></h1>
            <p>\(CreditListView.statusTag(status)) \(deadlineNote(status))</p>
            \(f.summary)
            \(actions(status))
            <dl class="facts" data-testid="credit-facts">\(CreditColumns.facts(row).map { item in HTML("<dt>\(item.label)</dt><dd>\(item.value)</dd>") })</dl>
            \(repairSection(status, f))
            \(files.html)
            <p><a href="\(SiteURL.credit.path)">返回双公示</a></p>
            """
    }

    private func deadlineNote(_ status: CreditRecordStatus) -> HTML {
        switch status {
        case .awaiting: "应于\(timeline.deadline.chinese)前公示"
        case .overdue:
            "应于\(timeline.deadline.chinese)前公示，已逾期\(timeline.deadline.days(until: today))天"
        case .published:
            "\(row.publishedOn ?? "")起公示，至\(timeline.publicUntil.chinese)\(timeline.publishedLate ? "（逾期公示）" : "")"
        case .expired: "公示期已于\(timeline.publicUntil.chinese)届满"
        case .repaired: "已于\(row.repairedOn ?? "")完成信用修复，停止公示"
        }
    }

    private func actions(_ status: CreditRecordStatus) -> HTML {
        guard mayEnter else { return .empty }
        var buttons: [HTML] = []
        if status == .awaiting || status == .overdue {
            buttons.append(
                """
                <form method="post" action="\(SiteURL.creditPublish(.value(row.id)).path)" class="inline">\(csrf)<button type="submit" data-testid="credit-publish">公示</button></form>
                """)
        }
        if status != .repaired {
            buttons.append(
                "<a class=\"button secondary\" href=\"\(SiteURL.editCreditRecord(.value(row.id)).path)\">修改</a>")
        }
        return buttons.isEmpty ? .empty : "<div class=\"actions\">\(buttons)</div>"
    }

    private func repairSection(_ status: CreditRecordStatus, _ f: FormFields) -> HTML {
        guard row.kindValue == .penalty else { return .empty }
        let lines = repairs.map { repair -> HTML in
            let form: HTML =
                repair.stateValue == .pending
                    && CreditAccess.mayReview(actor, department: row.departmentId, at: row.orgUnitId, in: tree)
                ? decisionForm(repair, f) : .empty
            return """
                <li data-testid="credit-repair"><span class="tag\(repair.stateValue == .refused ? " off" : "")">\(repair.stateValue.chineseName)</span> \
                \(repair.appliedOn) \(repair.applicantName)申请：\(repair.statement)\
                \(repair.contact.map { HTML("（联系人：\($0) \(repairPhone(repair))）") })\
                \(repair.decidedOn.map { HTML("<br>\($0) \(repair.deciderName ?? "")：\(repair.stateValue.chineseName)\(repair.reason.map { "，\($0)" } ?? "")") })\
                \(form)</li>
                """
        }
        let rule: HTML =
            if let from = timeline.repairableFrom {
                "\((row.severityValue ?? .general).chineseName)行政处罚信息最短公示\(CreditPublication.shortestMonths(row.severityValue ?? .general) >= 12 ? "1年" : "3个月")，\(from.chinese)起可申请信用修复；修复后停止公示，操作记录仍保留。"
            } else { .empty }
        return """
            <h2 id="repair">信用修复</h2>
            <p class="muted">\(rule)</p>
            \(repairs.isEmpty ? HTML("<p class=\"muted\">暂无修复申请</p>") : HTML("<ul class=\"plain\">\(lines)</ul>"))
            \(applicationForm(status, f))
            """
    }

    /// The phone of an applicant's contact, for the department and the applicant only.
    private func repairPhone(_ repair: CreditRepairStore.Row) -> String {
        guard let phone = repair.phone else { return "" }
        let mayCall =
            CreditAccess.mayReview(actor, department: row.departmentId, at: row.orgUnitId, in: tree)
            || repair.appliedBy == actor.userID
        return mayCall ? phone : ContactRules.maskedPhone(phone)
    }

    private func applicationForm(_ status: CreditRecordStatus, _ f: FormFields) -> HTML {
        guard CreditAccess.mayApply(actor, enterprise: row.enterpriseId, at: row.orgUnitId, in: tree) else {
            return .empty
        }
        if repairs.contains(where: { $0.stateValue == .pending }) { return .empty }
        if let refusal = timeline.repairRefusal(on: today) {
            return "<p class=\"muted\" data-testid=\"credit-repair-refusal\">\(refusal)</p>"
        }
        return """
            <form method="post" action="\(SiteURL.creditRepairs(.value(row.id)).path)" class="card" data-testid="credit-apply">
            \(csrf)
            <h3>申请信用修复</h3>
            <div class="field"><label for="statement">申请说明<span class="req">*</span></label>
            <textarea id="statement" name="statement" rows="3" required>\(typed?.statement ?? "")</textarea>
            <p class="hint">写明失信行为已纠正、行政处罚已履行的情况；信用修复申请书、信用承诺书和履行证明请在下方“附件”中上传。</p>\(f.error(for: "statement"))</div>
            \(f.checkbox("fulfilled", "本单位已履行行政处罚决定、纠正失信行为，并作出信用承诺", checked: typed?.fulfilled == "true"))
            \(f.text("contact", "联系人", value: typed?.contact))
            \(f.text("phone", "联系电话", value: typed?.phone, type: "tel"))
            <div class="actions"><button type="submit">提交申请</button></div>
            </form>
            """
    }

    private func decisionForm(_ repair: CreditRepairStore.Row, _ f: FormFields) -> HTML {
        let options = [("approve", "同意修复（停止公示）"), ("refuse", "不予修复")]
        return """
            <form method="post" action="\(SiteURL.creditRepairDecision(.value(repair.id)).path)" class="card" data-testid="credit-decide">
            \(csrf)
            \(f.select("decision", "审核结论", options: options, selected: decision?.decision, required: true))
            \(f.text("reason", "审核意见", value: decision?.reason, hint: "不予修复须写明理由"))
            <div class="actions"><button type="submit">提交审核</button></div>
            </form>
            """
    }
}
