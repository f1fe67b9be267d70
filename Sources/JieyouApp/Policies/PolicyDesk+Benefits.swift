import Foundation
import JieyouDomain

extension PolicyDesk {
    // MARK: 惠企台账

    /// The benefits the query asks for (`enterprise`, `policy`, `kind`, `from`, `to`) in the actor's
    /// reach, with their totals, and the filter as read from the query.
    func benefits(_ query: (String) -> String?) async throws -> (summary: BenefitSummary, filter: BenefitFilter) {
        let (reach, filter) = try await BenefitLedger.query(query, for: actor, on: database)
        return (try await BenefitLedger.summary(reach: reach, filter: filter, on: sql), filter)
    }

    /// An enterprise account's own benefits.
    func ownBenefits() async throws -> BenefitSummary {
        try await BenefitLedger.summary(reach: try ownReach(), filter: BenefitFilter(), on: sql)
    }

    func addBenefit(_ draft: BenefitDraft, enterprise: UUID, policy: UUID?) async throws -> UUID {
        try await BenefitLedger(database: database, now: now).add(
            draft, enterprise: enterprise, policy: policy, by: actor)
    }

    /// The policies a benefit or an application may name: those the actor reads.
    func policyChoices() async throws -> [PolicyRecord] {
        try await PolicyQueries.list(
            units: PolicyService.visibleUnits(of: actor, in: tree), filter: PolicyFilter(), on: sql)
    }

    /// The enterprise of the actor's subtree named by `key` (name or credit code), or nil when blank;
    /// an unknown name is refused on `field`.
    func enterprise(named key: String, field: String = "enterprise") async throws -> UUID? {
        try await EnterpriseLookup.typed(key, units: Array(tree.subtree(of: actor.orgUnitID)), field: field, on: sql)
    }

    /// An enterprise account's reach: its own enterprise.
    func ownReach() throws -> EnterpriseReach {
        guard actor.has(.enterprise), let enterprise = actor.enterpriseID else { throw AppError.forbidden() }
        return .enterprise(enterprise)
    }

    // MARK: 项目申报

    /// The applications the query asks for in the actor's reach, with their totals, and the filter as
    /// read from the query.
    func projects(_ query: (String) -> String?) async throws
        -> (totals: ProjectTotals, items: [ProjectRecord], filter: ProjectFilter)
    {
        let (reach, filter) = try await ProjectApplications.query(query, for: actor, on: database)
        let (totals, items) = try await ProjectApplications.list(reach: reach, filter: filter, on: sql)
        return (totals, items, filter)
    }

    /// An enterprise account's own applications.
    func ownProjects() async throws -> (totals: ProjectTotals, items: [ProjectRecord]) {
        try await ProjectApplications.list(reach: try ownReach(), filter: ProjectFilter(), on: sql)
    }

    func project(_ id: UUID) async throws -> ProjectRecord {
        try await ProjectApplications.readable(id, by: actor, in: tree, on: sql)
    }

    /// Whether the actor may move the application on: it is open, and of the actor's subtree.
    func mayAdvance(_ project: ProjectRecord) -> Bool {
        !project.stage.isFinal && !actor.has(.enterprise)
            && AccessPolicy.may(actor, .managePolicies, at: project.orgUnitId, in: tree)
    }

    func apply(_ draft: ProjectApplicationDraft, enterprise: UUID?, policy: UUID?) async throws -> UUID {
        try await ProjectApplications(database: database, now: now).create(
            draft, enterprise: enterprise, policy: policy, by: actor)
    }

    func advance(_ id: UUID, _ draft: ProjectStepDraft) async throws -> UUID? {
        try await ProjectApplications(database: database, now: now).advance(id, draft, by: actor)
    }

    /// The deliveries of a policy or to an enterprise that the actor reads.
    func deliveries(policy: UUID?, enterprise: UUID?) async throws -> [PolicyDeliveryService.Delivery] {
        try await PolicyDeliveryService.list(policy: policy, enterprise: enterprise, for: actor, on: database)
    }
}
