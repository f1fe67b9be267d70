import Foundation
import JieyouDomain
import SQLKit

/// The SQL of the daily 催办 run (`OverdueSweep`): its claim on the day, the problems past their
/// deadline, their overdue marks, and who is told.
struct OverdueStore {
    let sql: any SQLDatabase

    /// A problem past its deadline, as the run reads it.
    struct Row: Decodable, Sendable {
        let id: UUID
        let orgUnitId: UUID
        let number: String
        let leadDepartmentId: UUID?
        let deadline: String
        let overdueCount: Int
        let overdueSince: String?
        let flags: String
    }

    /// Claims `day`'s run (`DailyRun`): true for the first instance to ask, or when an earlier claim
    /// was left unfinished for longer than `stale`.
    func claim(_ day: LocalDate, now: Date, stale: TimeInterval) async throws -> Bool {
        try await DailyRun(sql: sql, name: "overdue", day: day).claim(now: now, stale: stale)
    }

    func finish(_ day: LocalDate, at time: Date, summary: String) async throws {
        try await DailyRun(sql: sql, name: "overdue", day: day).finish(at: time, summary: summary)
    }

    /// Clears the mark of the problems in time again (extended, resumed or settled); returns how many.
    /// The rule is the ledger's (`ProblemLedger.overdue`), so the 超期 view and the run agree.
    func clearInTime(on today: LocalDate) async throws -> Int {
        try await sql.raw(
            """
            UPDATE problems SET overdue_since = NULL
            WHERE overdue_since IS NOT NULL AND NOT \(ProblemLedger.overdue(on: today, in: "problems"))
            RETURNING id
            """
        ).all().count
    }

    /// The problems past their deadline on `today`, by deadline and number.
    func overdue(on today: LocalDate) async throws -> [Row] {
        try await sql.raw(
            """
            SELECT id, org_unit_id, number, lead_department_id, deadline, overdue_count, overdue_since, flags
            FROM problems WHERE \(ProblemLedger.overdue(on: today, in: "problems"))
            ORDER BY deadline, number
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// Marks a problem overdue since `day`, for the `count`th time.
    func markOverdue(_ id: UUID, count: Int, since day: LocalDate) async throws {
        try await sql.raw(
            "UPDATE problems SET overdue_count = \(bind: count), overdue_since = \(bind: day.iso) WHERE id = \(bind: id)"
        ).run()
    }

    /// The active handlers of a department.
    func handlers(of department: UUID) async throws -> [UUID] {
        try await ids(
            "SELECT id FROM users WHERE active = \(bind: true) AND roles LIKE '%,handler,%' AND department_id = \(bind: department)"
        )
    }

    /// The active dispatchers of an org unit.
    func dispatchers(of unit: UUID) async throws -> [UUID] {
        try await ids(
            "SELECT id FROM users WHERE active = \(bind: true) AND roles LIKE '%,dispatcher,%' AND org_unit_id = \(bind: unit)"
        )
    }

    private func ids(_ query: SQLQueryString) async throws -> [UUID] {
        try await sql.raw(query).all().map { try $0.decode(column: "id", as: UUID.self) }
    }
}
