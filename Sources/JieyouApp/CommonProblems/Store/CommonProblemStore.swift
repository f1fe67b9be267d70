import Foundation
import JieyouDomain
import SQLKit

/// Every statement on `common_problems`, their members and the dismissed proposals.
struct CommonProblemStore {
    let sql: any SQLDatabase

    /// A confirmed group with its figures.
    struct Row: Decodable, Sendable {
        let id: UUID
        let orgUnitId: UUID
        let unitName: String
        let title: String
        let keywords: String
        let state: String
        let question: String?
        let escalatedTo: UUID?
        let escalatedToName: String?
        let escalatedOn: String?
        let answer: String?
        let answerKind: String?
        let answererName: String?
        let answeredOn: String?
        let creatorName: String
        let createdAt: Date
        let version: Int
        let members: Int
        let enterprises: Int
        /// Members still open (neither resolved nor closed).
        let openMembers: Int

        var stateValue: CommonProblemState { CommonProblemState(rawValue: state) ?? .confirmed }
    }

    /// A problem as a group shows it, and as the grouping reads it.
    struct Problem: Decodable, Sendable {
        let id: UUID
        let number: String
        let orgUnitId: UUID
        let enterpriseId: UUID?
        let enterpriseName: String?
        let kind: String
        let state: String
        let categoryCode: String?
        let description: String
        let leadDepartmentName: String?
        let deadline: String?
        let groupId: UUID?

        var stateValue: ProblemState { ProblemState(rawValue: state) ?? .submitted }
    }

    private static let select: SQLQueryString = """
        SELECT g.id, g.org_unit_id, u.name AS unit_name, g.title, g.keywords, g.state, g.question, g.escalated_to,
          t.name AS escalated_to_name, g.escalated_on, g.answer, g.answer_kind, a.display_name AS answerer_name,
          g.answered_on, c.display_name AS creator_name, g.created_at, g.version,
          (SELECT COUNT(*) FROM common_problem_members m WHERE m.group_id = g.id) AS members,
          (SELECT COUNT(DISTINCT COALESCE(p.enterprise_id, p.id)) FROM common_problem_members m
            JOIN problems p ON p.id = m.problem_id WHERE m.group_id = g.id) AS enterprises,
          (SELECT COUNT(*) FROM common_problem_members m JOIN problems p ON p.id = m.problem_id
            WHERE m.group_id = g.id AND p.state IN ('submitted','accepted','assigned','inProgress','returned','ongoing'))
            AS open_members
        FROM common_problems g JOIN org_units u ON u.id = g.org_unit_id JOIN users c ON c.id = g.created_by
          LEFT JOIN org_units t ON t.id = g.escalated_to LEFT JOIN users a ON a.id = g.answered_by
        """

    private static let problemColumns: SQLQueryString = """
        SELECT p.id, p.number, p.org_unit_id, p.enterprise_id, e.name AS enterprise_name, p.kind, p.state,
          p.category_code, p.description, d.name AS lead_department_name, p.deadline, m.group_id
        FROM problems p LEFT JOIN enterprises e ON e.id = p.enterprise_id
          LEFT JOIN departments d ON d.id = p.lead_department_id
          LEFT JOIN common_problem_members m ON m.problem_id = p.id
        """

