import Foundation
import JieyouDomain
import SQLKit

/// A stored campaign, as read back from `campaigns`.
struct CampaignRecord: Codable, Sendable {
    let id: UUID
    let orgUnitId: UUID
    let name: String
    let startsOn: String
    let mobilisationEndsOn: String
    let actionEndsOn: String
    let endsOn: String
    let scope: String
    let scopeTag: String?
    let requiredVisits: Int
    let cadences: String

    /// Stored rows were validated on the way in; a row that no longer parses is a damaged database.
    var schedule: CampaignSchedule {
        CampaignSchedule(
            startsOn: LocalDate(iso: startsOn)!, mobilisationEndsOn: LocalDate(iso: mobilisationEndsOn)!,
            actionEndsOn: LocalDate(iso: actionEndsOn)!, endsOn: LocalDate(iso: endsOn)!)!
    }
    var scopeKind: CampaignScope { CampaignScope(rawValue: scope) ?? .all }
    var cadenceList: [ReportingCadence] {
        cadences.split(separator: ",").compactMap { ReportingCadence(rawValue: String($0)) }
    }

    /// "规上企业", "按标签：外贸企业", "指定名单".
    var scopeText: String {
        scopeKind == .tag ? "按标签：\(scopeTag ?? "")" : scopeKind.chineseName
    }

    var auditValues: [String: String?] {
        [
            "name": name, "startsOn": startsOn, "mobilisationEndsOn": mobilisationEndsOn,
            "actionEndsOn": actionEndsOn, "endsOn": endsOn, "scope": scope, "scopeTag": scopeTag,
            "requiredVisits": String(requiredVisits), "cadences": cadences,
        ]
    }

    /// The SQL condition (on enterprises `e`) that selects the campaign's enterprises, before the org
    /// subtree is applied.
    var enterpriseCondition: SQLQueryString {
        switch scopeKind {
        case .all: "1 = 1"
        case .aboveScale: "e.scale = \(bind: EnterpriseScale.above.rawValue)"
        case .tag:
            "EXISTS (SELECT 1 FROM enterprise_tags t WHERE t.enterprise_id = e.id AND t.tag = \(bind: scopeTag ?? ""))"
        case .list: "e.id IN (SELECT ce.enterprise_id FROM campaign_enterprises ce WHERE ce.campaign_id = \(bind: id))"
        }
    }
}

enum CampaignQueries {
    private static let columns: SQLQueryString = """
        c.id, c.org_unit_id, c.name, c.starts_on, c.mobilisation_ends_on, c.action_ends_on, c.ends_on, c.scope,
        c.scope_tag, c.required_visits, c.cadences
        """

    static func load(_ id: UUID, on sql: any SQLDatabase) async throws -> CampaignRecord? {
        try await sql.raw("SELECT \(columns) FROM campaigns c WHERE c.id = \(bind: id)")
            .first(decoding: CampaignRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// Campaigns run by any of `units`, newest first.
    static func list(units: [UUID], on sql: any SQLDatabase) async throws -> [CampaignRecord] {
        guard !units.isEmpty else { return [] }
        return try await sql.raw(
            "SELECT \(columns) FROM campaigns c WHERE c.org_unit_id IN (\(binds: units)) ORDER BY c.starts_on DESC, c.name"
        ).all(decoding: CampaignRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// Every unit's campaigns that ended on `day` or later (or are still to end), for the drafting job.
    static func endingOnOrAfter(_ day: LocalDate, on sql: any SQLDatabase) async throws -> [CampaignRecord] {
        try await sql.raw("SELECT \(columns) FROM campaigns c WHERE c.ends_on >= \(bind: day.iso) ORDER BY c.starts_on")
            .all(decoding: CampaignRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// Campaigns of a unit's lineage, the nearest unit's first (a park's before its city's), then the
    /// one begun last.
    static func nearestFirst(_ campaigns: [CampaignRecord], tree: OrgTree) -> [CampaignRecord] {
        campaigns.sorted {
            let (a, b) = (tree.lineage(of: $0.orgUnitId).count, tree.lineage(of: $1.orgUnitId).count)
            return a != b ? a > b : $0.startsOn > $1.startsOn
        }
    }

    /// The campaign that a problem written down at a visit or a meeting is collected under: of the
    /// campaigns `running` that day over the enterprise's unit (`CoverageTallies.campaigns`), one whose
    /// scope holds the enterprise. Where several do (a park's campaign inside the city's), the nearest
    /// unit's, then the one begun last: the park's own campaign is the work its cadres are doing.
    static func collecting(
        enterprise: UUID, among running: [CampaignRecord], tree: OrgTree, sql: any SQLDatabase
    ) async throws -> UUID? {
        for campaign in nearestFirst(running, tree: tree) {
            let holds = try await sql.raw(
                "SELECT 1 AS one FROM enterprises e WHERE e.id = \(bind: enterprise) AND \(campaign.enterpriseCondition)"
            ).first()
            if holds != nil { return campaign.id }
        }
        return nil
    }

    static func listedEnterprises(_ id: UUID, on sql: any SQLDatabase) async throws -> [NamedRef] {
        try await sql.raw(
            """
            SELECT e.id, e.name FROM campaign_enterprises ce JOIN enterprises e ON e.id = ce.enterprise_id
            WHERE ce.campaign_id = \(bind: id) ORDER BY e.name
            """
        ).all(decoding: NamedRef.self)
    }
}
