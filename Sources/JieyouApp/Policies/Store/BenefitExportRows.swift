import Foundation
import JieyouDomain
import SQLKit

/// Every 兑现 of a reach and filter for an export, oldest first, a page at a time (keyset on the day
/// and the id).
enum BenefitExportRows {
    struct Row: Decodable, Sendable {
        let id: UUID
        let grantedOn: String
        let enterpriseName: String
        let creditCode: String
        let orgUnitId: UUID
        let policyTitle: String?
        let kind: String
        let amountFen: Int64
        let note: String?
    }

    static func forEachPage(
        reach: EnterpriseReach, filter: BenefitFilter, size: Int = 1_000, on sql: any SQLDatabase,
        _ body: ([Row]) async throws -> Void
    ) async throws {
        let conditions = BenefitLedger.conditions(reach: reach, filter: filter)
        var after: (day: String, id: UUID)?
        while true {
            var paged = conditions
            if let after {
                paged.append(
                    "(b.granted_on > \(bind: after.day) OR (b.granted_on = \(bind: after.day) AND b.id > \(bind: after.id)))"
                )
            }
            let rows = try await sql.raw(
                """
                SELECT b.id, b.granted_on, e.name AS enterprise_name, e.credit_code, b.org_unit_id,
                  p.title AS policy_title, b.kind, b.amount_fen, b.note
                FROM benefits b JOIN enterprises e ON e.id = b.enterprise_id LEFT JOIN policies p ON p.id = b.policy_id
                WHERE \(paged.joined(separator: " AND ")) ORDER BY b.granted_on, b.id LIMIT \(literal: size)
                """
            ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
            guard let last = rows.last else { return }
            try await body(rows)
            if rows.count < size { return }
            after = (last.grantedOn, last.id)
        }
    }
}
