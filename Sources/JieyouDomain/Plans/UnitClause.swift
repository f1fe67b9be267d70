import Foundation

/// Who answers for a task, as the clause at the end of its paragraph says:
/// （区人社局牵头负责，区科工局、祝丰镇等按职责分工负责）, （牵头单位：区教育局）,
/// （区发改局、区行政审批局牵头，区财政局等按职责分工负责） or, with no lead named,
/// （区财政局、区发改局、区科工局等按职责分工负责）.
public struct UnitClause: Hashable, Sendable, Codable {
    public var leadUnits: [String]
    public var coUnits: [String]
    /// True when the clause names no lead and the first unit listed was taken as the lead, as such
    /// documents intend ("排在首位的为牵头单位"); the preview asks the dispatcher to confirm it.
    public var leadInferred: Bool
    /// Groups that are not one unit: 区直有关单位, 区安委会相关成员单位, 各行政执法主管部门.
    public var groups: [String]

    public init(leadUnits: [String] = [], coUnits: [String] = [], leadInferred: Bool = false, groups: [String] = []) {
        self.leadUnits = leadUnits
        self.coUnits = coUnits
        self.leadInferred = leadInferred
        self.groups = groups
    }

    public var isEmpty: Bool { leadUnits.isEmpty && coUnits.isEmpty && groups.isEmpty }

    /// Whether `clause` (canonical text, without its parentheses) says who is responsible at all.
    public static func isUnitClause(_ clause: String) -> Bool {
        clause.has("牵头") || clause.has("负责") || clause.has("配合单位")
    }

    /// Parses a clause; nil when it does not name anyone responsible.
    public static func parse(_ clause: String) -> UnitClause? {
        let clause = clause.removing(" ")
        guard isUnitClause(clause) else { return nil }
        var result = UnitClause()
        for part in PlanText.split(clause, at: ["，", "；", "。"]) {
            if let range = part.find("牵头单位：") ?? part.find("牵头单位") {
                result.add(names(String(part[range.upperBound...])), lead: true)
            } else if let range = part.find("配合单位：") ?? part.find("责任单位：") {
                result.add(names(String(part[range.upperBound...])), lead: false)
            } else if let range = part.find("牵头") {
                result.add(names(String(part[..<range.lowerBound])), lead: true)
            } else {
                var units = part
                for suffix in ["按职责分工负责", "按职责负责", "配合", "参与", "负责"] where units.hasSuffix(suffix) {
                    units = String(units.dropLast(suffix.count))
                    break
                }
                result.add(names(units), lead: false)
            }
        }
        result.coUnits.removeAll { result.leadUnits.contains($0) }
        if result.leadUnits.isEmpty, !result.coUnits.isEmpty {
            result.leadUnits = [result.coUnits.removeFirst()]
            result.leadInferred = true
        }
        return result.isEmpty ? nil : result
    }

    private mutating func add(_ names: [String], lead: Bool) {
        for name in names {
            if Self.isGroup(name) {
                if !groups.contains(name) { groups.append(name) }
            } else if lead {
                if !leadUnits.contains(name) { leadUnits.append(name) }
            } else if !coUnits.contains(name) {
                coUnits.append(name)
            }
        }
    }

    /// The unit names of a list such as 区科工局、区商务局（招商促进事务中心）、祝丰镇等.
    static func names(_ list: String) -> [String] {
        var list = list.trimmingSpaces
        if list.hasSuffix("等") { list.removeLast() }
        return PlanText.split(list, at: ["、"]).map(unitName).filter { !$0.isEmpty }
    }

    /// One unit's name, tidied: spaces and a trailing 等 dropped.
    static func unitName(_ raw: String) -> String {
        var name = raw.removing(" ")
        while name.hasSuffix("等") { name.removeLast() }
        return name
    }

    /// A name that stands for several units rather than one.
    static func isGroup(_ name: String) -> Bool {
        name.hasPrefix("各") || name.has("有关单位") || name.has("相关单位") || name.has("成员单位")
            || name.has("有关部门") || name.has("相关部门")
    }
}

/// Unit names as one plan spells them. 区住建局（交通局） and 区住建（交通）局 are one unit: names that
/// agree once the parenthesised part is dropped are the same unit, written as the plan writes it most.
public enum UnitNames {
    /// The key two spellings of one unit share: the name without its parenthesised parts.
    public static func key(_ name: String) -> String {
        var key = ""
        var depth = 0
        for character in PlanText.canonical(name) {
            if character == "（" {
                depth += 1
            } else if character == "）" {
                depth = max(depth - 1, 0)
            } else if depth == 0, character != " " {
                key.append(character)
            }
        }
        return key
    }

    /// For every spelling in `names` (in order of appearance, with repeats), the spelling the plan uses
    /// most for that unit; ties go to the longer (the one with the parenthesis), then the first.
    public static func canonicalSpellings(_ names: [String]) -> [String: String] {
        var counts: [String: [String: Int]] = [:]
        var order: [String: Int] = [:]
        for name in names {
            counts[key(name), default: [:]][name, default: 0] += 1
            if order[name] == nil { order[name] = order.count }
        }
        var result: [String: String] = [:]
        for spellings in counts.values {
            let best = spellings.max { a, b in
                if a.value != b.value { return a.value < b.value }
                if a.key.count != b.key.count { return a.key.count < b.key.count }
                return order[a.key]! > order[b.key]!
            }!.key
            for spelling in spellings.keys { result[spelling] = best }
        }
        return result
    }
}
