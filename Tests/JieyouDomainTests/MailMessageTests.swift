import Foundation
import Testing

@testable import JieyouDomain

/// An e-mail as SMTP carries it, and the addresses a notice may go to.
@Suite struct MailMessageTests {
    let message = MailMessage(
        fromAddress: "jieyou@yueyang.gov.cn", fromName: "岳阳市解优平台", to: "zhang@linxiang.gov.cn",
        subject: "【解优】问题 LXGXQ-2026-0001 已交办你部门牵头办理，请于2026年12月8日前签收",
        text: "第一行\n.以点开头的一行", date: Date(timeIntervalSince1970: 1_796_112_000), messageID: "abc@jieyou")

    @Test func chineseHeadersAreEncodedWordsNoLongerThan75() {
        let rendered = message.rendered
        let head = rendered.components(separatedBy: "\r\n\r\n")[0]
        for line in head.components(separatedBy: "\r\n") {
            #expect(line.count <= 78, "\(line)")
            #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)")
        }
        #expect(head.contains("From: =?UTF-8?B?"))
        #expect(head.contains(" <jieyou@yueyang.gov.cn>"))
        #expect(head.contains(/Date: [A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0800/))
        #expect(head.contains("Content-Transfer-Encoding: base64"))
        // The words decode back to the subject, whole characters in each.
        let words = head.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }
            .prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        let decoded = words.map { line -> String in
            let word = line.split(separator: "?")[3]
            return String(decoding: Data(base64Encoded: String(word))!, as: UTF8.self)
        }.joined()
        #expect(decoded == message.subject)
    }

    @Test func theBodyIsBase64OfCRLFText() {
        let body = message.rendered.components(separatedBy: "\r\n\r\n")[1].replacingOccurrences(of: "\r\n", with: "")
        #expect(String(decoding: Data(base64Encoded: body)!, as: UTF8.self) == "第一行\r\n.以点开头的一行")
        #expect(MailMessage.encodedWord("plain ASCII") == "plain ASCII")
    }

    @Test func anAddressCannotCarryASecondHeaderOrRecipient() {
        #expect(EmailAddress.isValid("zhang.wei@linxiang.gov.cn"))
        #expect(EmailAddress.isValid("a+b@x.cn"))
        for bad in [
            "", "zhang", "zhang@", "@x.cn", "a@b", "a b@x.cn", "a@x.cn\r\nBcc: y@z.cn", "a@x.cn,b@y.cn", "<a@x.cn>",
            "张伟@x.cn", "a@-x.cn", "a@x..cn",
        ] {
            #expect(!EmailAddress.isValid(bad), "\(bad)")
        }
    }

    @Test func everyNoticeKindHasItsTopic() {
        #expect(NoticeTopic.of(kind: "problem.assigned") == .assigned)
        #expect(NoticeTopic.of(kind: "problem.extensionRequested") == .returned)
        #expect(NoticeTopic.of(kind: "problem.reopened") == .results)
        #expect(NoticeTopic.of(kind: "proposeSupervision") == .supervision)
        #expect(NoticeTopic.of(kind: "urge") == .overdue)
        #expect(NoticeTopic.of(kind: "report.submitted") == .reports)
        #expect(NoticeTopic.of(kind: "policy") == .policies)
    }
}
