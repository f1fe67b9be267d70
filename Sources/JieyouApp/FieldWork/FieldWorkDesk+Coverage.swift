import Foundation
import JieyouDomain

extension FieldWorkDesk {
    // MARK: Coverage

    /// The campaigns the reader may pick a coverage report of.
    func campaigns() async throws -> [CampaignRecord] {
        try await CampaignQueries.list(units: CampaignService.visibleUnits(of: actor, in: tree), on: sql)
    }

    /// 走访覆盖 of a campaign or a period, as the query names them (each checked, with the field named).
    func coverage(orgUnit: String?, campaign: String?, from: String?, to: String?) async throws -> CoverageReport {
        try await CoverageService.report(
            orgUnit: orgUnit, campaign: campaign, from: from, to: to, access: try access(), today: today, on: sql)
    }

    // MARK: 融资诉求

    /// The demands in the reader's reach, optionally of one status, with the totals of all of them.
    func financingDemands(status: String?) async throws
        -> (status: FinancingStatus?, totals: FinancingTotals, items: [FinancingRecord])
    {
        let reach = try access().reach
        let wanted = try FinancingDemands.status(status)
        let (totals, items) = try await FinancingDemands.list(reach: reach, status: wanted, on: sql)
        return (wanted, totals, items)
    }

    func financingDemand(_ id: UUID) async throws -> FinancingRecord {
        try await FinancingDemands.readable(id, by: actor, in: tree, on: sql)
    }

    /// Whether the reader may move `demand` on (it is open, and of the reader's subtree).
    func mayAdvance(_ demand: FinancingRecord) -> Bool {
        !demand.status.isFinal && AccessPolicy.may(actor, .recordFieldWork, at: demand.orgUnitId, in: tree)
    }

    /// Records a demand; `enterprise` is an id, or (from the page) the name or credit code typed.
    func raiseFinancingDemand(_ draft: FinancingDemandDraft, enterprise: UUID?) async throws -> UUID {
        try await FinancingDemands(database: database, now: now).create(draft, enterprise: enterprise, by: actor)
    }

    /// The enterprise of the reader's subtree named by `key` (name or credit code); none for a blank key.
    func enterprise(named key: String) async throws -> UUID? {
        try await EnterpriseLookup.typed(
            key, units: Array(tree.subtree(of: actor.orgUnitID)), field: "enterprise", on: sql)
    }

    func advanceFinancingDemand(_ id: UUID, _ draft: FinancingStepDraft) async throws {
        try await FinancingDemands(database: database, now: now).advance(id, draft, by: actor)
    }
}
