import Foundation
import Testing

@testable import JieyouDomain

/// Each vendor's robot gets its documented body; the signatures match what Python's `hmac` computes
/// for the same inputs (the vectors below), which is how the vendors' own samples compute them.
@Suite struct RobotMessageTests {
    let message = RobotMessage(title: "【交办】问题 LX-1", text: "请于12月8日前签收。", link: "https://jieyou.example/problems/1")
    let at = Date(timeIntervalSince1970: 1_700_000_000)

    func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theSignaturesMatchTheVendorsRecipes() {
        #expect(
            RobotMessage.dingTalkSign(timestamp: "1700000000000", secret: "SECabc")
                == "jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM=")
        #expect(
            RobotMessage.feishuSign(timestamp: "1700000000", secret: "key")
                == "q6Oev4Wrs23QSZVkmQVsgFJ6N6asqz82R5NA5r3kxD0=")
    }

    @Test func weComTakesMarkdownWithTheLink() throws {
        let (url, body) = message.request(
            for: .wecom, webhook: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", secret: "ignored", at: at)
        #expect(url == "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k")
        let json = try object(body)
        #expect(json["msgtype"] as? String == "markdown")
        #expect(
            (json["markdown"] as? [String: Any])?["content"] as? String
                == "**【交办】问题 LX-1**\n请于12月8日前签收。\n[查看详情](https://jieyou.example/problems/1)")
    }

    @Test func dingTalkIsSignedInTheAddressWhenItHasASecret() throws {
        let (signed, body) = message.request(
            for: .dingtalk, webhook: "https://oapi.dingtalk.com/robot/send?access_token=t", secret: "SECabc", at: at)
        #expect(
            signed
                == "https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000&sign=jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM%3D"
        )
        let markdown = try #require(try object(body)["markdown"] as? [String: Any])
        #expect(markdown["title"] as? String == "【交办】问题 LX-1")
        #expect(
            markdown["text"] as? String
                == "#### 【交办】问题 LX-1\n\n请于12月8日前签收。\n\n[查看详情](https://jieyou.example/problems/1)")
        let (plain, _) = message.request(
            for: .dingtalk, webhook: "https://oapi.dingtalk.com/robot/send?access_token=t", secret: nil, at: at)
        #expect(plain == "https://oapi.dingtalk.com/robot/send?access_token=t")
    }

    @Test func feishuIsSignedInTheBody() throws {
        let (url, body) = message.request(
            for: .feishu, webhook: "https://open.feishu.cn/open-apis/bot/v2/hook/x", secret: "key", at: at)
        #expect(url == "https://open.feishu.cn/open-apis/bot/v2/hook/x")
        let json = try object(body)
        #expect(json["msg_type"] as? String == "text")
        #expect(json["timestamp"] as? String == "1700000000")
        #expect(json["sign"] as? String == "q6Oev4Wrs23QSZVkmQVsgFJ6N6asqz82R5NA5r3kxD0=")
        #expect(
            (json["content"] as? [String: Any])?["text"] as? String
                == "【交办】问题 LX-1\n请于12月8日前签收。\nhttps://jieyou.example/problems/1")
    }

    @Test func onlyAZeroCodeIsTaken() {
        #expect(RobotMessage.accepted(Data(#"{"errcode":0,"errmsg":"ok"}"#.utf8)))
        #expect(RobotMessage.accepted(Data(#"{"code":0,"msg":"success"}"#.utf8)))
        #expect(!RobotMessage.accepted(Data(#"{"errcode":310000,"errmsg":"sign not match"}"#.utf8)))
        #expect(!RobotMessage.accepted(Data(#"{"code":19021,"msg":"sign match fail"}"#.utf8)))
        #expect(!RobotMessage.accepted(Data("<html>502</html>".utf8)))
    }

    @Test func retriesBackOffToSixHours() {
        #expect(OutboxRetry.delay(afterAttempts: 1) == 60)
        #expect(OutboxRetry.delay(afterAttempts: 3) == 240)
        #expect(OutboxRetry.delay(afterAttempts: 20) == 6 * 3600)
    }
}

/// A unit's own system takes plain JSON; an address says whose robot it is.
@Suite struct PlainWebhookTests {
    @Test func aPlainWebhookGetsTitleTextAndLinkAndAnyTwoHundredIsTaken() throws {
        let message = RobotMessage(title: "【超期催办】今日超期问题1件", text: "A-1", link: "https://x.cn/problems")
        let (url, body) = message.request(for: .webhook, webhook: "https://oa.example.cn/hook", secret: "s", at: Date())
        #expect(url == "https://oa.example.cn/hook")
        let json = try #require(try JSONSerialization.jsonObject(with: body) as? [String: String])
        #expect(json == ["title": "【超期催办】今日超期问题1件", "text": "A-1", "link": "https://x.cn/problems"])
        #expect(RobotMessage.accepted(Data("OK".utf8), by: .webhook))
        #expect(!RobotMessage.accepted(Data("OK".utf8), by: .wecom))
        #expect(!RobotKind.webhook.takesSecret && RobotKind.dingtalk.takesSecret && !RobotKind.wecom.takesSecret)
    }

    @Test func anAddressSaysWhoseRobotItIs() {
        #expect(RobotKind.of(webhook: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1") == .wecom)
        #expect(RobotKind.of(webhook: "https://oapi.dingtalk.com/robot/send?access_token=1") == .dingtalk)
        #expect(RobotKind.of(webhook: "https://open.feishu.cn/open-apis/bot/v2/hook/1") == .feishu)
        #expect(RobotKind.of(webhook: "http://10.1.2.3/hook") == .webhook)
    }
}
