import Crypto
import Foundation
import JieyouDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import JieyouApp

/// Hand-offs reach the work groups' robots: an admin connects 企业微信, 钉钉 and 飞书 robots (a bad
/// address is named and nothing stored); a hand-off writes to the outbox in its own transaction; the
/// delivery posts each vendor's documented format to a real local HTTP receiver, which checks 钉钉's
/// and 飞书's signatures; a robot that is down does not hold the step up, its message is tried again
/// and goes out later, and the admin reads what failed.
@Suite struct RobotDeliveryTests {
    let problems = ProblemsAPITests()

    /// What the receiver got, by path, and whether each robot answers yet.
    actor Receiver {
        var posts: [(path: String, query: String, body: Data)] = []
        var down: Set<String> = []
        func add(_ path: String, _ query: String, _ body: Data) { posts.append((path, query, body)) }
        func setDown(_ paths: Set<String>) { down = paths }
    }

    static func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func handOffsReachEachVendorsRobotInItsOwnFormat() async throws {
        try await withApp { app in
            let receiver = Receiver()
            let server = try await Application.make(.testing)
            for path in ["wecom", "dingtalk", "feishu"] {
                server.post(PathComponent(stringLiteral: path)) { req async throws -> Response in
                    let body = req.body.data.map { Data(buffer: $0) } ?? Data()
                    await receiver.add(path, req.url.query ?? "", body)
                    if await receiver.down.contains(path) { return Response(status: .serviceUnavailable) }
                    let answer = path == "feishu" ? #"{"code":0,"msg":"success"}"# : #"{"errcode":0,"errmsg":"ok"}"#
                    return Response(status: .ok, body: .init(string: answer))
                }
            }
            try await server.server.start(address: .hostname("127.0.0.1", port: 0))
            defer {
                Task {
                    await server.server.shutdown(); try? await server.asyncShutdown()
                }
            }
            let port = try #require(server.http.server.shared.localAddress?.port)
            let base = "http://127.0.0.1:\(port)"

            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.webSession("lx_admin")
            func add(_ fields: [(String, String)]) async throws -> TestingHTTPResponse {
                try await client.send(
                    .POST, "/admin/settings/channels", form: [("_csrf", admin.csrf)] + fields, cookie: admin.cookie)
            }
            // A bad address is named in Chinese and nothing is stored.
            let refused = try await add([("kind", "wecom"), ("name", "经发局工作群"), ("webhookUrl", "qyapi.weixin.qq.com")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Webhook 地址应为 http:// 或 https:// 开头的完整网址"))
            #expect(try await ChannelStore(sql: app.db.sql).list(of: world.linxiangPark).isEmpty)
            // Another park's department is not offered and not taken.
            let foreign = try await add([
                ("kind", "wecom"), ("name", "平江"), ("departmentId", world.pingjiangEconomy.uuidString),
                ("webhookUrl", "\(base)/wecom"),
            ])
            #expect(foreign.status == .badRequest && foreign.body.string.contains("只能选择本单位的部门"))

            for fields in [
                [
                    ("kind", "wecom"), ("name", "经发局工作群"), ("departmentId", world.linxiangEconomy.uuidString),
                    ("webhookUrl", "\(base)/wecom?key=abc"),
                ],
                [
                    ("kind", "dingtalk"), ("name", "园区调度群"), ("webhookUrl", "\(base)/dingtalk?access_token=t"),
                    ("secret", "SECdingtalk"),
                ],
                [("kind", "feishu"), ("name", "园区领导群"), ("webhookUrl", "\(base)/feishu"), ("secret", "feishu-key")],
            ] {
                #expect(try await add(fields).status == .seeOther)
            }
            let channels = try await ChannelStore(sql: app.db.sql).list(of: world.linxiangPark)
            #expect(channels.count == 3)
            // Another park's admin can neither pause nor remove them.
            let other = try await client.webSession("pj_admin")
            let toggle = try await client.send(
                .POST, SiteURL.orgSettingsChannelToggle(.value(channels[0].id)).path, form: [("_csrf", other.csrf)],
                cookie: other.cookie)
            #expect(toggle.status == .notFound)
            let gone = try await client.send(
                .POST, SiteURL.orgSettingsChannelDelete(.value(channels[0].id)).path, form: [("_csrf", other.csrf)],
                cookie: other.cookie)
            #expect(gone.status == .notFound)
            // Nor may a dispatcher of the park add, pause or remove one.
            let staff = try await client.webSession("lx_dispatcher")
            let byStaff = try await client.send(
                .POST, "/admin/settings/channels",
                form: [("_csrf", staff.csrf), ("kind", "wecom"), ("name", "x"), ("webhookUrl", "\(base)/wecom")],
                cookie: staff.cookie)
            #expect(byStaff.status == .forbidden)
            for path in [
                SiteURL.orgSettingsChannelToggle(.value(channels[0].id)).path,
                SiteURL.orgSettingsChannelDelete(.value(channels[0].id)).path,
            ] {
                let refused = try await client.send(.POST, path, form: [("_csrf", staff.csrf)], cookie: staff.cookie)
                #expect(refused.status == .forbidden, "\(path)")
            }
            #expect(try await ChannelStore(sql: app.db.sql).list(of: world.linxiangPark).allSatisfy(\.active))
            #expect(try await ChannelStore(sql: app.db.sql).list(of: world.linxiangPark).count == 3)

            // 交办 goes to the department's group; 退回 to the unit's groups.
            let dispatcher = try await client.token("lx_dispatcher")
            let handler = try await client.token("lx_handler")
            let id = try await problems.submit(
                client, dispatcher, enterprise: world.enterprise, category: "enforcement")
            try await problems.act(client, dispatcher, id, "accept")
            try await problems.act(
                client, dispatcher, id, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
            await receiver.setDown(["feishu"])
            try await problems.act(client, handler, id, "giveBack", ["reason": "属于市场监管职责"])

            let now = Date()
            let first = try await OutboxDelivery.run(
                on: app.db, client: app.client, publicURL: "https://jieyou.example.gov.cn", now: now, logger: app.logger
            )
            #expect(first.delivered == 2 && first.failed == 1)
            let posts = await receiver.posts
            let wecom = try #require(posts.first { $0.path == "wecom" })
            #expect(wecom.query == "key=abc")
            let markdown = try Self.json(wecom.body)
            #expect(markdown["msgtype"] as? String == "markdown")
            let content = try #require((markdown["markdown"] as? [String: Any])?["content"] as? String)
            #expect(content.hasPrefix("**【交办】问题 LXGXQ-"))
            #expect(content.contains("[查看详情](https://jieyou.example.gov.cn/problems/\(id.lowercased()))"))

            // 钉钉: the signature over “timestamp\nsecret” is in the address.
            let ding = try #require(posts.first { $0.path == "dingtalk" })
            let query = Dictionary(
                uniqueKeysWithValues: ding.query.split(separator: "&").map {
                    let pair = $0.split(separator: "=", maxSplits: 1)
                    return (String(pair[0]), String(pair[1]).removingPercentEncoding ?? "")
                })
            let timestamp = try #require(query["timestamp"])
            let expected = HMAC<SHA256>.authenticationCode(
                for: Data("\(timestamp)\nSECdingtalk".utf8), using: SymmetricKey(data: Data("SECdingtalk".utf8)))
            #expect(query["sign"] == Data(expected).base64EncodedString() && query["access_token"] == "t")
            let dingBody = try Self.json(ding.body)
            let dingMarkdown = try #require(dingBody["markdown"] as? [String: Any])
            #expect((dingMarkdown["title"] as? String)?.hasPrefix("【退回】问题 LXGXQ-") == true)
            #expect((dingMarkdown["text"] as? String)?.contains("属于市场监管职责") == true)

            // 飞书 was down: the step went through all the same, and the admin reads why.
            let feishu = try #require(posts.first { $0.path == "feishu" })
            let feishuBody = try Self.json(feishu.body)
            let feishuTime = try #require(feishuBody["timestamp"] as? String)
            let feishuSign = HMAC<SHA256>.authenticationCode(
                for: Data(), using: SymmetricKey(data: Data("\(feishuTime)\nfeishu-key".utf8)))
            #expect(feishuBody["sign"] as? String == Data(feishuSign).base64EncodedString())
            #expect(feishuBody["msg_type"] as? String == "text")
            let shown = try await client.send(.GET, "/admin/settings", cookie: admin.cookie).body.string
            #expect(shown.contains("data-testid=\"outbox-troubles\"") && shown.contains("第1次失败"))
            #expect(shown.contains("HTTP 503"))
            #expect(!shown.contains("key=abc"), "the page does not show a robot's key")

            // Not before its back-off; after it, with the robot back, it goes out once.
            #expect(
                try await OutboxDelivery.run(
                    on: app.db, client: app.client, publicURL: nil, now: now.addingTimeInterval(10), logger: app.logger)
                    == (0, 0))
            await receiver.setDown([])
            let later = try await OutboxDelivery.run(
                on: app.db, client: app.client, publicURL: nil, now: now.addingTimeInterval(61), logger: app.logger)
            #expect(later == (1, 0))
            #expect(await receiver.posts.filter { $0.path == "feishu" }.count == 2)
            let again = try await client.send(.GET, "/admin/settings", cookie: admin.cookie).body.string
            #expect(!again.contains("data-testid=\"outbox-troubles\""))
        }
    }

    @Test func aStepSucceedsWhileEveryRobotIsUnreachable() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.webSession("lx_admin")
            // A port that was just let go: nothing listens there.
            let gone = try await Application.make(.testing)
            try await gone.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(gone.http.server.shared.localAddress?.port)
            await gone.server.shutdown()
            try await gone.asyncShutdown()
            let added = try await client.send(
                .POST, "/admin/settings/channels",
                form: [
                    ("_csrf", admin.csrf), ("kind", "wecom"), ("name", "经发局工作群"),
                    ("departmentId", world.linxiangEconomy.uuidString), ("webhookUrl", "http://127.0.0.1:\(port)/hook"),
                ],
                cookie: admin.cookie)
            #expect(added.status == .seeOther)
            let dispatcher = try await client.token("lx_dispatcher")
            let id = try await problems.submit(
                client, dispatcher, enterprise: world.enterprise, category: "enforcement")
            try await problems.act(client, dispatcher, id, "accept")
            try await problems.act(
                client, dispatcher, id, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
            let result = try await OutboxDelivery.run(
                on: app.db, client: app.client, publicURL: nil, now: Date(), logger: app.logger,
                timeout: .seconds(2))
            #expect(result == (0, 1))
            let item = try #require(try await OutboxStore(sql: app.db.sql).troubles(of: world.linxiangPark).first)
            #expect(item.attempts == 1 && item.failedAt == nil && item.lastError?.hasPrefix("无法送达") == true)
            // Given up after the last attempt, and kept for the admin.
            try await app.db.sql.raw("UPDATE outbox SET attempts = \(bind: OutboxRetry.maxAttempts - 1)").run()
            let when = Date().addingTimeInterval(OutboxRetry.delay(afterAttempts: OutboxRetry.maxAttempts) + 1)
            _ = try await OutboxDelivery.run(
                on: app.db, client: app.client, publicURL: nil, now: when, logger: app.logger,
                timeout: .seconds(2))
            let last = try #require(try await OutboxStore(sql: app.db.sql).troubles(of: world.linxiangPark).first)
            #expect(last.attempts == OutboxRetry.maxAttempts && last.failedAt != nil)
        }
    }
}
