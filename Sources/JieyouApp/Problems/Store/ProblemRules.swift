import Foundation
import JieyouDomain
import SQLKit

/// What a unit's problems are held to: the official calendar, the time limits that the unit and the
/// units above it set (PRODUCT.md §3, "configurable per org"), and the sub-categories they added.
enum ProblemRules {
    /// The workflow for problems in `unit`'s ledger.
    static func workflow(
        for unit: UUID, tree: OrgTree? = nil, calendar: WorkCalendar, on sql: any SQLDatabase
    ) async throws -> ProblemWorkflow {
        ProblemWorkflow(calendar: calendar, limits: try await limits(for: unit, tree: tree, on: sql))
    }

    /// The limits in force in `unit`. A caller that holds the tree passes it, sparing a query.
    static func limits(for unit: UUID, tree: OrgTree? = nil, on sql: any SQLDatabase) async throws
        -> ProblemTimeLimits
    {
        let lineage: [UUID]
        if let tree {
            lineage = tree.lineage(of: unit).map(\.id)
        } else {
            lineage = try await OrgDirectory.tree(on: sql).lineage(of: unit).map(\.id)
        }
        let settings = try await overrides(of: lineage, on: sql)
        return ProblemTimeLimits.inForce(
            lineage: lineage.reversed().map { settings[$0] ?? .init() },
            subCategories: try await ProblemCategoryStore.subCategories(of: lineage, on: sql))
    }

    /// What each of `units` sets for itself.
    static func overrides(of units: [UUID], on sql: any SQLDatabase) async throws
        -> [UUID: ProblemTimeLimits.Overrides]
    {
        guard !units.isEmpty else { return [:] }
        struct Row: Decodable {
            let orgUnitId: UUID
            let name: String
            let value: String
        }
        let rows = try await sql.raw(
            """
            SELECT org_unit_id, name, value FROM org_settings
            WHERE org_unit_id IN (\(binds: units)) AND name LIKE \(bind: ProblemTimeLimits.Overrides.settingPrefix + "%")
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        return Dictionary(grouping: rows, by: \.orgUnitId).mapValues { rows in
            ProblemTimeLimits.Overrides(
                settings: Dictionary(rows.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }))
        }
    }
}
