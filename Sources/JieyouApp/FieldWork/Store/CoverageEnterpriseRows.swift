import Foundation
import SQLKit

/// 走访覆盖 one enterprise per row, for an export: every enterprise in the scope by name, with its
/// visits in the period, the last of them and the cadres who made them, a page at a time. The page
/// shows the figures; the file is the list a park works through ("who has not been visited yet").
enum CoverageEnterpriseRows {
    struct Row: Decodable, Sendable {
        let id: UUID
        let name: String
        let creditCode: String
        let orgUnitId: UUID
        let visits: Int
        let lastVisitedOn: String?
    }

    static func forEachPage(
        _ scope: CoverageScope, size: Int = 1_000, on sql: any SQLDatabase,
        _ body: ([(row: Row, cadres: [String])]) async throws -> Void
    ) async throws {
        let inPeriod: SQLQueryString =
            "v.enterprise_id = e.id AND v.visited_on >= \(bind: scope.from.iso) AND v.visited_on <= \(bind: scope.to.iso)"
        let pages = KeysetPages(key: SQLColumn("name", table: "e"), id: SQLColumn("id", table: "e"), size: size)
        try await pages.forEach(
            ["e.org_unit_id IN (\(binds: scope.units))", scope.enterpriseCondition],
            read: { condition, limit in
                try await sql.raw(
                    """
                    SELECT e.id, e.name, e.credit_code, e.org_unit_id,
                      (SELECT COUNT(*) FROM visits v WHERE \(inPeriod)) AS visits,
                      (SELECT MAX(v.visited_on) FROM visits v WHERE \(inPeriod)) AS last_visited_on
                    FROM enterprises e WHERE \(condition) ORDER BY \(pages.order) LIMIT \(literal: limit)
                    """
                ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
            }, position: { ($0.name, $0.id) }
        ) { rows in
            let visited = rows.filter { $0.visits > 0 }.map(\.id)
            var cadres: [UUID: [String]] = [:]
            if !visited.isEmpty {
                for found in try await sql.raw(
                    """
                    SELECT DISTINCT v.enterprise_id, u.display_name FROM visits v
                      JOIN visit_cadres vc ON vc.visit_id = v.id JOIN users u ON u.id = vc.user_id
                    WHERE v.enterprise_id IN (\(binds: visited))
                      AND v.visited_on >= \(bind: scope.from.iso) AND v.visited_on <= \(bind: scope.to.iso)
                    ORDER BY u.display_name
                    """
                ).all() {
                    cadres[try found.decode(column: "enterprise_id", as: UUID.self), default: []].append(
                        try found.decode(column: "display_name", as: String.self))
                }
            }
            try await body(rows.map { ($0, cadres[$0.id] ?? []) })
        }
    }
}
