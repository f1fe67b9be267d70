import Foundation
import JieyouDomain
import Vapor

/// 责任清单 and 销号清单 (PRODUCT.md §4's 三个清单 with the 问题清单) as pages over `ProblemSheets`, for
/// the staff who read the ledger. Their scope and filters are the ledger's query (a department, a
/// category, a campaign, a unit below); the 销号清单 also takes the days problems were closed. Their
/// files are `ProblemDownloads`'.
struct DutyListsWeb: RouteCollection {
    /// Departments' problems shown on the page; the .xlsx has them all.
    static let pageRowsPerDepartment = 30
    static let closedPageSize = 100

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.responsibilityList, use: responsibilityPage)
        routes.get(.responsibilityFile, use: ProblemDownloads.responsibility)
        routes.get(.closedList, use: closedPage)
        routes.get(.closedFile, use: ProblemDownloads.closed)
    }

    /// The filters as typed, carried to the other list and the files.
    private static func typed(_ req: Request) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: ["department", "category", "campaign", "orgUnit", "closedFrom", "closedTo"]
                .compactMap { key in req.queryText(key).map { (key, $0) } })
    }

    /// The query string that carries the filters to the other list or the file.
    private static func query(_ typed: [String: String]) -> String {
        let pairs = typed.sorted { $0.key < $1.key }
        return pairs.isEmpty ? "" : "?" + WebPath.query(pairs)
    }

    // MARK: 责任清单

    @Sendable func responsibilityPage(req: Request) async throws -> Response {
        let scope = try await req.dutyListScope()
        let (typed, query) = (Self.typed(req), Self.query(Self.typed(req)))
        let departments = try await req.problemSheets().responsibility(scope, perDepartment: Self.pageRowsPerDepartment)
        let view = ResponsibilityListView(
            departments: departments,
            daysOverdue: Dictionary(
                departments.flatMap(\.rows).map { ($0.id, scope.lists.daysOverdue($0)) },
                uniquingKeysWith: { a, _ in a }),
            filters: try await filters(req, scope, typed, action: WebPath.responsibilityList, closedDates: false),
            query: query)
        return try await req.page("责任清单", view.html)
    }

    // MARK: 销号清单

    @Sendable func closedPage(req: Request) async throws -> Response {
        let scope = try await req.dutyListScope()
        let (typed, query) = (Self.typed(req), Self.query(Self.typed(req)))
        let offset = req.queryText("offset").flatMap(Int.init).map { max($0, 0) } ?? 0
        let (rows, total) = try await req.problemSheets().closed(scope, limit: Self.closedPageSize, offset: offset)
        let view = ClosedListView(
            rows: rows, total: total, offset: offset, pageSize: Self.closedPageSize,
            filters: try await filters(req, scope, typed, action: WebPath.closedList, closedDates: true), query: query)
        return try await req.page("销号清单", view.html)
    }

    // MARK: shared

    private func filters(
        _ req: Request, _ scope: ProblemSheets.Scope, _ typed: [String: String], action: String, closedDates: Bool
    ) async throws -> DutyListFilters {
        DutyListFilters(
            choices: try await req.problemDesk().ledgerChoices(for: scope.actor, tree: scope.tree), typed: typed,
            action: action, closedDates: closedDates)
    }
}
