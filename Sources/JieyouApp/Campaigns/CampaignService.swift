import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// Creates and edits 专项行动. Admins of a unit run campaigns for its subtree; everyone who reads
/// enterprises sees the campaigns that cover them: those of its own subtree and of the units above it
/// (a park's cadres work the city's campaign).
struct CampaignService {
    let database: any Database
    let now: Date

    /// Units whose campaigns `actor` may read.
    static func visibleUnits(of actor: Actor, in tree: OrgTree) -> [UUID] {
        Array(Set(tree.lineage(of: actor.orgUnitID).map(\.id)).union(tree.subtree(of: actor.orgUnitID)))
    }

    /// The campaign, or 404 when it does not exist or the actor cannot see it.
    static func readable(_ id: UUID, by actor: Actor, in tree: OrgTree, on sql: any SQLDatabase) async throws
        -> CampaignRecord
    {
        guard AccessPolicy.has(actor, .readEnterprises), let campaign = try await CampaignQueries.load(id, on: sql),
            visibleUnits(of: actor, in: tree).contains(campaign.orgUnitId)
        else { throw AppError.notFound("专项行动") }
        return campaign
    }

    func create(_ draft: CampaignDraft, orgUnit: UUID?, by actor: Actor) async throws -> UUID {
        let tree = try await OrgDirectory.tree(on: database)
        let unit = orgUnit ?? actor.orgUnitID
        guard AccessPolicy.has(actor, .manageCampaigns) else { throw AppError.forbidden() }
        guard AccessPolicy.may(actor, .manageCampaigns, at: unit, in: tree) else { throw AppError.notFound("组织") }
        let values = try await checked(draft, unit: unit, tree: tree)
        let id = UUID()
        let now = now
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            let record = Self.record(id: id, unit: unit, values)
            try await sql.insert(into: "campaigns")
                .columns(
                    "id", "org_unit_id", "name", "starts_on", "mobilisation_ends_on", "action_ends_on", "ends_on",
                    "scope", "scope_tag", "required_visits", "cadences", "created_at"
                )
                .values(
                    SQLBind(id), SQLBind(unit), SQLBind(record.name), SQLBind(record.startsOn),
                    SQLBind(record.mobilisationEndsOn), SQLBind(record.actionEndsOn), SQLBind(record.endsOn),
                    SQLBind(record.scope), SQLBind(record.scopeTag), SQLBind(record.requiredVisits),
                    SQLBind(record.cadences), SQLBind(now)
                ).run()
            try await Self.replaceList(id, values.enterpriseIDs, on: sql)
            try await CoverageTallies.rebuild(record, tree: tree, on: sql)
            var changes = ChangeSet.diff([:], record.auditValues)
            if !values.enterpriseIDs.isEmpty {
                changes.record("enterprises", before: nil, after: "\(values.enterpriseIDs.count)家")
            }
            try await log.record("campaign", id: id.uuidString, "create", changes, orgUnit: unit)
            return id
        }
    }

    func update(_ id: UUID, _ draft: CampaignDraft, by actor: Actor) async throws {
        let tree = try await OrgDirectory.tree(on: database)
        let sql = database.sql
        guard let before = try await CampaignQueries.load(id, on: sql),
            AccessPolicy.may(actor, .manageCampaigns, at: before.orgUnitId, in: tree)
        else { throw AppError.notFound("专项行动") }
        let values = try await checked(draft, unit: before.orgUnitId, tree: tree)
        let beforeList = try await CampaignQueries.listedEnterprises(id, on: sql).map(\.id)
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            let after = Self.record(id: id, unit: before.orgUnitId, values)
            try await sql.update("campaigns")
                .set("name", to: after.name).set("starts_on", to: after.startsOn)
                .set("mobilisation_ends_on", to: after.mobilisationEndsOn).set("action_ends_on", to: after.actionEndsOn)
                .set("ends_on", to: after.endsOn).set("scope", to: after.scope).set("scope_tag", to: after.scopeTag)
                .set("required_visits", to: after.requiredVisits).set("cadences", to: after.cadences)
                .where("id", .equal, id).run()
            var changes = ChangeSet.diff(before.auditValues, after.auditValues)
            let listChanged = Set(beforeList) != Set(values.enterpriseIDs)
            if listChanged {
                try await Self.replaceList(id, values.enterpriseIDs, on: sql)
                changes.record(
                    "enterprises", before: beforeList.isEmpty ? nil : "\(beforeList.count)家",
                    after: values.enterpriseIDs.isEmpty ? nil : "\(values.enterpriseIDs.count)家")
            }
            if listChanged
                || (before.startsOn, before.endsOn, before.scope, before.scopeTag)
                    != (after.startsOn, after.endsOn, after.scope, after.scopeTag)
            {
                try await CoverageTallies.rebuild(after, tree: tree, on: sql)
            }
            guard !changes.isEmpty else { return }
            try await log.record("campaign", id: id.uuidString, "update", changes, orgUnit: before.orgUnitId)
        }
    }

    /// Validates the draft, then checks what only the database knows: the tag exists and the listed
    /// enterprises belong to the campaign's subtree.
    private func checked(_ draft: CampaignDraft, unit: UUID, tree: OrgTree) async throws -> CampaignValues {
        let sql = database.sql
        let tags = Set(try await TagStore.names(on: sql))
        let values = try CampaignRules.validate(draft, knownTags: tags).get()
        if !values.enterpriseIDs.isEmpty {
            let owners = try await EnterpriseOwners.load(values.enterpriseIDs, on: sql)
            var v = Validator()
            for index in EnterpriseOwners.outside(values.enterpriseIDs, owners: owners, unit: unit, tree: tree) {
                v.fail("enterpriseIds[\(index)]", "名单中的第\(index + 1)家企业不存在或不属于本单位")
            }
            try v.throwIfFailed()
        }
        return values
    }

    private static func record(id: UUID, unit: UUID, _ values: CampaignValues) -> CampaignRecord {
        CampaignRecord(
            id: id, orgUnitId: unit, name: values.name, startsOn: values.schedule.startsOn.iso,
            mobilisationEndsOn: values.schedule.mobilisationEndsOn.iso, actionEndsOn: values.schedule.actionEndsOn.iso,
            endsOn: values.schedule.endsOn.iso, scope: values.scope.rawValue, scopeTag: values.scopeTag,
            requiredVisits: values.requiredVisits, cadences: values.cadences.map(\.rawValue).joined(separator: ","))
    }

    private static func replaceList(_ id: UUID, _ enterprises: [UUID], on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "campaign_enterprises").where("campaign_id", .equal, id).run()
        for chunk in enterprises.chunked(into: 400) {
            var insert = sql.insert(into: "campaign_enterprises").columns("id", "campaign_id", "enterprise_id")
            for enterprise in chunk { insert = insert.values(SQLBind(UUID()), SQLBind(id), SQLBind(enterprise)) }
            try await insert.run()
        }
    }
}
