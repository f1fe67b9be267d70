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
        let rows = events.map { event -> HTML in
            let context = EventRowContext(event: event, names: names)
            return """
                <tr><td class="mono">#\(describing: event.id ?? 0)</td><td>\(context.time)</td><td>\(context.actor)</td>\
                <td>\(context.what)</td><td class="hide-narrow">\(context.changes)</td></tr>
                """
        }
        let more: HTML =
            hasMore ? "<a href=\"\(WebPath.events)?before=\(describing: events.last?.id ?? 0)\">更早的记录</a>" : .empty
        let content: HTML = """
            <h1>操作日志</h1>
            <p class="muted">每条记录都以哈希链相连，可用 <code>jieyou audit verify</code> 校验是否被篡改。</p>
            <div class="table-wrap"><table data-testid="events"><thead><tr><th>序号</th><th>时间</th><th>操作人</th><th>操作</th><th class="hide-narrow">变更</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <div class="pager">\(more)</div>
            """
        return try await req.page("操作日志", content)
    }
}
