import Foundation
import JieyouDomain
import SQLKit

/// A stored policy, as read back from `policies`.
struct PolicyRecord: Codable, Sendable {
    let id: UUID
    let orgUnitId: UUID
    let title: String
    let documentNumber: String?
    let issuer: String
    let level: String
    let themes: String
    let summary: String?
    let validFrom: String?
    let validUntil: String?
    let departmentId: UUID?
    let benefitKind: String
    let sourceText: String?
    let sourceUrl: String?
    let automatic: Bool
    let columns: String
    let rule: String

    var themeList: [String] { themes.split(separator: ",").map(String.init) }
    var columnList: [String] { columns.split(separator: ",").map(String.init) }
    var levelName: String { PolicyLevel(rawValue: level)?.chineseName ?? level }
    var benefitKindName: String { PolicyBenefitKind(rawValue: benefitKind)?.chineseName ?? benefitKind }

    /// The stored rule. It was checked on the way in; one that no longer parses (a tag since renamed)
    /// matches nobody rather than everybody.
    /// Parsed rules are kept by their stored text: an enterprise's page checks every policy of its
    /// lineage (a thousand at a province), and decoding each rule's JSON was most of that.
    func eligibility(tags: Set<String>, tree: OrgTree) -> EligibilityRule {
        if let cached = Self.parsed.rule(for: rule) { return cached }
        guard let draft = try? JSONDecoder().decode(EligibilityRuleDraft.self, from: Data(rule.utf8)),
            case .success(let parsed) = EligibilityRuleParser(knownTags: tags, tree: tree).parse(draft)
        else { return .any([.not(.everyone)]) }
        Self.parsed.store(parsed, for: rule)
        return parsed
    }

    private static let parsed = RuleCache()

    /// Stored rule text → rule. Tags are never deleted and stored rules name units by id, so a text
    /// that parsed once parses the same way again; only good parses are kept, at most 20,000.
    private final class RuleCache: @unchecked Sendable {
        private let lock = NSLock()
        private var rules: [String: EligibilityRule] = [:]

        func rule(for text: String) -> EligibilityRule? { lock.withLock { rules[text] } }

        func store(_ rule: EligibilityRule, for text: String) {
            lock.withLock {
                if rules.count >= 20_000 { rules.removeAll(keepingCapacity: true) }
                rules[text] = rule
            }
        }
    }

    func isValid(on day: LocalDate) -> Bool {
        (validFrom.flatMap(LocalDate.init(iso:)).map { $0 <= day } ?? true)
            && (validUntil.flatMap(LocalDate.init(iso:)).map { day <= $0 } ?? true)
    }

    /// "长期有效", "2024-09-01 至 2025-12-31", "2024-09-01 起".
    var validityText: String {
        switch (validFrom, validUntil) {
        case (nil, nil): "长期有效"
        case (let from?, nil): "\(from) 起"
        case (nil, let until?): "至 \(until)"
        case (let from?, let until?): "\(from) 至 \(until)"
        }
    }

    var auditValues: [String: String?] {
        [
            "title": title, "documentNumber": documentNumber, "issuer": issuer, "level": level,
            "themes": themes.isEmpty ? nil : themes, "summary": summary, "validFrom": validFrom,
            "validUntil": validUntil, "departmentId": departmentId?.uuidString, "benefitKind": benefitKind,
            "sourceUrl": sourceUrl, "sourceText": sourceText.map { "\($0.count)字" },
            "automatic": automatic ? "true" : "false", "columns": columns.isEmpty ? nil : columns, "rule": rule,
        ]
    }
}

/// What the policy list is filtered by.
struct PolicyFilter: Sendable {
    /// Part of the title, 文号 or summary.
    var q: String?
    var theme: String?
    /// A 政策专栏.
    var column: String?
    /// Only 免申即享 policies.
    var automaticOnly = false
}

enum PolicyQueries {
    static let columns: SQLQueryString = """
        p.id, p.org_unit_id, p.title, p.document_number, p.issuer, p.level, p.themes, p.summary, p.valid_from,
        p.valid_until, p.department_id, p.benefit_kind, p.source_text, p.source_url, p.automatic, p.columns, p.rule
        """

    static func load(_ id: UUID, on sql: any SQLDatabase) async throws -> PolicyRecord? {
        try await sql.raw("SELECT \(columns) FROM policies p WHERE p.id = \(bind: id)")
            .first(decoding: PolicyRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// The policies of `units`, newest first. Themes and columns are stored comma-joined with commas
    /// around (`,两新,设备更新,`), so one LIKE finds a whole name and never a part of one.
    static func list(units: [UUID], filter: PolicyFilter, on sql: any SQLDatabase) async throws -> [PolicyRecord] {
        guard !units.isEmpty else { return [] }
        var conditions: [SQLQueryString] = ["p.org_unit_id IN (\(binds: units))"]
        if let q = filter.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty {
            let pattern = "%\(LikePattern.escape(q))%"
            conditions.append(
                """
                (p.title LIKE \(bind: pattern) ESCAPE '\\' OR p.document_number LIKE \(bind: pattern) ESCAPE '\\' \
                OR p.summary LIKE \(bind: pattern) ESCAPE '\\')
                """)
        }
        if let theme = filter.theme, !theme.isEmpty {
            conditions.append("p.themes LIKE \(bind: "%,\(LikePattern.escape(theme)),%") ESCAPE '\\'")
        }
        if let column = filter.column, !column.isEmpty {
            conditions.append("p.columns LIKE \(bind: "%,\(LikePattern.escape(column)),%") ESCAPE '\\'")
        }
        if filter.automaticOnly { conditions.append("p.automatic = \(bind: true)") }
        return try await sql.raw(
            "SELECT \(columns) FROM policies p WHERE \(conditions.joined(separator: " AND ")) ORDER BY p.created_at DESC, p.id"
        ).all(decoding: PolicyRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// Every 政策专栏 in use among `units`' policies, for the list's tabs.
    static func columnNames(units: [UUID], on sql: any SQLDatabase) async throws -> [String] {
        guard !units.isEmpty else { return [] }
        let rows = try await sql.raw("SELECT DISTINCT columns FROM policies WHERE org_unit_id IN (\(binds: units))")
            .all()
        let names = try rows.flatMap { try $0.decode(column: "columns", as: String.self).split(separator: ",") }
        return Array(Set(names.map(String.init))).sorted()
    }

    /// Stored as `,a,b,` (see `list`); empty lists as the empty string.
    static func joined(_ names: [String]) -> String {
        names.isEmpty ? "" : "," + names.joined(separator: ",") + ","
    }
}
