import Foundation

/// Checks a rule draft and normalises its values. Every error names where it is (`rule.all[1].op`)
/// and says in Chinese what is wrong with which condition, so the editor can show it on its row and an
/// integrator can find it in the JSON.
public struct EligibilityRuleParser: Sendable {
    /// Tag names in use (built in and added by admins).
    public let knownTags: Set<String>
    /// The org tree, for `orgUnit` conditions, which may name units by id or by name.
    public let tree: OrgTree?

    public static let maxConditions = 50
    public static let maxDepth = 6
    public static let maxListedEnterprises = 5_000

    public init(knownTags: Set<String>, tree: OrgTree?) {
        self.knownTags = knownTags
        self.tree = tree
    }

    /// The rule, or every problem found in it. `field` is the name of the rule in the request.
    public func parse(_ draft: EligibilityRuleDraft?, field: String = "rule") -> Result<
        EligibilityRule, ValidationFailure
    > {
        guard let draft else { return .success(.everyone) }
        var v = Validator()
        var count = 0
        let rule = parse(draft, path: field, label: "申报条件", depth: 0, count: &count, into: &v)
        if count > Self.maxConditions {
            v.fail(field, "申报条件最多\(Self.maxConditions)条，现有\(count)条")
        }
        if let rule, v.errors.isEmpty { return .success(rule) }
        return .failure(ValidationFailure(v.errors))
    }

    private func parse(
        _ d: EligibilityRuleDraft, path: String, label: String, depth: Int, count: inout Int, into v: inout Validator
    ) -> EligibilityRule? {
        for key in d.unknownKeys {
            v.fail("\(path).\(key)", "\(label)：无法识别的键“\(key)”，可用的键为 all、any、not、field、op、values")
        }
        guard depth < Self.maxDepth else {
            v.fail(path, "\(label)：条件嵌套不能超过\(Self.maxDepth)层")
            return nil
        }
        let shapes = [d.all != nil, d.any != nil, d.not != nil, d.field != nil || d.op != nil || d.values != nil]
        guard shapes.filter({ $0 }).count == 1 else {
            v.fail(path, "\(label)：应为一个条件（field、op、values）或一个条件组（all、any、not）之一")
            return nil
        }
        if let rules = d.all ?? d.any {
            let key = d.all != nil ? "all" : "any"
            if rules.isEmpty && key == "any" {
                v.fail("\(path).any", "\(label)：“满足任一”至少要有一条条件")
                return nil
            }
            var parsed: [EligibilityRule] = []
            for (index, rule) in rules.enumerated() {
                let childLabel = depth == 0 ? "第\(index + 1)条条件" : "\(label)中的第\(index + 1)条"
                if let r = parse(
                    rule, path: "\(path).\(key)[\(index)]", label: childLabel, depth: depth + 1, count: &count,
                    into: &v)
                {
                    parsed.append(r)
                }
            }
            guard parsed.count == rules.count else { return nil }
            return key == "all" ? .all(parsed) : .any(parsed)
        }
        if let inner = d.not {
            return parse(inner, path: "\(path).not", label: label, depth: depth + 1, count: &count, into: &v).map {
                .not($0)
            }
        }
        count += 1
        return condition(d, path: path, label: label, into: &v).map { .condition($0) }
    }

    private func condition(_ d: EligibilityRuleDraft, path: String, label: String, into v: inout Validator)
        -> EligibilityCondition?
    {
        let fieldNames = EligibilityField.allCases.map(\.chineseName).joined(separator: "、")
        guard let name = d.field, !name.isEmpty else {
            v.fail("\(path).field", "\(label)：请选择条件字段（\(fieldNames)）")
            return nil
        }
        guard
            let field = EligibilityField(rawValue: name)
                ?? EligibilityField.allCases.first(where: { $0.chineseName == name })
        else {
            v.fail("\(path).field", "\(label)：无法识别的条件字段“\(name)”，可用的字段为：\(fieldNames)")
            return nil
        }
        let allowed = field.operators
        // No operator (or the editor's blank “默认”) means the field's usual one.
        let opName = d.op.flatMap { $0.isEmpty ? nil : $0 } ?? allowed[0].rawValue
        guard let op = EligibilityOperator(rawValue: opName) ?? allowed.first(where: { $0.chineseName == opName })
        else {
            v.fail(
                "\(path).op",
                "\(label)：无法识别的运算“\(opName)”，\(field.chineseName)可用：\(allowed.map(\.chineseName).joined(separator: "、"))"
            )
            return nil
        }
        guard allowed.contains(op) else {
            v.fail(
                "\(path).op",
                "\(label)：\(field.chineseName)不能用“\(op.chineseName)”，可用：\(allowed.map(\.chineseName).joined(separator: "、"))"
            )
            return nil
        }
        let texts = (d.values ?? []).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty
        }
        let valuesPath = "\(path).values"
        let limit = field == .enterprise ? Self.maxListedEnterprises : 200
        guard !texts.isEmpty else {
            v.fail(valuesPath, "\(label)：请填写\(field.chineseName)的值（\(field.hint)）")
            return nil
        }
        guard texts.count <= limit else {
            v.fail(valuesPath, "\(label)：\(field.chineseName)最多填\(limit)个值")
            return nil
        }
        switch op {
        case .atLeast, .atMost, .is:
            guard texts.count == 1 else {
                v.fail(valuesPath, "\(label)：“\(op.chineseName)”只填一个值")
                return nil
            }
        case .between:
            guard texts.count == 2 else {
                v.fail(valuesPath, "\(label)：“介于”要填两个值（下限和上限）")
                return nil
            }
        default: break
        }
        var normalised: [String] = []
        for text in texts {
            guard let value = normalise(text, field) else {
                v.fail(valuesPath, "\(label)：\(field.chineseName)的值“\(text)”无法识别（\(field.hint)）")
                return nil
            }
            if !normalised.contains(value) || op == .between { normalised.append(value) }
        }
        if op == .between, let low = Int64(normalised[0]), let high = Int64(normalised[1]), low > high {
            v.fail(valuesPath, "\(label)：\(field.chineseName)的下限不能大于上限")
            return nil
        }
        return EligibilityCondition(field: field, op: op, values: normalised)
    }

    /// The stored form of one value, or nil when it means nothing for the field.
    private func normalise(_ text: String, _ field: EligibilityField) -> String? {
        switch field {
        case .industry: return Industry.resolve(text)?.code
        case .scale: return EnterpriseScale.parse(text)?.rawValue
        case .tag:
            let name = EnterpriseTags.aliases[text] ?? text
            return knownTags.contains(name) ? name : nil
        case .region: return Region.resolve(text)?.code
        case .orgUnit:
            guard let tree else { return nil }
            if let id = UUID(uuidString: text), tree[id] != nil { return id.uuidString }
            let named = tree.nodes.values.filter { $0.name == text }
            return named.count == 1 ? named[0].id.uuidString : nil
        case .yearsRegistered:
            guard let years = Int64(text), (0...200).contains(years) else { return nil }
            return String(years)
        case .employees:
            guard let count = Int64(text), (0...10_000_000).contains(count) else { return nil }
            return String(count)
        case .revenue: return Amount(wan: text).map { String($0.fen) }
        case .whitelisted:
            switch text {
            case "true", "是", "1": return "true"
            case "false", "否", "0": return "false"
            default: return nil
            }
        case .enterprise:
            let code = text.uppercased()
            return CreditCode.problem(with: code) == nil ? code : nil
        }
    }
}
