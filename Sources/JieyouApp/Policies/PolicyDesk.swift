import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// The policy service's use cases for one signed-in actor: the catalogue and one policy with its
/// reach (精准推送), the enterprise's own fitting policies, deliveries and 免申即享 grants; benefits and
/// project applications in the extensions beside this file. Plain inputs in, view values out; the
/// pages and the API are thin adapters over it.
struct PolicyDesk {
    let database: any Database
    let actor: Actor
    let tree: OrgTree
    let now: Date

    var today: LocalDate { LocalDate(now, in: .chinaStandard) }
    var sql: any SQLDatabase { database.sql }

    /// The registry's tags, which a policy's eligibility rule may name.
    func tags() async throws -> Set<String> {
        Set(try await TagStore.names(on: sql))
    }

    /// The policies of the units the actor reads (its own and those above), as `filter` narrows them.
    func catalogue(_ filter: PolicyFilter) async throws -> [PolicyRecord] {
        guard AccessPolicy.has(actor, .readPolicies) else { throw AppError.forbidden() }
        return try await PolicyQueries.list(
            units: PolicyService.visibleUnits(of: actor, in: tree), filter: filter, on: sql)
    }

    /// The 专栏 names used by the catalogue's policies, for its filter.
    func columns() async throws -> [String] {
        try await PolicyQueries.columnNames(units: PolicyService.visibleUnits(of: actor, in: tree), on: sql)
    }

    /// An enterprise account's policies: in force and fitting its enterprise, with how it heard of each.
    func fits() async throws -> [PolicyMatching.Fit] {
        try await PolicyService.fits(actor, tree: tree, today: today, on: sql)
    }

    /// One of `fits()`, or not found.
    func fit(_ id: UUID) async throws -> PolicyMatching.Fit {
        guard let fit = try await fits().first(where: { $0.policy.id == id }) else { throw AppError.notFound("政策") }
        return fit
    }

    /// A policy the actor reads, or not found.
    func policy(_ id: UUID) async throws -> PolicyRecord {
        try await PolicyService.readable(id, by: actor, in: tree, on: sql)
    }

    /// A policy the actor may edit, or not found.
    func managed(_ id: UUID) async throws -> PolicyRecord {
        let policy = try await policy(id)
        guard PolicyService.mayManage(actor, policy, in: tree) else { throw AppError.notFound("政策") }
        return policy
    }

    func create(_ draft: PolicyDraft, rule: EligibilityRuleDraft?, department: UUID?, orgUnit: UUID?) async throws
        -> UUID
    {
        try await PolicyService(database: database, now: now).create(
            draft, rule: rule, department: department, orgUnit: orgUnit, by: actor)
    }

    func update(_ id: UUID, _ draft: PolicyDraft, rule: EligibilityRuleDraft?, department: UUID?) async throws {
        try await PolicyService(database: database, now: now).update(
            id, draft, rule: rule, department: department, by: actor)
    }

    /// The departments a policy of `unit` may name as 责任部门 (the unit's own).
    func departmentChoices(under unit: UUID) async throws -> [(String, String)] {
        try await DepartmentChoices.options(under: unit, tree: tree, ownOnly: true, on: sql)
    }

    // MARK: 精准推送

    /// Who in the actor's part of the tree fits `policy`, who has been told and who knows, with the
    /// evaluator that explains each fit and the unit the figures are of.
    func reach(of policy: PolicyRecord) async throws
        -> (reach: PolicyMatching.Reach, evaluator: EligibilityEvaluator, root: UUID)
    {
        let matching = PolicyMatching(sql: sql, tree: tree, today: today)
        let root = PolicyService.scopeRoot(of: actor, for: policy, in: tree)
        return (
            try await matching.reach(of: policy, under: root, cached: true), try await matching.evaluator(for: policy),
            root
        )
    }

    /// The name of a policy's 责任部门.
    func departmentName(of policy: PolicyRecord) async throws -> String? {
        guard let id = policy.departmentId else { return nil }
        return try await OrgDirectory.department(id, on: sql)?.name
    }

    /// Pushes the policy to every fitting enterprise not yet told; returns how many were.
    func push(_ id: UUID) async throws -> Int {
        try await PolicyDeliveryService(database: database, now: now).push(id, by: actor)
    }

    /// Records that the enterprises were told of the policy in person (`channel`) on `day`, at
    /// `meeting` when a briefing; returns how many were new.
    func recordDelivery(
        _ id: UUID, enterprises: [UUID], channel: DeliveryChannel, on day: LocalDate, meeting: UUID? = nil
    ) async throws -> Int {
        try await PolicyDeliveryService(database: database, now: now).record(
            id, enterprises: enterprises, channel: channel, on: day, meeting: meeting, by: actor)
    }

    /// An enterprise account confirms that it knows the policy.
    func acknowledge(_ id: UUID) async throws {
        try await PolicyDeliveryService(database: database, now: now).acknowledge(id, by: actor)
    }

    /// 免申即享 (or any policy's) grants: the same benefit for each listed enterprise, each of which
    /// must fit the policy today.
    func grant(_ draft: BenefitDraft, under id: UUID, to enterprises: [UUID]) async throws -> [UUID] {
        let policy = try await policy(id)
        let qualifying = try await PolicyService.qualifying(
            enterprises, for: policy, actor: actor, tree: tree, now: now, on: sql)
        return try await BenefitLedger(database: database, now: now).grant(
            draft, enterprises: qualifying, policy: id, by: actor)
    }

    /// The 政策汇编 (.docx) of the policies ticked (`ids`) or, with none ticked, of the catalogue's
    /// query.
    func compilation(query: (String) -> String?, ids: [String]) async throws -> OfficeFile {
        try await PolicyCompilation.file(query: query, ids: ids, for: actor, on: database, now: now)
    }

    /// The enterprises already granted a benefit under the policy.
    func granted(under id: UUID) async throws -> Set<UUID> {
        try await BenefitLedger.granted(under: id, on: sql)
    }
}
