import Fluent
import Foundation
import JieyouDomain
import Vapor

/// The ledgers a reader can take away as a file, each with its list page's filters: one place that
/// turns a query into a file, for the pages' export links, the API and `jieyou export`, so the three
/// cannot drift apart. `format=csv` gives CSV; anything else of the query is the list's filters.
enum LedgerFile: String, CaseIterable, Sendable {
    case enterprises, visits, meetings, financing, coverage, problems, stats, benefits, projects

    var chineseName: String {
        switch self {
        case .enterprises: "企业名单"
        case .visits: "走访台账"
        case .meetings: "活动台账"
        case .financing: "融资诉求"
        case .coverage: "走访覆盖"
        case .problems: "问题台账"
        case .stats: "统计分析"
        case .benefits: "兑现台账"
        case .projects: "项目申报"
        }
    }

    /// Where the list page's export links point.
    var page: SiteURL {
        switch self {
        case .enterprises: .enterpriseExport
        case .visits: .visitExport
        case .meetings: .meetingExport
        case .financing: .financingExport
        case .coverage: .coverageExport
        case .problems: .problemExport
        case .stats: .statsExport
        case .benefits: .benefitExport
        case .projects: .projectExport
        }
    }

    /// `GET /api/v1/…/export`: beside the ledger's list route.
    var apiPath: [PathComponent] {
        [self == .financing ? "financing-demands" : PathComponent(stringLiteral: rawValue), "export"]
    }

    /// The file of this ledger for `signedIn`, as `query` (a parameter as typed, nil when blank) asks.
    func write(query: (String) -> String?, signedIn: SignedIn, database: any Database, now: Date) async throws
        -> OfficeFile
    {
        let format = try ExportFormat(query: query("format"))
        let tree = try await OrgDirectory.tree(on: database)
        let actor = signedIn.actor
        switch self {
        case .enterprises:
            let desk = EnterpriseDesk(database: database, signedIn: signedIn, tree: tree, now: now)
            return try await desk.export(try EnterpriseFilter(query: query, access: try desk.access()), format: format)
        case .visits, .meetings, .financing, .coverage:
            let desk = FieldWorkDesk(database: database, signedIn: signedIn, tree: tree, now: now)
            switch self {
            case .visits:
                return try await desk.exportVisits(
                    try FieldWorkFilter(query: query, reach: try desk.access().reach), format: format)
            case .meetings:
                return try await desk.exportMeetings(
                    try FieldWorkFilter(query: query, reach: try desk.access().reach), format: format)
            case .financing:
                return try await desk.exportFinancing(status: query("status"), format: format)
            default:
                return try await desk.exportCoverage(
                    orgUnit: query("orgUnit"), campaign: query("campaign"), from: query("from"), to: query("to"),
                    format: format)
            }
        case .problems:
            let sheets = ProblemSheets(
                database: database, now: now, calendar: try await CalendarStore.calendar(on: database))
            return try await sheets.ledger(
                try LedgerRequest(query: query, for: actor, tree: tree), for: actor, tree: tree, format: format)
        case .stats:
            let desk = ProblemDesk(
                database: database, now: now, calendar: try await CalendarStore.calendar(on: database))
            var request = try await desk.statsRequest(query: query, for: actor, tree: tree)
            // As the page: by lead department unless another grouping is asked for.
            if query("groupBy") == nil { request.grouping = .department }
            return try await desk.exportStats(request, for: actor, tree: tree, format: format)
        case .benefits, .projects:
            let desk = PolicyDesk(database: database, actor: actor, tree: tree, now: now)
            return self == .benefits
                ? try await desk.exportBenefits(query, format: format)
                : try await desk.exportProjects(query, format: format)
        }
    }

    /// The route handler of this ledger's export link and API route: the file, streamed.
    @Sendable func download(_ req: Request) async throws -> Response {
        let file = try await write(
            query: req.queryText, signedIn: try req.requireSignedIn(), database: req.db, now: req.now)
        return try await OfficeDownload.stream(file, req)
    }
}

/// The export routes of every ledger: `/…/export` for the pages (session and CSRF), `/api/v1/…/export`
/// for the API (bearer token).
struct LedgerFileRoutes: RouteCollection {
    enum Audience { case pages, api }
    let audience: Audience

    func boot(routes: any RoutesBuilder) throws {
        for ledger in LedgerFile.allCases {
            let path = audience == .pages ? ledger.page.pathComponents : ledger.apiPath
            routes.get(path) { try await ledger.download($0) }
        }
    }
}
