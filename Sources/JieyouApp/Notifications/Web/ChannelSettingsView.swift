import Foundation
import JieyouDomain

/// 消息推送 on the 本单位设置 page: the unit's robots with pause and remove, the form that adds one, and
/// the latest messages that did not go out with the robot's answer.
struct ChannelSettingsView {
    /// What the add form was given, and why it was refused.
    struct Typed {
        var kind: String?
        var name: String?
        var departmentId: String?
        var webhookUrl: String?
        var errors: [FieldError] = []
    }

    let channels: [ChannelRecord]
    let troubles: [OutboxItem]
    /// The unit's departments, for a department's own group.
    let departments: [(value: String, label: String)]
    let typed: Typed
    let csrf: HTML

    var html: HTML {
        let names = Dictionary(departments.map { ($0.value.lowercased(), $0.label) }, uniquingKeysWith: { a, _ in a })
        let channelNames = Dictionary(channels.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = channels.map { c -> HTML in
            let scope = c.departmentId.flatMap { names[$0.uuidString.lowercased()] } ?? "全单位（调度、领导）"
            return """
                <tr data-testid="channel"><td>\(c.name)</td><td>\(c.kind.chineseName)</td><td>\(scope)</td>\
                <td class="mono hide-narrow">\(Self.masked(c.webhookUrl))</td><td>\(c.active ? "推送中" : "已暂停")</td>\
                <td><form method="post" action="\(SiteURL.orgSettingsChannelToggle(.value(c.id)).path)" class="inline">\(csrf)\
                <button type="submit" class="secondary">\(c.active ? "暂停" : "恢复")</button></form>
                <form method="post" action="\(SiteURL.orgSettingsChannelDelete(.value(c.id)).path)" class="inline">\(csrf)\
                <button type="submit" class="secondary" aria-label="删除\(c.name)">删除</button></form></td></tr>
                """
        }
        let problems = troubles.map { item -> HTML in
            let state = item.failedAt != nil ? "已放弃" : "将于\(ChinaTime.dateTime(item.nextAttemptAt))重试"
            return """
                <tr><td>\(ChinaTime.dateTime(item.createdAt))</td><td>\(item.channelId.flatMap { channelNames[$0] } ?? item.emailTo.map { "邮件：\($0)" } ?? "—")</td>\
                <td>\(item.title)</td><td>第\(item.attempts)次失败，\(state)</td><td class="hide-narrow">\(item.lastError ?? "")</td></tr>
                """
        }
        let f = FormFields(errors: typed.errors, idPrefix: "channel-")
        let kinds = RobotKind.allCases.map { ($0.rawValue, $0.chineseName) }
        return """
            <section class="card" id="channels"><h2>消息推送</h2>
            <p class="hint">交办、退回、延期、办结、上报、督办等环节的提醒，除站内通知外，同时推送到下列工作群的机器人：部门的群收到交办给该部门的提醒，全单位的群收到调度员和领导的提醒。</p>
            \(channels.isEmpty ? HTML("<p class=\"muted\">尚未设置群机器人。</p>") : HTML("""
            <div class="table-wrap"><table data-testid="channels"><thead><tr><th>群</th><th>类型</th><th>接收</th><th class="hide-narrow">地址</th><th>状态</th><th></th></tr></thead><tbody>\(rows)</tbody></table></div>
            """))
            <h3>添加群机器人</h3>
            <form method="post" action="\(SiteURL.orgSettingsChannels.path)">\(csrf)\(f.summary)
            <div class="field-grid">
            \(f.select("kind", "机器人类型", options: kinds, selected: typed.kind, required: true))
            \(f.text("name", "群名称", value: typed.name, required: true, placeholder: "如：经发局工作群"))
            \(f.select("departmentId", "接收范围", options: departments, selected: typed.departmentId, blank: "全单位（调度、领导）"))
            </div>
            \(f.text("webhookUrl", "Webhook 地址", value: typed.webhookUrl, type: "url", required: true, hint: "在群设置 → 群机器人中添加自定义机器人后复制"))
            \(f.text("secret", "加签密钥", value: nil, hint: "钉钉“加签”或飞书“签名校验”的密钥；企业微信不需要"))
            <div class="actions"><button type="submit">添加</button></div></form>
            \(problems.isEmpty ? .empty : HTML("""
            <h3>未送达的消息</h3>
            <div class="table-wrap"><table data-testid="outbox-troubles"><thead><tr><th>时间</th><th>群或邮箱</th><th>消息</th><th>状态</th><th class="hide-narrow">答复</th></tr></thead><tbody>\(problems)</tbody></table></div>
            """))
            </section>
            """
    }

    /// The webhook with its key hidden: whoever reads the page should not be able to post to the group.
    static func masked(_ url: String) -> String {
        guard let query = url.firstIndex(of: "?") else { return url }
        return String(url[..<query]) + "?…"
    }
}
