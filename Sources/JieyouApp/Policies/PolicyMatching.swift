import Foundation
import JieyouDomain
import SQLKit

/// 精准推送: a policy's rule against the registry. For a policy, the enterprises of the reader's scope
/// that qualify, with how far the policy has reached them; for an enterprise, the policies that fit it.
struct PolicyMatching {
    let sql: any SQLDatabase
    let tree: OrgTree
    let today: LocalDate

    /// One qualifying enterprise and how the policy reached it.
    struct Eligible: Sendable {
        let facts: EnterpriseFacts
        let channels: Set<DeliveryChannel>
        let acknowledged: Bool

        var delivered: Bool { !channels.isEmpty }
        /// 知晓: told in person, or acknowledged an online push.
        var known: Bool { acknowledged || channels.contains(where: \.isInPerson) }
    }

    struct Reach: Sendable {
        let eligible: [Eligible]
        var delivered: Int { eligible.filter(\.delivered).count }
        var known: Int { eligible.filter(\.known).count }
        /// 知晓率 = known ÷ eligible; nil with nobody eligible.
        var awareness: Double? { eligible.isEmpty ? nil : Double(known) / Double(eligible.count) }
    }

    func evaluator(for policy: PolicyRecord) async throws -> EligibilityEvaluator {
        let tags = Set(try await TagStore.names(on: sql))
        return EligibilityEvaluator(policy.eligibility(tags: tags, tree: tree), today: today, tree: tree)
    }

    /// The qualifying enterprises under `root` (the reader's scope within the policy's), by name.
    /// `cached` lets a read outside any transaction reuse the list while the registry, the tree, the
    /// rule and the day are unchanged (`EligibleCache`).
    func reach(of policy: PolicyRecord, under root: UUID, cached: Bool = false) async throws -> Reach {
        let units = Array(tree.subtree(of: root).intersection(tree.subtree(of: policy.orgUnitId)))
        let key = cached ? try await EligibleCache.key(policy: policy, root: root, day: today, on: sql) : nil
        let facts: [EnterpriseFacts]
        if let key, let kept = EligibleCache.eligible(for: key) {
            facts = kept
        } else {
            let evaluator = try await evaluator(for: policy)
            facts = Self.sortedByName(
                try await EnterpriseFactsStore.load(
                    units: units, narrowedBy: EligibilitySQL.condition(evaluator.rule, tree: tree), on: sql
                ).filter(evaluator.matches))
            if let key { EligibleCache.keep(facts, for: key) }
        }
        var channels: [UUID: Set<DeliveryChannel>] = [:]
        var acknowledged: Set<UUID> = []
        if !facts.isEmpty {
            for row in try await sql.raw(
                """
                SELECT enterprise_id, channel, acknowledged_at FROM policy_deliveries
                WHERE policy_id = \(bind: policy.id) AND org_unit_id IN (\(binds: units))
                """
            ).all() {
                let id = try row.decode(column: "enterprise_id", as: UUID.self)
                if let channel = DeliveryChannel(rawValue: try row.decode(column: "channel", as: String.self)) {
                    channels[id, default: []].insert(channel)
                }
                if try row.decode(column: "acknowledged_at", as: Date?.self) != nil { acknowledged.insert(id) }
            }
        }
        let eligible = facts.map {
            Eligible(facts: $0, channels: channels[$0.id] ?? [], acknowledged: acknowledged.contains($0.id))
        }
        return Reach(eligible: eligible)
    }

    /// By name in code-point order (what SQLite's BINARY collation gives), then by id. A province's
    /// policy has tens of thousands of matches, so: the UTF-8 bytes are compared (skipping the Unicode
    /// normalisation of `String <`), the id is spelled out only for equal names (`uuidString` formats
    /// through `printf`, which took a tenth of the match), and positions are sorted rather than the
    /// facts themselves, each of which moves a dozen references.
    static func sortedByName(_ facts: [EnterpriseFacts]) -> [EnterpriseFacts] {
        let names = facts.map(\.name)
        let order = facts.indices.sorted { i, j in
            if names[i].utf8.lexicographicallyPrecedes(names[j].utf8) { return true }
            if names[j].utf8.lexicographicallyPrecedes(names[i].utf8) { return false }
            return facts[i].id.uuidString < facts[j].id.uuidString
        }
        return order.map { facts[$0] }
    }

    /// A policy that fits an enterprise, with why and whether it has heard of it.
    struct Fit: Sendable {
        let policy: PolicyRecord
        let verdict: EligibilityVerdict
        let channels: Set<DeliveryChannel>
        let acknowledgedAt: Date?
    }

    /// The policies in force today that fit `enterprise`: those of its unit and the units above it.
    func policies(for enterprise: EnterpriseFacts) async throws -> [Fit] {
        let units = tree.lineage(of: enterprise.orgUnitID).map(\.id)
        let tags = Set(try await TagStore.names(on: sql))
        var delivered: [UUID: (Set<DeliveryChannel>, Date?)] = [:]
        for row in try await sql.raw(
            "SELECT policy_id, channel, acknowledged_at FROM policy_deliveries WHERE enterprise_id = \(bind: enterprise.id)"
        ).all() {
            let id = try row.decode(column: "policy_id", as: UUID.self)
            var entry = delivered[id] ?? ([], nil)
            if let channel = DeliveryChannel(rawValue: try row.decode(column: "channel", as: String.self)) {
                entry.0.insert(channel)
            }
            let acknowledged = try row.decode(column: "acknowledged_at", as: Date?.self)
            entry.1 = entry.1 ?? acknowledged
            delivered[id] = entry
        }
        return try await PolicyQueries.list(units: units, filter: PolicyFilter(), on: sql).compactMap { policy in
            guard policy.isValid(on: today) else { return nil }
            let evaluator = EligibilityEvaluator(policy.eligibility(tags: tags, tree: tree), today: today, tree: tree)
            // Reasons are worded only for the policies that fit.
            guard evaluator.matches(enterprise) else { return nil }
            let verdict = evaluator.explain(enterprise)
            let entry = delivered[policy.id]
            return Fit(policy: policy, verdict: verdict, channels: entry?.0 ?? [], acknowledgedAt: entry?.1)
        }
    }
}
