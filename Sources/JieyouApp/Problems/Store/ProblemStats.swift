import Foundation
import JieyouDomain
import SQLKit

/// Which problems a statistic covers: those that came in during the period (both days included) in
/// an org's subtree, led by a department, of a category or campaign, within the reader's reach.
struct StatsScope: Sendable {
    var orgUnitID: UUID?
    /// The lead department: a department answers for the problems it leads.
    var departmentID: UUID?
    var category: String?
    var campaignID: UUID?
    var from: LocalDate?
    var to: LocalDate?
}

/// What a statistic is broken down by.
enum StatsGrouping: String, Sendable, CaseIterable {
    case department, category, orgUnit
}

/// The tallies of PRODUCT.md §3's metrics, counted in SQL: one aggregate over the scope's problems,
/// and one over the resolved ones' (assigned, resolved) day pairs for the working days between them,
/// which need the calendar. Both take the period's index (`problems_org_submitted_idx`).
enum ProblemStats {
    /// The scope's tally under the key of each group (`nil` without a grouping, or for problems with
    /// no lead department or category yet).
    static func tallies(
        _ scope: StatsScope, groupBy grouping: StatsGrouping?, actor: Actor, tree: OrgTree, today: LocalDate,
        calendar: WorkCalendar, on sql: any SQLDatabase
    ) async throws -> [String?: ProblemTally] {
        let conditions = ProblemLedger.reach(of: actor, tree: tree, on: sql) + self.conditions(scope, tree: tree)
        let whereClause = conditions.joined(separator: " AND ")
        let key: SQLQueryString =
            switch grouping {
            case .department: "p.lead_department_id"
            case .category: "p.category_code"
            case .orgUnit: "p.org_unit_id"
            case nil: "NULL"
            }
        let groupClause: SQLQueryString = grouping == nil ? "" : "GROUP BY \(key)"
        let rows = try await sql.raw(
            """
            SELECT \(key) AS k, \(tallyColumns(today: today).joined(separator: ", "))
            FROM problems p WHERE \(whereClause) \(groupClause)
            """
        ).all()
        var tallies: [String?: ProblemTally] = [:]
        for row in rows {
            let counts = try row.decode(model: TallyRow.self, keyDecodingStrategy: ColumnNames.snakeCase)
            if counts.registered > 0 || grouping == nil {
                let key = try groupKey(row, grouping)
                tallies[key] = (tallies[key] ?? ProblemTally()) + counts.tally
            }
        }
        try await addResolveDays(
            to: &tallies, where: whereClause, key: key, grouping: grouping, calendar: calendar, on: sql)
        return tallies
    }

