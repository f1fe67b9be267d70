import Foundation
import JieyouDomain
import SQLKit

/// Reads the registry as `EnterpriseFacts` for the eligibility rules: one query for the enterprises of
/// some units and one for their tags, decoded column by column (a province is 200,000 rows, and keyed
/// decoding would be most of the time).
enum EnterpriseFactsStore {
    /// The enterprises of `units`; with `narrowedBy` (see `EligibilitySQL`) only those that can match.
    static func load(units: [UUID], narrowedBy extra: SQLQueryString? = nil, on sql: any SQLDatabase) async throws
        -> [EnterpriseFacts]
    {
        guard !units.isEmpty else { return [] }
        let scope: SQLQueryString = "e.org_unit_id IN (\(binds: units))"
        return try await load(where: extra.map { "\(scope) AND \($0)" } ?? scope, on: sql)
    }

    static func load(enterprise id: UUID, on sql: any SQLDatabase) async throws -> EnterpriseFacts? {
        try await load(where: "e.id = \(bind: id)", on: sql).first
    }

    private static func load(where condition: SQLQueryString, on sql: any SQLDatabase) async throws
        -> [EnterpriseFacts]
    {
        var tags: [String: Set<String>] = [:]
        for row in try await sql.raw(
            "SELECT CAST(et.enterprise_id AS TEXT) AS enterprise_id, et.tag FROM enterprise_tags et JOIN enterprises e ON e.id = et.enterprise_id WHERE \(condition)"
        ).all() {
            let id = try row.decode(column: "enterprise_id", as: String.self)
            tags[id.lowercased(), default: []].insert(try row.decode(column: "tag", as: String.self))
        }
        let rows = try await sql.raw(
            """
            SELECT CAST(e.id AS TEXT) AS id, e.name, e.credit_code, e.org_unit_id, e.industry_code, e.scale, e.region_code,
              e.registered_on, e.revenue_fen, e.employees, e.whitelisted
            FROM enterprises e WHERE \(condition)
            """
        ).all()
        return try rows.map { row in
            let idText = try row.decode(column: "id", as: String.self)
            return EnterpriseFacts(
                id: UUID(uuidString: idText)!, name: try row.decode(column: "name", as: String.self),
                creditCode: try row.decode(column: "credit_code", as: String.self),
                orgUnitID: try row.decode(column: "org_unit_id", as: UUID.self),
                industryCode: try row.decode(column: "industry_code", as: String?.self),
                scale: try row.decode(column: "scale", as: String?.self).flatMap(EnterpriseScale.init(rawValue:)),
                tags: tags[idText.lowercased()] ?? [],
                regionCode: try row.decode(column: "region_code", as: String?.self),
                registeredOn: try row.decode(column: "registered_on", as: String?.self).flatMap(LocalDate.init(iso:)),
                revenue: try row.decode(column: "revenue_fen", as: Int64?.self).map(Amount.init(fen:)),
                employees: try row.decode(column: "employees", as: Int?.self),
                whitelisted: try row.decode(column: "whitelisted", as: Bool.self))
        }
    }
}
