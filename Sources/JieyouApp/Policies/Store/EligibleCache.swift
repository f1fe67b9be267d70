import Foundation
import JieyouDomain
import SQLKit

/// The enterprises that qualify for a policy under a scope, kept between requests while nothing they
/// depend on has changed: the registry (its change counter, see `CountRegistryChanges`), the org tree
/// (its version), the policy's rule and the day. A province's policy is 200,000 enterprises to read;
/// paging through its eligible list or looking twice then costs one counter read. Deliveries are not
/// kept: they change with every push and are read fresh.
///
/// Only reads outside a transaction may use it: a counter read inside a transaction that then rolls
/// back would be reused by the next writer for different rows.
enum EligibleCache {
    struct Key: Hashable {
        let databaseID: String
        let registryVersion: Int64
        let treeVersion: Int64
        let policy: UUID
        let rule: String
        let root: UUID
        let day: LocalDate
    }

    /// Kept lists hold at most this many enterprises together (a province's few broad policies).
    static let capacity = 600_000

    private static let store = Store()

    /// The key for `policy` under `root` as the database stands now.
    static func key(policy: PolicyRecord, root: UUID, day: LocalDate, on sql: any SQLDatabase) async throws -> Key? {
        guard
            let row = try await sql.raw(
                """
                SELECT o.database_id, o.version AS tree_version, r.version AS registry_version
                FROM org_tree_version o, registry_version r WHERE o.id = 1 AND r.id = 1
                """
            ).first()
        else { return nil }
        return Key(
            databaseID: try row.decode(column: "database_id", as: String.self),
            registryVersion: try row.decode(column: "registry_version", as: Int64.self),
            treeVersion: try row.decode(column: "tree_version", as: Int64.self), policy: policy.id,
            rule: policy.rule, root: root, day: day)
    }

    static func eligible(for key: Key) -> [EnterpriseFacts]? { store.get(key) }

    static func keep(_ eligible: [EnterpriseFacts], for key: Key) { store.put(eligible, for: key) }

    private final class Store: @unchecked Sendable {
        private let lock = NSLock()
        private var lists: [Key: [EnterpriseFacts]] = [:]
        /// Oldest first, for eviction.
        private var order: [Key] = []
        private var held = 0

        func get(_ key: Key) -> [EnterpriseFacts]? { lock.withLock { lists[key] } }

        func put(_ list: [EnterpriseFacts], for key: Key) {
            guard list.count <= EligibleCache.capacity else { return }
            lock.withLock {
                if let old = lists.removeValue(forKey: key) {
                    held -= old.count
                    order.removeAll { $0 == key }
                }
                // A newer counter makes every older entry of the database unreachable: drop them now.
                for stale in order
                where stale.databaseID == key.databaseID
                    && (stale.registryVersion != key.registryVersion || stale.treeVersion != key.treeVersion
                        || stale.day != key.day)
                {
                    held -= lists.removeValue(forKey: stale)?.count ?? 0
                }
                order.removeAll { lists[$0] == nil }
                while held + list.count > EligibleCache.capacity, !order.isEmpty {
                    held -= lists.removeValue(forKey: order.removeFirst())?.count ?? 0
                }
                lists[key] = list
                order.append(key)
                held += list.count
            }
        }
    }
}
