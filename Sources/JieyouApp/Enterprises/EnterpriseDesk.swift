import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// The registry's use cases for one signed-in person: searching it, one enterprise's profile, the
/// forms that register and edit enterprises and their 三联 liaison, tags, imports and 一对一专班
/// (the extensions beside this file). A record the reader may not read is "not found".
struct EnterpriseDesk {
    let database: any Database
    let signedIn: SignedIn
    let tree: OrgTree
    let now: Date

    var actor: Actor { signedIn.actor }
    var sql: any SQLDatabase { database.sql }

    /// The reader's reach in the registry; refused for those who read no enterprises.
    func access() throws -> EnterpriseAccess {
        try EnterpriseAccess.of(signedIn, tree: tree)
    }

    /// The enterprise's profile page.
    func profile(_ id: UUID) async throws -> EnterpriseProfile {
        let access = try access()
        let stored = try await access.enterprise(id, on: database)
        let unit = stored.row.orgUnitId
        let staff: Bool = if case .units = access.reach { true } else { false }
        let fieldWork = FieldWorkFilter(reach: .enterprise(id))
        let visits = try await VisitQueries.recent(fieldWork, limit: 50, on: sql)
        return EnterpriseProfile(
            enterprise: stored,
            liaison: try await LiaisonService.load([id], on: sql)[id] ?? Liaison(),
            policiesToBring: try await policiesToBring(id),
            openProblems: try await OpenProblems.of(enterprise: id, readBy: access.actor, tree: access.tree, on: sql),
            meetings: staff ? try await MeetingQueries.list(fieldWork, limit: 50, on: sql) : [],
            teams: staff ? try await TeamService.teams(serving: id, on: sql) : [],
            visits: visits,
            visitFiles: try await AttachmentStore(sql: sql).list(.visit, visits.map(\.id)),
            mayVisit: AccessPolicy.may(access.actor, .recordFieldWork, at: unit, in: access.tree),
            maySubmitProblem: ProblemAccess.maySubmit(access.actor) && !access.actor.has(.monitor),
            mayEdit: AccessPolicy.may(access.actor, .manageEnterprises, at: unit, in: access.tree))
    }

    /// The policies `enterprise` fits, in force for the reader, that it has not acknowledged and
    /// nobody has brought in person: what a cadre takes on the next visit.
    func policiesToBring(_ enterprise: UUID) async throws -> [PolicyMatching.Fit] {
        guard AccessPolicy.has(actor, .readPolicies) else { return [] }
        guard let facts = try await EnterpriseFactsStore.load(enterprise: enterprise, on: sql) else { return [] }
        let visible = Set(PolicyService.visibleUnits(of: actor, in: tree))
        return try await PolicyMatching(sql: sql, tree: tree, today: LocalDate(now, in: .chinaStandard))
            .policies(for: facts).filter {
                visible.contains($0.policy.orgUnitId) && $0.acknowledgedAt == nil
                    && !$0.channels.contains(where: \.isInPerson)
            }
    }
}
