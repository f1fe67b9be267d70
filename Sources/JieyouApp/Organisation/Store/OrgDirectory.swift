import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// The org tree, kept in memory. Every request needs it for scope checks, and decoding hundreds of
/// Fluent models per request would cost milliseconds, so each database's tree is cached under the
/// version counter that `OrgUnitService` bumps in the same transaction as any change: a request reads
/// one counter row, and reloads the tree only when some instance changed it.
enum OrgDirectory {
    private static let cache = TreeCache()

    static func tree(on database: any Database) async throws -> OrgTree {
        try await tree(on: database.sql)
    }

    /// The tree, once `actor` is known to manage `unit` (its admin, or an admin above); otherwise `what`
    /// is not found, as a unit beyond one's reach is not told apart from one that does not exist.
    static func tree(managing unit: UUID, by actor: Actor, what: String = "组织", on database: any Database)
        async throws -> OrgTree
    {
        let tree = try await tree(on: database)
        guard tree[unit] != nil, AccessPolicy.may(actor, .manageOrganisation, at: unit, in: tree) else {
            throw AppError.notFound(what)
        }
        return tree
    }

    static func tree(on sql: any SQLDatabase) async throws -> OrgTree {
        guard let stamp = try await sql.raw("SELECT database_id, version FROM org_tree_version WHERE id = 1").first()
        else { throw AppError(status: .internalServerError, code: "internal", message: "组织版本记录缺失") }
        let databaseID = try stamp.decode(column: "database_id", as: String.self)
        let version = try stamp.decode(column: "version", as: Int64.self)
        if let tree = cache.tree(for: databaseID, version: version) { return tree }
        let tree = try await uncachedTree(on: sql)
        cache.store(tree, for: databaseID, version: version)
        return tree
    }

    /// The tree as `database` sees it now, bypassing the cache: for a transaction that has just changed
    /// the tree, whose version number is reused if it rolls back and so must never enter the cache.
    static func uncachedTree(on database: any Database) async throws -> OrgTree {
        try await uncachedTree(on: database.sql)
    }

    static func uncachedTree(on sql: any SQLDatabase) async throws -> OrgTree {
        let rows = try await sql.raw("SELECT id, parent_id, level, name FROM org_units")
            .all()
        return OrgTree(
            try rows.map { row in
                OrgTree.Node(
                    id: try row.decode(column: "id", as: UUID.self),
                    parentID: try row.decode(column: "parent_id", as: UUID?.self),
                    level: OrgLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .park,
                    name: try row.decode(column: "name", as: String.self))
            })
    }

    /// Marks the tree changed; call inside the transaction that changes an org unit.
    static func bumpVersion(on database: any Database) async throws {
        try await database.sql.raw("UPDATE org_tree_version SET version = version + 1 WHERE id = 1")
            .run()
    }

    /// The ids of every unit `actor` reaches (its own unit and everything below).
    static func scope(of actor: Actor, in tree: OrgTree) -> [UUID] {
        Array(tree.subtree(of: actor.orgUnitID))
    }

    private final class TreeCache: @unchecked Sendable {
        private let lock = NSLock()
        private var trees: [String: (version: Int64, tree: OrgTree)] = [:]

        func tree(for databaseID: String, version: Int64) -> OrgTree? {
            lock.withLock {
                guard let entry = trees[databaseID], entry.version == version else { return nil }
                return entry.tree
            }
        }

        func store(_ tree: OrgTree, for databaseID: String, version: Int64) {
            lock.withLock { trees[databaseID] = (version, tree) }
        }
    }
}

extension OrgDirectory {
    /// A department's name and unit.
    static func department(_ id: UUID, on sql: any SQLDatabase) async throws -> (name: String, orgUnitID: UUID)? {
        guard let row = try await sql.raw("SELECT name, org_unit_id FROM departments WHERE id = \(bind: id)").first()
        else { return nil }
        return (try row.decode(column: "name", as: String.self), try row.decode(column: "org_unit_id", as: UUID.self))
    }
}
