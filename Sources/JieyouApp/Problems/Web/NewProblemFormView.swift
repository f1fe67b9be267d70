import Foundation
import JieyouDomain

/// The 登记问题 form: the enterprise it is for (from the enterprise's page, or the enterprise's own
/// account), kind, category, source (staff only) and the description. Opened for a complaint, request
/// or question (`?kind=complaint`), it is the 登记投诉诉求 form: who brought it (诉求人), what it is
/// about, and an enterprise only when one is concerned.
struct NewProblemFormView {
    let actor: Actor
    let signedIn: SignedIn
    let choices: SubmissionChoices
    let form: ProblemsWeb.NewForm
    let errors: [FieldError]
    /// The size limit of one file.
    let maxMegabytes: Int

    var title: String { form.isRequest ? "登记投诉诉求" : "登记问题" }

    var html: HTML {
        // The desk names the requester's fields as the API does (`requester.name`); the form's are flat.
        let f = FormFields(errors: errors.map { FieldError(field: Self.formField($0.field), message: $0.message) })
        let staff = actor.has(.dispatcher) || actor.has(.cadre)
        // What a person brings mostly comes by the hotline or to the service group's desk.
        let sources =
            form.isRequest
            ? [.hotline, .dispatcher, .visit, .meeting, .incognito]
            : ProblemSource.allCases.filter { $0 != .online && $0 != .monitor && $0 != .sheet }
        let enterpriseField: HTML =
            if let enterpriseName = choices.enterpriseName {
                "<p class=\"lead\">\(form.isRequest ? "涉及企业" : "企业")：<b data-testid=\"problem-enterprise\">\(enterpriseName)</b></p>\(actor.has(.enterprise) ? HTML.empty : HTML("<input type=\"hidden\" name=\"enterpriseId\" value=\"\(form.enterpriseId ?? "")\">"))"
            } else if form.isRequest {
                "<p class=\"hint\">投诉、诉求、咨询可不涉及企业；涉及某家企业的，请从该企业页面登记。</p>"
            } else if actor.has(.monitor) {
                "<p class=\"hint\">如反映的问题涉及某家企业，请从该企业页面登记。</p>"
            } else {
                "<p class=\"muted\">请先在<a href=\"\(WebPath.enterprises)\">企业</a>中找到企业，在企业页面点“登记问题”。</p>\(f.error(for: "enterpriseId"))"
            }
        let kinds = ProblemKind.allCases.filter { $0.hasRequester == form.isRequest }
        return """
            <h1>\(title)</h1>
            <form method="post" action="\(WebPath.problems)" class="card problem-form" enctype="multipart/form-data">
            \(FormFields.csrf(signedIn))\(f.summary)
            \(enterpriseField)
            \(f.select("kind", "类型", options: kinds.map { ($0.rawValue, $0.chineseName) }, selected: form.kind, blank: nil))
            \(form.isRequest ? requesterFields(f) : .empty)
            \(f.select("category", "问题类别", options: choices.categories, selected: form.category, blank: "由服务小组分类"))
            \(staff ? f.select("source", form.isRequest ? "受理渠道" : "问题来源", options: sources.map { ($0.rawValue, $0.chineseName) }, selected: form.source, blank: nil) : .empty)\
            \(actor.has(.monitor) ? f.select("source", "反映方式", options: [(ProblemSource.monitor.rawValue, "日常监测"), (ProblemSource.incognito.rawValue, "暗访")], selected: form.source, blank: nil) : .empty)
            <div class="field"><label for="description">\(form.isRequest ? "诉求内容" : "困难问题")<span class="req">*</span></label>
            <textarea id="description" name="description" rows="5" required>\(form.description ?? "")</textarea>\(f.error(for: "description"))</div>
            \(f.files("问题材料", accept: AttachmentSectionView.accept, hint: "照片、证明材料等，可不传；\(AttachmentType.acceptedNames)，每个不超过 \(maxMegabytes) MB"))
            <div class="actions"><button type="submit">提交</button><a class="button secondary" href="\(WebPath.problems)">取消</a></div>
            </form>
            """
    }

    /// 诉求人 and what the complaint is about.
    private func requesterFields(_ f: FormFields) -> HTML {
        let concerns = RequestConcern.allCases.map { ($0.rawValue, $0.chineseName) }
        let departments = choices.departments.map { ($0.id.uuidString, $0.name) }
        return """
            <fieldset class="field requester" data-testid="requester"><legend>诉求人</legend>
            \(f.text("requesterName", "姓名", value: form.requesterName, hint: "匿名投诉可不填"))
            \(f.text("requesterPhone", "联系电话", value: form.requesterPhone, type: "tel", hint: "用于答复和回访；经办单位以外的人员只看到 138****5678 形式"))
            \(f.checkbox("confidential", "要求保密（姓名、电话仅服务小组可见）", checked: form.confidential == "true"))
            </fieldset>
            \(f.select("concern", "反映事项", options: concerns, selected: form.concern, blank: nil))
            \(f.select("respondentDepartmentId", "被投诉单位", options: departments, selected: form.respondentDepartmentId, blank: "不涉及本单位部门"))
            \(f.text("respondent", "被投诉对象", value: form.respondent, hint: "反映部门履职或干部作风的，填写具体单位、岗位或人员"))
            """
    }

    /// The form's name of a field the desk names: `requester.phone` → `requesterPhone`.
    static func formField(_ field: String) -> String {
        switch field {
        case "requester.name": "requesterName"
        case "requester.phone": "requesterPhone"
        case "requester.concern": "concern"
        case "requester.respondentDepartmentId": "respondentDepartmentId"
        case "requester.respondent": "respondent"
        default: field
        }
    }
}
