import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// Complaints, requests and questions (投诉, 诉求, 咨询) through `/api/v1/problems`: registered for a
/// requester who is nobody's contact, answered, called back before 销号, counted apart, and the
/// requester shown to each reader only as far as it needs.
@Suite struct RequestsAPITests {
    let loop = ProblemsAPITests()

    func complaint(
        _ client: Client, _ token: String, _ world: World, requester: [String: Any], kind: String = "complaint",
        expect status: HTTPStatus = .created, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TestingHTTPResponse {
        let response = try await client.send(
            .POST, "/api/v1/problems", token: token,
            json: [
                "kind": kind, "source": "hotline", "description": "到经济发展局办理项目备案，窗口人员三次要求补充同一份材料",
                "requester": requester,
            ])
        #expect(response.status == status, "\(response.body.string)", sourceLocation: sourceLocation)
        return response
    }

    @Test func aComplaintRunsThroughToTheRequestersRevisit() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            try await loop.addServiceHandler(app, world)
            let (dispatcher, handler, coHandler, leader) = (
                try await client.token("lx_dispatcher"), try await client.token("lx_handler"),
                try await client.token("lx_service_handler"), try await client.token("lx_leader")
            )
            let created = try await complaint(
                client, dispatcher, world,
                requester: [
                    "name": "王五", "phone": "13912345678", "concern": "departmentService",
                    "respondentDepartmentId": world.linxiangEconomy.uuidString, "respondent": "项目备案窗口",
                ])
            let id = try created.content.get(String.self, at: "id")
            #expect((try? created.content.get(String.self, at: "enterpriseId")) == nil)
            #expect(try created.content.get(String.self, at: "kind") == "complaint")
            #expect(try created.content.get(String.self, at: "requester", "phone") == "13912345678")
            #expect(try created.content.get(String.self, at: "requester", "respondentDepartment") == "经济发展局")

            try await loop.act(client, dispatcher, id, "accept")
            try await loop.act(
                client, dispatcher, id, "assign",
                [
                    "leadDepartmentId": world.linxiangEconomy.uuidString,
                    "coDepartmentIds": [world.linxiangService.uuidString],
                ])
            // The lead department answers the requester, so it sees the number; the others see it masked.
            let held = try await client.send(.GET, "/api/v1/problems/\(id)", token: handler)
            #expect(try held.content.get(String.self, at: "requester", "phone") == "13912345678")
            let assignedOn = LocalDate(Date(), in: .chinaStandard)
            #expect(
                try held.content.get(String.self, at: "deadline")
                    == WorkCalendar.shipped.addingWorkingDays(10, to: assignedOn).iso)
            for token in [coHandler, leader] {
                let read = try await client.send(.GET, "/api/v1/problems/\(id)", token: token)
                #expect(try read.content.get(String.self, at: "requester", "phone") == "139****5678")
                #expect(try read.content.get(String.self, at: "requester", "name") == "王五")
            }

            try await loop.act(client, handler, id, "sign")
            let unanswered = try await loop.act(
                client, handler, id, "resolve", ["result": "已约谈窗口人员，一次性告知材料清单", "resultKind": "solved"],
                expect: .badRequest)
            #expect(unanswered.apiError?.field == "replyMethod")
            try await loop.act(
                client, handler, id, "resolve",
                ["result": "已约谈窗口人员，一次性告知材料清单", "resultKind": "solved", "replyMethod": "phone"])
            // Nobody's enterprise account rates it: the service group calls the requester back.
            let early = try await loop.act(client, dispatcher, id, "close", expect: .badRequest)
            #expect(early.apiError?.message == "诉求人尚未回访满意，销号须填写理由")
            try await loop.act(client, dispatcher, id, "revisit", ["satisfaction": "satisfied", "comment": "诉求人表示满意"])
            let closed = try await loop.act(client, dispatcher, id, "close")
            #expect(try closed.content.get(String.self, at: "state") == "closed")
            #expect(try closed.content.get(String.self, at: "replyMethod") == "phone")
            let timeline = try closed.content.get([ProblemsAPI.TimelineEntry].self, at: "timeline")
            #expect(timeline.map(\.action) == ["submit", "accept", "assign", "sign", "resolve", "revisit", "close"])
            #expect(timeline[4].changes["replyMethod"]?.after == "phone")

