import Foundation
import JieyouDomain
import SQLKit

/// How a signed-in user stands to one problem (`ProblemParty`), which decides both reading and acting.
/// An empty set means the user may not even see the problem (404, so its existence is not revealed).
enum ProblemParties {
    static func of(
        _ actor: Actor, for record: ProblemRecord, snapshot: ProblemSnapshot, tree: OrgTree, on sql: any SQLDatabase
    ) async throws -> Set<ProblemParty> {
        var parties: Set<ProblemParty> = []
        let inSubtree = tree.isWithin(record.orgUnitId, subtreeOf: actor.orgUnitID)
        if actor.has(.dispatcher) {
            // The owning org's service group acts; a dispatcher above reads (it acts once escalated).
            if actor.orgUnitID == record.orgUnitId {
                parties.insert(.dispatcher)
            } else if inSubtree {
                parties.insert(.reader)
            }
        }
        if actor.has(.leader) && inSubtree { parties.insert(.leader) }
        if actor.has(.handler), let department = actor.departmentID {
            if snapshot.leadDepartment == department { parties.insert(.leadHandler) }
            if snapshot.coDepartments[department] != nil { parties.insert(.coHandler) }
        }
        if actor.has(.enterprise), let enterprise = actor.enterpriseID, enterprise == record.enterpriseId {
            parties.insert(.enterprise)
        }
        if actor.has(.cadre), let enterprise = record.enterpriseId {
            let liaison = try await sql.raw(
                """
                SELECT 1 AS one FROM enterprise_liaisons
                WHERE enterprise_id = \(bind: enterprise) AND user_id = \(bind: actor.userID) AND kind = 'cadre'
                """
            ).first()
            if liaison != nil { parties.insert(.liaisonCadre) } else if inSubtree { parties.insert(.reader) }
        }
        if (actor.has(.admin) || actor.has(.upper)) && inSubtree { parties.insert(.reader) }
        if actor.has(.monitor) && record.reportedBy == actor.userID { parties.insert(.reader) }
        return parties
    }

    /// The problem as `actor` may read it, with how it stands to it; not found when it may not.
    static func readable(_ id: UUID, by actor: Actor, tree: OrgTree, on sql: any SQLDatabase) async throws -> (
        record: ProblemRecord, snapshot: ProblemSnapshot, parties: Set<ProblemParty>
    ) {
        guard let (record, snapshot) = try await ProblemRecord.load(id, on: sql) else { throw AppError.notFound("问题") }
        let parties = try await of(actor, for: record, snapshot: snapshot, tree: tree, on: sql)
        guard !parties.isEmpty else { throw AppError.notFound("问题") }
        return (record, snapshot, parties)
    }
}
