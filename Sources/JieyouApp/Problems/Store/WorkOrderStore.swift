import Foundation
import JieyouDomain
import SQLKit

/// The statements on hotline and platform work orders: which numbers a ledger already holds, a
/// correction the platform sent again, and the rows of the reply sheet.
struct WorkOrderStore {
    let sql: any SQLDatabase

    /// A work order already in the ledger, with what a new import may correct.
    struct Existing: Decodable, Sendable {
        let id: UUID
        let externalNumber: String
        let description: String
        let version: Int
        let name: String?
        let phone: String?
    }

    /// The orders of `unit` among `numbers`, by number.
    func existing(_ numbers: [String], in unit: UUID) async throws -> [String: Existing] {
        var found: [String: Existing] = [:]
        for chunk in numbers.chunked(into: 500) {
            for row in try await sql.raw(
                """
                SELECT p.id, p.external_number, p.description, p.version, r.name, r.phone
                FROM problems p LEFT JOIN problem_requesters r ON r.problem_id = p.id
                WHERE p.org_unit_id = \(bind: unit) AND p.external_number IN (\(binds: Array(chunk)))
                """
            ).all(decoding: Existing.self, keyDecodingStrategy: ColumnNames.snakeCase) {
                found[row.externalNumber] = row
            }
        }
        return found
    }

    /// Writes what the platform corrected (the content, the requester's name and phone); the loop's
    /// state is never touched.
    func correct(_ id: UUID, description: String, name: String?, phone: String?, now: Date) async throws {
        try await sql.raw(
            """
            UPDATE problems SET description = \(bind: description), version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """
        ).run()
        try await sql.raw(
            "UPDATE problem_requesters SET name = \(bind: name), phone = \(bind: phone) WHERE problem_id = \(bind: id)"
        ).run()
    }

    /// One order of the reply sheet: the order as it came and what the park did with it.
    struct ReplyRow: Decodable, Sendable {
        let externalNumber: String
        let externalPlatform: String?
        let submittedOn: String
        let name: String?
        let phone: String?
        let description: String
        let kind: String
        let enterprise: String?
        let department: String?
        let deadline: String?
        let state: String
        let result: String?
        let resultKind: String?
        let replyMethod: String?
        let resolvedOn: String?
        let satisfaction: String?
    }

    /// The work orders of `unit` that came in from `from` through `to` (either open), in the order
    /// they came in, a page at a time.
    func replyRows(of unit: UUID, from: LocalDate?, to: LocalDate?, after offset: Int, limit: Int) async throws
        -> [ReplyRow]
    {
        var conditions: [SQLQueryString] = ["p.org_unit_id = \(bind: unit)", "p.external_number IS NOT NULL"]
        if let from { conditions.append("p.submitted_on >= \(bind: from.iso)") }
        if let to { conditions.append("p.submitted_on <= \(bind: to.iso)") }
        return try await sql.raw(
            """
            SELECT p.external_number, p.external_platform, p.submitted_on, r.name, r.phone, p.description, p.kind,
              e.name AS enterprise, d.name AS department, p.deadline, p.state, p.result, p.result_kind,
              p.reply_method, p.resolved_on, p.satisfaction
            FROM problems p LEFT JOIN problem_requesters r ON r.problem_id = p.id
              LEFT JOIN departments d ON d.id = p.lead_department_id
              LEFT JOIN enterprises e ON e.id = p.enterprise_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY p.submitted_on, p.external_number LIMIT \(literal: limit) OFFSET \(literal: offset)
            """
        ).all(decoding: ReplyRow.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }
}
