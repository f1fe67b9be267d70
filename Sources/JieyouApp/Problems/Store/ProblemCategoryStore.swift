import Foundation
import JieyouDomain
import SQLKit

/// Reads the categories: the shipped ten and the sub-categories that units' admins added. A unit uses
/// the shipped ten and the sub-categories of its own lineage (its own and those of the units above).
enum ProblemCategoryStore {
    /// Every category, the shipped ten in seed 000's order, then sub-categories by parent and name.
    static func all(on sql: any SQLDatabase) async throws -> [ProblemCategory] {
        try await rows(where: nil, on: sql)
    }

    /// What problems of `unit` may be filed under.
    static func available(in unit: UUID, tree: OrgTree, on sql: any SQLDatabase) async throws -> [ProblemCategory] {
        let lineage = tree.lineage(of: unit).map(\.id)
        return try await rows(where: "parent_code IS NULL OR org_unit_id IN (\(binds: lineage))", on: sql)
    }

    /// The sub-categories added by `units`.
    static func subCategories(of units: [UUID], on sql: any SQLDatabase) async throws -> [ProblemCategory] {
        guard !units.isEmpty else { return [] }
        return try await rows(where: "org_unit_id IN (\(binds: units))", on: sql)
    }

    static func exists(_ code: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT 1 AS one FROM problem_categories WHERE code = \(bind: code)").first() != nil
    }

    static func find(_ code: String, on sql: any SQLDatabase) async throws -> ProblemCategory? {
        try await rows(where: "code = \(bind: code)", on: sql).first
    }

    /// How each code reads in a ledger: 困难求助, or 政务服务·用电报装 for a sub-category.
    static func names(on sql: any SQLDatabase) async throws -> [String: String] {
        displayNames(try await all(on: sql))
    }

    static func displayNames(_ categories: [ProblemCategory]) -> [String: String] {
        let shipped = Dictionary(uniqueKeysWithValues: ProblemCategory.shipped.map { ($0.code, $0.name) })
        return Dictionary(
            categories.map { category in
                (
                    category.code,
                    category.parentCode.flatMap { shipped[$0] }.map { "\($0)·\(category.name)" } ?? category.name
                )
            }, uniquingKeysWith: { first, _ in first })
    }

    /// Codes and display names for a select.
    static func options(_ categories: [ProblemCategory]) -> [(String, String)] {
        let names = displayNames(categories)
        return categories.map { ($0.code, names[$0.code] ?? $0.name) }
    }

    /// Problems filed under `code` or, for a shipped category, under any of its sub-categories.
    static func condition(_ code: String, column: SQLQueryString = "p.category_code") -> SQLQueryString {
        "(\(column) = \(bind: code) OR \(column) LIKE \(bind: code + ".%"))"
    }

    private struct Row: Decodable {
        let code: String
        let name: String
        let resolveDays: Int
        let parentCode: String?
        let orgUnitId: UUID?
    }

    private static func rows(where condition: SQLQueryString?, on sql: any SQLDatabase) async throws
        -> [ProblemCategory]
    {
        let filter: SQLQueryString = condition.map { "WHERE \($0)" } ?? ""
        let rows = try await sql.raw(
            "SELECT code, name, resolve_days, parent_code, org_unit_id FROM problem_categories \(filter)"
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        let order = Dictionary(uniqueKeysWithValues: ProblemCategory.shipped.enumerated().map { ($1.code, $0) })
        return rows.map {
            ProblemCategory(
                code: $0.code, name: $0.name, resolveDays: $0.resolveDays, parentCode: $0.parentCode,
                orgUnitID: $0.orgUnitId)
        }.sorted {
            let left = (order[ProblemCategory.topCode(of: $0.code)] ?? 99, $0.isShipped ? 0 : 1, $0.name)
            let right = (order[ProblemCategory.topCode(of: $1.code)] ?? 99, $1.isShipped ? 0 : 1, $1.name)
            return left < right
        }
    }
}
