import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// The problems and suggestions written down at visits and meetings before the ledger existed become
/// ledger problems waiting for the dispatcher, as new ones do from now on (`FindingStore`): the visit
/// form promised that nothing written there would be lost. Each gets its number and its event.
struct TakeInFindings: AsyncMigration {
    var name: String { "003_TakeInFindings" }

    func prepare(on database: any Database) async throws {
        struct Finding: Decodable, Sendable {
            let id: UUID
            let orgUnitId: UUID
            let enterpriseId: UUID
            let visitId: UUID?
            let kind: String
            let text: String
            let recordedBy: UUID
            let createdAt: Date?
        }
        let findings = try await (database as! any SQLDatabase).raw(
            """
            SELECT id, org_unit_id, enterprise_id, visit_id, kind, text, recorded_by, created_at FROM findings
            WHERE problem_id IS NULL ORDER BY created_at, id
            """
        ).all(decoding: Finding.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard !findings.isEmpty else { return }
        let now = Date()
        try await database.writing(actorID: nil, now: now) { tx, log in
            for f in findings {
                try await ProblemIntake.insert(
                    ProblemIntake.NewProblem(
                        orgUnit: f.orgUnitId, enterpriseID: f.enterpriseId,
                        kind: f.kind == FindingKind.suggestion.rawValue ? .suggestion : .problem,
                        source: f.visitId != nil ? .visit : .meeting, description: f.text, findingID: f.id,
                        reportedBy: f.recordedBy),
                    now: f.createdAt ?? now, on: tx as! any SQLDatabase, log: log)
            }
        }
    }

    /// The problems stay: they may have been worked on since, and the event log never loses a record.
    func revert(on database: any Database) async throws {}
}
