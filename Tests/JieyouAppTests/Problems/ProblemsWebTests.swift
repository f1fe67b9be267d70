import Foundation
import JieyouDomain
import Testing
import VaporTesting

@testable import JieyouApp

/// The ledger and problem pages: each role's views, only the allowed forms, and a refused step shown
/// on the page with its reason.
@Suite struct ProblemsWebTests {
    @Test func theLoopOnThePagesWithOnlyTheAllowedForms() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let enterprise = try await client.webSession("lx_enterprise")
            let form = try await client.send(.GET, "/problems/new", cookie: enterprise.cookie)
            #expect(form.body.string.contains("临湘浮标科技有限公司"))
            let submitted = try await client.send(
                .POST, "/problems",
                form: [("_csrf", enterprise.csrf), ("kind", "problem"), ("description", "用电报装排队太久")],
                cookie: enterprise.cookie)
            #expect(submitted.status == .seeOther)
            let path = try #require(
                submitted.headers.first(name: .location)?.split(separator: "?").first.map(String.init))

            let dispatcher = try await client.webSession("lx_dispatcher")
            let ledger = try await client.send(.GET, "/problems?view=toAccept", cookie: dispatcher.cookie)
            #expect(ledger.body.string.contains("用电报装排队太久"))
            #expect(ledger.body.string.contains("退回待审定"), "the dispatcher's views are offered")
            var page = try await client.send(.GET, path, cookie: dispatcher.cookie)
            #expect(page.body.string.contains("data-action=\"accept\""))
            #expect(!page.body.string.contains("data-action=\"sign\""))
            // A step refused for a missing field comes back with the reason, and nothing changes.
            let refused = try await client.send(
                .POST, path + "/actions/reject", form: [("_csrf", dispatcher.csrf), ("reason", " ")],
                cookie: dispatcher.cookie)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("请填写不予受理的理由"))
            #expect(refused.body.string.contains("<details class=\"card action\" open data-action=\"reject\">"))
            for (action, fields) in [
                ("accept", [("category", "hardship")]),
                ("assign", [("leadDepartmentId", world.linxiangEconomy.uuidString)]),
            ] {
                let done = try await client.send(
                    .POST, path + "/actions/\(action)", form: [("_csrf", dispatcher.csrf)] + fields,
                    cookie: dispatcher.cookie)
                #expect(done.status == .seeOther, "\(action): \(done.body.string.prefix(300))")
            }
            let handler = try await client.webSession("lx_handler")
            let toSign = try await client.send(.GET, "/problems?view=toSign", cookie: handler.cookie)
            #expect(toSign.body.string.contains("用电报装排队太久"))
            // A refused form keeps what was typed: the handler does not write the result again.
            _ = try await client.send(
                .POST, path + "/actions/sign", form: [("_csrf", handler.csrf)], cookie: handler.cookie)
            let unfinished = try await client.send(
                .POST, path + "/actions/resolve",
                form: [("_csrf", handler.csrf), ("result", "已协调供电公司<加急>办理"), ("resultKind", "")],
                cookie: handler.cookie)
            #expect(unfinished.status == .badRequest)
            #expect(unfinished.body.string.contains("rows=\"3\">已协调供电公司&lt;加急&gt;办理</textarea>"))
            #expect(
                unfinished.body.string.components(separatedBy: "已协调供电公司&lt;加急&gt;办理").count == 2,
                "only the refused form shows it")
            for (action, fields) in [
                ("resolve", [("result", "已协调供电公司加急办理"), ("resultKind", "solved")])
            ] {
                let done = try await client.send(
                    .POST, path + "/actions/\(action)", form: [("_csrf", handler.csrf)] + fields, cookie: handler.cookie
                )
                #expect(done.status == .seeOther, "\(action)")
            }
            let rated = try await client.send(
                .POST, path + "/actions/revisit", form: [("_csrf", enterprise.csrf), ("satisfaction", "satisfied")],
                cookie: enterprise.cookie)
            #expect(rated.status == .seeOther)
            page = try await client.send(.GET, path, cookie: dispatcher.cookie)
            #expect(page.body.string.contains("企业回访满意，可以销号"))
            let closed = try await client.send(
                .POST, path + "/actions/close", form: [("_csrf", dispatcher.csrf)], cookie: dispatcher.cookie)
            #expect(closed.status == .seeOther)
            page = try await client.send(.GET, path, cookie: enterprise.cookie)
            #expect(page.body.string.contains("data-testid=\"problem-state\">已销号"))
            #expect(page.body.string.contains("销号"))
            // Without the form's token nothing happens.
            let forged = try await client.send(
                .POST, path + "/actions/flagTypicalCase", form: [("on", "true")], cookie: dispatcher.cookie)
            #expect(forged.status == .forbidden)
            // Another park's admin does not find it.
            let other = try await client.webSession("pj_admin")
            #expect(try await client.send(.GET, path, cookie: other.cookie).status == .notFound)
        }
    }
}
