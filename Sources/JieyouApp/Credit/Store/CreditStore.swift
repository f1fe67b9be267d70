import Foundation
import JieyouDomain
import SQLKit

/// Every statement on `credit_records`: a record with its department and its latest repair, the lists
/// (staff, public, an enterprise's), the counts per department, and publication.
struct CreditStore {
    let sql: any SQLDatabase

    /// A record as stored, with the name of its department and the state of its latest repair.
    struct Row: Decodable, Sendable {
        let id: UUID
        let orgUnitId: UUID
        let departmentId: UUID
        let departmentName: String
        let enterpriseId: UUID?
        let kind: String
        let counterpartyName: String
        let counterpartyCategory: String
        let creditCode: String?
        let legalRepresentative: String?
        let documentNumber: String
        let licenceCategory: String?
        let licenceContent: String?
        let licenceNumber: String?
        let violationType: String?
        let violationFacts: String?
        let penaltyBasis: String?
        let penaltyCategories: String?
        let penaltyContent: String?
        let fineYuan: Int64?
        let confiscatedYuan: Int64?
        let severity: String?
        let decidedOn: String
        let validFrom: String?
        let validUntil: String?
        let authority: String
        let authorityCode: String?
        let publicationDeadline: String
        let publicUntil: String
        let publishedOn: String?
        let repairedOn: String?
        let createdAt: Date
        /// The state of the latest 信用修复 application, if any.
        let repairState: String?

        var kindValue: CreditDecisionKind { CreditDecisionKind(rawValue: kind) ?? .licence }
        var category: CounterpartyCategory { CounterpartyCategory(rawValue: counterpartyCategory) ?? .organisation }
        var penaltyKinds: [PenaltyCategory] {
            (penaltyCategories ?? "").split(separator: ",").compactMap { PenaltyCategory(rawValue: String($0)) }
        }
        var severityValue: CreditSeverity? { severity.flatMap(CreditSeverity.init(rawValue:)) }

        var timeline: CreditTimeline {
            let decided = LocalDate(iso: decidedOn) ?? LocalDate(dayNumber: 0)
            return CreditTimeline(
                kind: kindValue, decidedOn: decided, severity: severityValue,
                deadline: LocalDate(iso: publicationDeadline) ?? decided,
                publicUntil: LocalDate(iso: publicUntil) ?? decided,
                publishedOn: publishedOn.flatMap(LocalDate.init(iso:)),
                repairedOn: repairedOn.flatMap(LocalDate.init(iso:)))
        }

        /// The record as its form would send it again, for an edit that leaves fields out.
        var draft: CreditRecordDraft {
            var d = CreditRecordDraft()
            (d.kind, d.counterpartyName, d.counterpartyCategory) = (kind, counterpartyName, counterpartyCategory)
            (d.creditCode, d.legalRepresentative, d.documentNumber) = (creditCode, legalRepresentative, documentNumber)
            (d.licenceCategory, d.licenceContent, d.licenceNumber) = (licenceCategory, licenceContent, licenceNumber)
            (d.violationType, d.violationFacts, d.penaltyBasis) = (violationType, violationFacts, penaltyBasis)
            d.penaltyCategories = penaltyKinds.map(\.rawValue)
            d.penaltyContent = penaltyContent
            d.fineWan = fineYuan.map(Money.wan)
            d.confiscatedWan = confiscatedYuan.map(Money.wan)
            (d.severity, d.decidedOn, d.validFrom, d.validUntil) = (severity, decidedOn, validFrom, validUntil)
            (d.authority, d.authorityCode) = (authority, authorityCode)
            return d
        }
    }

    private static let select: SQLQueryString = """
        SELECT r.id, r.org_unit_id, r.department_id, d.name AS department_name, r.enterprise_id, r.kind,
          r.counterparty_name, r.counterparty_category, r.credit_code, r.legal_representative, r.document_number,
          r.licence_category, r.licence_content, r.licence_number, r.violation_type, r.violation_facts,
          r.penalty_basis, r.penalty_categories, r.penalty_content, r.fine_yuan, r.confiscated_yuan, r.severity,
          r.decided_on, r.valid_from, r.valid_until, r.authority, r.authority_code, r.publication_deadline,
          r.public_until, r.published_on, r.repaired_on, r.created_at,
          (SELECT c.state FROM credit_repairs c WHERE c.record_id = r.id ORDER BY c.created_at DESC, c.id LIMIT 1)
            AS repair_state
        FROM credit_records r JOIN departments d ON d.id = r.department_id
        """

