import Foundation
import JieyouDomain
import SQLKit

/// A report on one unit's subtree for one period — 周调度, 旬通报, 月通报 or 季讲评 (PRODUCT.md §4):
/// the §3 figures of the problems that came in during the period and their change against the
/// period before, the departments ranked, the problems closed in it, and as of the day it is made the
/// overdue and 督办 problems, the typical cases and the common problems still open. Its figures are
/// `GET /api/v1/stats`'s for the same unit and days, read by the same `StatsRequest`.
struct Bulletin: Codable, Sendable {
    struct Item: Codable, Sendable {
        let id: UUID
        let number: String
        let enterpriseName: String?
        let description: String
        let leadName: String?
        let deadline: String?
        let state: String
        let result: String?
        /// Working days past the deadline, for an overdue problem.
        let daysOverdue: Int
        /// The co-departments (配合单位), where a list shows who answers for a problem.
        var coDepartments: [String]? = nil
    }

    struct CommonProblem: Codable, Sendable {
        let category: String
        let open: Int
    }

    /// A confirmed 共性问题 with open members: how many enterprises raised it and where it stands.
    struct CommonGroup: Codable, Sendable {
        let title: String
        let enterprises: Int
        let open: Int
        let state: String

        var stateName: String { CommonProblemState(rawValue: state)?.chineseName ?? "" }
    }

    let kind: ReportPeriod.Kind
    let title: String
    let unitName: String
    let periodKey: String
    let periodName: String
    let from: LocalDate
    let to: LocalDate
    let dueDate: LocalDate
    let previousPeriodName: String
    let current: StatsReport
    let previous: StatsReport
    let closedInPeriod: Int
    /// Overdue now in the unit's subtree; `overdue` lists the first `listLimit` by deadline.
    let overdueCount: Int
    let overdue: [Item]
    let supervised: [Item]
    let typicalCases: [Item]
    let commonProblems: [CommonProblem]
    /// 突出共性问题: the confirmed groups of the unit's subtree with open members, most enterprises
    /// first; absent in bulletins stored before groups were confirmed.
    var commonGroups: [CommonGroup]? = nil
    /// The campaign's work besides the problems, in the sections the unit chose; absent in bulletins
    /// stored before it was reported.
    let work: BulletinWork?
    /// The opening paragraph, drafted from the figures; the dispatcher may rewrite it before issuing.
    var summary: String
    /// 下步工作: drafted from the overdue and common problems, editable like the summary.
    var nextSteps: String

    static let listLimit = 30
}

/// Puts a bulletin together for a reader who may read statistics.
struct BulletinComposer {
    let actor: Actor
    let tree: OrgTree
    let sql: any SQLDatabase
    let calendar: WorkCalendar
    let today: LocalDate

