import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// What the campaign pages and API read and write for one actor: the campaigns it may read (its own
/// unit's, those above and those below), one with its listed enterprises, and the editing of those it
/// manages. Writes go through `CampaignService`.
struct CampaignDesk {
    let database: any Database
    let actor: Actor
    let tree: OrgTree
    let now: Date

    private var sql: any SQLDatabase { database.sql }
    var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    func list() async throws -> [CampaignRecord] {
        guard AccessPolicy.has(actor, .readEnterprises) else { throw AppError.forbidden() }
        return try await CampaignQueries.list(units: CampaignService.visibleUnits(of: actor, in: tree), on: sql)
    }

    /// Whether the actor may edit `campaign` (its unit's or below).
    func mayEdit(_ campaign: CampaignRecord) -> Bool {
        AccessPolicy.may(actor, .manageCampaigns, at: campaign.orgUnitId, in: tree)
    }

    /// A readable campaign and, for a 名单 campaign, its enterprises.
    func campaign(_ id: UUID) async throws -> (record: CampaignRecord, listed: [NamedRef]?) {
        let record = try await CampaignService.readable(id, by: actor, in: tree, on: sql)
        let listed = record.scopeKind == .list ? try await CampaignQueries.listedEnterprises(id, on: sql) : nil
        return (record, listed)
    }

    /// A campaign of the actor's subtree, to edit, with its listed enterprises.
    func editable(_ id: UUID) async throws -> (record: CampaignRecord, listed: [NamedRef]) {
        guard AccessPolicy.has(actor, .manageCampaigns), let record = try await CampaignQueries.load(id, on: sql),
            tree.isWithin(record.orgUnitId, subtreeOf: actor.orgUnitID)
        else { throw AppError.notFound("专项行动") }
        return (record, try await CampaignQueries.listedEnterprises(id, on: sql))
    }

    /// The enterprises of a pasted 名单 (one per line, by name or credit code) within `unit`'s subtree;
    /// a line that matches nothing is named.
    func enterprises(pasted text: String, under unit: UUID) async throws -> [UUID] {
        let lines = PastedLines.records(text, maxFields: 1, separators: [])
        let found = try await EnterpriseLookup.resolve(
            lines.map { $0.fields[0] }, units: Array(tree.subtree(of: unit)), on: sql)
        var v = Validator()
        var ids: [UUID] = []
        for record in lines {
            if let ref = found[record.fields[0]] {
                ids.append(ref.id)
            } else {
                v.fail("enterpriseIds", "企业名单第\(record.line)行：找不到企业“\(record.fields[0])”")
            }
        }
        try v.throwIfFailed()
        return ids
    }

    /// The registry's tags, for a 标签 campaign's scope.
    func tags() async throws -> [String] {
        try await TagStore.names(on: sql)
    }

    func create(_ draft: CampaignDraft, orgUnit: UUID?) async throws -> UUID {
        try await CampaignService(database: database, now: now).create(draft, orgUnit: orgUnit, by: actor)
    }

    func update(_ id: UUID, _ draft: CampaignDraft) async throws {
        try await CampaignService(database: database, now: now).update(id, draft, by: actor)
    }
}
