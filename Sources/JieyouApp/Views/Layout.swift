import JieyouDomain
import SQLKit
import Vapor

/// The page frame: header with the org unit and the user, the menu, the content.
struct Layout {
    let title: String
    let signedIn: SignedIn?
    let orgPath: String?
    let currentPath: String
    /// Unread notifications, for the bell.
    var unread = 0

    func render(_ content: HTML, flash: String? = nil) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · 解优</title>
        <link rel="stylesheet" href="\(WebPath.stylesheet)">
        </head>
        <body>
        \(header)
        <main id="main">
        \(flash.map { HTML("<p class=\"flash\" role=\"status\">\($0)</p>") })
        \(content)
        </main>
        <footer class="site-footer">解优 · 送政策、解难题、优服务 · <a href="\(SiteURL.apiDocs.path)">接口文档</a></footer>
        </body>
        </html>
        """
    }

    private var header: HTML {
        guard let signedIn else {
            return "<header class=\"site-header\"><a class=\"brand\" href=\"/\">解优</a></header>"
        }
        let menu = MenuView(actor: signedIn.actor, currentPath: currentPath)
        let roles = signedIn.roles.sorted().map(\.chineseName).joined(separator: "、")
        return """
            <header class="site-header">
            <a class="brand" href="/">解优</a>
            <span class="org" data-testid="org">\(orgPath ?? "")</span>
            <a class="bell" href="\(WebPath.notifications)" data-testid="bell">通知\(unread > 0 ? HTML("<b class=\"count\">\(unread)</b>") : .empty)</a>
            <span class="who"><span data-testid="user-name">\(signedIn.displayName)</span><small>\(roles)</small></span>
            <form method="post" action="\(WebPath.logout)" class="logout">
            <input type="hidden" name="_csrf" value="\(signedIn.csrfToken)">
            <button type="submit" class="link">退出</button>
            </form>
            </header>
            \(menu.html)
            """
    }
}

extension HTML {
    /// An HTML response with the right content type.
    func response(status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: raw))
        response.headers.contentType = .html
        return response
    }
}

extension Request {
    /// Renders `content` in the page frame for the signed-in user.
    func page(_ title: String, _ content: HTML, flash: String? = nil, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        var orgPath: String?
        var unread = 0
        if let signedIn {
            let tree = try await OrgDirectory.tree(on: db)
            orgPath = tree.pathName(of: signedIn.orgUnitID)
            unread = try await NotificationStore.unreadCount(for: signedIn.userID, on: db.sql)
        }
        var layout = Layout(title: title, signedIn: signedIn, orgPath: orgPath, currentPath: url.path)
        layout.unread = unread
        return layout.render(content, flash: flash).response(status: status)
    }

    /// The flash message carried in `?done=` after a redirect (fixed texts only, never echoed input).
    var flash: String? {
        guard let key = query[String.self, at: "done"] else { return nil }
        return FlashMessage(rawValue: key)?.text
    }
}

/// Messages shown once after a successful form.
enum FlashMessage: String {
    case saved, created, deleted, passwordChanged, visitRecorded, issued, pushed, nothingToPush, granted, acknowledged,
        attached, read, mailSent, firstPassword, published, applied, confirmedGroup, dismissedProposal, joinedGroup,
        escalatedGroup, answeredGroup, removedMember, dissolvedGroup, mergedGroup, resolvedMembers

    var text: String {
        switch self {
        case .saved: "已保存"
        case .created: "已创建"
        case .deleted: "已删除"
        case .passwordChanged: "密码已修改，其他设备上的登录已退出"
        case .visitRecorded: "走访已记录"
        case .issued: "已印发"
        case .pushed: "已推送给符合条件的企业"
        case .nothingToPush: "符合条件的企业均已推送过，无需重复推送"
        case .granted: "已兑现"
        case .acknowledged: "已确认知晓"
        case .attached: "附件已上传"
        case .read: "已标记为已阅"
        case .mailSent: "测试邮件已发出，请查收"
        case .firstPassword: "首次登录，请先把初始密码改为您自己的密码"
        case .published: "已公示"
        case .applied: "信用修复申请已提交，请等待作出决定的部门审核"
        case .confirmedGroup: "已确认为共性问题"
        case .dismissedProposal: "已排除该建议，这些问题不会再被一起提出"
        case .joinedGroup: "已并入共性问题"
        case .escalatedGroup: "已上报，上级服务小组和专班已收到通知"
        case .answeredGroup: "已答复，已通知上报单位的服务小组"
        case .removedMember: "已移出该问题"
        case .dissolvedGroup: "共性问题已不足两家企业，已撤销，其余问题回到建议中"
        case .mergedGroup: "已合并"
        case .resolvedMembers: "成员问题已按答复办结，等待企业回访评价"
        }
    }
}
