import Foundation
import JieyouDomain

/// The eligibility rule editor of the policy form: rows of 字段 / 运算 / 值 with an 排除 box, joined by
/// 全部满足 or 满足任一. A policy officer picks from lists and types values as words (制造业、规上);
/// nothing to learn about syntax. A rule too deep for rows (sent through the API with nested groups)
/// is shown as its JSON instead, still editable.
struct RuleEditor {
    /// One row as the form posts it.
    struct Row: Codable, Sendable {
        var field: String?
        var op: String?
        var values: String?
        var negate: String?

        var isBlank: Bool {
            (field ?? "").isEmpty && (values ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }

    static let blankRows = 3

    /// The rows and join of a stored rule, or nil when it does not fit rows.
    static func rows(of rule: EligibilityRule) -> (mode: String, rows: [Row])? {
        func row(_ rule: EligibilityRule) -> Row? {
            switch rule {
            case .condition(let c): return Row(field: c.field.rawValue, op: c.op.rawValue, values: text(c), negate: nil)
            case .not(.condition(let c)):
                return Row(field: c.field.rawValue, op: c.op.rawValue, values: text(c), negate: "true")
            default: return nil
            }
        }
        switch rule {
        case .all(let rules), .any(let rules):
            let rows = rules.compactMap(row)
            guard rows.count == rules.count else { return nil }
            if case .any = rule { return ("any", rows) }
            return ("all", rows)
        default:
            return row(rule).map { ("all", [$0]) }
        }
    }

    /// A condition's values as the form shows them: names rather than codes.
    private static func text(_ c: EligibilityCondition) -> String {
        let names: [String] = c.values.map { value in
            switch c.field {
            case .industry: Industry.byCode[value]?.name ?? value
            case .scale: EnterpriseScale(rawValue: value)?.chineseName ?? value
            case .region: Region.byCode[value]?.name ?? value
            case .revenue: Amount(fen: Int64(value) ?? 0).wan
            case .whitelisted: value == "true" ? "是" : "否"
            default: value
            }
        }
        return names.joined(separator: "、")
    }

    /// The draft the rows describe (blank rows skipped), for the parser to check.
    static func draft(mode: String?, rows: [Row]) -> EligibilityRuleDraft {
        let conditions = rows.filter { !$0.isBlank }.map { row -> EligibilityRuleDraft in
            let values = (row.values ?? "").split(whereSeparator: { "、,，;；\n\r".contains($0) }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let condition = EligibilityRuleDraft(field: row.field ?? "", op: row.op, values: values)
            return row.negate == "true" ? EligibilityRuleDraft(not: condition) : condition
        }
        return mode == "any" && !conditions.isEmpty
            ? EligibilityRuleDraft(any: conditions) : EligibilityRuleDraft(all: conditions)
    }

    let mode: String
    let rows: [Row]
    /// Set when the rule is edited as JSON.
    let json: String?
    let errors: [FieldError]

    func render() -> HTML {
        let ruleErrors = errors.filter { $0.field == "rule" || $0.field.hasPrefix("rule.") }
        let errorList: HTML =
            ruleErrors.isEmpty
            ? .empty
            : "<p class=\"field-error\" id=\"rule-error\">\(ruleErrors.map(\.message).joined(separator: "；"))</p>"
        if let json {
            return """
                <fieldset class="field"><legend>申报条件（JSON）</legend>
                <p class="hint">此规则含嵌套的条件组，以 JSON 编辑；字段、运算和取值见接口文档。</p>
                <textarea name="ruleJSON" rows="8" data-testid="rule-json">\(json)</textarea>\(errorList)</fieldset>
                """
        }
        let fields = EligibilityField.allCases.map { ($0.rawValue, $0.chineseName) }
        let ops = EligibilityOperator.allCases.map { ($0.rawValue, $0.chineseName) }
        let shown = rows + Array(repeating: Row(), count: Self.blankRows)
        let lines = shown.enumerated().map { index, row -> HTML in
            func options(_ list: [(String, String)], _ selected: String?, blank: String) -> HTML {
                let choices = list.map { value, label -> HTML in
                    "<option value=\"\(value)\"\(value == selected ? HTML(" selected") : .empty)>\(label)</option>"
                }
                return "<option value=\"\">\(blank)</option>\(choices)"
            }
            return """
                <tr><td>\(index + 1)</td>
                <td><select name="conditions[\(index)][field]" aria-label="第\(index + 1)条条件的字段">\(options(fields, row.field, blank: "（不用）"))</select></td>
                <td><select name="conditions[\(index)][op]" aria-label="第\(index + 1)条条件的运算">\(options(ops, row.op, blank: "（默认）"))</select></td>
                <td><input name="conditions[\(index)][values]" value="\(row.values ?? "")" aria-label="第\(index + 1)条条件的值" placeholder="如：制造业、医药制造业"></td>
                <td><label class="check"><input type="checkbox" name="conditions[\(index)][negate]" value="true"\(row.negate == "true" ? HTML(" checked") : .empty)> 排除</label></td></tr>
                """
        }
        let hints = EligibilityField.allCases.map { field -> HTML in
            "<li><b>\(field.chineseName)</b>（\(field.operators.map(\.chineseName).joined(separator: "、"))）：\(field.hint)</li>"
        }
        return """
            <fieldset class="field rule-editor" data-testid="rule-editor"><legend>申报条件</legend>
            <p><label class="check"><input type="radio" name="ruleMode" value="all"\(mode != "any" ? HTML(" checked") : .empty)> 全部满足</label>
            <label class="check"><input type="radio" name="ruleMode" value="any"\(mode == "any" ? HTML(" checked") : .empty)> 满足任一</label></p>
            <div class="table-wrap"><table><thead><tr><th>#</th><th>字段</th><th>运算</th><th>值（多个用顿号分开）</th><th></th></tr></thead>
            <tbody>\(lines)</tbody></table></div>\(errorList)
            <details><summary>各字段怎么填</summary><ul class="hint">\(hints)</ul>
            <p class="hint">不填任何条件即面向本单位全部企业。“排除”表示不符合该条件的企业才符合政策。</p></details>
            </fieldset>
            """
    }
}
