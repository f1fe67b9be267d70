import Foundation
import JieyouDomain

/// 导入方案, step one: the box the plan's whole text is pasted into.
struct PlanPasteView {
    let text: String?
    let errors: [FieldError]
    let csrf: HTML

    var html: HTML {
        let f = FormFields(errors: errors)
        return """
            <h1>导入攻坚方案</h1>
            <p>把方案全文（含附件）从 Word、WPS 或网页复制后粘贴到下面。系统识别各攻坚（附件）、攻坚目标、编号任务及其牵头和配合单位、工作专班，保存前可逐项核对修改。</p>
            <form method="post" action="\(WebPath.planImport)" class="card">\(csrf)\(f.summary)
            <div class="field"><label for="text">方案全文<span class="req">*</span></label>
            <textarea id="text" name="text" rows="18" required\(errors.isEmpty ? .empty : HTML(" aria-invalid=\"true\" aria-describedby=\"text-error\""))>\(text ?? "")</textarea>
            <p class="hint">任务以（一）、1.、（1）等编号开头，单位写在句末括号中，如“（区人社局牵头负责，区科工局等按职责分工负责）”。</p>\(f.error(for: "text"))</div>
            <div class="actions"><button type="submit">识别</button></div></form>
            """
    }
}

/// 导入方案, step two: what was read, as one form to correct before saving.
struct PlanReviewView {
    let draft: PlanDraft
    let units: [PlanUnitMatch]
    let departments: [PlanUnits.Department]
    let errors: [FieldError]
    let csrf: HTML

    var html: HTML {
        """
        <h1>核对方案</h1>
        <p>请逐项核对识别结果：可修改名称、目标、任务、牵头和配合单位（以顿号分隔）、完成时限，不需要的勾选“删除”。</p>
        \(PlanPreviewForm.render(draft, units: units, departments: departments, errors: errors, csrf: csrf))
        """
    }
}
