import Foundation
import JieyouDomain

/// The 登记问题 form: the enterprise it is for (from the enterprise's page, or the enterprise's own
/// account), kind, category, source (staff only) and the description.
struct NewProblemFormView {
    let actor: Actor
    let signedIn: SignedIn
    let choices: SubmissionChoices
    let form: ProblemsWeb.NewForm
    let errors: [FieldError]
    /// The size limit of one file.
    let maxMegabytes: Int

    var html: HTML {
        let f = FormFields(errors: errors)
        let staff = actor.has(.dispatcher) || actor.has(.cadre)
        let sources = ProblemSource.allCases.filter { $0 != .online && $0 != .monitor && $0 != .sheet }
        let enterpriseField: HTML =
            if let enterpriseName = choices.enterpriseName {
                "<p class=\"lead\">企业：<b data-testid=\"problem-enterprise\">\(enterpriseName)</b></p>\(actor.has(.enterprise) ? HTML.empty : HTML("<input type=\"hidden\" name=\"enterpriseId\" value=\"\(form.enterpriseId ?? "")\">"))"
            } else if actor.has(.monitor) {
                "<p class=\"hint\">如反映的问题涉及某家企业，请从该企业页面登记。</p>"
            } else {
                "<p class=\"muted\">请先在<a href=\"\(WebPath.enterprises)\">企业</a>中找到企业，在企业页面点“登记问题”。</p>\(f.error(for: "enterpriseId"))"
            }
        return """
            <h1>登记问题</h1>
            <form method="post" action="\(WebPath.problems)" class="card problem-form" enctype="multipart/form-data">
            \(FormFields.csrf(signedIn))\(f.summary)
            \(enterpriseField)
            \(f.select("kind", "类型", options: ProblemKind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: form.kind, blank: nil))
            \(f.select("category", "问题类别", options: choices.categories, selected: form.category, blank: "由服务小组分类"))
            \(staff ? f.select("source", "问题来源", options: sources.map { ($0.rawValue, $0.chineseName) }, selected: form.source, blank: nil) : .empty)
            <div class="field"><label for="description">困难问题<span class="req">*</span></label>
            <textarea id="description" name="description" rows="5" required>\(form.description ?? "")</textarea>\(f.error(for: "description"))</div>
            \(f.files("问题材料", accept: AttachmentSectionView.accept, hint: "照片、证明材料等，可不传；\(AttachmentType.acceptedNames)，每个不超过 \(maxMegabytes) MB"))
            <div class="actions"><button type="submit">提交</button><a class="button secondary" href="\(WebPath.problems)">取消</a></div>
            </form>
            """
    }
}
