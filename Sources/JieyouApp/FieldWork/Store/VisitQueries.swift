import Foundation
import JieyouDomain
import SQLKit

/// A visit as lists and detail pages show it.
struct VisitSummary: Codable, Sendable {
    let id: UUID
    let enterpriseId: UUID
    let enterpriseName: String
    let creditCode: String
    let orgUnitId: UUID
    let visitedOn: String
    let purposes: [String]
    let notes: String?
    let cadres: [String]
    let findings: [FindingSummary]
}

struct FindingSummary: Codable, Sendable {
    let id: UUID
    let kind: String
    let text: String
    let visitId: UUID?
    let meetingId: UUID?
    let createdAt: Date?
}

enum VisitQueries {
    /// The latest visits the filter selects, newest first, with cadres and findings.
    static func recent(_ filter: FieldWorkFilter, limit: Int, on sql: any SQLDatabase) async throws -> [VisitSummary] {
        try await read(
            where: conditions(filter).joined(separator: " AND "), order: "v.visited_on DESC, v.created_at DESC",
            limit: limit, on: sql)
    }

    /// Every visit the filter selects, oldest first, a page at a time: what an export writes.
    static func forEachPage(
        _ filter: FieldWorkFilter, size: Int = 1_000, on sql: any SQLDatabase,
        _ body: ([VisitSummary]) async throws -> Void
    ) async throws {
        let pages = KeysetPages(key: SQLColumn("visited_on", table: "v"), id: SQLColumn("id", table: "v"), size: size)
        try await pages.forEach(
            conditions(filter),
            read: { condition, limit in try await read(where: condition, order: pages.order, limit: limit, on: sql) },
            position: { ($0.visitedOn, $0.id) }, body)
    }

    private static func conditions(_ filter: FieldWorkFilter) -> [SQLQueryString] {
        filter.conditions(alias: "v", day: "visited_on") { "v.enterprise_id = \(bind: $0)" }
    }

    /// One visit.
    static func visit(_ id: UUID, on sql: any SQLDatabase) async throws -> [VisitSummary] {
        try await read(where: "v.id = \(bind: id)", order: "v.id", limit: 1, on: sql)
    }

    /// The visits matching `condition` (on `v`) in `order`, with cadres and findings: three statements.
    private static func read(
        where condition: SQLQueryString, order: SQLQueryString, limit: Int, on sql: any SQLDatabase
    ) async throws -> [VisitSummary] {
        struct Row: Decodable {
            let id: UUID
            let enterpriseId: UUID
            let enterpriseName: String
            let creditCode: String
            let orgUnitId: UUID
            let visitedOn: String
            let purposes: String
            let notes: String?
        }
        let rows = try await sql.raw(
            """
            SELECT v.id, v.enterprise_id, e.name AS enterprise_name, e.credit_code, v.org_unit_id, v.visited_on,
              v.purposes, v.notes
            FROM visits v JOIN enterprises e ON e.id = v.enterprise_id WHERE \(condition)
            ORDER BY \(order) LIMIT \(literal: limit)
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.id)
        var cadres: [UUID: [String]] = [:]
        for row in try await sql.raw(
            """
            SELECT vc.visit_id, u.display_name FROM visit_cadres vc JOIN users u ON u.id = vc.user_id
            WHERE vc.visit_id IN (\(binds: ids)) ORDER BY u.display_name
            """
        ).all() {
            cadres[try row.decode(column: "visit_id", as: UUID.self), default: []].append(
                try row.decode(column: "display_name", as: String.self))
        }
        let findings = try await findings(where: "f.visit_id IN (\(binds: ids))", on: sql)
        let byVisit = Dictionary(grouping: findings, by: { $0.visitId! })
        return rows.map { row in
            VisitSummary(
                id: row.id, enterpriseId: row.enterpriseId, enterpriseName: row.enterpriseName,
                creditCode: row.creditCode, orgUnitId: row.orgUnitId, visitedOn: row.visitedOn,
                purposes: row.purposes.split(separator: ",").map(String.init), notes: row.notes,
                cadres: cadres[row.id] ?? [], findings: byVisit[row.id] ?? [])
        }
    }

    static func findings(where condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [FindingSummary] {
        try await sql.raw(
            """
            SELECT f.id, f.kind, f.text, f.visit_id, f.meeting_id, f.created_at FROM findings f WHERE \(condition)
            ORDER BY f.created_at
            """
        ).all(decoding: FindingSummary.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }
}
