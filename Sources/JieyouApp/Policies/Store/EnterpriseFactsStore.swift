import Foundation
import JieyouDomain
import SQLKit

/// Reads the registry as `EnterpriseFacts` for the eligibility rules: one query for the enterprises of
/// some units with their tags, decoded column by column (a province is 200,000 rows, and keyed
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
        // Each enterprise's tags come aggregated in the same row: a second query over the tags would
        // evaluate the whole condition again.
        let tags: SQLQueryString =
            sql.dialect.name == "postgresql"
            ? "(SELECT string_agg(t.tag, chr(31)) FROM enterprise_tags t WHERE t.enterprise_id = e.id)"
            : "(SELECT group_concat(t.tag, char(31)) FROM enterprise_tags t WHERE t.enterprise_id = e.id)"
        let rows = try await sql.raw(
            """
            SELECT CAST(e.id AS TEXT) AS id, e.name, e.credit_code, e.org_unit_id, e.industry_code, e.scale, e.region_code,
              e.registered_on, e.revenue_fen, e.employees, e.whitelisted, \(tags) AS tags
            FROM enterprises e WHERE \(condition)
            """
        ).all()
        return try rows.map { row in
            let tagList = try row.decode(column: "tags", as: String?.self)
            return EnterpriseFacts(
                id: UUID(uuidString: try row.decode(column: "id", as: String.self))!,
                name: try row.decode(column: "name", as: String.self),
                creditCode: try row.decode(column: "credit_code", as: String.self),
                orgUnitID: try row.decode(column: "org_unit_id", as: UUID.self),
                industryCode: try row.decode(column: "industry_code", as: String?.self),
                scale: try row.decode(column: "scale", as: String?.self).flatMap(EnterpriseScale.init(rawValue:)),
                tags: tagList.map { Set($0.split(separator: "\u{1F}").map(String.init)) } ?? [],
                regionCode: try row.decode(column: "region_code", as: String?.self),
                registeredOn: try row.decode(column: "registered_on", as: String?.self).flatMap(LocalDate.init(iso:)),
                revenue: try row.decode(column: "revenue_fen", as: Int64?.self).map(Amount.init(fen:)),
                employees: try row.decode(column: "employees", as: Int?.self),
                whitelisted: try row.decode(column: "whitelisted", as: Bool.self))
        }
    }
}