    /// Problems resolved or closed.
    private static let done: SQLQueryString = "p.state IN ('resolved', 'closed')"
    /// 投诉, 诉求 and 咨询 (`ProblemKind.hasRequester`), and the states still being handled.
    private static let requesterKinds: SQLQueryString =
        "(\(unsafeRaw: ProblemKind.requesterKinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")))"
    private static let openStates: SQLQueryString =
        "(\(unsafeRaw: ProblemState.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ", ")))"

    /// The aggregate columns of `TallyRow`, states read as of `today`.
    private static func tallyColumns(today: LocalDate) -> [SQLQueryString] {
        let t = today.iso
        func sum(_ expression: SQLQueryString, _ name: String) -> SQLQueryString {
            "CAST(COALESCE(SUM(\(expression)), 0) AS BIGINT) AS \(unsafeRaw: name)"
        }
        func count(_ condition: SQLQueryString, _ name: String) -> SQLQueryString {
            sum("CASE WHEN \(condition) THEN 1 ELSE 0 END", name)
        }
        return [
            "CAST(COUNT(*) AS BIGINT) AS registered",
            count("p.kind = 'suggestion'", "suggestions"),
            count("p.state IN ('rejected', 'merged')", "rejected_or_merged"),
            sum(
                """
                (CASE WHEN p.accept_by IS NOT NULL AND (p.screened_on IS NOT NULL OR p.accept_by < \(bind: t))
                  THEN 1 ELSE 0 END)
                + (CASE WHEN p.sign_by IS NOT NULL AND (p.signed_on IS NOT NULL OR p.sign_by < \(bind: t))
                  THEN 1 ELSE 0 END)
                """, "responses_due"),
            sum(
                """
                (CASE WHEN p.screened_on <= p.accept_by THEN 1 ELSE 0 END)
                + (CASE WHEN p.signed_on <= p.sign_by THEN 1 ELSE 0 END)
                """, "responded_in_time"),
            count("p.assigned_on IS NOT NULL", "assigned"),
            count(done, "resolved"),
            count("\(done) AND p.resolved_on <= p.deadline", "resolved_on_time"),
            count(ProblemLedger.overdue(on: today), "open_overdue"),
            // A 不满意 revisit reopens the problem and clears its rating; the reopen count keeps it.
            sum("(CASE WHEN p.satisfaction IS NOT NULL THEN 1 ELSE 0 END) + p.reopen_count", "rated"),
            count("p.satisfaction IN ('satisfied', 'basicallySatisfied')", "satisfied"),
            count("p.state = 'closed'", "closed"),
            count("\(done) OR p.reopen_count > 0", "ever_resolved"),
            count("p.reopen_count > 0", "reopened"),
            count("p.kind = 'suggestion' AND \(done)", "suggestions_resolved"),
            count("p.kind = 'suggestion' AND \(done) AND p.result_kind = 'adopted'", "suggestions_adopted"),
            count("p.kind = 'suggestion' AND p.assigned_on IS NOT NULL", "suggestions_assigned"),
            count("p.kind IN \(requesterKinds)", "requests"),
            count("p.kind = 'complaint'", "complaints"),
            count("p.kind = 'inquiry'", "inquiries"),
            count("p.kind IN \(requesterKinds) AND p.assigned_on IS NOT NULL", "requests_assigned"),
            count("p.kind IN \(requesterKinds) AND \(done)", "requests_resolved"),
            count("p.kind IN \(requesterKinds) AND p.state IN \(openStates)", "requests_open"),
        ]
    }

    /// Adds the working days from assignment to resolution, counted once per distinct pair of days
    /// with the calendar, to each group's tally.
    private static func addResolveDays(
        to tallies: inout [String?: ProblemTally], where whereClause: SQLQueryString, key: SQLQueryString,
        grouping: StatsGrouping?, calendar: WorkCalendar, on sql: any SQLDatabase
    ) async throws {
        let pairGroups: SQLQueryString =
            grouping == nil ? "p.assigned_on, p.resolved_on" : "\(key), p.assigned_on, p.resolved_on"
        let pairs = try await sql.raw(
            """
            SELECT \(key) AS k, p.assigned_on, p.resolved_on, CAST(COUNT(*) AS BIGINT) AS n
            FROM problems p WHERE \(whereClause) AND \(done) AND p.assigned_on IS NOT NULL
            GROUP BY \(pairGroups)
            """
        ).all()
        for row in pairs {
            let pair = try row.decode(model: DayPair.self, keyDecodingStrategy: ColumnNames.snakeCase)
            guard let from = LocalDate(iso: pair.assignedOn), let to = pair.resolvedOn.flatMap(LocalDate.init(iso:))
            else { continue }
            let key = try groupKey(row, grouping)
            tallies[key, default: ProblemTally()].resolveWorkingDays +=
                calendar.workingDays(after: from, through: to) * pair.n
            tallies[key, default: ProblemTally()].resolveSamples += pair.n
        }
    }

    /// The group's key as text: ids are read as UUIDs and written out, because each driver stores
    /// them its own way (text in SQLite, a uuid in PostgreSQL).
    private static func groupKey(_ row: any SQLRow, _ grouping: StatsGrouping?) throws -> String? {
        switch grouping {
        case nil: nil
        // A sub-category counts under its shipped category.
        case .category: try row.decode(column: "k", as: String?.self).map(ProblemCategory.topCode(of:))
        case .department, .orgUnit: try row.decode(column: "k", as: UUID?.self)?.uuidString
        }
    }

    /// The scope as conditions on `p`; `orgUnitID` must already be within the reader's reach.
    static func conditions(_ scope: StatsScope, tree: OrgTree) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        if let unit = scope.orgUnitID {
            conditions.append("p.org_unit_id IN (\(binds: Array(tree.subtree(of: unit))))")
        }
        if let department = scope.departmentID { conditions.append("p.lead_department_id = \(bind: department)") }
        if let category = scope.category { conditions.append(ProblemCategoryStore.condition(category)) }
        if let campaign = scope.campaignID { conditions.append("p.campaign_id = \(bind: campaign)") }
        if let from = scope.from { conditions.append("p.submitted_on >= \(bind: from.iso)") }
        if let to = scope.to { conditions.append("p.submitted_on <= \(bind: to.iso)") }
        return conditions
    }

    /// Tallies by org unit, added up to the scope unit's children (the scope unit's own problems stay
    /// under its own id): a city's statistics by park.
    static func rolledUp(_ tallies: [String?: ProblemTally], under scope: UUID, tree: OrgTree) -> [UUID: ProblemTally] {
        var result: [UUID: ProblemTally] = [:]
        for (key, tally) in tallies {
            guard let unit = key.flatMap(UUID.init(uuidString:)) else { continue }
            let lineage = tree.lineage(of: unit).map(\.id)
            guard let index = lineage.firstIndex(of: scope) else { continue }
            let child = index > 0 ? lineage[index - 1] : scope
            result[child, default: ProblemTally()] = result[child, default: ProblemTally()] + tally
        }
        return result
    }

    private struct TallyRow: Decodable {
        let registered: Int
        let suggestions: Int
        let rejectedOrMerged: Int
        let responsesDue: Int
        let respondedInTime: Int
        let assigned: Int
        let resolved: Int
        let resolvedOnTime: Int
        let openOverdue: Int
        let rated: Int
        let satisfied: Int
        let closed: Int
        let everResolved: Int
        let reopened: Int
        let suggestionsResolved: Int
        let suggestionsAdopted: Int
        let suggestionsAssigned: Int
        let requests: Int
        let complaints: Int
        let inquiries: Int
        let requestsAssigned: Int
        let requestsResolved: Int
        let requestsOpen: Int

        var tally: ProblemTally {
            var t = ProblemTally()
            t.registered = registered
            t.suggestions = suggestions
            t.rejectedOrMerged = rejectedOrMerged
            t.responsesDue = responsesDue
            t.respondedInTime = respondedInTime
            t.assigned = assigned
            t.resolved = resolved
            t.resolvedOnTime = resolvedOnTime
            t.openOverdue = openOverdue
            t.rated = rated
            t.satisfied = satisfied
            t.closed = closed
            t.everResolved = everResolved
            t.reopened = reopened
            t.suggestionsResolved = suggestionsResolved
            t.suggestionsAdopted = suggestionsAdopted
            t.suggestionsAssigned = suggestionsAssigned
            t.requests = requests
            t.complaints = complaints
            t.inquiries = inquiries
            t.requestsAssigned = requestsAssigned
            t.requestsResolved = requestsResolved
            t.requestsOpen = requestsOpen
            return t
        }
    }

    private struct DayPair: Decodable {
        let assignedOn: String
        let resolvedOn: String?
        let n: Int
    }

    /// Department names; across more than one unit each is followed by its unit's, since every park
    /// has its own 经济发展局 and a city's ranking would otherwise list it many times over.
    static func departmentNames(_ ids: [UUID], tree: OrgTree, on sql: any SQLDatabase) async throws
        -> [UUID: String]
    {
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable {
            let id: UUID
            let name: String
            let orgUnitId: UUID
        }
        let rows = try await sql.raw("SELECT id, name, org_unit_id FROM departments WHERE id IN (\(binds: ids))")
            .all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        let qualified = Set(rows.map(\.orgUnitId)).count > 1
        return Dictionary(
            uniqueKeysWithValues: rows.map { row in
                (row.id, qualified ? "\(row.name)（\(tree[row.orgUnitId]?.name ?? "—")）" : row.name)
            })
    }
}
