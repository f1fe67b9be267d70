import Foundation
import JieyouDomain

/// 我的通知设置: the address notices are mailed to, whether each notice or a morning digest, and the
/// topics to mail. Says so when no unit above has a mail server yet.
struct NoticePreferencesView {
    let preferences: NoticePreferences
    /// The unit whose server sends the mail; nil when nobody has set one.
    let serverUnit: String?
    let errors: [FieldError]
    let csrf: HTML

    var html: HTML {
        let f = FormFields(errors: errors)
        let modes = NoticeEmailMode.allCases.map { mode -> HTML in
            """
            <label class="check"><input type="radio" name="mode" value="\(mode.rawValue)"\(mode == preferences.mode ? HTML(" checked") : .empty)> \(mode.chineseName)</label>
            """
        }
        let mailed = Set(NoticeTopic.allCases).subtracting(preferences.muted)
        return """
            <h1>我的通知设置</h1>
            <p class="muted">系统内的“通知”始终显示全部通知；这里设置哪些通知同时发到您的邮箱。</p>
            \(serverUnit == nil ? HTML("<p class=\"error-summary\" data-testid=\"no-mail-server\">本单位及上级单位尚未设置邮件服务器，邮件暂不会发出。请联系管理员在“本单位设置”中填写。</p>") : .empty)
            <form method="post" action="\(SiteURL.noticePreferences.path)" class="card">
            \(csrf)\(f.summary)
            \(f.text("email", "邮箱地址", value: preferences.email, type: "email", hint: "如 zhangsan@example.gov.cn；留空则不发邮件", autocomplete: "email"))
            <fieldset class="field"><legend>发送方式</legend><div class="checks">\(modes)</div>\(f.error(for: "mode"))</fieldset>
            \(f.checkboxes("topics", "发送哪些通知", options: NoticeTopic.allCases.map { ($0.rawValue, $0.chineseName) }, selected: Set(mailed.map(\.rawValue))))
            <div class="actions"><button type="submit">保存</button></div>
            </form>
            """
    }
}

/// 本单位设置 → 邮件服务器: the unit's server (or the one above it uses), its form, a test e-mail to the
/// admin's own address, and its removal.
struct MailServerSettingsView {
    let own: MailServerRecord?
    let inheritedFrom: String?
    /// A refused form's values and errors (a refused test's error too).
    var typed: MailDesk.ServerDraft?
    var errors: [FieldError] = []
    let csrf: HTML

    var html: HTML {
        let f = FormFields(errors: errors, idPrefix: "mail-")
        let value = { (typed: String?, stored: String?) in typed ?? stored }
        let security = typed?.security ?? own?.security ?? MailServer.Security.tls.rawValue
        let status: HTML =
            if let own {
                own.active
                    ? "<p>本单位邮件服务器：<b>\(own.host):\(own.port)</b>，发件人 \(own.senderAddress)</p>"
                    : "<p>本单位邮件服务器已停用：\(own.host):\(own.port)\(inheritedFrom.map { "；目前使用\($0)的邮件服务器" } ?? "")</p>"
            } else if let inheritedFrom {
                "<p>本单位未单独设置，使用<b>\(inheritedFrom)</b>的邮件服务器。</p>"
            } else {
                "<p class=\"muted\">尚未设置：选择“发邮件”的人员暂收不到邮件。</p>"
            }
        return """
            <section class="card" id="mail"><h2>邮件服务器</h2>
            \(status)\(f.summary)
            <form method="post" action="\(SiteURL.orgSettingsMail.path)">\(csrf)
            \(f.text("host", "服务器地址", value: value(typed?.host, own?.host), required: true, placeholder: "smtp.exmail.qq.com"))
            \(f.text("port", "端口", value: value(typed?.port, own.map { String($0.port) }) ?? "465", type: "number", required: true))
            \(f.select("security", "连接方式", options: MailServer.Security.allCases.map { ($0.rawValue, $0.chineseName) }, selected: security, blank: nil))
            \(f.text("username", "账号", value: value(typed?.username, own?.username), hint: "内网中继无需登录时留空", autocomplete: "off"))
            \(f.text("password", "密码或授权码", value: nil, type: "password", hint: own?.password == nil ? "腾讯企业邮、阿里企业邮等填客户端专用密码" : "已保存；留空则不修改", autocomplete: "new-password"))
            \(f.text("senderAddress", "发件人地址", value: value(typed?.senderAddress, own?.senderAddress), type: "email", required: true))
            \(f.text("senderName", "发件人名称", value: value(typed?.senderName, own?.senderName), placeholder: "解优"))
            \(f.checkbox("active", "启用", checked: typed?.active ?? own?.active ?? true))
            <div class="actions"><button type="submit">保存</button></div>
            </form>
            \(own == nil && inheritedFrom == nil ? HTML.empty : HTML("""
            <form method="post" action="\(SiteURL.orgSettingsMailTest.path)" class="inline">\(csrf)<button type="submit" class="secondary" data-testid="mail-test">发送测试邮件到我的邮箱</button></form>\(f.error(for: "test"))
            """))
            \(own == nil ? HTML.empty : HTML("""
            <form method="post" action="\(SiteURL.orgSettingsMailDelete.path)" class="inline">\(csrf)<button type="submit" class="secondary">删除本单位的设置</button></form>
            """))
            </section>
            """
    }
}
