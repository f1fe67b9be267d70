import Crypto
import Foundation

/// The group robots officials read: 企业微信, 钉钉 and 飞书 each take a POST of JSON to the webhook
/// address the group gives, in the vendor's own documented shape.
public enum RobotKind: String, Sendable, CaseIterable, Codable {
    case wecom, dingtalk, feishu
    /// A unit's own system: a POST of plain JSON (`title`, `text`, `link`), taken when it answers 2xx.
    case webhook

    public var chineseName: String {
        switch self {
        case .wecom: "企业微信群机器人"
        case .dingtalk: "钉钉群机器人"
        case .feishu: "飞书群机器人"
        case .webhook: "通用 Webhook（JSON，供本单位系统接收）"
        }
    }

    /// Whether the robot signs its messages with a secret (钉钉 “加签”, 飞书 “签名校验”).
    public var takesSecret: Bool { self == .dingtalk || self == .feishu }

    /// The robot an address belongs to, by the vendors' documented hosts; any other is a plain webhook.
    public static func of(webhook url: String) -> RobotKind {
        let host = URL(string: url)?.host?.lowercased() ?? ""
        if host == "qyapi.weixin.qq.com" { return .wecom }
        if host == "oapi.dingtalk.com" { return .dingtalk }
        if host.hasSuffix("feishu.cn") || host.hasSuffix("larksuite.com") { return .feishu }
        return .webhook
    }
}

/// One notice as a robot posts it: a title line, the text, and the page it is about.
public struct RobotMessage: Sendable, Equatable {
    public let title: String
    public let text: String
    /// The page's address on this site, absolute; nil when the site's public address is not set.
    public let link: String?

    public init(title: String, text: String, link: String?) {
        self.title = title
        self.text = text
        self.link = link
    }

    /// The request for a robot of `kind` at `webhook`: 企业微信 markdown; 钉钉 markdown, signed in the
    /// address with `timestamp` and `sign` when the robot has a secret; 飞书 text, signed in the body.
    public func request(for kind: RobotKind, webhook: String, secret: String?, at date: Date) -> (
        url: String, body: Data
    ) {
        let more = link.map { "[查看详情](\($0))" }
        switch kind {
        case .wecom:
            let content = (["**\(title)**", text] + (more.map { [$0] } ?? [])).joined(separator: "\n")
            return (webhook, Self.json(["msgtype": "markdown", "markdown": ["content": content]]))
        case .dingtalk:
            let content = (["#### \(title)", text] + (more.map { [$0] } ?? [])).joined(separator: "\n\n")
            var url = webhook
            if let secret, !secret.isEmpty {
                let timestamp = String(Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
                let sign = Self.dingTalkSign(timestamp: timestamp, secret: secret)
                let encoded = sign.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? sign
                url += (webhook.contains("?") ? "&" : "?") + "timestamp=\(timestamp)&sign=\(encoded)"
            }
            return (url, Self.json(["msgtype": "markdown", "markdown": ["title": title, "text": content]]))
        case .feishu:
            let content = ([title, text] + (link.map { [$0] } ?? [])).joined(separator: "\n")
            var body: [String: Any] = ["msg_type": "text", "content": ["text": content]]
            if let secret, !secret.isEmpty {
                let timestamp = String(Int64(date.timeIntervalSince1970.rounded(.down)))
                body["timestamp"] = timestamp
                body["sign"] = Self.feishuSign(timestamp: timestamp, secret: secret)
            }
            return (webhook, Self.json(body))
        case .webhook:
            var body: [String: Any] = ["title": title, "text": text]
            if let link { body["link"] = link }
            return (webhook, Self.json(body))
        }
    }

    /// 钉钉: Base64 of HMAC-SHA256 over “timestamp\nsecret”, keyed with the secret.
    public static func dingTalkSign(timestamp: String, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(timestamp)\n\(secret)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(mac).base64EncodedString()
    }

    /// 飞书: Base64 of HMAC-SHA256 over nothing, keyed with “timestamp\nsecret”.
    public static func feishuSign(timestamp: String, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data(), using: SymmetricKey(data: Data("\(timestamp)\n\(secret)".utf8)))
        return Data(mac).base64EncodedString()
    }

    private static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    /// Whether a robot of `kind` took the message, its status being 2xx: a plain webhook says so by
    /// the status alone; the vendors' robots in the body (`accepted(_:)`).
    public static func accepted(_ body: Data, by kind: RobotKind) -> Bool {
        kind == .webhook || accepted(body)
    }

    /// Whether a robot's answer says it took the message: 企业微信 and 钉钉 answer `errcode` 0, 飞书
    /// `code` 0 (older robots `StatusCode` 0).
    public static func accepted(_ body: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return false }
        for key in ["errcode", "code", "StatusCode"] {
            if let value = object[key] as? Int { return value == 0 }
        }
        return false
    }
}

/// When a failed delivery is tried again: after 1, 2, 4 … minutes, at most 6 hours apart, and given up
/// after `maxAttempts`, the failure kept for the org's admins to read.
public enum OutboxRetry {
    public static let maxAttempts = 10

    public static func delay(afterAttempts attempts: Int) -> TimeInterval {
        min(60 * pow(2, Double(max(attempts, 1) - 1)), 6 * 3600)
    }
}
