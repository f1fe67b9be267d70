import Foundation
import JieyouDomain
import SQLKit

/// A rule as a SQL condition on `enterprises e`, so the database hands over only the enterprises that
/// can match instead of the whole registry (a province is 200,000). The condition is a superset of the
/// rule: what SQL cannot say exactly (years since registration, a negation, whose NULLs SQL and the
/// rule treat differently) is left as TRUE, and the domain's evaluator still decides every row.
enum EligibilitySQL {
    static func condition(_ rule: EligibilityRule, tree: OrgTree) -> SQLQueryString? {
        switch rule {
        case .all(let rules):
            let parts = rules.compactMap { condition($0, tree: tree) }
            return parts.isEmpty ? nil : "(\(parts.joined(separator: " AND ")))"
        case .any(let rules):
            var parts: [SQLQueryString] = []
            for rule in rules {
                // One branch that SQL cannot narrow lets every row through.
                guard let part = condition(rule, tree: tree) else { return nil }
                parts.append(part)
            }
            return parts.isEmpty ? nil : "(\(parts.joined(separator: " OR ")))"
        case .not: return nil
        case .condition(let c): return condition(c, tree: tree)
        }
    }

    private static func condition(_ c: EligibilityCondition, tree: OrgTree) -> SQLQueryString? {
        switch c.field {
        case .industry:
            let codes = Set(c.values).union(
                Industry.divisions.filter { c.values.contains($0.sectionCode ?? "") }.map(\.code))
            return "e.industry_code IN (\(binds: codes.sorted()))"
        case .scale: return "e.scale IN (\(binds: c.values))"
        case .region:
            let codes = Set(c.values).union(Region.hunan.filter { c.values.contains($0.cityCode ?? "") }.map(\.code))
            return "e.region_code IN (\(binds: codes.sorted()))"
        case .tag:
            if c.op == .hasAll {
                let each = c.values.map { tag -> SQLQueryString in
                    "EXISTS (SELECT 1 FROM enterprise_tags t WHERE t.enterprise_id = e.id AND t.tag = \(bind: tag))"
                }
                return "(\(each.joined(separator: " AND ")))"
            }
            return "e.id IN (SELECT t.enterprise_id FROM enterprise_tags t WHERE t.tag IN (\(binds: c.values)))"
        case .orgUnit:
            let units = c.values.compactMap(UUID.init(uuidString:)).flatMap { tree.subtree(of: $0) }
            return units.isEmpty ? "1 = 0" : "e.org_unit_id IN (\(binds: Array(Set(units))))"
        case .revenue: return bounds("e.revenue_fen", c)
        case .employees: return bounds("e.employees", c)
        case .whitelisted: return "e.whitelisted = \(bind: c.values.first == "true")"
        case .enterprise: return "e.credit_code IN (\(binds: c.values))"
        case .yearsRegistered: return nil
        }
    }

    private static func bounds(_ column: String, _ c: EligibilityCondition) -> SQLQueryString? {
        let values = c.values.compactMap { Int64($0) }
        switch c.op {
        case .atLeast: return values.first.map { "\(unsafeRaw: column) >= \(bind: $0)" }
        case .atMost: return values.first.map { "\(unsafeRaw: column) <= \(bind: $0)" }
        case .between where values.count == 2:
            return "\(unsafeRaw: column) >= \(bind: values[0]) AND \(unsafeRaw: column) <= \(bind: values[1])"
        default: return nil
        }
    }
}
