import Foundation
import JieyouDomain
import SQLKit

/// What coverage is counted over: the enterprises of some org units that meet a campaign's scope, and
/// the visits made to them between two days (both included).
struct CoverageScope: Sendable {
    let units: [UUID]
    let enterpriseCondition: SQLQueryString
    let from: LocalDate
    let to: LocalDate
    let requiredVisits: Int
    /// The campaign whose tallies answer for this scope: set when the period is the campaign's whole
    /// period so far, which is what its tallies count (`CoverageTallies`). Nil: count the visits.
    let talliedCampaign: UUID?

    /// The in-scope enterprises as a subquery; databases build it once and probe it per row.
    var enterpriseIDs: SQLQueryString {
        "SELECT e.id FROM enterprises e WHERE e.org_unit_id IN (\(binds: units)) AND \(enterpriseCondition)"
    }
}

struct CoverageDay: Codable, Sendable {
    let day: String
    let visits: Int
    let enterprises: Int
}

struct CoverageCadre: Codable, Sendable {
    let id: UUID
    let name: String
    let visits: Int
    let enterprises: Int
}

/// The counting behind `GET /api/v1/coverage` and the 走访覆盖 page, in SQL over the indexes on
/// `visits(enterprise_id, visited_on)` and `visit_cadres(visited_on, enterprise_id, user_id)`.
enum CoverageQuery {
    /// The headline figures in one statement: enterprises in scope, visited once, visited as required,
    /// visits, cadres active. "384 名联点干部一周内完成 518 家企业上门走访" is this query over one week.
    static func figures(_ scope: CoverageScope, on sql: any SQLDatabase) async throws -> CoverageFigures {
        struct Row: Decodable {
            let inScope: Int
            let visited: Int
            let complete: Int
            let visits: Int
            let cadres: Int
        }
        let from = scope.from.iso
        let to = scope.to.iso
        let query: SQLQueryString
        if let campaign = scope.talliedCampaign {
            query = """
                SELECT
                  (SELECT COUNT(*) FROM enterprises e
                   WHERE e.org_unit_id IN (\(binds: scope.units)) AND \(scope.enterpriseCondition)) AS in_scope,
                  COUNT(*) AS visited,
                  CAST(COALESCE(SUM(CASE WHEN t.visits >= \(literal: scope.requiredVisits) THEN 1 ELSE 0 END), 0)
                    AS BIGINT) AS complete,
                  CAST(COALESCE(SUM(t.visits), 0) AS BIGINT) AS visits,
                  (SELECT COUNT(DISTINCT c.user_id) FROM coverage_cadre_tallies c
                   WHERE c.campaign_id = \(bind: campaign) AND c.org_unit_id IN (\(binds: scope.units))) AS cadres
                FROM coverage_enterprise_tallies t
                WHERE t.campaign_id = \(bind: campaign) AND t.org_unit_id IN (\(binds: scope.units))
                """
        } else {
            query = """
                    SELECT t.in_scope, t.visited, t.complete, t.visits,
                  (SELECT COUNT(DISTINCT vc.user_id) FROM visit_cadres vc
                   WHERE vc.visited_on >= \(bind: from) AND vc.visited_on <= \(bind: to)
                     AND vc.enterprise_id IN (\(scope.enterpriseIDs))) AS cadres
                FROM (
                  SELECT COUNT(*) AS in_scope,
                    CAST(COALESCE(SUM(CASE WHEN n > 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS visited,
                    CAST(COALESCE(SUM(CASE WHEN n >= \(literal: scope.requiredVisits) THEN 1 ELSE 0 END), 0) AS BIGINT) AS complete,
                    CAST(COALESCE(SUM(n), 0) AS BIGINT) AS visits
                  FROM (
                    SELECT (SELECT COUNT(*) FROM visits v WHERE v.enterprise_id = e.id
                              AND v.visited_on >= \(bind: from) AND v.visited_on <= \(bind: to)) AS n
                    FROM enterprises e WHERE e.org_unit_id IN (\(binds: scope.units)) AND \(scope.enterpriseCondition)
                  ) per_enterprise
                ) t
                """
        }
        let row = try await sql.raw(query).first(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        guard let row else {
            throw AppError(status: .internalServerError, code: "internal", message: "走访覆盖统计没有返回结果")
        }
        return CoverageFigures(
            enterprisesInScope: row.inScope, visitedAtLeastOnce: row.visited, visitedAsRequired: row.complete,
            requiredVisits: scope.requiredVisits, visits: row.visits, cadresActive: row.cadres,
            days: scope.from.days(until: scope.to) + 1)
    }

    /// Visits and distinct enterprises per day, for the days that had visits.
    static func perDay(_ scope: CoverageScope, on sql: any SQLDatabase) async throws -> [CoverageDay] {
        if let campaign = scope.talliedCampaign {
            return try await sql.raw(
                """
                SELECT d.day, CAST(SUM(d.visits) AS BIGINT) AS visits, CAST(SUM(d.enterprises) AS BIGINT) AS enterprises
                FROM coverage_day_tallies d
                WHERE d.campaign_id = \(bind: campaign) AND d.org_unit_id IN (\(binds: scope.units))
                GROUP BY d.day ORDER BY d.day
                """
            ).all(decoding: CoverageDay.self)
        }
        return try await sql.raw(
            """
            SELECT v.visited_on AS day, COUNT(*) AS visits, COUNT(DISTINCT v.enterprise_id) AS enterprises
            FROM visits v
            WHERE v.visited_on >= \(bind: scope.from.iso) AND v.visited_on <= \(bind: scope.to.iso)
              AND v.enterprise_id IN (\(scope.enterpriseIDs))
            GROUP BY v.visited_on ORDER BY v.visited_on
            """
        ).all(decoding: CoverageDay.self)
    }

    /// Every cadre who visited, and every active cadre of the scope's units who did not (0 visits),
    /// most visits first.
    static func perCadre(_ scope: CoverageScope, on sql: any SQLDatabase) async throws -> [CoverageCadre] {
        struct Counted: Decodable {
            let userId: UUID
            let visits: Int
            let enterprises: Int
        }
        let query: SQLQueryString =
            if let campaign = scope.talliedCampaign {
                """
                SELECT c.user_id, CAST(SUM(c.visits) AS BIGINT) AS visits,
                  CAST(SUM(c.enterprises) AS BIGINT) AS enterprises
                FROM coverage_cadre_tallies c
                WHERE c.campaign_id = \(bind: campaign) AND c.org_unit_id IN (\(binds: scope.units))
                GROUP BY c.user_id
                """
            } else {
                """
                SELECT vc.user_id, COUNT(*) AS visits, COUNT(DISTINCT vc.enterprise_id) AS enterprises
                FROM visit_cadres vc
                WHERE vc.visited_on >= \(bind: scope.from.iso) AND vc.visited_on <= \(bind: scope.to.iso)
                  AND vc.enterprise_id IN (\(scope.enterpriseIDs))
                GROUP BY vc.user_id
                """
            }
        let counted = try await sql.raw(query).all(
            decoding: Counted.self, keyDecodingStrategy: ColumnNames.snakeCase)
        var names: [UUID: String] = [:]
        let ids = counted.map(\.userId)
        for chunk in ids.chunked(into: 400) {
            for row in try await sql.raw("SELECT id, display_name FROM users WHERE id IN (\(binds: Array(chunk)))")
                .all()
            {
                names[try row.decode(column: "id", as: UUID.self)] = try row.decode(
                    column: "display_name", as: String.self)
            }
        }
        var cadres = counted.map {
            CoverageCadre(id: $0.userId, name: names[$0.userId] ?? "", visits: $0.visits, enterprises: $0.enterprises)
        }
        let seen = Set(ids)
        for row in try await sql.raw(
            """
            SELECT id, display_name FROM users
            WHERE org_unit_id IN (\(binds: scope.units)) AND active = \(bind: true) AND roles LIKE '%,cadre,%'
            """
        ).all() {
            let id = try row.decode(column: "id", as: UUID.self)
            if seen.contains(id) { continue }
            cadres.append(
                CoverageCadre(
                    id: id, name: try row.decode(column: "display_name", as: String.self), visits: 0, enterprises: 0))
        }
        return cadres.sorted { ($0.visits, $1.name) > ($1.visits, $0.name) }
    }

    /// In-scope enterprises with no visit in the period, by name, at most `limit`.
    static func neverVisited(_ scope: CoverageScope, limit: Int, on sql: any SQLDatabase) async throws -> [NamedRef] {
        let visited: SQLQueryString =
            if let campaign = scope.talliedCampaign {
                "SELECT 1 FROM coverage_enterprise_tallies t WHERE t.campaign_id = \(bind: campaign) AND t.enterprise_id = e.id"
            } else {
                """
                SELECT 1 FROM visits v WHERE v.enterprise_id = e.id
                  AND v.visited_on >= \(bind: scope.from.iso) AND v.visited_on <= \(bind: scope.to.iso)
                """
            }
        return try await sql.raw(
            """
            SELECT e.id, e.name FROM enterprises e
            WHERE e.org_unit_id IN (\(binds: scope.units)) AND \(scope.enterpriseCondition)
              AND NOT EXISTS (\(visited))
            ORDER BY e.name LIMIT \(literal: limit)
            """
        ).all(decoding: NamedRef.self)
    }
}