    func load(_ id: UUID) async throws -> Row? {
        try await sql.raw("\(Self.select) WHERE r.id = \(bind: id)").first(
            decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// The records with these ids, by id: one statement for a page of them.
    func load(_ ids: [UUID]) async throws -> [UUID: Row] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.raw("\(Self.select) WHERE r.id IN (\(binds: ids))").all(
            decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        return Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// What a staff list is narrowed to.
    struct Filter: Sendable {
        var units: [UUID]
        var department: UUID?
        var kind: CreditDecisionKind?
        /// Only records not yet public (待公示 and 逾期未公示).
        var unpublishedOnly = false
        /// A name, a 统一社会信用代码 or a document number, in part.
        var text: String?
        var decidedFrom: LocalDate?
        var decidedThrough: LocalDate?
        /// Only the records that name this enterprise (its own account's reach).
        var enterprise: UUID?
        /// Only records that name an enterprise of the registry (a cadre's reach).
        var linkedOnly = false
    }

    private func conditions(_ f: Filter) -> SQLQueryString {
        var parts: [SQLQueryString] = ["r.org_unit_id IN (\(binds: f.units))"]
        if let department = f.department { parts.append("r.department_id = \(bind: department)") }
        if let kind = f.kind { parts.append("r.kind = \(bind: kind.rawValue)") }
        if let enterprise = f.enterprise { parts.append("r.enterprise_id = \(bind: enterprise)") }
        if f.linkedOnly { parts.append("r.enterprise_id IS NOT NULL") }
        if f.unpublishedOnly { parts.append("r.published_on IS NULL AND r.repaired_on IS NULL") }
        if let text = f.text, !text.isEmpty {
            let like = "%" + LikePattern.escape(text) + "%"
            parts.append(
                "(r.counterparty_name LIKE \(bind: like) ESCAPE '\\' OR r.credit_code LIKE \(bind: like) ESCAPE '\\' OR r.document_number LIKE \(bind: like) ESCAPE '\\')"
            )
        }
        if let from = f.decidedFrom { parts.append("r.decided_on >= \(bind: from.iso)") }
        if let through = f.decidedThrough { parts.append("r.decided_on <= \(bind: through.iso)") }
        return parts.dropFirst().reduce(parts[0]) { "\($0) AND \($1)" }
    }

    /// A page of the records that match, newest decision first.
    func list(_ f: Filter, limit: Int, offset: Int) async throws -> [Row] {
        guard !f.units.isEmpty else { return [] }
        return try await sql.raw(
            """
            \(Self.select) WHERE \(conditions(f))
            ORDER BY r.decided_on DESC, r.document_number, r.id LIMIT \(literal: limit) OFFSET \(literal: offset)
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    func count(_ f: Filter) async throws -> Int {
        guard !f.units.isEmpty else { return 0 }
        return try await sql.raw("SELECT COUNT(*) AS n FROM credit_records r WHERE \(conditions(f))").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    /// The records public on `today`: published, not repaired, within their 公示截止期.
    private func publicConditions(today: LocalDate, units: [UUID]?, text: String?) -> SQLQueryString {
        var parts: [SQLQueryString] = [
            "r.published_on IS NOT NULL AND r.published_on <= \(bind: today.iso) AND r.repaired_on IS NULL AND r.public_until >= \(bind: today.iso)"
        ]
        if let units { parts.append("r.org_unit_id IN (\(binds: units))") }
        if let text, !text.isEmpty {
            let like = "%" + LikePattern.escape(text) + "%"
            // A natural person is never found by name: the page does not show it whole.
            parts.append(
                "((r.counterparty_name LIKE \(bind: like) ESCAPE '\\' AND r.counterparty_category <> 'naturalPerson') OR r.credit_code LIKE \(bind: like) ESCAPE '\\' OR r.document_number LIKE \(bind: like) ESCAPE '\\')"
            )
        }
        return parts.dropFirst().reduce(parts[0]) { "\($0) AND \($1)" }
    }

    func publicList(
        today: LocalDate, units: [UUID]?, kind: CreditDecisionKind?, text: String?, limit: Int, offset: Int
    ) async throws -> [Row] {
        var condition = publicConditions(today: today, units: units, text: text)
        if let kind { condition = "\(condition) AND r.kind = \(bind: kind.rawValue)" }
        return try await sql.raw(
            """
            \(Self.select) WHERE \(condition)
            ORDER BY r.published_on DESC, r.decided_on DESC, r.id LIMIT \(literal: limit) OFFSET \(literal: offset)
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    func publicCount(today: LocalDate, units: [UUID]?, kind: CreditDecisionKind?, text: String?) async throws -> Int {
        var condition = publicConditions(today: today, units: units, text: text)
        if let kind { condition = "\(condition) AND r.kind = \(bind: kind.rawValue)" }
        return try await sql.raw("SELECT COUNT(*) AS n FROM credit_records r WHERE \(condition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    /// An enterprise's records, newest first.
    func records(of enterprise: UUID) async throws -> [Row] {
        try await sql.raw(
            "\(Self.select) WHERE r.enterprise_id = \(bind: enterprise) ORDER BY r.decided_on DESC, r.id"
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// The registry's enterprise of `units` with the 统一社会信用代码 `code`.
    func enterprise(withCode code: String?, in units: [UUID]) async throws -> UUID? {
        guard let code, !units.isEmpty else { return nil }
        return try await sql.raw(
            "SELECT id FROM enterprises WHERE credit_code = \(bind: code) AND org_unit_id IN (\(binds: units))"
        ).first()?.decode(column: "id", as: UUID.self)
    }

    /// The record of `unit` with the same kind and document number, other than `except`.
    func duplicate(unit: UUID, kind: CreditDecisionKind, document: String, except: UUID?) async throws -> UUID? {
        try await sql.raw(
            """
            SELECT id FROM credit_records WHERE org_unit_id = \(bind: unit) AND kind = \(bind: kind.rawValue)
              AND document_number = \(bind: document) AND id <> \(bind: except ?? UUID())
            """
        ).first()?.decode(column: "id", as: UUID.self)
    }

    /// Where a record is filed and what it was when checked.
    struct Placement: Sendable {
        let unit: UUID
        let department: UUID
        let enterprise: UUID?
        let deadline: LocalDate
    }

    func insert(
        _ v: CreditRecordDraft.Values, id: UUID, at place: Placement, publishedOn: LocalDate?, by user: UUID, now: Date
    ) async throws {
        try await sql.insert(into: "credit_records")
            .columns(
                "id", "org_unit_id", "department_id", "enterprise_id", "kind", "counterparty_name",
                "counterparty_category", "credit_code", "legal_representative", "document_number", "licence_category",
                "licence_content", "licence_number", "violation_type", "violation_facts", "penalty_basis",
                "penalty_categories", "penalty_content", "fine_yuan", "confiscated_yuan", "severity", "decided_on",
                "valid_from", "valid_until", "authority", "authority_code", "publication_deadline", "public_until",
                "published_on", "created_by", "created_at", "updated_at"
            )
            .values(
                [
                    SQLBind(id), SQLBind(place.unit), SQLBind(place.department), SQLBind(place.enterprise),
                    SQLBind(v.kind.rawValue), SQLBind(v.counterpartyName), SQLBind(v.counterpartyCategory.rawValue),
                    SQLBind(v.creditCode), SQLBind(v.legalRepresentative), SQLBind(v.documentNumber),
                ] + Self.details(v) + [
                    SQLBind(place.deadline.iso), SQLBind(v.publicUntil.iso), SQLBind(publishedOn?.iso), SQLBind(user),
                    SQLBind(now), SQLBind(now),
                ]
            )
            .run()
    }

    /// The fields from 许可类别 to 决定机关统一社会信用代码, in the table's order.
    private static func details(_ v: CreditRecordDraft.Values) -> [SQLBind] {
        [
            SQLBind(v.licenceCategory?.rawValue), SQLBind(v.licenceContent), SQLBind(v.licenceNumber),
            SQLBind(v.violationType), SQLBind(v.violationFacts), SQLBind(v.penaltyBasis),
            SQLBind(v.penaltyCategories.isEmpty ? nil : v.penaltyCategories.map(\.rawValue).joined(separator: ",")),
            SQLBind(v.penaltyContent), SQLBind(v.fineYuan), SQLBind(v.confiscatedYuan), SQLBind(v.severity?.rawValue),
            SQLBind(v.decidedOn.iso), SQLBind(v.validFrom?.iso), SQLBind(v.validUntil?.iso), SQLBind(v.authority),
            SQLBind(v.authorityCode),
        ]
    }

    func update(_ id: UUID, _ v: CreditRecordDraft.Values, enterprise: UUID?, deadline: LocalDate, now: Date)
        async throws
    {
        try await sql.raw(
            """
            UPDATE credit_records SET enterprise_id = \(bind: enterprise), counterparty_name = \(bind: v.counterpartyName),
              counterparty_category = \(bind: v.counterpartyCategory.rawValue), credit_code = \(bind: v.creditCode),
              legal_representative = \(bind: v.legalRepresentative), document_number = \(bind: v.documentNumber),
              licence_category = \(bind: v.licenceCategory?.rawValue), licence_content = \(bind: v.licenceContent),
              licence_number = \(bind: v.licenceNumber), violation_type = \(bind: v.violationType),
              violation_facts = \(bind: v.violationFacts), penalty_basis = \(bind: v.penaltyBasis),
              penalty_categories = \(bind: v.penaltyCategories.isEmpty ? nil : v.penaltyCategories.map(\.rawValue).joined(separator: ",")),
              penalty_content = \(bind: v.penaltyContent), fine_yuan = \(bind: v.fineYuan),
              confiscated_yuan = \(bind: v.confiscatedYuan), severity = \(bind: v.severity?.rawValue),
              decided_on = \(bind: v.decidedOn.iso), valid_from = \(bind: v.validFrom?.iso),
              valid_until = \(bind: v.validUntil?.iso), authority = \(bind: v.authority),
              authority_code = \(bind: v.authorityCode), publication_deadline = \(bind: deadline.iso),
              public_until = \(bind: v.publicUntil.iso), updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """
        ).run()
    }

    func publish(_ id: UUID, on day: LocalDate, now: Date) async throws {
        try await sql.raw(
            "UPDATE credit_records SET published_on = \(bind: day.iso), updated_at = \(bind: now) WHERE id = \(bind: id)"
        ).run()
    }

    func markRepaired(_ id: UUID, on day: LocalDate, now: Date) async throws {
        try await sql.raw(
            "UPDATE credit_records SET repaired_on = \(bind: day.iso), updated_at = \(bind: now) WHERE id = \(bind: id)"
        ).run()
    }

    /// One line of the counts per department: records decided in the period, by kind, and how their
    /// publication went.
    struct Tally: Decodable, Sendable {
        let departmentId: UUID
        let departmentName: String
        let licences: Int
        let penalties: Int
        let publishedOnTime: Int
        let publishedLate: Int
        let unpublished: Int
        let repaired: Int
        var total: Int { licences + penalties }
    }

    /// The counts per department of the records of `units` decided between the two days.
    func tally(units: [UUID], from: LocalDate, through: LocalDate) async throws -> [Tally] {
        guard !units.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT r.department_id, d.name AS department_name,
              SUM(CASE WHEN r.kind = 'licence' THEN 1 ELSE 0 END) AS licences,
              SUM(CASE WHEN r.kind = 'penalty' THEN 1 ELSE 0 END) AS penalties,
              SUM(CASE WHEN r.published_on IS NOT NULL AND r.published_on <= r.publication_deadline THEN 1 ELSE 0 END)
                AS published_on_time,
              SUM(CASE WHEN r.published_on > r.publication_deadline THEN 1 ELSE 0 END) AS published_late,
              SUM(CASE WHEN r.published_on IS NULL THEN 1 ELSE 0 END) AS unpublished,
              SUM(CASE WHEN r.repaired_on IS NOT NULL THEN 1 ELSE 0 END) AS repaired
            FROM credit_records r JOIN departments d ON d.id = r.department_id
            WHERE r.org_unit_id IN (\(binds: units)) AND r.decided_on >= \(bind: from.iso)
              AND r.decided_on <= \(bind: through.iso)
            GROUP BY r.department_id, d.name ORDER BY d.name
            """
        ).all(decoding: Tally.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }
}