    func load(_ id: UUID) async throws -> Row? {
        try await sql.raw("\(Self.select) WHERE g.id = \(bind: id)").first(
            decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// The groups of `units`, and those sent to `escalatedTo` units; latest first.
    func list(units: [UUID], states: [CommonProblemState]) async throws -> [Row] {
        guard !units.isEmpty else { return [] }
        let narrowed: SQLQueryString =
            states.isEmpty ? "" : "AND g.state IN (\(binds: states.map(\.rawValue)))"
        return try await sql.raw(
            "\(Self.select) WHERE g.org_unit_id IN (\(binds: units)) \(narrowed) ORDER BY g.created_at DESC, g.id"
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// The groups waiting for an answer from one of `units`: sent to them and not yet answered.
    func awaitingAnswer(from units: [UUID]) async throws -> [Row] {
        guard !units.isEmpty else { return [] }
        return try await sql.raw(
            """
            \(Self.select) WHERE g.escalated_to IN (\(binds: units)) AND g.state = \(bind: CommonProblemState.escalated.rawValue)
            ORDER BY g.escalated_on, g.id
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    func members(of group: UUID) async throws -> [Problem] {
        try await sql.raw("\(Self.problemColumns) WHERE m.group_id = \(bind: group) ORDER BY p.number").all(
            decoding: Problem.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// The problems with these ids, with the group each is in.
    func problems(_ ids: [UUID]) async throws -> [Problem] {
        guard !ids.isEmpty else { return [] }
        return try await sql.raw("\(Self.problemColumns) WHERE p.id IN (\(binds: ids)) ORDER BY p.number").all(
            decoding: Problem.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// The open problems of `unit` that the grouping reads: of the grouped kinds, in no group yet.
    func candidates(in unit: UUID) async throws -> [Problem] {
        let open = ProblemState.allCases.filter(\.isOpen).map(\.rawValue)
        return try await sql.raw(
            """
            \(Self.problemColumns) WHERE p.org_unit_id = \(bind: unit) AND m.group_id IS NULL
              AND p.state IN (\(binds: open)) AND p.kind IN (\(binds: CommonProblemRules.groupedKinds.map(\.rawValue)))
            ORDER BY p.number
            """
        ).all(decoding: Problem.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }

    /// The member sets of the proposals `unit`'s service group dismissed.
    func dismissals(in unit: UUID) async throws -> [Set<UUID>] {
        try await sql.raw("SELECT problem_ids FROM common_problem_dismissals WHERE org_unit_id = \(bind: unit)").all()
            .map { row in
                Set(
                    try row.decode(column: "problem_ids", as: String.self).split(separator: ",").compactMap {
                        UUID(uuidString: String($0))
                    })
            }
    }

    func insert(
        id: UUID, unit: UUID, title: String, keywords: [String], members: [UUID], by user: UUID, now: Date
    ) async throws {
        try await sql.insert(into: "common_problems")
            .columns(
                "id", "org_unit_id", "title", "keywords", "state", "created_by", "created_at", "updated_at", "version"
            )
            .values(
                SQLBind(id), SQLBind(unit), SQLBind(title), SQLBind(keywords.joined(separator: "、")),
                SQLBind(CommonProblemState.confirmed.rawValue), SQLBind(user), SQLBind(now), SQLBind(now), SQLBind(1)
            )
            .run()
        try await add(members, to: id, now: now)
    }

    /// Adds problems to a group. Run inside the write transaction, whose lock on the event chain's head
    /// orders every writer: a problem another dispatcher grouped since the caller looked is refused by
    /// name here, before the primary key would refuse it with a bare database error.
    func add(_ problems: [UUID], to group: UUID, now: Date) async throws {
        guard !problems.isEmpty else { return }
        if let taken = try await sql.raw(
            """
            SELECT p.number FROM common_problem_members m JOIN problems p ON p.id = m.problem_id
            WHERE m.problem_id IN (\(binds: problems)) ORDER BY p.number
            """
        ).first()?.decode(column: "number", as: String.self) {
            throw AppError.invalid("problemIds", "问题\(taken)已在另一个共性问题中")
        }
        var insert = sql.insert(into: "common_problem_members").columns("problem_id", "group_id", "added_at")
        for problem in problems { insert = insert.values(SQLBind(problem), SQLBind(group), SQLBind(now)) }
        try await insert.run()
    }

    func remove(_ problem: UUID, from group: UUID) async throws {
        try await sql.raw(
            "DELETE FROM common_problem_members WHERE problem_id = \(bind: problem) AND group_id = \(bind: group)"
        ).run()
    }

    /// Moves every member of `other` into `group` and deletes `other`.
    func merge(_ other: UUID, into group: UUID) async throws {
        try await sql.raw(
            "UPDATE common_problem_members SET group_id = \(bind: group) WHERE group_id = \(bind: other)"
        ).run()
        try await sql.raw("DELETE FROM common_problems WHERE id = \(bind: other)").run()
    }

    /// Deletes a group whose members all left it.
    func delete(_ group: UUID) async throws {
        try await sql.raw("DELETE FROM common_problem_members WHERE group_id = \(bind: group)").run()
        try await sql.raw("DELETE FROM common_problems WHERE id = \(bind: group)").run()
    }

    /// Sends the group up, if it is still at `version`; false when another writer moved it first.
    func escalate(
        _ group: UUID, from version: Int, to unit: UUID, question: String, on day: LocalDate, now: Date
    ) async throws -> Bool {
        try await !sql.raw(
            """
            UPDATE common_problems SET state = \(bind: CommonProblemState.escalated.rawValue),
              escalated_to = \(bind: unit), question = \(bind: question), escalated_on = \(bind: day.iso),
              version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: group) AND version = \(bind: version) RETURNING id
            """
        ).all().isEmpty
    }

    /// Records the answer from above, if the group is still at `version`.
    func answer(
        _ group: UUID, from version: Int, answer: String, kind: ResultKind, by user: UUID, on day: LocalDate,
        now: Date
    ) async throws -> Bool {
        try await !sql.raw(
            """
            UPDATE common_problems SET state = \(bind: CommonProblemState.answered.rawValue),
              answer = \(bind: answer), answer_kind = \(bind: kind.rawValue), answered_by = \(bind: user),
              answered_on = \(bind: day.iso), version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: group) AND version = \(bind: version) RETURNING id
            """
        ).all().isEmpty
    }

    /// Marks a change to the group's members, so that a writer holding the old version is refused.
    func touch(_ group: UUID, from version: Int, now: Date) async throws -> Bool {
        try await !sql.raw(
            """
            UPDATE common_problems SET version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: group) AND version = \(bind: version) RETURNING id
            """
        ).all().isEmpty
    }

    /// Remembers a dismissed proposal; answers the dismissal's id, under which its event is logged.
    func dismiss(_ problems: [UUID], in unit: UUID, by user: UUID, now: Date) async throws -> UUID {
        let id = UUID()
        try await sql.insert(into: "common_problem_dismissals")
            .columns("id", "org_unit_id", "problem_ids", "dismissed_by", "created_at")
            .values(
                SQLBind(id), SQLBind(unit),
                SQLBind(problems.map(\.uuidString).sorted().joined(separator: ",")), SQLBind(user), SQLBind(now)
            )
            .run()
        return id
    }

    /// The confirmed, escalated and answered groups of `units` with their enterprises, most first: the
    /// bulletins' 突出共性问题.
    func outstanding(units: [UUID], limit: Int) async throws -> [Row] {
        guard !units.isEmpty else { return [] }
        return try await sql.raw(
            "\(Self.select) WHERE g.org_unit_id IN (\(binds: units)) ORDER BY enterprises DESC, g.created_at, g.id LIMIT \(literal: limit)"
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }
}
