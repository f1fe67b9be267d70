import Foundation
import JieyouDomain
import SQLKit

/// What the ledger (台账) is filtered by.
struct LedgerFilter: Sendable {
    var states: [ProblemState] = []
    var kind: ProblemKind?
    var category: String?
    /// Lead or co-department.
    var departmentID: UUID?
    var enterpriseID: UUID?
    var campaignID: UUID?
    var flag: ProblemFlag?
    /// Past the deadline while a department holds it.
    var overdue = false
    /// A unit inside the caller's reach (with its subtree).
    var orgUnitID: UUID?
    /// Part of the number, the description or the enterprise's name.
    var text: String?
    /// The days problems came in, both included.
    var from: LocalDate?
    var to: LocalDate?
}

/// The saved views of each role's daily work (PRODUCT.md §3, issue 4).
enum LedgerView: String, Sendable, CaseIterable {
    case toAccept, toAssign, returned, overdue, toRevisit
    case toSign, working, dueSoon, assisting
    case supervised, leaderCases

    /// The views a role works from, in the order its day goes: the ledger's tabs and the figures of
    /// the role's 工作台.
    static func views(for actor: Actor) -> [LedgerView] {
        var views: [LedgerView] = []
        if actor.has(.dispatcher) { views += [.toAccept, .toAssign, .returned, .overdue, .toRevisit] }
        if actor.has(.handler) { views += [.toSign, .working, .dueSoon, .overdue, .assisting] }
        if actor.has(.leader) { views += [.supervised, .leaderCases, .overdue] }
        var seen: Set<LedgerView> = []
        return views.filter { seen.insert($0).inserted }
    }

    /// A figure a reader should act on today when it is not zero.
    var isUrgent: Bool { self == .overdue || self == .returned }

    var chineseName: String {
        switch self {
        case .toAccept: "待受理"
        case .toAssign: "待交办"
        case .returned: "退回待审定"
        case .overdue: "超期"
        case .toRevisit: "待回访"
        case .toSign: "待签收"
        case .working: "办理中"
        case .dueSoon: "即将到期"
        case .assisting: "配合办理"
        case .supervised: "督办"
        case .leaderCases: "领导包案"
        }
    }
}

struct LedgerItem: Codable, Sendable {
    let id: UUID
    let number: String
    let orgUnitId: UUID
    let enterpriseId: UUID?
    let enterpriseName: String?
    let kind: String
    let categoryCode: String?
    let state: String
    let leadDepartmentId: UUID?
    let leadDepartmentName: String?
    let deadline: String?
    let pausedSince: String?
    let flags: String
    let description: String
    let createdAt: Date
}

/// The ledger's query: the caller's reach, the filters, a view, sorted by deadline (overdue first)
/// or by number, paged by offset.
enum ProblemLedger {
    /// Which problems `actor` may list: `ProblemAccess.reach` as a condition on problems `p`, each way
    /// in the SQL that says what `ProblemAccess.holds` says of one problem.
    static func reach(of actor: Actor, tree: OrgTree, on sql: any SQLDatabase) -> [SQLQueryString] {
        let ways: [SQLQueryString] = ProblemAccess.reach(of: actor).map { way in
            switch way {
            case .subtree(let root): "p.org_unit_id IN (\(binds: Array(tree.subtree(of: root))))"
            case .heldBy(let department): heldBy(department, on: sql)
            case .enterprise(let id): "p.enterprise_id = \(bind: id)"
            case .reportedBy(let user): "p.reported_by = \(bind: user)"
            }
        }
        guard !ways.isEmpty else { return ["1 = 0"] }
        return ["(" + ways.joined(separator: " OR ") + ")"]
    }

