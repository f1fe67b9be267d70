import Foundation
import JieyouDomain
import SQLKit

/// The departments of a unit's subtree for a filter's select: the unit's own by name, those of the
/// units below with their unit's name after them.
enum DepartmentChoices {
    /// `ownOnly` leaves out the units below (a policy's 责任部门 is one of its own unit's).
    static func options(under unit: UUID, tree: OrgTree, ownOnly: Bool = false, on sql: any SQLDatabase) async throws
        -> [(String, String)]
    {
        struct Row: Decodable {
            let id: UUID
            let name: String
            let orgUnitId: UUID
        }
        let rows = try await sql.raw(
            """
            SELECT id, name, org_unit_id FROM departments WHERE org_unit_id IN (\(binds: ownOnly ? [unit] : Array(tree.subtree(of: unit))))
            ORDER BY name LIMIT 500
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        return rows.map { row in
            let name = row.orgUnitId == unit ? row.name : "\(row.name)（\(tree[row.orgUnitId]?.name ?? "")）"
            return (row.id.uuidString.lowercased(), name)
        }
    }
}
