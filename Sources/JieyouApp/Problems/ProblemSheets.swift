import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// The ledger's sheets (PRODUCT.md §4's 三个清单): the 问题清单 of the ledger's query, and the 责任清单
/// and 销号清单 as pages and files. Plain inputs in, rows and written files out; the web pages, the API
/// and the download adapter call it.
struct ProblemSheets {
    let database: any Database
    let now: Date
    let calendar: WorkCalendar

    var sql: any SQLDatabase { database.sql }
    var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    /// What the 责任清单 and 销号清单 read: the reader, the ledger's condition and the names they show.
    struct Scope: Sendable {
        let actor: Actor
        let tree: OrgTree
        let lists: ProblemDutyLists
        let condition: SQLQueryString
        let labels: [String: String]
        let unitName: String
        let closedFrom: LocalDate?
        let closedTo: LocalDate?
    }

    /// The 问题清单 of the problems `request` selects (the ledger's filters, any page size), under the
    /// attachment's title with the unit, the campaign and the day beneath unless `withTitle` is false.
    func problemList(_ request: LedgerRequest, for actor: Actor, tree: OrgTree, withTitle: Bool) async throws
        -> OfficeFile
    {
        let unitName = tree[request.filter.orgUnitID ?? actor.orgUnitID]?.name ?? ""
        var campaign = ""
        if let id = request.filter.campaignID {
            campaign =
                try await sql.raw("SELECT name FROM campaigns WHERE id = \(bind: id)").first()?
                .decode(column: "name", as: String.self) ?? ""
        }
        // As the attachment is filled in: 问 题 清 单, and beneath it who reports and as of when.
        let campaignPart = campaign.isEmpty ? "" : "　专项行动：\(campaign)"
        let subtitle = withTitle ? "填报单位：\(unitName)\(campaignPart)　截至\(today.iso)" : nil
        let condition = ProblemLedger.condition(
            request, actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
        return try await OfficeFile.write(.xlsx, named: "问题清单-\(unitName)-\(today.iso)") { url in
            try await ProblemListExport(sql: sql).write(condition: condition, subtitle: subtitle, to: url)
        }
    }

    /// The scope of the 责任清单 and 销号清单 for `actor` (staff only), from the query as typed: the
    /// ledger's parameters, and for the 销号清单 the days problems were closed (`closedFrom`, `closedTo`).
    func scope(query text: (String) -> String?, for actor: Actor, tree: OrgTree) async throws -> Scope {
        guard actor.isStaff else { throw AppError.forbidden("责任清单和销号清单供工作人员查看") }
        let request = try LedgerRequest(query: text, for: actor, tree: tree)
        var v = Validator()
        let from = v.optionalDay(text("closedFrom"), field: "closedFrom", label: "销号日期起")
        let to = v.optionalDay(text("closedTo"), field: "closedTo", label: "销号日期止")
        if let from, let to, from > to { v.fail("closedTo", "销号日期止不能早于起") }
        try v.throwIfFailed()
        return Scope(
            actor: actor, tree: tree, lists: ProblemDutyLists(sql: sql, calendar: calendar, today: today),
            condition: ProblemLedger.condition(
                request, actor: actor, tree: tree, today: today, calendar: calendar, on: sql),
            labels: ProblemListExport.categoryLabels(try await ProblemCategoryStore.all(on: sql)),
            unitName: tree[request.filter.orgUnitID ?? actor.orgUnitID]?.name ?? "", closedFrom: from, closedTo: to)
    }

    /// The departments holding open problems, each with at most `perDepartment` of them (all: nil).
    func responsibility(_ scope: Scope, perDepartment: Int?) async throws -> [ProblemDutyLists.Department] {
        try await scope.lists.responsibility(condition: scope.condition, perDepartment: perDepartment)
    }

    func responsibilityFile(_ scope: Scope) async throws -> OfficeFile {
        let departments = try await responsibility(scope, perDepartment: nil)
        return try await OfficeFile.write(.xlsx, named: "责任清单-\(scope.unitName)-\(today.iso)") { url in
            try DutyListSheets.writeResponsibility(
                departments, lists: scope.lists, labels: scope.labels,
                title: "\(scope.unitName)责任清单（截至\(today.iso)）", to: url)
        }
    }

    /// A page of the closed problems, latest first, and how many there are.
    func closed(_ scope: Scope, limit: Int, offset: Int) async throws
        -> (rows: [ProblemDutyLists.ClosedRow], total: Int)
    {
        try await scope.lists.closed(
            condition: scope.condition, closedFrom: scope.closedFrom, closedTo: scope.closedTo, limit: limit,
            offset: offset)
    }

    func closedFile(_ scope: Scope) async throws -> OfficeFile {
        var title = "\(scope.unitName)销号清单"
        if scope.closedFrom != nil || scope.closedTo != nil {
            title += "（\(scope.closedFrom?.iso ?? "")至\(scope.closedTo?.iso ?? today.iso)）"
        }
        return try await OfficeFile.write(.xlsx, named: "销号清单-\(scope.unitName)-\(today.iso)") { url in
            try await DutyListSheets.writeClosed(title: title, labels: scope.labels, to: url) { offset in
                try await closed(scope, limit: 2_000, offset: offset).rows
            }
        }
    }
}
