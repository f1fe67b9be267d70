import Foundation
import JieyouDomain
import SQLKit

/// 部门工作台: what one department holds as lead or co-department, and its figures for the year.
struct DepartmentWork: Sendable {
    let id: UUID
    let name: String
    /// The department's unit, from the province down.
    let unitPath: String
    /// The held problems the page lists, nearest deadline first (at most `ProblemDesk.workListLimit`).
    let items: [LedgerItem]
    /// All the problems it holds.
    let total: Int
    let toSign: [LedgerItem]
    let working: [LedgerItem]
    let assisting: [LedgerItem]
    let dueSoon: [LedgerItem]
    let overdue: [LedgerItem]
    /// The year's figures as lead department, as the statistics page counts them.
    let year: StatsReport
    let yearStart: LocalDate
    let today: LocalDate

    func isOverdue(_ item: LedgerItem) -> Bool { Self.isOverdue(item, on: today) }

    static func isOverdue(_ item: LedgerItem, on today: LocalDate) -> Bool {
        ProblemSnapshot.isOverdue(
            state: ProblemState(rawValue: item.state) ?? .assigned,
            deadline: item.deadline.flatMap(LocalDate.init(iso:)),
            paused: item.pausedSince != nil, on: today)
    }
}

extension ProblemDesk {
    /// How many held problems the work page lists before it sends the reader to the ledger.
    static let workListLimit = 200

    /// The department's work, for its own handlers and the staff who read its unit's ledger
    /// (`ProblemAccess.mayReadWork`); not found for anyone else.
    func departmentWork(_ id: UUID, for actor: Actor) async throws -> DepartmentWork {
        let tree = try await OrgDirectory.tree(on: database)
        struct Row: Decodable {
            let name: String
            let orgUnitId: UUID
        }
        guard
            let department = try await database.sql.raw(
                "SELECT name, org_unit_id FROM departments WHERE id = \(bind: id)"
            ).first(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase),
            ProblemAccess.mayReadWork(of: id, at: department.orgUnitId, by: actor, in: tree)
        else { throw AppError.notFound("部门") }
        let today = LocalDate(now, in: .chinaStandard)
        var held = LedgerRequest()
        held.filter.departmentID = id
        held.filter.states = ProblemState.allCases.filter(\.isWithDepartment)
        held.limit = Self.workListLimit
        let page = try await ledger(held, for: actor, tree: tree)
        var stats = StatsRequest()
        stats.scope.departmentID = id
        let yearStart = LocalDate(year: today.year, month: 1, day: 1)!
        stats.scope.from = yearStart
        let year = try await stats.report(actor: actor, tree: tree, today: today, calendar: calendar, on: database.sql)

        let soon = calendar.addingWorkingDays(3, to: today)
        let leading = page.items.filter { $0.leadDepartmentId == id }
        let late = page.items.filter { DepartmentWork.isOverdue($0, on: today) }
        let dueSoon = page.items.filter { p in
            !DepartmentWork.isOverdue(p, on: today) && p.pausedSince == nil
                && p.deadline.flatMap(LocalDate.init(iso:)).map { $0 >= today && $0 <= soon } == true
        }
        return DepartmentWork(
            id: id, name: department.name, unitPath: tree.pathName(of: department.orgUnitId), items: page.items,
            total: page.total, toSign: leading.filter { $0.state == ProblemState.assigned.rawValue },
            working: leading.filter { $0.state != ProblemState.assigned.rawValue },
            assisting: page.items.filter { $0.leadDepartmentId != id }, dueSoon: dueSoon, overdue: late, year: year,
            yearStart: yearStart, today: today)
    }
}
