import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// What a person filters the registry by (list page, `GET /api/v1/enterprises`).
struct EnterpriseFilter: Sendable {
    /// Part of the name, or the start of the credit code.
    var q: String?
    /// An industry code: a section (`C`) includes its divisions.
    var industry: String?
    /// A region code: a city includes its counties.
    var region: String?
    var scale: EnterpriseScale?
    var tag: String?
    /// Enterprises where this cadre is stationed (驻企干部).
    var cadreID: UUID?
    /// Only enterprises nobody has visited yet.
    var neverVisited = false
    /// A unit inside the caller's scope to narrow to (with its subtree).
    var orgUnitID: UUID?
}

/// One line of the list.
struct EnterpriseListItem: Codable, Sendable {
    let id: UUID
    let orgUnitId: UUID
    let creditCode: String
    let name: String
    let industryCode: String?
    let regionCode: String?
    let scale: String?
    let whitelisted: Bool
    let lastVisitedOn: String?
}

struct EnterprisePage: Sendable {
    let items: [EnterpriseListItem]
    /// Every match, or `EnterpriseSearch.countLimit` when a name search matches more (`totalCapped`).
    let total: Int
    let totalCapped: Bool
    /// Opaque; pass back as `cursor` for the next page. Nil on the last page.
    let nextCursor: String?
}

/// Which enterprises a reader may see: the units of its subtree, or (an enterprise account) itself.
enum EnterpriseReach: Sendable {
    case units([UUID])
    case enterprise(UUID)

    /// Whose lines a policy list (项目申报, the 兑现 ledger) shows `actor`: an enterprise account its
    /// own; a reader of policies the subtree of `unit` (default its own), which must be within its
    /// reach; anyone else is refused.
    static func policyLists(of actor: Actor, under unit: UUID?, on database: any Database) async throws
        -> EnterpriseReach
    {
        if actor.has(.enterprise), let enterprise = actor.enterpriseID { return .enterprise(enterprise) }
        guard AccessPolicy.has(actor, .readPolicies) else { throw AppError.forbidden() }
        let tree = try await OrgDirectory.tree(on: database)
        let root = unit ?? actor.orgUnitID
        guard tree.isWithin(root, subtreeOf: actor.orgUnitID) else { throw AppError.notFound("组织") }
        return .units(Array(tree.subtree(of: root)))
    }
}

/// The registry's list query: filters, substring search on a trigram index (see
/// `CreateEnterpriseSearch`), keyset paging on (name, id) so page 500 costs what page 1 costs.
enum EnterpriseSearch {
    /// A name search counts its matches up to this many. A fragment that matches more is too broad to
    /// read through, and counting every one of 10,000 matches costs more than the page itself; lists
    /// filtered without text (规上, a tag, a region) are counted exactly, since those totals are figures
    /// people report.
    static let countLimit = 1_000
    /// From this many full-text matches on, the page walks the name index (see `page`).
    static let commonMatches = 2_000

