import Foundation

/// Why an enterprise does or does not qualify, in the words a cadre reads out: 符合：制造业；规上；专精特新.
public struct EligibilityVerdict: Hashable, Sendable {
    public let matched: Bool
    /// The conditions the enterprise meets (for a match, the reasons it qualifies).
    public let reasons: [String]
    /// The conditions it fails (for no match, why not).
    public let unmet: [String]

    public var summary: String {
        if matched { return reasons.isEmpty ? "符合：不限条件" : "符合：" + reasons.joined(separator: "；") }
        return "不符合：" + unmet.joined(separator: "；")
    }
}

/// A rule made ready for many enterprises: value lists become sets, and units become the set of every
/// unit below them, so `matches` is a few set lookups per condition.
public struct EligibilityEvaluator: Sendable {
    public let rule: EligibilityRule
    public let today: LocalDate
    private let compiled: Node
    private let unitNames: [UUID: String]

    private indirect enum Node: Sendable {
        case all([Node])
        case any([Node])
        /// With the negated rule in words, for the reasons.
        case not(Node, String)
        case test(EligibilityCondition, Set<String>, Set<UUID>)
    }

    /// `tree` is needed for `orgUnit` conditions; without it they match nothing.
    public init(_ rule: EligibilityRule, today: LocalDate, tree: OrgTree?) {
        self.rule = rule
        self.today = today
        var names: [UUID: String] = [:]
        func compile(_ rule: EligibilityRule) -> Node {
            switch rule {
            case .all(let rules): return .all(rules.map(compile))
            case .any(let rules): return .any(rules.map(compile))
            case .not(let inner):
                return .not(compile(inner), EligibilityDescription.rule(inner, unitName: { tree?[$0]?.name }))
            case .condition(let c):
                var units: Set<UUID> = []
                if c.field == .orgUnit, let tree {
                    for id in c.values.compactMap(UUID.init(uuidString:)) {
                        for unit in tree.subtree(of: id) {
                            units.insert(unit)
                            names[unit] = names[unit] ?? tree[id]?.name
                        }
                    }
                }
                return .test(c, Set(c.values), units)
            }
        }
        compiled = compile(rule)
        unitNames = names
    }

    /// Whether the enterprise qualifies: the fast path, with no reasons built.
    public func matches(_ e: EnterpriseFacts) -> Bool { holds(compiled, e) }

    /// Whether it qualifies, and why.
    public func explain(_ e: EnterpriseFacts) -> EligibilityVerdict {
        let (matched, met, unmet) = explain(compiled, e)
        return EligibilityVerdict(matched: matched, reasons: met, unmet: unmet)
    }

    private func holds(_ node: Node, _ e: EnterpriseFacts) -> Bool {
        switch node {
        case .all(let nodes): nodes.allSatisfy { holds($0, e) }
        case .any(let nodes): nodes.contains { holds($0, e) }
        case .not(let node, _): !holds(node, e)
        case .test(let c, let values, let units): test(c, values, units, e)
        }
    }

    private func test(_ c: EligibilityCondition, _ values: Set<String>, _ units: Set<UUID>, _ e: EnterpriseFacts)
        -> Bool
    {
        switch c.field {
        case .industry:
            guard let code = e.industryCode else { return false }
            return values.contains(code) || e.industrySection.map(values.contains) == true
        case .scale: return e.scale.map { values.contains($0.rawValue) } == true
        case .tag: return c.op == .hasAll ? values.isSubset(of: e.tags) : !values.isDisjoint(with: e.tags)
        case .region:
            guard let code = e.regionCode else { return false }
            return values.contains(code) || e.regionCity.map(values.contains) == true
        case .orgUnit: return units.contains(e.orgUnitID)
        case .yearsRegistered: return inBounds(e.yearsRegistered(on: today).map(Int64.init), c)
        case .revenue: return inBounds(e.revenue?.fen, c)
        case .employees: return inBounds(e.employees.map(Int64.init), c)
        case .whitelisted: return e.whitelisted == (c.values.first == "true")
        case .enterprise: return values.contains(e.creditCode)
        }
    }

    private func inBounds(_ value: Int64?, _ c: EligibilityCondition) -> Bool {
        guard let value else { return false }
        let (low, high) = c.bounds
        return (low.map { value >= $0 } ?? true) && (high.map { value <= $0 } ?? true)
    }

    private func explain(_ node: Node, _ e: EnterpriseFacts) -> (Bool, [String], [String]) {
        switch node {
        case .all(let nodes):
            let parts = nodes.map { explain($0, e) }
            return (parts.allSatisfy(\.0), parts.flatMap(\.1), parts.flatMap(\.2))
        case .any(let nodes):
            let parts = nodes.map { explain($0, e) }
            let matched = parts.filter(\.0)
            if matched.isEmpty { return (false, [], ["以下均不满足：" + parts.flatMap(\.2).joined(separator: "，")]) }
            return (true, matched.flatMap(\.1), [])
        case .not(.test(let c, let values, let units), _):
            // An 排除 row: said as the negation when it holds, as what the enterprise is when it fails.
            let held = test(c, values, units, e)
            let negation = EligibilityDescription.negation(c, unitName: { unitNames[$0] })
            return held ? (false, [], ["属于排除情形：\(met(c, e))"]) : (true, [negation], [])
        case .not(let inner, let words):
            return holds(inner, e) ? (false, [], ["属于排除情形：\(words)"]) : (true, ["不符合“\(words)”"], [])
        case .test(let c, let values, let units):
            let held = test(c, values, units, e)
            return held ? (true, [met(c, e)], []) : (false, [], [unmet(c, e)])
        }
    }

    /// The condition as the enterprise meets it, with the enterprise's own value.
    private func met(_ c: EligibilityCondition, _ e: EnterpriseFacts) -> String {
        switch c.field {
        case .industry:
            let code = c.values.contains(e.industryCode ?? "") ? e.industryCode : e.industrySection
            return code.flatMap { Industry.byCode[$0]?.name } ?? "行业符合"
        case .scale: return e.scale?.chineseName ?? ""
        case .tag: return c.values.filter(e.tags.contains).joined(separator: "、")
        case .region:
            let code = c.values.contains(e.regionCode ?? "") ? e.regionCode : e.regionCity
            return code.flatMap { Region.byCode[$0]?.name } ?? "市县符合"
        case .orgUnit: return unitNames[e.orgUnitID] ?? "园区符合"
        case .yearsRegistered: return "成立\(e.yearsRegistered(on: today) ?? 0)年（\(bounds(c))）"
        case .revenue: return "营业收入\(e.revenue?.wan ?? "")万元（\(bounds(c))）"
        case .employees: return "从业人员\(e.employees ?? 0)人（\(bounds(c))）"
        case .whitelisted: return e.whitelisted ? "白名单企业" : "非白名单企业"
        case .enterprise: return "列入企业名单"
        }
    }

    /// The condition as it is written, said of an enterprise that misses it.
    private func unmet(_ c: EligibilityCondition, _ e: EnterpriseFacts) -> String {
        switch c.field {
        case .yearsRegistered where e.registeredOn == nil: return "未登记成立日期"
        case .revenue where e.revenue == nil: return "未登记营业收入"
        case .employees where e.employees == nil: return "未登记从业人员"
        default: return EligibilityDescription.condition(c, unitName: { unitNames[$0] })
        }
    }

    private func bounds(_ c: EligibilityCondition) -> String {
        EligibilityDescription.bounds(c)
    }
}
