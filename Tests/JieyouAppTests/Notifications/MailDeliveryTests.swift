import Foundation
import JieyouDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import JieyouApp

/// Notices by e-mail: a unit's admins set a mail server (the units below use it), each person chooses
/// an address, every notice or a morning digest, and the topics; the outbox sends through a real SMTP
/// server the test starts; a server that is down never holds up a step, and its mail goes out later,
/// also after a restart.
@Suite struct MailDeliveryTests {
    let problems = ProblemsAPITests()
    static let publicURL = "https://jieyou.example.gov.cn"

    /// The city's admin sets the mail server every unit below uses.
    static func setServer(_ client: Client, port: Int, username: String = "jieyou@yueyang.gov.cn") async throws {
        let admin = try await client.webSession("yy_admin")
        let saved = try await client.send(
            .POST, "/admin/settings/mail",
            form: [
                ("_csrf", admin.csrf), ("host", "127.0.0.1"), ("port", String(port)), ("security", "none"),
                ("username", username), ("password", "授权码-123"), ("senderAddress", "jieyou@yueyang.gov.cn"),
                ("senderName", "岳阳市解优平台"), ("active", "true"),
            ], cookie: admin.cookie)
        #expect(saved.status == .seeOther, "\(saved.body.string)")
    }

    /// `user` chooses `email`, `mode` and the topics to mail.
    static func choose(
        _ client: Client, _ user: String, email: String, mode: NoticeEmailMode,
        topics: [NoticeTopic] = NoticeTopic.allCases
    ) async throws {
        let web = try await client.webSession(user)
        let saved = try await client.send(
            .POST, "/account/notices",
            form: [("_csrf", web.csrf), ("email", email), ("mode", mode.rawValue)]
                + topics.map { ("topics[]", $0.rawValue) },
            cookie: web.cookie)
        #expect(saved.status == .seeOther, "\(saved.body.string)")
    }

    static func deliver(_ app: Application, at now: Date = Date()) async throws -> (delivered: Int, failed: Int) {
        try await OutboxDelivery.run(
            on: app.db, client: app.client, publicURL: publicURL, now: now, logger: app.logger, timeout: .seconds(2))
    }

