import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// Field work's use cases for one signed-in reader: visits, meetings (活动), coverage and 融资诉求.
/// Plain inputs in, view values out; the API and the pages are thin adapters over it. Writes go through
/// `VisitService`, `MeetingService` and `FinancingDemands`, which check who may write.
struct FieldWorkDesk {
    let database: any Database
    let signedIn: SignedIn
    let tree: OrgTree
    let now: Date

    var actor: Actor { signedIn.actor }
    var today: LocalDate { LocalDate(now, in: .chinaStandard) }
    var sql: any SQLDatabase { database.sql }

    /// The reader's reach in the registry; refused for those who read no enterprises.
    func access() throws -> EnterpriseAccess {
        try EnterpriseAccess.of(signedIn, tree: tree)
    }

    /// The reach of a list of meetings or coverage: the reader's units; an enterprise account has none.
    func units() throws -> [UUID] {
        guard case .units(let units) = try access().reach else { throw AppError.forbidden() }
        return units
    }

    // MARK: Visits

    /// Newest first, as `filter` narrows them within the reader's reach.
    func visits(_ filter: FieldWorkFilter, limit: Int) async throws -> [VisitSummary] {
        try await VisitQueries.recent(filter, limit: limit, on: sql)
    }

    /// Records a visit; `policies` are those the cadre brought (上门送达), checked before anything is
    /// written so that a bad tick saves nothing.
    func recordVisit(_ input: VisitInput, bringing policies: [UUID] = []) async throws -> UUID {
        if !policies.isEmpty {
            guard let enterprise = input.enterpriseID else { throw AppError.notFound("企业") }
            let open = Set(try await enterpriseDesk().policiesToBring(enterprise).map(\.policy.id))
            if policies.contains(where: { !open.contains($0) }) {
                throw AppError.invalid("policyIds", "所选政策不适用于该企业或已送达，请刷新后重选")
            }
        }
        let id = try await VisitService(database: database, now: now).record(input, by: actor)
        let day = LocalDate(iso: input.visitedOn ?? "") ?? today
        for policy in policies {
            _ = try await PolicyDeliveryService(database: database, now: now).record(
                policy, enterprises: [input.enterpriseID!], channel: .visit, on: day, meeting: nil, by: actor)
        }
        return id
    }

    func visit(_ id: UUID) async throws -> [VisitSummary] {
        try await VisitQueries.visit(id, on: sql)
    }

    /// Step one of 记录走访: a search by name, or with none the cadre's own enterprises.
    func visitPicks(matching text: String) async throws -> [EnterpriseListItem] {
        var filter = EnterpriseFilter()
        if text.isEmpty { filter.cadreID = actor.has(.cadre) ? actor.userID : nil } else { filter.q = text }
        return try await EnterpriseSearch.page(filter, reach: try access().reach, limit: 20, cursor: nil, on: sql).items
    }

    /// What the visit form offers for `enterprise`: the cadres who may go along and the policies to bring.
    func visitChoices(_ enterprise: UUID) async throws
        -> (enterprise: StoredEnterprise, companions: [UserModel], policies: [PolicyMatching.Fit])
    {
        let stored = try await access().enterprise(enterprise, on: database)
        let line = tree.lineage(of: stored.row.orgUnitId).map(\.id)
        let cadres = try await UserStore(database: database).active(in: line, holding: .cadre).filter {
            $0.id != actor.userID
        }
        return (stored, cadres, try await enterpriseDesk().policiesToBring(enterprise))
    }

    private func enterpriseDesk() -> EnterpriseDesk {
        EnterpriseDesk(database: database, signedIn: signedIn, tree: tree, now: now)
    }
}
