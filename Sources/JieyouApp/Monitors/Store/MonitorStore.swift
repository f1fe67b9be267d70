import Foundation
import JieyouDomain
import SQLKit

/// Every statement on the `monitors` roster, and the counts of each monitor's reports.
struct MonitorStore {
    let sql: any SQLDatabase

    /// A roster line with its account and what it reported.
    struct Row: Decodable, Sendable {
        let id: UUID
        let orgUnitId: UUID
        let kind: String
        let form: String
        let name: String
        let organisation: String?
        let phone: String?
        let termStartsOn: String
        let termEndsOn: String
        let userId: UUID?
        let active: Bool
        let username: String?
        /// Problems its account reported, those still open, and those found 暗访.
        let reports: Int
        let openReports: Int
        let incognito: Int

        var values: MonitorDraft.Values? {
            guard let kind = MonitorKind(rawValue: kind), let form = MonitorForm(rawValue: form),
                let starts = LocalDate(iso: termStartsOn), let ends = LocalDate(iso: termEndsOn), starts <= ends
            else { return nil }
            return MonitorDraft.Values(
                name: name, kind: kind, form: form, organisation: organisation, phone: phone, term: starts...ends,
                active: active)
        }
    }

    private static var select: SQLQueryString {
        let open = ProblemState.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return """
            SELECT m.id, m.org_unit_id, m.kind, m.form, m.name, m.organisation, m.phone, m.term_starts_on,
              m.term_ends_on, m.user_id, m.active, u.username,
              (SELECT COUNT(*) FROM problems p WHERE p.reported_by = m.user_id) AS reports,
              (SELECT COUNT(*) FROM problems p WHERE p.reported_by = m.user_id AND p.state IN (\(unsafeRaw: open)))
                AS open_reports,
              (SELECT COUNT(*) FROM problems p WHERE p.reported_by = m.user_id AND p.source = 'incognito') AS incognito
            FROM monitors m LEFT JOIN users u ON u.id = m.user_id
            """
    }

    /// The roster of `units`, by kind and name.
    func list(in units: [UUID]) async throws -> [Row] {
        guard !units.isEmpty else { return [] }
        return try await sql.raw(
            "\(Self.select) WHERE m.org_unit_id IN (\(binds: units)) ORDER BY m.kind, m.name, m.id"
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    func load(_ id: UUID) async throws -> Row? {
        try await sql.raw("\(Self.select) WHERE m.id = \(bind: id)").first(
            decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// The active monitor accounts of `units`, by name: those a roster line may link.
    func monitorAccounts(in units: [UUID]) async throws -> [(id: UUID, label: String)] {
        guard !units.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT id, display_name, username FROM users
            WHERE org_unit_id IN (\(binds: units)) AND roles LIKE \(bind: "%,\(Role.monitor.rawValue),%")
            ORDER BY display_name, username
            """
        ).all().map {
            (
                try $0.decode(column: "id", as: UUID.self),
                "\(try $0.decode(column: "display_name", as: String.self))（\(try $0.decode(column: "username", as: String.self))）"
            )
        }
    }

    /// The roster line that holds `user`'s account, other than `except`.
    func holder(of user: UUID, except: UUID?) async throws -> UUID? {
        try await sql.raw(
            "SELECT id FROM monitors WHERE user_id = \(bind: user) AND id <> \(bind: except ?? UUID())"
        ).first()?.decode(column: "id", as: UUID.self)
    }

    func insert(
        _ v: MonitorDraft.Values, id: UUID, unit: UUID, user: UUID?, now: Date
    ) async throws {
        try await sql.insert(into: "monitors")
            .columns(
                "id", "org_unit_id", "kind", "form", "name", "organisation", "phone", "term_starts_on", "term_ends_on",
                "user_id", "active", "created_at", "updated_at"
            )
            .values(
                SQLBind(id), SQLBind(unit), SQLBind(v.kind.rawValue), SQLBind(v.form.rawValue), SQLBind(v.name),
                SQLBind(v.organisation), SQLBind(v.phone), SQLBind(v.term.lowerBound.iso),
                SQLBind(v.term.upperBound.iso), SQLBind(user), SQLBind(v.active), SQLBind(now), SQLBind(now)
            )
            .run()
    }

    func update(_ id: UUID, _ v: MonitorDraft.Values, user: UUID?, now: Date) async throws {
        try await sql.raw(
            """
            UPDATE monitors SET kind = \(bind: v.kind.rawValue), form = \(bind: v.form.rawValue), name = \(bind: v.name),
              organisation = \(bind: v.organisation), phone = \(bind: v.phone),
              term_starts_on = \(bind: v.term.lowerBound.iso), term_ends_on = \(bind: v.term.upperBound.iso),
              user_id = \(bind: user), active = \(bind: v.active), updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """
        ).run()
    }

    /// One report of a monitor, for its sheet.
    struct Report: Decodable, Sendable {
        let number: String
        let submittedOn: String
        let kind: String
        let source: String
        let description: String
        let state: String
        let result: String?
        let resolvedOn: String?
        let satisfaction: String?
    }

    /// What `user` reported, oldest first, a page at a time.
    func reports(of user: UUID, after offset: Int, limit: Int) async throws -> [Report] {
        try await sql.raw(
            """
            SELECT number, submitted_on, kind, source, description, state, result, resolved_on, satisfaction
            FROM problems WHERE reported_by = \(bind: user)
            ORDER BY submitted_on, number LIMIT \(literal: limit) OFFSET \(literal: offset)
            """
        ).all(decoding: Report.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }
}
