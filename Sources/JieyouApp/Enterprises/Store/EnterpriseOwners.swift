import Foundation
import JieyouDomain
import SQLKit

/// The org unit each enterprise belongs to: how services check that enterprise ids a client sent
/// exist and sit inside the subtree being written to.
enum EnterpriseOwners {
    static func load(_ ids: [UUID], on sql: any SQLDatabase) async throws -> [UUID: UUID] {
        var owners: [UUID: UUID] = [:]
        for chunk in ids.chunked(into: 400) {
            for row in try await sql.raw("SELECT id, org_unit_id FROM enterprises WHERE id IN (\(binds: Array(chunk)))")
                .all()
            {
                owners[try row.decode(column: "id", as: UUID.self)] = try row.decode(
                    column: "org_unit_id", as: UUID.self)
            }
        }
        return owners
    }

    /// The positions in `ids` of enterprises that do not exist or sit outside `unit`'s subtree.
    static func outside(_ ids: [UUID], owners: [UUID: UUID], unit: UUID, tree: OrgTree) -> [Int] {
        ids.indices.filter { index in
            guard let owner = owners[ids[index]] else { return true }
            return !tree.isWithin(owner, subtreeOf: unit)
        }
    }
}
