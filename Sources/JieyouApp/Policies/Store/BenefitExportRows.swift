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
        let pages = KeysetPages(key: SQLColumn("granted_on", table: "b"), id: SQLColumn("id", table: "b"), size: size)
        try await pages.forEach(
            BenefitLedger.conditions(reach: reach, filter: filter),
            read: { condition, limit in
                try await sql.raw(
                    """
                    SELECT b.id, b.granted_on, e.name AS enterprise_name, e.credit_code, b.org_unit_id,
                      p.title AS policy_title, b.kind, b.amount_fen, b.note
                    FROM benefits b JOIN enterprises e ON e.id = b.enterprise_id
                      LEFT JOIN policies p ON p.id = b.policy_id
                    WHERE \(condition) ORDER BY \(pages.order) LIMIT \(literal: limit)
                    """
                ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
            }, position: { ($0.grantedOn, $0.id) }, body)
    }
}