            // Counted apart from the enterprises' problems.
            let stats = try await client.send(.GET, "/api/v1/stats", token: dispatcher)
            let t = try stats.content.decode(StatsReport.self).tally
            #expect(t.registered == 1 && t.requests == 1 && t.complaints == 1 && t.requestsResolved == 1)
            #expect(t.problemsRegistered == 0 && t.problemsResolved == 0 && t.requestsOpen == 0)
            #expect(try await AuditVerification.run(on: app.db).firstBreak == nil)
        }
    }

    @Test func aConfidentialRequesterIsHiddenFromEveryoneButTheServiceGroup() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let (dispatcher, handler) = (try await client.token("lx_dispatcher"), try await client.token("lx_handler"))
            let created = try await complaint(
                client, dispatcher, world,
                requester: [
                    "name": "赵六", "phone": "0730-8221234", "confidential": true, "concern": "officialConduct",
                    "respondent": "经济发展局某科员",
                ])
            let id = try created.content.get(String.self, at: "id")
            try await loop.act(client, dispatcher, id, "accept")
            try await loop.act(client, dispatcher, id, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
            let held = try await client.send(.GET, "/api/v1/problems/\(id)", token: handler)
            #expect(try held.content.get(String.self, at: "requester", "name") == "（保密）")
            #expect((try? held.content.get(String.self, at: "requester", "phone")) == nil)
            #expect(!held.body.string.contains("赵六") && !held.body.string.contains("8221234"))
            // Its page says the same.
            let session = try await client.webSession("lx_handler")
            let page = try await client.send(.GET, "/problems/\(id)", cookie: session.cookie)
            #expect(page.body.string.contains("（保密）") && !page.body.string.contains("赵六"))
            // The enterprise, a monitor that did not report it and another park read nothing of it.
            for user in ["lx_enterprise", "lx_monitor", "pj_admin"] {
                let read = try await client.send(.GET, "/api/v1/problems/\(id)", token: try await client.token(user))
                #expect(read.status == .notFound, "\(user)")
            }
            // The city reads it, masked.
            let upper = try await client.send(.GET, "/api/v1/problems/\(id)", token: try await client.token("yy_upper"))
            #expect(try upper.content.get(String.self, at: "requester", "name") == "（保密）")
        }
    }

    @Test func aBadRequesterIsNamedFieldByFieldAndWritesNothing() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let bad = try await complaint(
                client, dispatcher, world,
                requester: [
                    "name": "王五", "phone": "电话不详", "concern": "departmentService",
                    "respondentDepartmentId": world.pingjiangEconomy.uuidString,
                ], expect: .badRequest)
            #expect(bad.apiError?.field == "requester.respondentDepartmentId")
            #expect(bad.apiError?.message == "被投诉单位不是本单位的部门")
            let errors = try bad.content.get([[String: String]].self, at: "error", "details")
            #expect(errors.map { $0["field"] } == ["requester.respondentDepartmentId", "requester.phone"])
            // A question needs someone to answer.
            let anonymous = try await complaint(
                client, dispatcher, world, requester: [:], kind: "inquiry", expect: .badRequest)
            #expect(anonymous.apiError?.message == "咨询须留下诉求人姓名或联系电话，以便答复")
            let kind = try await complaint(
                client, dispatcher, world, requester: [:], kind: "grievance", expect: .badRequest)
            #expect(kind.apiError?.message == "类型应为问题、意见建议、投诉、诉求或咨询")
            // A problem has no requester: one sent with it is refused, not dropped unread.
            let problem = try await client.send(
                .POST, "/api/v1/problems", token: dispatcher,
                json: [
                    "enterpriseId": world.enterprise.uuidString, "description": "道路破损",
                    "requester": ["respondent": String(repeating: "0", count: 101)],
                ])
            #expect(problem.status == .badRequest && problem.apiError?.field == "requester")
            #expect(try await rowCount("problems", on: app) == 0)
            #expect(try await rowCount("problem_requesters", on: app) == 0)
            // An anonymous complaint is taken.
            _ = try await complaint(client, dispatcher, world, requester: ["concern": "enterpriseMatter"])
            #expect(try await rowCount("problem_requesters", on: app) == 1)
        }
    }

    /// An enterprise complains in its own name (its account's), a monitor confidentially; a question is
    /// answered by the service group at once.
    @Test func anEnterpriseOrAMonitorComplainsInItsOwnName() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let (dispatcher, handler) = (try await client.token("lx_dispatcher"), try await client.token("lx_handler"))
            let own = try await complaint(client, try await client.token("lx_enterprise"), world, requester: [:])
            #expect(try own.content.get(String.self, at: "enterpriseId") == world.enterprise.uuidString)
            #expect(try own.content.get(String.self, at: "source") == "online")
            #expect(try own.content.get(String.self, at: "requester", "name") == "lx_enterprise")
            let monitored = try await complaint(client, try await client.token("lx_monitor"), world, requester: [:])
            let id = try monitored.content.get(String.self, at: "id")
            try await loop.act(client, dispatcher, id, "accept")
            try await loop.act(client, dispatcher, id, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
            let held = try await client.send(.GET, "/api/v1/problems/\(id)", token: handler)
            #expect(try held.content.get(String.self, at: "requester", "name") == "（保密）")

            let question = try await complaint(
                client, dispatcher, world, requester: ["phone": "13912345678"], kind: "inquiry")
            let qid = try question.content.get(String.self, at: "id")
            try await loop.act(client, dispatcher, qid, "accept")
            let answered = try await loop.act(
                client, dispatcher, qid, "resolve",
                ["result": "可在省政务服务网办理，材料清单已短信发送", "resultKind": "answered", "replyMethod": "sms"])
            #expect(try answered.content.get(String.self, at: "state") == "resolved")
            let stats = try await client.send(.GET, "/api/v1/stats", token: dispatcher)
            let t = try stats.content.decode(StatsReport.self).tally
            #expect(t.requests == 3 && t.complaints == 2 && t.inquiries == 1)
            #expect(t.requestsResolved == 1 && t.requestsOpen == 2 && t.requestsAssigned == 1)
            // Answered at once, the question was in time (it was due 2 working days after it came in).
            #expect(t.resolvedOnTime == 1)
        }
    }
}