    /// Problems a department leads or helps with, written so that each database answers it from the
    /// lead index and the co-department index instead of checking every problem of the reach (a
    /// province's department page took 480 ms that way). SQLite does so for a plain `OR … IN (…)`
    /// (1 ms); PostgreSQL only when the co-departments' ids are an array computed once, which it can
    /// look up in the primary key (`= ANY(ARRAY(…))`); with `IN (…)` it filtered row by row (120 ms).
    static func heldBy(_ department: UUID, on sql: any SQLDatabase) -> SQLQueryString {
        let co: SQLQueryString =
            "SELECT c.problem_id FROM problem_co_departments c WHERE c.department_id = \(bind: department)"
        return sql.dialect.name == "postgresql"
            ? "(p.lead_department_id = \(bind: department) OR p.id = ANY(ARRAY(\(co))))"
            : "(p.lead_department_id = \(bind: department) OR p.id IN (\(co)))"
    }

    /// The states in which a department holds a problem and its deadline runs.
    static let held: [String] = ProblemState.allCases.filter(\.isWithDepartment).map(\.rawValue)

    /// `ProblemSnapshot.isOverdue` as a condition on the problems named `table` (`p` in the ledger's
    /// queries; the daily 催办 run updates `problems` itself).
    static func overdue(on today: LocalDate, in table: String = "p") -> SQLQueryString {
        let (state, paused, deadline) = (
            SQLColumn("state", table: table), SQLColumn("paused_since", table: table),
            SQLColumn("deadline", table: table)
        )
        return "(\(state) IN (\(binds: held)) AND \(paused) IS NULL AND \(deadline) < \(bind: today.iso))"
    }

    /// The condition on problems `p` that the request's reach, filters and view make: the ledger's
    /// page and the 问题清单 export select by it.
    static func condition(
        _ request: LedgerRequest, actor: Actor, tree: OrgTree, today: LocalDate, calendar: WorkCalendar,
        on sql: any SQLDatabase
    ) -> SQLQueryString {
        let filter = request.filter
        var conditions = reach(of: actor, tree: tree, on: sql)
        if !filter.states.isEmpty { conditions.append("p.state IN (\(binds: filter.states.map(\.rawValue)))") }
        if let kind = filter.kind { conditions.append("p.kind = \(bind: kind.rawValue)") }
        if let from = filter.from { conditions.append("p.submitted_on >= \(bind: from.iso)") }
        if let to = filter.to { conditions.append("p.submitted_on <= \(bind: to.iso)") }
        if let text = filter.text {
            // LIKE's wildcards in what was typed are matched as themselves.
            let pattern = "%\(LikePattern.escape(text))%"
            conditions.append(
                """
                (UPPER(p.number) LIKE \(bind: pattern.uppercased()) ESCAPE '\\' OR p.description LIKE \(bind: pattern) ESCAPE '\\'
                  OR p.enterprise_id IN (SELECT id FROM enterprises WHERE name LIKE \(bind: pattern) ESCAPE '\\'))
                """)
        }
        if let category = filter.category { conditions.append(ProblemCategoryStore.condition(category)) }
        if let department = filter.departmentID { conditions.append(heldBy(department, on: sql)) }
        if let enterprise = filter.enterpriseID { conditions.append("p.enterprise_id = \(bind: enterprise)") }
        if let campaign = filter.campaignID { conditions.append("p.campaign_id = \(bind: campaign)") }
        // `flags <> ''` lets the partial index of flagged problems serve (migration 006).
        if let flag = filter.flag {
            conditions.append("p.flags <> '' AND p.flags LIKE \(bind: "%,\(flag.rawValue),%")")
        }
        if let unit = filter.orgUnitID {
            conditions.append("p.org_unit_id IN (\(binds: Array(tree.subtree(of: unit))))")
        }
        let overdue = overdue(on: today)
        if filter.overdue { conditions.append(overdue) }
        switch request.view {
        case .toAccept: conditions.append("p.state = 'submitted'")
        case .toAssign: conditions.append("p.state = 'accepted'")
        case .returned: conditions.append("p.state = 'returned'")
        case .overdue: conditions.append(overdue)
        case .toRevisit: conditions.append("p.state = 'resolved'")
        // A handler signs for and works on what its department leads; what it helps with is `assisting`.
        case .toSign: conditions.append("p.state = 'assigned'" + leading(actor))
        case .working: conditions.append("p.state IN ('inProgress', 'ongoing')" + leading(actor))
        case .dueSoon:
            // Due within the next three working days, not yet overdue.
            let soon = calendar.addingWorkingDays(3, to: today)
            conditions.append(
                "(p.state IN (\(binds: held)) AND p.deadline >= \(bind: today.iso) AND p.deadline <= \(bind: soon.iso))"
            )
        case .assisting:
            // Held by the reader's department as a co-department, another one leading.
            guard let department = actor.departmentID else {
                conditions.append("1 = 0")
                break
            }
            conditions.append(
                """
                (p.state IN (\(binds: held)) AND (p.lead_department_id IS NULL OR p.lead_department_id <> \(bind: department))
                  AND p.id IN (SELECT c.problem_id FROM problem_co_departments c WHERE c.department_id = \(bind: department)))
                """)
        case .supervised: conditions.append("p.flags <> '' AND p.flags LIKE '%,supervised,%'")
        case .leaderCases: conditions.append("p.flags <> '' AND p.flags LIKE '%,leaderCase,%'")
        case nil: break
        }
        return conditions.joined(separator: " AND ")
    }