    @Test func anAssignmentIsMailedToTheLeadDepartmentsHandlerAndNobodyElse() async throws {
        try await withApp { app in
            let smtp = try await SMTPListener()
            defer { Task { try? await smtp.stop() } }
            let world = try await World.build(on: app)
            try await HandOffNoticesTests.addStaff(app, world)
            let client = Client(app: app)
            try await Self.setServer(client, port: smtp.port)
            try await Self.choose(client, "lx_handler", email: "zhang.wei@linxiang.gov.cn", mode: .each)
            try await Self.choose(client, "lx_service_handler", email: "other@linxiang.gov.cn", mode: .each)
            try await Self.choose(client, "pj_handler", email: "pj@pingjiang.gov.cn", mode: .each)

            let dispatcher = try await client.token("lx_dispatcher")
            let id = try await problems.assigned(
                client, dispatcher, enterprise: world.enterprise, lead: world.linxiangEconomy)
            #expect(try await Self.deliver(app) == (1, 0))

            let mail = try #require(smtp.received.first)
            #expect(smtp.received.count == 1)
            #expect(mail.to == ["zhang.wei@linxiang.gov.cn"])
            #expect(mail.from == "<jieyou@yueyang.gov.cn>")
            #expect(mail.credentials == "\0jieyou@yueyang.gov.cn\0授权码-123")
            #expect(mail.header("From") == "岳阳市解优平台 <jieyou@yueyang.gov.cn>")
            #expect(mail.header("Subject")?.hasPrefix("【解优】") == true)
            #expect(mail.header("Content-Type") == "text/plain; charset=UTF-8")
            #expect(mail.body.contains("查看：\(Self.publicURL)/problems/\(id.lowercased())"), "\(mail.body)")
            let notice = try #require(
                try await app.db.sql.raw("SELECT message FROM notifications WHERE kind = 'problem.assigned'").first()?
                    .decode(column: "message", as: String.self))
            #expect(mail.body.hasPrefix(notice))
            // Delivered once: the next run has nothing to send.
            #expect(try await Self.deliver(app) == (0, 0))
        }
    }

    @Test func aDigestGathersTheDayAndMutedTopicsStayOnTheBell() async throws {
        try await withApp { app in
            let smtp = try await SMTPListener()
            defer { Task { try? await smtp.stop() } }
            let world = try await World.build(on: app)
            let client = Client(app: app)
            try await Self.setServer(client, port: smtp.port)
            // The handler does not want assignments mailed; the dispatcher wants a morning digest.
            try await Self.choose(
                client, "lx_handler", email: "handler@linxiang.gov.cn", mode: .each,
                topics: NoticeTopic.allCases.filter { $0 != .assigned })
            try await Self.choose(client, "lx_dispatcher", email: "dispatch@linxiang.gov.cn", mode: .digest)

            let dispatcher = try await client.token("lx_dispatcher")
            let handler = try await client.token("lx_handler")
            let id = try await problems.assigned(
                client, dispatcher, enterprise: world.enterprise, lead: world.linxiangEconomy)
            try await problems.act(client, handler, id, "giveBack", ["reason": "属于市场监管职责"])
            try await problems.act(
                client, handler, id, "requestExtension", ["workingDays": 3, "reason": "需要检测"], expect: .conflict)
            #expect(try await Self.deliver(app) == (0, 0))

            let queued = try await NoticeDigest.run(since: Date().addingTimeInterval(-3_600), now: Date(), on: app.db)
            #expect(queued == 1)
            #expect(try await Self.deliver(app) == (1, 0))
            let digest = try #require(smtp.received.first)
            #expect(digest.to == ["dispatch@linxiang.gov.cn"])
            #expect(digest.header("Subject") == "【解优】每日通知汇总（1条）")
            #expect(digest.body.contains("1. ") && digest.body.contains("属于市场监管职责"))
        }
    }

    @Test func aStepSucceedsWhileTheMailServerIsDownAndItsMailGoesOutAfterARestart() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID().uuidString).sqlite")
            .path
        defer { try? FileManager.default.removeItem(atPath: file) }
        // A port that was just let go: nothing listens there.
        let gone = try await SMTPListener()
        let port = gone.port
        try await gone.stop()
        var problem = ""
        try await withApp(configure: { $0.database = .sqliteFile(path: file) }) { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            try await Self.setServer(client, port: port)
            try await Self.choose(client, "lx_handler", email: "handler@linxiang.gov.cn", mode: .each)
            let dispatcher = try await client.token("lx_dispatcher")
            problem = try await problems.assigned(
                client, dispatcher, enterprise: world.enterprise, lead: world.linxiangEconomy)
            #expect(try await Self.deliver(app) == (0, 1))
            let item = try #require(try await OutboxStore(sql: app.db.sql).troubles(of: world.linxiangPark).first)
            #expect(item.lastError?.hasPrefix("无法连接邮件服务器 127.0.0.1:\(port)") == true)
            #expect(item.emailTo == "handler@linxiang.gov.cn")
        }
        // The server comes back on its port; a new instance on the same database sends the mail once its
        // retry is due.
        let smtp = try await SMTPListener(port: port)
        defer { Task { try? await smtp.stop() } }
        try await withApp(configure: { $0.database = .sqliteFile(path: file) }) { app in
            let result = try await Self.deliver(app, at: Date().addingTimeInterval(120))
            #expect(result == (1, 0))
            let sent = smtp.received.first?.body ?? ""
            #expect(sent.contains("/problems/\(problem.lowercased())"))
        }
    }

    @Test func aRefusedRecipientKeepsTheServersWordsForTheAdmins() async throws {
        try await withApp { app in
            let smtp = try await SMTPListener()
            defer { Task { try? await smtp.stop() } }
            let world = try await World.build(on: app)
            let client = Client(app: app)
            try await Self.setServer(client, port: smtp.port)
            try await Self.choose(client, "lx_handler", email: "reject.me@linxiang.gov.cn", mode: .each)
            let dispatcher = try await client.token("lx_dispatcher")
            let id = try await problems.assigned(
                client, dispatcher, enterprise: world.enterprise, lead: world.linxiangEconomy)
            #expect(try await Self.deliver(app) == (0, 1))
            let item = try #require(try await OutboxStore(sql: app.db.sql).troubles(of: world.linxiangPark).first)
            #expect(item.lastError?.contains("550 5.1.1 No such user") == true)
            // The park's admin reads it under 未送达的消息.
            let admin = try await client.webSession("lx_admin")
            let page = try await client.send(.GET, "/admin/settings", cookie: admin.cookie).body.string
            #expect(page.contains("No such user"))
        }
    }

    @Test func choicesAndServerSettingsAreCheckedAndOnlyAdminsSetServers() async throws {
        try await withApp { app in
            let smtp = try await SMTPListener()
            defer { Task { try? await smtp.stop() } }
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let web = try await client.webSession("lx_handler")
            for (fields, field) in [
                ([("email", "not-an-address"), ("mode", "each")], "email"),
                ([("email", ""), ("mode", "digest")], "email"),
                ([("email", "a@b.cn"), ("mode", "sometimes")], "mode"),
                ([("email", "a@b.cn\r\nBcc: x@y.cn"), ("mode", "each")], "email"),
            ] {
                let refused = try await client.send(
                    .POST, "/account/notices", form: [("_csrf", web.csrf)] + fields, cookie: web.cookie)
                #expect(refused.status == .badRequest, "\(fields)")
                #expect(refused.body.string.contains("id=\"\(field)-error\""), "\(fields)")
            }
            #expect(
                try await MailStore(sql: app.db.sql).preferences(of: try await userID(app, "lx_handler")).email == nil)
            // The page says when nobody has set a mail server.
            let page = try await client.send(.GET, "/account/notices", cookie: web.cookie).body.string
            #expect(page.contains("data-testid=\"no-mail-server\""))

            // Only admins set servers; a bad port and sender are named.
            let handlerPost = try await client.send(
                .POST, "/admin/settings/mail", form: [("_csrf", web.csrf), ("host", "smtp.example.cn")],
                cookie: web.cookie)
            #expect(handlerPost.status == .forbidden)
            let admin = try await client.webSession("lx_admin")
            let bad = try await client.send(
                .POST, "/admin/settings/mail",
                form: [
                    ("_csrf", admin.csrf), ("host", "smtp.example.cn"), ("port", "99999"), ("security", "tls"),
                    ("senderAddress", "jieyou"),
                ], cookie: admin.cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("端口应为 1–65535 的整数") && bad.body.string.contains("发件人地址格式不正确"))
            #expect(
                try await app.db.sql.raw("SELECT COUNT(*) AS n FROM mail_servers").first()!.decode(
                    column: "n", as: Int.self) == 0)

            // The test e-mail goes to the admin's own address, at once.
            try await Self.choose(client, "lx_admin", email: "admin@linxiang.gov.cn", mode: .off)
            let saved = try await client.send(
                .POST, "/admin/settings/mail",
                form: [
                    ("_csrf", admin.csrf), ("host", "127.0.0.1"), ("port", String(smtp.port)), ("security", "none"),
                    ("senderAddress", "jieyou@linxiang.gov.cn"), ("active", "true"),
                ], cookie: admin.cookie)
            #expect(saved.status == .seeOther)
            let test = try await client.send(
                .POST, "/admin/settings/mail/test", form: [("_csrf", admin.csrf)], cookie: admin.cookie)
            #expect(test.status == .seeOther, "\(test.body.string)")
            #expect(smtp.received.map(\.to) == [["admin@linxiang.gov.cn"]])
            #expect(smtp.received.first?.credentials == nil)
            let events = try await app.db.sql.raw(
                "SELECT entity_type, action FROM events WHERE entity_type = 'mailServer' OR action = 'notices.update'"
            ).all().count
            #expect(events == 2)
        }
    }

    func userID(_ app: Application, _ username: String) async throws -> UUID {
        try await app.db.sql.raw("SELECT id FROM users WHERE username = \(bind: username)").first()!.decode(
            column: "id", as: UUID.self)
    }
}
