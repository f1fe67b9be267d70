import Foundation
import JieyouDomain

/// The words of a notice's e-mail: a subject a mail list shows whole, and a body that ends with the
/// page's address and how to change what is mailed.
enum MailText {
    static let subjectLength = 40

    /// `【解优】` and the notice's first sentence, cut to fit a mail list's line.
    static func subject(of message: String) -> String {
        let first = message.split(whereSeparator: { "。；\n".contains($0) }).first.map(String.init) ?? message
        return "【解优】" + (first.count > subjectLength ? String(first.prefix(subjectLength)) + "…" : first)
    }

    static func body(_ text: String, link: String?, publicURL: String?) -> String {
        var lines = [text]
        if let link, let publicURL { lines += ["", "查看：\(publicURL)\(link)"] }
        lines += ["", "——", "解优企业服务平台自动发送，请勿直接回复。登录后在“我的通知设置”中可改为每日汇总或停止邮件。"]
        return lines.joined(separator: "\n")
    }

    /// The morning digest of `notices` (message, link), newest last.
    static func digest(_ notices: [(message: String, link: String?)], publicURL: String?) -> (String, String) {
        let subject = "【解优】每日通知汇总（\(notices.count)条）"
        var lines = ["过去一天您有 \(notices.count) 条新通知："]
        for (index, notice) in notices.enumerated() {
            lines.append("")
            lines.append("\(index + 1). \(notice.message)")
            if let link = notice.link, let publicURL { lines.append("   \(publicURL)\(link)") }
        }
        return (subject, body(lines.joined(separator: "\n"), link: nil, publicURL: nil))
    }
}
