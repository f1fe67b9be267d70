import Foundation
import JieyouDomain
import Testing
import VaporTesting

@testable import JieyouApp

/// The 登记投诉诉求 form and a complaint's page: the requester's fields, each refused one named beside
/// its field with nothing written, and the answer and callback forms that only a requester kind has.
@Suite struct RequestsWebTests {
    @Test func theServiceGroupRegistersAComplaintTakenByPhone() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.webSession("lx_dispatcher")
            let form = try await client.send(.GET, "/problems/new?kind=complaint", cookie: dispatcher.cookie)
            let html = form.body.string
            #expect(html.contains("<h1>登记投诉诉求</h1>") && html.contains("data-testid=\"requester\""))
            #expect(html.contains("<option value=\"inquiry\">咨询</option>") && !html.contains("value=\"suggestion\""))
            #expect(html.contains("经济发展局"), "the unit's departments may be complained about")

            var fields: [(String, String)] = [
                ("_csrf", dispatcher.csrf), ("kind", "complaint"), ("source", "hotline"),
                ("description", "项目备案窗口三次要求补充同一份材料"), ("requesterName", "王五"), ("requesterPhone", "139-1234"),
                ("concern", "departmentService"), ("respondentDepartmentId", world.linxiangEconomy.uuidString),
            ]
            let refused = try await client.send(.POST, "/problems", form: fields, cookie: dispatcher.cookie)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("联系电话“139-1234”格式不正确"))
            #expect(refused.body.string.contains("value=\"王五\""), "what was typed comes back")
            #expect(try await rowCount("problems", on: app) == 0)

            fields[5] = ("requesterPhone", "13912345678")
            let created = try await client.send(.POST, "/problems", form: fields, cookie: dispatcher.cookie)
            #expect(created.status == .seeOther)
            let path = try #require(
                created.headers.first(name: .location)?.split(separator: "?").first.map(String.init))
            let page = try await client.send(.GET, path, cookie: dispatcher.cookie).body.string
            #expect(page.contains("<dt>类型</dt><dd>投诉</dd>") && page.contains("13912345678"))
            #expect(page.contains("data-testid=\"respondent\">经济发展局</dd>"))
            #expect(page.contains("<dt>诉求内容</dt>"))
            // Accepted from its page with 问题类别 left at 请选择, as the form sends it: a complaint needs
            // no category (the form's "" was read as a category code, and refused, before).
            let accepted = try await client.send(
                .POST, "\(path)/actions/accept", form: [("_csrf", dispatcher.csrf), ("category", "")],
                cookie: dispatcher.cookie)
            #expect(accepted.status == .seeOther, "\(accepted.body.string.prefix(300))")
            let after = try await client.send(.GET, path, cookie: dispatcher.cookie).body.string
            #expect(after.contains("待交办"))
        }
    }

    @Test func theAnswerAndTheCallbackFormsAskWhatARequesterNeeds() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let loop = ProblemsAPITests()
            let token = try await client.token("lx_dispatcher")
            let created = try await client.send(
                .POST, "/api/v1/problems", token: token,
                json: ["kind": "inquiry", "description": "研发费用加计扣除怎么申报", "requester": ["phone": "13912345678"]])
            let id = try created.content.get(String.self, at: "id")
            try await loop.act(client, token, id, "accept")
            let dispatcher = try await client.webSession("lx_dispatcher")
            let page = try await client.send(.GET, "/problems/\(id)", cookie: dispatcher.cookie).body.string
            // The service group answers a question itself: 答复内容, 已答复 chosen, and how it answered.
            #expect(page.contains("data-action=\"resolve\"") && page.contains("答复内容"))
            #expect(page.contains("<option value=\"answered\" selected>已答复</option>"))
            #expect(page.contains("name=\"replyMethod\""))
            let answered = try await client.send(
                .POST, "/problems/\(id)/actions/resolve",
                form: [
                    ("_csrf", dispatcher.csrf), ("result", "可在电子税务局申报"), ("resultKind", "answered"),
                    ("replyMethod", "phone"),
                ], cookie: dispatcher.cookie)
            #expect(answered.status == .seeOther)
            let resolved = try await client.send(.GET, "/problems/\(id)", cookie: dispatcher.cookie).body.string
            #expect(resolved.contains("<dt>答复诉求人</dt><dd>电话答复"))
            #expect(resolved.contains("诉求人满意度"), "the service group calls the requester back")
        }
    }
}