    static func page(
        _ filter: EnterpriseFilter, reach: EnterpriseReach, limit: Int, cursor: String?, on sql: any SQLDatabase
    ) async throws -> EnterprisePage {
        let conditions = try self.conditions(filter, reach: reach, dialect: sql.dialect.name)
        let whereClause = conditions.joined(separator: " AND ")
        var paged = conditions
        if let cursor {
            guard let key = Cursor.decode(cursor) else { throw AppError.invalid("cursor", "分页参数无效，请从第一页重新查询") }
            paged.append("(e.name > \(bind: key.name) OR (e.name = \(bind: key.name) AND e.id > \(bind: key.id)))")
        }
        // A name fragment that thousands of names contain is better served by walking the name index
        // until the page is full than by fetching every match and sorting it (3 ms against 17 ms for
        // 10,000 matches); SQLite cannot know the count from the full-text index, so it is asked.
        var table: SQLQueryString = "enterprises e"
        if let phrase = ftsPhrase(filter.q, dialect: sql.dialect.name),
            let matches = try await sql.raw(
                "SELECT COUNT(*) AS n FROM enterprise_search WHERE enterprise_search MATCH \(bind: phrase)"
            ).first()?.decode(column: "n", as: Int.self), matches >= commonMatches
        {
            table = "enterprises e INDEXED BY enterprises_name_idx"
        }
        // The last visit is looked up for the page's rows only, after the limit: in the same SELECT as
        // the ORDER BY, a database may compute it for every matching row before sorting.
        let rows = try await sql.raw(
            """
            SELECT p.*, (SELECT MAX(v.visited_on) FROM visits v WHERE v.enterprise_id = p.id) AS last_visited_on
            FROM (SELECT e.id, e.org_unit_id, e.credit_code, e.name, e.industry_code, e.region_code, e.scale,
              e.whitelisted FROM \(table) WHERE \(paged.joined(separator: " AND "))
              ORDER BY e.name, e.id LIMIT \(literal: limit + 1)) p
            ORDER BY p.name, p.id
            """
        ).all(decoding: EnterpriseListItem.self, keyDecodingStrategy: ColumnNames.snakeCase)
        let searching = !(filter.q ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        let counted: SQLQueryString =
            searching
            ? "SELECT COUNT(*) AS n FROM (SELECT 1 FROM enterprises e WHERE \(whereClause) LIMIT \(literal: countLimit + 1)) m"
            : "SELECT COUNT(*) AS n FROM enterprises e WHERE \(whereClause)"
        let total = try await sql.raw(counted).first()?.decode(column: "n", as: Int.self) ?? 0
        let items = Array(rows.prefix(limit))
        let next = rows.count > limit ? items.last.map { Cursor(name: $0.name, id: $0.id).encoded } : nil
        let capped = searching && total > countLimit
        return EnterprisePage(
            items: items, total: capped ? countLimit : total, totalCapped: capped, nextCursor: next)
    }

    static func conditions(_ filter: EnterpriseFilter, reach: EnterpriseReach, dialect: String) throws
        -> [SQLQueryString]
    {
        var conditions: [SQLQueryString] = []
        switch reach {
        case .enterprise(let id): conditions.append("e.id = \(bind: id)")
        case .units(let units):
            guard !units.isEmpty else { return ["1 = 0"] }
            conditions.append("e.org_unit_id IN (\(binds: units))")
        }
        if let q = filter.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty {
            conditions.append(textCondition(q, dialect: dialect))
        }
        if let code = filter.industry, !code.isEmpty {
            guard let industry = Industry.byCode[code.uppercased()] else {
                throw AppError.invalid("industry", "行业代码“\(code)”无效")
            }
            let codes =
                industry.isSection
                ? [industry.code] + Industry.divisions.filter { $0.sectionCode == industry.code }.map(\.code)
                : [industry.code]
            conditions.append("e.industry_code IN (\(binds: codes))")
        }
        if let code = filter.region, !code.isEmpty {
            guard let region = Region.byCode[code] else { throw AppError.invalid("region", "市县代码“\(code)”无效") }
            let codes =
                region.isCity
                ? [region.code] + Region.hunan.filter { $0.cityCode == region.code }.map(\.code) : [region.code]
            conditions.append("e.region_code IN (\(binds: codes))")
        }
        if let scale = filter.scale { conditions.append("e.scale = \(bind: scale.rawValue)") }
        if let tag = filter.tag, !tag.isEmpty {
            conditions.append(
                "EXISTS (SELECT 1 FROM enterprise_tags t WHERE t.enterprise_id = e.id AND t.tag = \(bind: tag))")
        }
        if let cadre = filter.cadreID {
            conditions.append(
                "EXISTS (SELECT 1 FROM enterprise_liaisons l WHERE l.enterprise_id = e.id AND l.user_id = \(bind: cadre))"
            )
        }
        if filter.neverVisited {
            conditions.append("NOT EXISTS (SELECT 1 FROM visits v WHERE v.enterprise_id = e.id)")
        }
        return conditions
    }

    /// A credit-code prefix uses the unique index as a range; a name fragment of three characters or
    /// more uses the trigram index; shorter fragments (two-character names such as 浮标 are common)
    /// fall back to LIKE, which scans.
    static func textCondition(_ q: String, dialect: String) -> SQLQueryString {
        if isCodePrefix(q) {
            let upper = q.uppercased()
            return "(e.credit_code >= \(bind: upper) AND e.credit_code < \(bind: upper + "~"))"
        }
        if let phrase = ftsPhrase(q, dialect: dialect) {
            return "e.rowid IN (SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH \(bind: phrase))"
        }
        return "e.name LIKE \(bind: "%" + LikePattern.escape(q) + "%") ESCAPE '\\'"
    }

    private static func isCodePrefix(_ q: String) -> Bool {
        let upper = q.uppercased()
        return upper.count >= 6 && upper.count <= 18 && upper.allSatisfy({ CreditCode.alphabet.contains($0) })
            && upper.contains(where: \.isNumber)
    }

    /// The full-text phrase for a name fragment the trigram index can serve (SQLite, three characters
    /// or more), else nil.
    private static func ftsPhrase(_ q: String?, dialect: String) -> String? {
        guard let q = q?.trimmingCharacters(in: .whitespaces), dialect == "sqlite", q.count >= 3, !isCodePrefix(q)
        else { return nil }
        return "\"" + q.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The position after the last row of a page.
    struct Cursor: Codable {
        let name: String
        let id: UUID

        var encoded: String {
            let data = (try? JSONEncoder().encode(self)) ?? Data()
            return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
                of: "/", with: "_")
        }

        static func decode(_ text: String) -> Cursor? {
            let base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            guard let data = Data(base64Encoded: base64) else { return nil }
            return try? JSONDecoder().decode(Cursor.self, from: data)
        }
    }
}
