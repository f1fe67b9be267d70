import Foundation
import JieyouDomain

/// 登记 / 修改双公示信息: the standard's items for the record's kind, in the standard's order.
struct CreditFormView {
    let form: CreditWeb.Form
    let row: CreditStore.Row?
    let errors: [FieldError]
    let csrf: HTML
    let departments: [(value: String, label: String)]

    private var kind: CreditDecisionKind { form.kind.flatMap(CreditDecisionKind.init(rawValue:)) ?? .penalty }

    var html: HTML {
        let f = FormFields(errors: errors)
        let categories = CounterpartyCategory.allCases.map { ($0.rawValue, $0.chineseName) }
        let action = row.map { SiteURL.creditRecord(.value($0.id)).path } ?? SiteURL.credit.path
        let title = "\(row == nil ? "登记" : "修改")\(kind.chineseName)信息"
        return """
            <h1>\(title)</h1>
            <form method="post" action="\(action)" class="card" data-testid="credit-form">
            \(csrf)\(f.summary)
            <input type="hidden" name="kind" value="\(kind.rawValue)">
            \(row == nil ? f.select("departmentId", "作出决定的部门", options: departments, selected: form.departmentId, required: true) : .empty)
            <h2>行政相对人</h2>
            \(f.text("counterpartyName", "行政相对人名称", value: form.counterpartyName, required: true))
            \(f.select("counterpartyCategory", "行政相对人类别", options: categories, selected: form.counterpartyCategory, required: true, blank: nil))
            \(f.text("creditCode", "统一社会信用代码", value: form.creditCode, hint: "法人及非法人组织、个体工商户必填；自然人不填，本系统不保存身份证件号码", extra: " maxlength=\"18\" autocapitalize=\"characters\""))
            \(f.text("legalRepresentative", "法定代表人", value: form.legalRepresentative, hint: "仅法人及非法人组织填写；公示页面不显示"))
            <h2>决定</h2>
            \(f.text("documentNumber", kind == .licence ? "行政许可决定文书号" : "行政处罚决定书文号", value: form.documentNumber, required: true))
            \(kind == .licence ? licence(f) : penalty(f))
            \(f.text("decidedOn", kind == .licence ? "许可决定日期" : "处罚决定日期", value: form.decidedOn, type: "date", required: true))
            \(f.text("validFrom", "有效期自", value: form.validFrom, type: "date", hint: "不填则为决定日期"))
            \(f.text("validUntil", "有效期至", value: form.validUntil, type: "date", hint: kind == .licence ? "许可信息公示至有效期届满；无有效期的公示三年" : "处罚决定的有效期（如暂扣期限）"))
            \(f.text("authority", kind == .licence ? "许可机关" : "处罚机关", value: form.authority, required: true))
            \(f.text("authorityCode", kind == .licence ? "许可机关统一社会信用代码" : "处罚机关统一社会信用代码", value: form.authorityCode, extra: " maxlength=\"18\""))
            \(row == nil ? f.checkbox("publish", "保存后立即公示", checked: form.publish == "true") : .empty)
            <div class="actions"><button type="submit">保存</button><a class="button secondary" href="\(row.map { SiteURL.creditRecord(.value($0.id)).path } ?? SiteURL.credit.path)">取消</a></div>
            </form>
            """
    }

    private func licence(_ f: FormFields) -> HTML {
        let categories = LicenceCategory.allCases.map { ($0.rawValue, $0.chineseName) }
        return """
            \(f.select("licenceCategory", "许可类别", options: categories, selected: form.licenceCategory, required: true))
            \(textarea(f, "licenceContent", "许可内容", required: true))
            \(f.text("licenceNumber", "许可编号", value: form.licenceNumber))
            """
    }

    private func penalty(_ f: FormFields) -> HTML {
        let categories = PenaltyCategory.allCases.map { ($0.rawValue, $0.chineseName) }
        let severities = CreditSeverity.allCases.map {
            (
                $0.rawValue,
                "\($0.chineseName)（最短公示\(CreditPublication.shortestMonths($0) >= 12 ? "\(CreditPublication.shortestMonths($0) / 12)年" : "\(CreditPublication.shortestMonths($0))个月")，最长\(CreditPublication.longestMonths($0) / 12)年）"
            )
        }
        return """
            \(f.text("violationType", "违法行为类型", value: form.violationType, required: true))
            \(textarea(f, "violationFacts", "违法事实", required: true))
            \(textarea(f, "penaltyBasis", "处罚依据", required: true))
            \(f.checkboxes("penaltyCategories", "处罚类别", options: categories, selected: Set(form.penaltyCategories ?? [])))
            \(textarea(f, "penaltyContent", "处罚内容", required: true))
            \(f.text("fineWan", "罚款金额（万元）", value: form.fineWan, extra: " inputmode=\"decimal\""))
            \(f.text("confiscatedWan", "没收违法所得、没收非法财物的金额（万元）", value: form.confiscatedWan, extra: " inputmode=\"decimal\""))
            \(f.select("severity", "失信程度", options: severities, selected: form.severity, required: true))
            """
    }

    private func textarea(_ f: FormFields, _ field: String, _ label: String, required: Bool) -> HTML {
        let value: String? =
            switch field {
            case "licenceContent": form.licenceContent
            case "violationFacts": form.violationFacts
            case "penaltyBasis": form.penaltyBasis
            default: form.penaltyContent
            }
        let invalid: HTML =
            errors.contains { $0.field == field }
            ? " aria-invalid=\"true\" aria-describedby=\"\(field)-error\"" : .empty
        return """
            <div class="field"><label for="\(field)">\(label)\(required ? HTML("<span class=\"req\">*</span>") : .empty)</label>
            <textarea id="\(field)" name="\(field)" rows="3"\(required ? HTML(" required") : .empty)\(invalid)>\(value ?? "")</textarea>\(f.error(for: field))</div>
            """
    }
}