    func compose(unit: UUID, period: ReportPeriod) async throws -> Bulletin {
        let unitName = tree[unit]?.name ?? ""
        func stats(_ period: ReportPeriod, grouped: Bool) async throws -> StatsReport {
            let request = StatsRequest(
                scope: StatsScope(orgUnitID: unit, from: period.start, to: period.end),
                grouping: grouped ? .department : nil)
            return try await request.report(actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
        }
        let current = try await stats(period, grouped: true)
        let previous = try await stats(period.previous, grouped: false)
        var ledger = LedgerRequest()
        ledger.filter.orgUnitID = unit
        let reach = ProblemLedger.condition(ledger, actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
        let closed =
            try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM problems p WHERE \(reach) AND p.state = 'closed'
                  AND p.closed_on >= \(bind: period.start.iso) AND p.closed_on <= \(bind: period.end.iso)
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        let open: [String] = ProblemState.allCases.filter(\.isOpen).map(\.rawValue)
        let overdueCondition: SQLQueryString = "\(reach) AND \(ProblemLedger.overdue(on: today))"
        let overdue = try await items(overdueCondition, order: "p.deadline, p.number")
        let overdueCount =
            try await sql.raw("SELECT COUNT(*) AS n FROM problems p WHERE \(overdueCondition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let supervised = try await items(
            "\(reach) AND p.flags <> '' AND p.flags LIKE '%,supervised,%' AND p.state IN (\(binds: open))",
            order: "p.deadline, p.number")
        let typical = try await items(
            "\(reach) AND p.flags <> '' AND p.flags LIKE '%,typicalCase,%' AND p.state IN ('resolved', 'closed')",
            order: "p.resolved_on DESC, p.number", limit: 3)
        let common = try await commonProblems(reach: reach, open: open)
        let groups = try await CommonProblemStore(sql: sql).outstanding(
            units: Array(tree.subtree(of: unit)), limit: 20
        ).filter { $0.openMembers > 0 }.prefix(5).map {
            Bulletin.CommonGroup(title: $0.title, enterprises: $0.enterprises, open: $0.openMembers, state: $0.state)
        }
        let work = try await BulletinWorkComposer(tree: tree, sql: sql, today: today).compose(
            unit: unit, period: period)
        let title = "\(unitName)“送解优”问题办理\(period.kind.reportName)（\(period.chineseName)）"
        return Bulletin(
            kind: period.kind, title: title, unitName: unitName, periodKey: period.key, periodName: period.chineseName,
            from: period.start, to: period.end, dueDate: period.dueDate,
            previousPeriodName: period.previous.chineseName,
            current: current, previous: previous, closedInPeriod: closed, overdueCount: overdueCount, overdue: overdue,
            supervised: supervised,
            typicalCases: typical, commonProblems: common, commonGroups: groups, work: work,
            summary: Self.summary(
                period: period, current: current, previous: previous, closed: closed, overdueNow: overdueCount,
                today: today),
            nextSteps: Self.nextSteps(
                overdue: overdueCount, supervised: supervised.count,
                common: groups.isEmpty ? common.map(\.category) : groups.map(\.title)))
    }

    private struct Row: Decodable {
        let id: UUID
        let number: String
        let enterpriseName: String?
        let description: String
        let leadName: String?
        let deadline: String?
        let state: String
        let result: String?
        let pausedSince: String?
        let coDepartments: String?
    }

    /// The problems that meet `condition` (on `p`) as a report lists them, the co-departments with them
    /// when asked.
    func items(
        _ condition: SQLQueryString, order: SQLQueryString, limit: Int = Bulletin.listLimit,
        coDepartments: Bool = false
    ) async throws -> [Bulletin.Item] {
        let co: SQLQueryString = coDepartments ? ProblemCoDepartments.column(on: sql) : "NULL"
        return try await sql.raw(
            """
            SELECT p.id, p.number, e.name AS enterprise_name, p.description, d.name AS lead_name, p.deadline, p.state,
              p.result, p.paused_since, \(co) AS co_departments
            FROM problems p LEFT JOIN enterprises e ON e.id = p.enterprise_id
              LEFT JOIN departments d ON d.id = p.lead_department_id
            WHERE \(condition) ORDER BY \(order) LIMIT \(literal: limit)
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase).map { row in
            let deadline = row.deadline.flatMap(LocalDate.init(iso:))
            let state = ProblemState(rawValue: row.state) ?? .submitted
            let late = ProblemSnapshot.workingDaysOverdue(
                state: state, deadline: deadline, paused: row.pausedSince != nil, on: today, calendar: calendar)
            return Bulletin.Item(
                id: row.id, number: row.number, enterpriseName: row.enterpriseName, description: row.description,
                leadName: row.leadName, deadline: row.deadline, state: state.chineseName, result: row.result,
                daysOverdue: late,
                coDepartments: coDepartments ? ProblemCoDepartments.names(row.coDepartments) : nil)
        }
    }

    /// Open problems by category (sub-categories under their parent), those with two or more, most first.
    private func commonProblems(reach: SQLQueryString, open: [String]) async throws -> [Bulletin.CommonProblem] {
        var counts: [String: Int] = [:]
        for row in try await sql.raw(
            """
            SELECT p.category_code, COUNT(*) AS n FROM problems p
            WHERE \(reach) AND p.kind = 'problem' AND p.state IN (\(binds: open)) AND p.category_code IS NOT NULL
            GROUP BY p.category_code
            """
        ).all() {
            let code = try row.decode(column: "category_code", as: String.self)
            counts[ProblemCategory.topCode(of: code), default: 0] += try row.decode(column: "n", as: Int.self)
        }
        let names = Dictionary(uniqueKeysWithValues: ProblemCategory.shipped.map { ($0.code, $0.name) })
        return counts.filter { $0.value >= 2 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map {
            Bulletin.CommonProblem(category: names[$0.key] ?? $0.key, open: $0.value)
        }
    }

    /// `上升2.5个百分点`, `下降…`, `持平`, or nothing to compare with.
    static func change(_ now: Rate, _ before: Rate) -> String {
        guard let a = now.value, let b = before.value else { return "上期无可比数据" }
        let points = (a - b) * 100
        if abs(points) < 0.05 { return "与上期持平" }
        return String(format: "较上期%@%.1f个百分点", points > 0 ? "上升" : "下降", abs(points))
    }

    /// 下步工作, drafted from what is still open.
    static func nextSteps(overdue: Int, supervised: Int, common: [String]) -> String {
        var text = "下一步，"
        if overdue > 0 {
            text += "对超期未办结的\(overdue)个问题，逐一督促责任单位明确办结时间，限期办结；"
        }
        if supervised > 0 {
            text += "对挂牌督办的\(supervised)个问题，实行周调度、旬通报，直至销号；"
        }
        if !common.isEmpty {
            text += "对“\(common.joined(separator: "”“"))”等共性问题，梳理症结、分类施策，需上级研究解决的及时上报；"
        }
        text += "持续开展问题办理“回头看”，坚持“解决一个、销号一个”，确保企业满意。"
        return text
    }

    static func summary(
        period: ReportPeriod, current: StatsReport, previous: StatsReport, closed: Int, overdueNow: Int,
        today: LocalDate
    ) -> String {
        let t = current.tally
        let m = current.metrics
        let p = previous.metrics
        var text = "\(period.chineseName)，新收集企业问题\(t.problemsRegistered)个、意见建议\(t.suggestions)条"
        text += "（上期\(previous.tally.problemsRegistered)个、\(previous.tally.suggestions)条）；"
        text +=
            "已交办问题\(t.problemsAssigned)个，已解决\(t.problemsResolved)个，办结率\(m.resolutionRate.percent)，\(change(m.resolutionRate, p.resolutionRate))；"
        text += "按期办结率\(m.onTimeRate.percent)，\(change(m.onTimeRate, p.onTimeRate))；"
        text += "满意率\(m.satisfactionRate.percent)，\(change(m.satisfactionRate, p.satisfactionRate))"
        text += t.suggestionsAdopted > 0 ? "；采纳企业意见建议\(t.suggestionsAdopted)条。" : "。"
        if let requests = t.requestsSentence { text += "\(requests)。" }
        text += "本期销号\(closed)个。截至\(today.month)月\(today.day)日，超期未办结问题\(overdueNow)个。"
        return text
    }
}
