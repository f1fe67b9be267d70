import Fluent
import Foundation
import JieyouDomain

/// Loads the org tree. It is small even for a province (a few hundred units), so scope checks load it
/// whole rather than walking parents one query at a time.
enum OrgDirectory {
    static func tree(on database: any Database) async throws -> OrgTree {
        let units = try await OrgUnitModel.query(on: database).all()
        return OrgTree(units.map(\.node))
    }

    /// The ids of every unit `actor` reaches (its own unit and everything below).
    static func scope(of actor: Actor, in tree: OrgTree) -> [UUID] {
        Array(tree.subtree(of: actor.orgUnitID))
    }
}
