import Foundation
import JieyouDomain
import SQLKit

/// Writes a new problem (待受理) with its number and its event, inside the caller's transaction. Every
/// way in goes through here: the submission form and API, the problems and suggestions written down at
/// visits and meetings, and 上报 from the org below.
enum ProblemIntake {
    struct NewProblem: Sendable {
        var orgUnit: UUID
        var enterpriseID: UUID?
        var kind: ProblemKind
        var category: String?
        var source: ProblemSource
        var description: String
        var campaignID: UUID?
        var findingID: UUID?
        var reportedBy: UUID?
        var reporterHidden = false
        /// Who brought a complaint, request or question, and what it is about.
        var requester: ProblemRequester?
        /// A hotline or platform work order's number (工单编号) and platform.
        var externalNumber: String?
        var externalPlatform: String?
        var escalatedFrom: (id: UUID, number: String, reason: String?)?
    }

    /// Returns the new problem's id and number.
    @discardableResult
    static func insert(
        _ p: NewProblem, now: Date, calendar: WorkCalendar, on sql: any SQLDatabase, log: AuditLog
    ) async throws -> (id: UUID, number: String) {
        let id = UUID()
        let today = LocalDate(now, in: .chinaStandard)
        let year = today.year
        let acceptBy = try await ProblemRules.workflow(for: p.orgUnit, calendar: calendar, on: sql).acceptBy(
            submittedOn: today)
        let number = try await ProblemNumbers.next(for: p.orgUnit, year: year, on: sql)
        try await sql.raw(
            """
            INSERT INTO problems (id, org_unit_id, number, enterprise_id, kind, category_code, source, description,
              campaign_id, finding_id, state, submitted_on, accept_by, return_count, reopen_count, flags, reported_by,
              reporter_hidden, version, escalated_from, external_number, external_platform, created_at, updated_at)
            VALUES (\(bind: id), \(bind: p.orgUnit), \(bind: number), \(bind: p.enterpriseID), \(bind: p.kind.rawValue),
              \(bind: p.category), \(bind: p.source.rawValue), \(bind: p.description), \(bind: p.campaignID),
              \(bind: p.findingID), \(bind: ProblemState.submitted.rawValue), \(bind: today.iso),
              \(bind: acceptBy.iso), 0, 0, '', \(bind: p.reportedBy),
              \(bind: p.reporterHidden), 1, \(bind: p.escalatedFrom?.id), \(bind: p.externalNumber),
              \(bind: p.externalPlatform), \(bind: now), \(bind: now))
            """
        ).run()
        if let requester = p.requester { try await ProblemRequesterStore(sql: sql).insert(requester, for: id) }
        if let finding = p.findingID {
            try await sql.raw("UPDATE findings SET problem_id = \(bind: id) WHERE id = \(bind: finding)").run()
        }
        try await log.record(
            "problem", id: id.uuidString, "submit",
            .created([
                "number": number, "kind": p.kind.rawValue, "category": p.category, "source": p.source.rawValue,
                "description": p.description, "enterpriseId": p.enterpriseID?.uuidString, "state": "submitted",
                "escalatedFrom": p.escalatedFrom?.number, "reason": p.escalatedFrom?.reason,
                "externalNumber": p.externalNumber, "externalPlatform": p.externalPlatform,
            ]), orgUnit: p.orgUnit)
        return (id, number)
    }
}

/// Problem numbers per org and year: the org's code (its division code, or a park's letters), the year
/// and a sequence, e.g. `LXGXQ-2024-0216`. The counter row is written in the problem's transaction, so
/// numbers never repeat and never skip on a rollback.
enum ProblemNumbers {
    static func next(for unit: UUID, year: Int, on sql: any SQLDatabase) async throws -> String {
        try await sql.raw(
            """
            INSERT INTO problem_counters (org_unit_id, year, last) VALUES (\(bind: unit), \(bind: year), 1)
            ON CONFLICT (org_unit_id, year) DO UPDATE SET last = problem_counters.last + 1
            """
        ).run()
        let last =
            try await sql.raw(
                "SELECT last FROM problem_counters WHERE org_unit_id = \(bind: unit) AND year = \(bind: year)"
            ).first()?.decode(column: "last", as: Int.self) ?? 1
        let code =
            try await sql.raw("SELECT code FROM org_units WHERE id = \(bind: unit)").first()?
            .decode(column: "code", as: String?.self) ?? nil
        return "\(code ?? "WT")-\(year)-" + String(format: "%04d", last)
    }
}
