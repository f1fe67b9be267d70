import Foundation
import JieyouDomain

/// 操作日志: a page of the event log, newest first, each event in words.
struct EventLogView {
    let events: [EventModel]
    /// The names of the records and people the events point at.
    let names: EventNames
    let hasMore: Bool

    var html: HTML {
        let rows = events.map { event -> HTML in
            let context = EventRowContext(event: event, names: names)
            return """
                <tr><td class="mono">#\(describing: event.id ?? 0)</td><td>\(context.time)</td><td>\(context.actor)</td>\
                <td>\(context.what)</td><td class="hide-narrow">\(context.changes)</td></tr>
                """
        }
        let more: HTML =
            hasMore ? "<a href=\"\(WebPath.events)?before=\(describing: events.last?.id ?? 0)\">更早的记录</a>" : .empty
        return """
            <h1>操作日志</h1>
            <p class="muted">每条记录都以哈希链相连，可用 <code>jieyou audit verify</code> 校验是否被篡改。</p>
            <div class="table-wrap"><table data-testid="events"><thead><tr><th>序号</th><th>时间</th><th>操作人</th><th>操作</th><th class="hide-narrow">变更</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <div class="pager">\(more)</div>
            """
    }
}
