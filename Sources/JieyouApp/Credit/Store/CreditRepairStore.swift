import Foundation
import JieyouDomain
import SQLKit

/// Every statement on `credit_repairs`: the applications against a record, the queue of a
/// department, and decisions.
struct CreditRepairStore {
    let sql: any SQLDatabase

    struct Row: Decodable, Sendable {
        let id: UUID
        let recordId: UUID
        let orgUnitId: UUID
        let state: String
        let statement: String
        let contact: String?
        let phone: String?
        let appliedBy: UUID
        let applicantName: String
        let appliedOn: String
        let decidedBy: UUID?
        let deciderName: String?
        let decidedOn: String?
        let reason: String?

        var stateValue: CreditRepairState { CreditRepairState(rawValue: state) ?? .pending }
    }

    private static let select: SQLQueryString = """
        SELECT c.id, c.record_id, c.org_unit_id, c.state, c.statement, c.contact, c.phone, c.applied_by,
          a.display_name AS applicant_name, c.applied_on, c.decided_by, b.display_name AS decider_name, c.decided_on,
          c.reason
        FROM credit_repairs c JOIN users a ON a.id = c.applied_by LEFT JOIN users b ON b.id = c.decided_by
        """

    func load(_ id: UUID) async throws -> Row? {
        try await sql.raw("\(Self.select) WHERE c.id = \(bind: id)").first(
            decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// The applications against a record, oldest first.
    func list(of record: UUID) async throws -> [Row] {
        try await sql.raw("\(Self.select) WHERE c.record_id = \(bind: record) ORDER BY c.created_at, c.id").all(
            decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// The record's application still waiting for a decision.
    func pending(of record: UUID) async throws -> UUID? {
        try await sql.raw(
            "SELECT id FROM credit_repairs WHERE record_id = \(bind: record) AND state = \(bind: CreditRepairState.pending.rawValue)"
        ).first()?.decode(column: "id", as: UUID.self)
    }

    /// The pending applications against `department`'s records in `units`: its review queue.
    func queue(department: UUID?, units: [UUID]) async throws -> [(repair: Row, record: UUID)] {
        guard !units.isEmpty else { return [] }
        let narrowed: SQLQueryString = department.map { "AND r.department_id = \(bind: $0)" } ?? ""
        return try await sql.raw(
            """
            \(Self.select) JOIN credit_records r ON r.id = c.record_id
            WHERE c.state = \(bind: CreditRepairState.pending.rawValue) AND c.org_unit_id IN (\(binds: units)) \(narrowed)
            ORDER BY c.applied_on, c.id
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase).map { ($0, $0.recordId) }
    }

    func insert(
        id: UUID, record: UUID, unit: UUID, _ application: CreditRepairApplication, by user: UUID, on day: LocalDate,
        now: Date
    ) async throws {
        try await sql.insert(into: "credit_repairs")
            .columns(
                "id", "record_id", "org_unit_id", "state", "statement", "contact", "phone", "applied_by", "applied_on",
                "created_at", "updated_at"
            )
            .values(
                SQLBind(id), SQLBind(record), SQLBind(unit), SQLBind(CreditRepairState.pending.rawValue),
                SQLBind(application.statement), SQLBind(application.contact), SQLBind(application.phone),
                SQLBind(user), SQLBind(day.iso), SQLBind(now), SQLBind(now)
            )
            .run()
    }

    /// Decides a pending application; false when it was no longer pending (decided meanwhile).
    func decide(
        _ id: UUID, _ decision: CreditRepairDecision, by user: UUID, on day: LocalDate, now: Date
    ) async throws -> Bool {
        let state: CreditRepairState = decision.approve ? .approved : .refused
        return try await !sql.raw(
            """
            UPDATE credit_repairs SET state = \(bind: state.rawValue), decided_by = \(bind: user),
              decided_on = \(bind: day.iso), reason = \(bind: decision.reason), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND state = \(bind: CreditRepairState.pending.rawValue) RETURNING id
            """
        ).all().isEmpty
    }
}
