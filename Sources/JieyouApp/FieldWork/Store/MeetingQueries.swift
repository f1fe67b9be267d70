import Foundation
import JieyouDomain
import SQLKit

/// A meeting as lists show it, with its totals.
struct MeetingSummary: Codable, Sendable {
    let id: UUID
    let orgUnitId: UUID
    let kind: String
    let title: String
    let heldOn: String
    let place: String?
    let departmentName: String?
    let enterpriseCount: Int
    let findingCount: Int
    let intendedYuan: Int64
    let lentYuan: Int64
    let dealCount: Int
}

/// A meeting with everything recorded at it.
struct MeetingDetail: Codable, Sendable {
    struct Financing: Codable, Sendable {
        let enterpriseId: UUID
        let enterpriseName: String
        let bank: String
        let intendedYuan: Int64
        let lentYuan: Int64
    }

    struct Deal: Codable, Sendable {
        let enterpriseId: UUID
        let enterpriseName: String
        let counterpart: String
        let subject: String
        let amountYuan: Int64?
    }

    /// A policy the meeting presented, and how many enterprises it reached there.
    struct PresentedPolicy: Codable, Sendable {
        let policyId: UUID
        let title: String
        let enterprises: Int
    }

    struct Finding: Codable, Sendable {
        let id: UUID
        let enterpriseId: UUID
        let enterpriseName: String
        let kind: String
        let text: String
    }

    let summary: MeetingSummary
    let notes: String?
    let enterprises: [NamedRef]
    let findings: [Finding]
    let financings: [Financing]
    let deals: [Deal]
    let policies: [PresentedPolicy]
}

enum MeetingQueries {
    /// The meetings the filter selects, newest first.
    static func list(_ filter: FieldWorkFilter, limit: Int, on sql: any SQLDatabase) async throws -> [MeetingSummary] {
        try await list(
            where: conditions(filter).joined(separator: " AND "), order: "m.held_on DESC, m.created_at DESC",
            limit: limit, on: sql)
    }

    /// Every meeting the filter selects, oldest first, a page at a time: what an export writes.
    static func forEachPage(
        _ filter: FieldWorkFilter, size: Int = 1_000, on sql: any SQLDatabase,
        _ body: ([MeetingSummary]) async throws -> Void
    ) async throws {
        let pages = KeysetPages(key: SQLColumn("held_on", table: "m"), id: SQLColumn("id", table: "m"), size: size)
        try await pages.forEach(
            conditions(filter),
            read: { condition, limit in try await list(where: condition, order: pages.order, limit: limit, on: sql) },
            position: { ($0.heldOn, $0.id) }, body)
    }

    private static func conditions(_ filter: FieldWorkFilter) -> [SQLQueryString] {
        filter.conditions(alias: "m", day: "held_on") {
            "m.id IN (SELECT me.meeting_id FROM meeting_enterprises me WHERE me.enterprise_id = \(bind: $0))"
        }
    }

    /// Meetings matching `condition` (on `m`) in `order`, with their totals.
    private static func list(
        where condition: SQLQueryString, order: SQLQueryString, limit: Int, on sql: any SQLDatabase
    ) async throws -> [MeetingSummary] {
        try await sql.raw(
            """
            SELECT m.id, m.org_unit_id, m.kind, m.title, m.held_on, m.place, d.name AS department_name,
              (SELECT COUNT(*) FROM meeting_enterprises me WHERE me.meeting_id = m.id) AS enterprise_count,
              (SELECT COUNT(*) FROM findings f WHERE f.meeting_id = m.id) AS finding_count,
              (SELECT CAST(COALESCE(SUM(mf.intended_yuan), 0) AS BIGINT) FROM meeting_financings mf WHERE mf.meeting_id = m.id) AS intended_yuan,
              (SELECT CAST(COALESCE(SUM(mf.lent_yuan), 0) AS BIGINT) FROM meeting_financings mf WHERE mf.meeting_id = m.id) AS lent_yuan,
              (SELECT COUNT(*) FROM meeting_deals md WHERE md.meeting_id = m.id) AS deal_count
            FROM meetings m LEFT JOIN departments d ON d.id = m.department_id
            WHERE \(condition) ORDER BY \(order) LIMIT \(literal: limit)
            """
        ).all(decoding: MeetingSummary.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    static func detail(_ id: UUID, on sql: any SQLDatabase) async throws -> MeetingDetail? {
        guard let summary = try await list(where: "m.id = \(bind: id)", order: "m.id", limit: 1, on: sql).first else {
            return nil
        }
        struct Notes: Decodable { let notes: String? }
        let notes = try await sql.raw("SELECT notes FROM meetings WHERE id = \(bind: id)").first(decoding: Notes.self)?
            .notes
        let enterprises = try await sql.raw(
            """
            SELECT e.id, e.name FROM meeting_enterprises me JOIN enterprises e ON e.id = me.enterprise_id
            WHERE me.meeting_id = \(bind: id) ORDER BY e.name
            """
        ).all(decoding: NamedRef.self)
        let findings = try await sql.raw(
            """
            SELECT f.id, f.enterprise_id, e.name AS enterprise_name, f.kind, f.text
            FROM findings f JOIN enterprises e ON e.id = f.enterprise_id
            WHERE f.meeting_id = \(bind: id) ORDER BY e.name, f.created_at
            """
        ).all(decoding: MeetingDetail.Finding.self, keyDecodingStrategy: ColumnNames.snakeCase)
        let financings = try await sql.raw(
            """
            SELECT mf.enterprise_id, e.name AS enterprise_name, mf.bank, mf.intended_yuan, mf.lent_yuan
            FROM meeting_financings mf JOIN enterprises e ON e.id = mf.enterprise_id
            WHERE mf.meeting_id = \(bind: id) ORDER BY e.name, mf.bank
            """
        ).all(decoding: MeetingDetail.Financing.self, keyDecodingStrategy: ColumnNames.snakeCase)
        let deals = try await sql.raw(
            """
            SELECT md.enterprise_id, e.name AS enterprise_name, md.counterpart, md.subject, md.amount_yuan
            FROM meeting_deals md JOIN enterprises e ON e.id = md.enterprise_id
            WHERE md.meeting_id = \(bind: id) ORDER BY e.name
            """
        ).all(decoding: MeetingDetail.Deal.self, keyDecodingStrategy: ColumnNames.snakeCase)
        let policies = try await sql.raw(
            """
            SELECT pd.policy_id, p.title, COUNT(*) AS enterprises
            FROM policy_deliveries pd JOIN policies p ON p.id = pd.policy_id
            WHERE pd.meeting_id = \(bind: id) GROUP BY pd.policy_id, p.title ORDER BY p.title
            """
        ).all(decoding: MeetingDetail.PresentedPolicy.self, keyDecodingStrategy: ColumnNames.snakeCase)
        return MeetingDetail(
            summary: summary, notes: notes, enterprises: enterprises, findings: findings, financings: financings,
            deals: deals, policies: policies)
    }
}

extension MeetingQueries {
    /// The meeting when its unit is within `reach`; not found otherwise (an enterprise account reads
    /// none here).
    static func readable(reach: EnterpriseReach, on sql: any SQLDatabase, _ id: UUID) async throws -> MeetingDetail {
        guard case .units(let units) = reach, let detail = try await detail(id, on: sql),
            units.contains(detail.summary.orgUnitId)
        else { throw AppError.notFound("活动") }
        return detail
    }
}