    /// ` AND` the reader's department leads, for a handler; nothing for anyone else.
    private static func leading(_ actor: Actor) -> SQLQueryString {
        guard actor.has(.handler), let department = actor.departmentID else { return "" }
        return " AND p.lead_department_id = \(bind: department)"
    }

    /// How many problems the request selects, without reading them: a 工作台's figure.
    static func count(
        _ request: LedgerRequest, actor: Actor, tree: OrgTree, today: LocalDate, calendar: WorkCalendar,
        on sql: any SQLDatabase
    ) async throws -> Int {
        let whereClause = condition(request, actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
        return try await sql.raw("SELECT COUNT(*) AS n FROM problems p WHERE \(whereClause)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    static func page(
        _ request: LedgerRequest, actor: Actor, tree: OrgTree, today: LocalDate, calendar: WorkCalendar,
        on sql: any SQLDatabase
    ) async throws -> (items: [LedgerItem], total: Int) {
        let (limit, offset, order) = (request.limit, request.offset, request.order.sql)
        let whereClause = condition(request, actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
        // The page's ids are chosen first, from the index alone where the filter is status + category,
        // and only its rows are read and joined to their names: a province's 23,570 in-progress
        // 困难求助 problems are sorted as index entries (11 ms), not as rows with their enterprises.
        let items = try await sql.raw(
            """
            SELECT p.id, p.number, p.org_unit_id, p.enterprise_id, e.name AS enterprise_name, p.kind, p.category_code,
              p.state, p.lead_department_id, d.name AS lead_department_name, p.deadline, p.paused_since, p.flags,
              p.description, p.created_at
            FROM problems p LEFT JOIN enterprises e ON e.id = p.enterprise_id
              LEFT JOIN departments d ON d.id = p.lead_department_id
            WHERE p.id IN (SELECT p.id FROM problems p WHERE \(whereClause) ORDER BY \(order)
              LIMIT \(literal: limit) OFFSET \(literal: offset))
            ORDER BY \(order)
            """
        ).all(decoding: LedgerItem.self, keyDecodingStrategy: ColumnNames.snakeCase)
        let total = try await count(request, actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
        return (items, total)
    }
}

/// An enterprise's problems and suggestions not closed yet, as the reader may see them: for the
/// enterprise page.
enum OpenProblems {
    struct Item: Decodable, Sendable {
        let id: UUID
        let number: String
        let kind: String
        let state: String
        let description: String
        let deadline: String?
    }

    static func of(enterprise: UUID, readBy actor: Actor, tree: OrgTree, on sql: any SQLDatabase) async throws
        -> [Item]
    {
        let reach = ProblemLedger.reach(of: actor, tree: tree, on: sql).joined(separator: " AND ")
        return try await sql.raw(
            """
            SELECT p.id, p.number, p.kind, p.state, p.description, p.deadline FROM problems p
            WHERE p.enterprise_id = \(bind: enterprise) AND p.state NOT IN ('closed', 'rejected', 'merged', 'escalated')
              AND \(reach)
            ORDER BY p.created_at, p.number
            """
        ).all(decoding: Item.self)
    }
}
