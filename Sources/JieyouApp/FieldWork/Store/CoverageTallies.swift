import Foundation
import JieyouDomain
import SQLKit

/// The coverage of every campaign over its whole period, kept as running tallies, so that a province
/// campaign's coverage reads a few thousand rows instead of aggregating a million visits (measured:
/// 9 s before, see the README). Three tables, each per campaign and per org unit of the enterprise:
///
/// - `coverage_enterprise_tallies`: visits per in-scope enterprise that was visited;
/// - `coverage_day_tallies`: visits and distinct enterprises per day;
/// - `coverage_cadre_tallies`: visits and distinct enterprises per cadre.
///
/// Every tally is additive over enterprises: an enterprise contributes its visits, one per day it was
/// visited and one per cadre who visited it. So a change that touches some enterprises (a visit, an
/// edit of scale, tags or park) is applied by withdrawing their contribution before the change and
/// adding it back after, both computed from the visits themselves with the campaign's current scope.
/// Nothing is incremented by hand, and a rebuild is the same statement over all enterprises.
/// `CoverageTalliesTests` checks the tallies against the raw count after each kind of change.
enum CoverageTallies {
    /// From this many changed enterprises on, the campaigns are rebuilt instead of adjusted.
    static let rebuildThreshold = 1_000

    /// Campaigns whose scope may include enterprises of `units`: those run by a unit on their lines.
    /// With `day`, only the campaigns whose period includes it.
    static func campaigns(over units: Set<UUID>, day: LocalDate? = nil, tree: OrgTree, on sql: any SQLDatabase)
        async throws -> [CampaignRecord]
    {
        var lines: Set<UUID> = []
        for unit in units { lines.formUnion(tree.lineage(of: unit).map(\.id)) }
        guard !lines.isEmpty else { return [] }
        let campaigns = try await CampaignQueries.list(units: Array(lines), on: sql)
        guard let day else { return campaigns }
        return campaigns.filter { $0.startsOn <= day.iso && day.iso <= $0.endsOn }
    }

    /// Whether an edit can move an enterprise into or out of a campaign's scope: its park, scale or
    /// tags change (lists name enterprises by id, so renaming one changes nothing).
    static func scopeMayChange(
        from before: EnterpriseValues, at beforeUnit: UUID, to after: EnterpriseValues, at afterUnit: UUID
    ) -> Bool {
        beforeUnit != afterUnit || before.scale != after.scale || Set(before.tags) != Set(after.tags)
    }

    /// Runs `change` (which writes visits or enterprises) between withdrawing and restoring the
    /// contribution of `enterprises` to `campaigns`. Call it inside the change's transaction.
    static func around<T: Sendable>(
        _ enterprises: [UUID], campaigns: [CampaignRecord], tree: OrgTree, on sql: any SQLDatabase,
        _ change: () async throws -> T
    ) async throws -> T {
        guard !campaigns.isEmpty, !enterprises.isEmpty else { return try await change() }
        if enterprises.count >= rebuildThreshold {
            let result = try await change()
            for campaign in campaigns { try await rebuild(campaign, tree: tree, on: sql) }
            return result
        }
        for campaign in campaigns {
            for chunk in enterprises.chunked(into: 400) {
                try await add(campaign, enterprises: Array(chunk), sign: -1, tree: tree, on: sql)
            }
        }
        let result = try await change()
        for campaign in campaigns {
            for chunk in enterprises.chunked(into: 400) {
                try await add(campaign, enterprises: Array(chunk), sign: 1, tree: tree, on: sql)
            }
        }
        return result
    }

    /// Recounts one campaign from its visits: after it is created or its scope or dates change.
    static func rebuild(_ campaign: CampaignRecord, tree: OrgTree, on sql: any SQLDatabase) async throws {
        for table in tables {
            try await sql.raw("DELETE FROM \(ident: table) WHERE campaign_id = \(bind: campaign.id)").run()
        }
        try await add(campaign, enterprises: nil, sign: 1, tree: tree, on: sql)
    }

