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
        let findings = try await database.sql.raw(
            """
            SELECT id, org_unit_id, enterprise_id, visit_id, kind, text, recorded_by, created_at FROM findings
            WHERE problem_id IS NULL ORDER BY created_at, id
            """
        ).all(decoding: Finding.self, keyDecodingStrategy: ColumnNames.snakeCase)
        guard !findings.isEmpty else { return }
        let now = Date()
        try await database.writing(actorID: nil, now: now) { tx, log in
            let sql = tx.sql
            for f in findings {
                // The row as the ledger of 003 wrote it; later columns are filled by their own migrations.
                let id = UUID()
                let at = f.createdAt ?? now
                let kind = f.kind == FindingKind.suggestion.rawValue ? ProblemKind.suggestion : .problem
                let source = f.visitId != nil ? ProblemSource.visit : .meeting
                let number = try await ProblemNumbers.next(
                    for: f.orgUnitId, year: LocalDate(at, in: .chinaStandard).year, on: sql)
                try await sql.raw(
                    """
                    INSERT INTO problems (id, org_unit_id, number, enterprise_id, kind, source, description, finding_id,
                      state, return_count, reopen_count, flags, reported_by, reporter_hidden, version, created_at,
                      updated_at)
                    VALUES (\(bind: id), \(bind: f.orgUnitId), \(bind: number), \(bind: f.enterpriseId),
                      \(bind: kind.rawValue), \(bind: source.rawValue), \(bind: f.text), \(bind: f.id), 'submitted', 0, 0,
                      '', \(bind: f.recordedBy), \(bind: false), 1, \(bind: at), \(bind: at))
                    """
                ).run()
                try await sql.raw("UPDATE findings SET problem_id = \(bind: id) WHERE id = \(bind: f.id)").run()
                try await log.record(
                    "problem", id: id.uuidString, "submit",
                    .created([
                        "number": number, "kind": kind.rawValue, "category": nil, "source": source.rawValue,
                        "description": f.text, "enterpriseId": f.enterpriseId.uuidString, "state": "submitted",
                        "escalatedFrom": nil, "reason": nil,
                    ]), orgUnit: f.orgUnitId)
            }
        }
    }

    /// The problems stay: they may have been worked on since, and the event log never loses a record.
    func revert(on database: any Database) async throws {}
}
