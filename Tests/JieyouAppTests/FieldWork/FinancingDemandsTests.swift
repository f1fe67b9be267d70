import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// 融资诉求 through the API and the pages: recorded by cadres, followed to a loan, moved on by a
/// 政银企对接会, scoped by unit, and bad input named by field.
@Suite struct FinancingDemandsTests {
    var today: LocalDate { LocalDate(Date(), in: .chinaStandard) }

    func raise(_ client: Client, _ token: String, _ enterprise: UUID, _ amount: String, _ purpose: String)
        async throws -> String
    {
        let response = try await client.send(
            .POST, "/api/v1/financing-demands", token: token,
            json: [
                "enterpriseId": enterprise.uuidString, "amount": amount, "purpose": purpose,
                "raisedOn": today.adding(days: -5).iso,
            ])
        #expect(response.status == .created, "\(response.body.string)")
        return try response.content.get(String.self, at: "id")
    }

    @Test func aDemandIsFollowedToALoanAndAMeetingMovesTheNextOne() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let cadre = try await client.token("lx_cadre")
            let first = try await raise(client, cadre, world.enterprise, "500", "设备更新")
            let second = try await raise(client, cadre, world.enterprise, "85.5", "流动资金")
            let noBank = try await client.send(
                .POST, "/api/v1/financing-demands/\(first)/steps", token: cadre, json: ["status": "matching"])
            #expect(noBank.status == .badRequest && noBank.apiError?.field == "bank")
            let lent = try await client.send(
                .POST, "/api/v1/financing-demands/\(first)/steps", token: cadre,
                json: ["status": "lent", "bank": "工商银行", "amountLent": 300.5])
            #expect(lent.status == .ok, "\(lent.body.string)")
            #expect(try lent.content.get(String.self, at: "amountLent") == "300.50")

            // A 政银企对接会 with a financing for the enterprise moves its oldest open demand.
            let meeting = try await client.send(
                .POST, "/api/v1/meetings", token: cadre,
                json: [
                    "kind": "financing", "title": "临湘政银企对接会", "heldOn": today.iso,
                    "financings": [["enterpriseId": world.enterprise.uuidString, "bank": "建设银行", "intendedWan": 80]],
                ])
            #expect(meeting.status == .created, "\(meeting.body.string)")
            let moved = try await client.send(.GET, "/api/v1/financing-demands/\(second)", token: cadre)
            #expect(try moved.content.get(String.self, at: "status") == "matching")
            #expect(try moved.content.get(String.self, at: "bank") == "建设银行")
            #expect(try moved.content.get(String.self, at: "meetingTitle") == "临湘政银企对接会")

            let list = try await client.send(.GET, "/api/v1/financing-demands", token: cadre)
            #expect(
                try list.content.get(String.self, at: "totals", "sentence")
                    == "收集融资诉求2项、需求金额585.50万元；已放款1项、放款金额300.50万元，对接中1项")
            // The enterprise reads its own; another park reads nothing of them.
            let enterprise = try await client.token("lx_enterprise")
            #expect(
                try await client.send(.GET, "/api/v1/financing-demands", token: enterprise).list("items", key: "id")
                    .count == 2)
            let pj = try await client.token("pj_admin")
            #expect(try await client.send(.GET, "/api/v1/financing-demands/\(first)", token: pj).status == .notFound)
            #expect(
                try await client.send(
                    .POST, "/api/v1/financing-demands/\(second)/steps", token: pj,
                    json: ["status": "failed", "reason": "x"]
                ).status == .notFound)
            #expect(
                try await client.send(
                    .POST, "/api/v1/financing-demands/\(second)/steps", token: enterprise,
                    json: ["status": "failed", "reason": "x"]
                ).status == .forbidden)
        }
    }

    @Test func badInputIsNamedAndChangesNothing() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let cadre = try await client.token("lx_cadre")
            let before = try await rowCount("financing_demands", on: app)
            let bad = try await client.send(
                .POST, "/api/v1/financing-demands", token: cadre,
                json: ["enterpriseId": world.enterprise.uuidString, "amount": "很多", "purpose": ""])
            #expect(bad.status == .badRequest && bad.apiError?.field == "amount")
            let foreign = try await client.send(
                .POST, "/api/v1/financing-demands", token: cadre,
                json: ["enterpriseId": world.pingjiangEnterprise.uuidString, "amount": "5", "purpose": "流动资金"])
            #expect(foreign.status == .badRequest && foreign.apiError?.field == "enterpriseId")
            let leader = try await client.token("lx_leader")
            let refused = try await client.send(
                .POST, "/api/v1/financing-demands", token: leader,
                json: ["enterpriseId": world.enterprise.uuidString, "amount": "5", "purpose": "流动资金"])
            #expect(refused.status == .forbidden)
            #expect(try await rowCount("financing_demands", on: app) == before)
            #expect(
                try await client.send(.GET, "/api/v1/financing-demands?status=完成", token: cadre).apiError?.field
                    == "status")

            // The page: a bad form keeps what was typed and names the field.
            let session = try await client.webSession("lx_cadre")
            let page = try await client.send(
                .POST, "/financing",
                form: [
                    ("_csrf", session.csrf), ("enterprise", "临湘浮标科技有限公司"), ("amount", "0"), ("purpose", "设备更新"),
                ], cookie: session.cookie)
            #expect(page.status == .badRequest && page.body.string.contains("融资需求“0”应为大于0的数"))
            let saved = try await client.send(
                .POST, "/financing",
                form: [
                    ("_csrf", session.csrf), ("enterprise", "临湘浮标科技有限公司"), ("amount", "120"), ("purpose", "设备更新"),
                    ("raisedOn", today.iso),
                ], cookie: session.cookie)
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers.first(name: .location)).components(separatedBy: "?")[0]
            let failed = try await client.send(
                .POST, location + "/steps",
                form: [("_csrf", session.csrf), ("status", "failed"), ("on", today.iso), ("reason", "抵押物不足")],
                cookie: session.cookie)
            #expect(failed.status == .seeOther)
            let shown = try await client.send(.GET, location, cookie: session.cookie)
            #expect(shown.body.string.contains("未达成") && shown.body.string.contains("抵押物不足"))
        }
    }
}