    /// Recounts every campaign: after the org tree changes shape, and when the tallies are introduced.
    static func rebuildAll(tree: OrgTree, on sql: any SQLDatabase) async throws {
        for table in tables { try await sql.raw("DELETE FROM \(ident: table)").run() }
        let all = try await CampaignQueries.list(units: Array(tree.nodes.keys), on: sql)
        for campaign in all { try await add(campaign, enterprises: nil, sign: 1, tree: tree, on: sql) }
    }

    static let tables = ["coverage_enterprise_tallies", "coverage_day_tallies", "coverage_cadre_tallies"]

    /// Adds (`sign` 1) or withdraws (-1) the contribution of `enterprises` (nil: all) to the campaign's
    /// tallies, counting their visits in the campaign's period if they are in its scope now. Rows that
    /// reach zero are deleted, so a row exists only for what was visited.
    private static func add(
        _ campaign: CampaignRecord, enterprises: [UUID]?, sign: Int, tree: OrgTree, on sql: any SQLDatabase
    ) async throws {
        let units = Array(tree.subtree(of: campaign.orgUnitId))
        guard !units.isEmpty else { return }
        let only: SQLQueryString = enterprises.map { "AND e.id IN (\(binds: $0))" } ?? ""
        let scope: SQLQueryString = """
            e.org_unit_id IN (\(binds: units)) AND \(campaign.enterpriseCondition) \(only)
              AND v.visited_on >= \(bind: campaign.startsOn) AND v.visited_on <= \(bind: campaign.endsOn)
            """
        try await sql.raw(
            """
            INSERT INTO coverage_enterprise_tallies (campaign_id, enterprise_id, org_unit_id, visits)
            SELECT \(bind: campaign.id), e.id, e.org_unit_id, \(literal: sign) * COUNT(*)
            FROM visits v JOIN enterprises e ON e.id = v.enterprise_id
            WHERE \(scope)
            GROUP BY e.id, e.org_unit_id
            ON CONFLICT (campaign_id, enterprise_id)
            DO UPDATE SET visits = coverage_enterprise_tallies.visits + excluded.visits
            """
        ).run()
        try await sql.raw(
            """
            INSERT INTO coverage_day_tallies (campaign_id, org_unit_id, day, visits, enterprises)
            SELECT \(bind: campaign.id), e.org_unit_id, v.visited_on, \(literal: sign) * COUNT(*),
              \(literal: sign) * COUNT(DISTINCT e.id)
            FROM visits v JOIN enterprises e ON e.id = v.enterprise_id
            WHERE \(scope)
            GROUP BY e.org_unit_id, v.visited_on
            ON CONFLICT (campaign_id, org_unit_id, day)
            DO UPDATE SET visits = coverage_day_tallies.visits + excluded.visits,
              enterprises = coverage_day_tallies.enterprises + excluded.enterprises
            """
        ).run()
        try await sql.raw(
            """
            INSERT INTO coverage_cadre_tallies (campaign_id, org_unit_id, user_id, visits, enterprises)
            SELECT \(bind: campaign.id), e.org_unit_id, v.user_id, \(literal: sign) * COUNT(*),
              \(literal: sign) * COUNT(DISTINCT e.id)
            FROM visit_cadres v JOIN enterprises e ON e.id = v.enterprise_id
            WHERE \(scope)
            GROUP BY e.org_unit_id, v.user_id
            ON CONFLICT (campaign_id, org_unit_id, user_id)
            DO UPDATE SET visits = coverage_cadre_tallies.visits + excluded.visits,
              enterprises = coverage_cadre_tallies.enterprises + excluded.enterprises
            """
        ).run()
        if sign < 0 {
            for table in tables {
                try await sql.raw(
                    "DELETE FROM \(ident: table) WHERE campaign_id = \(bind: campaign.id) AND visits <= 0"
                )
                .run()
            }
        }
    }
}
