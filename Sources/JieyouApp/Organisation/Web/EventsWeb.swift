import JieyouDomain
import Vapor

/// 操作日志: the event log of the records in the admin's scope, newest first.
struct EventsWeb: RouteCollection {
    static let pageSize = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.events, use: index)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req, .readAuditLog)
        // Each event carries the org unit its record belongs to; an admin reads those of its subtree.
        let (events, names, hasMore) = try await ctx.desk.events(
            before: req.query[Int64.self, at: "before"], size: Self.pageSize)
        let view = EventLogView(events: events, names: names, hasMore: hasMore)
        return try await req.page("操作日志", view.html)
    }
}
