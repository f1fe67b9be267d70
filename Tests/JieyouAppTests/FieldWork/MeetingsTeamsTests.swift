import Foundation
import JieyouDomain
import Testing
import VaporTesting

@testable import JieyouApp

@Suite struct MeetingsTeamsTests {
    var today: String { LocalDate(Date(), in: .chinaStandard).iso }

    @Test func financingMeetingRecordsIntentsLoansAndProblems() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let cadre = try await client.token("lx_cadre")
            let e = world.enterprise.uuidString
            var body: [String: Any] = [
                "kind": "financing", "title": "临湘园区政银企对接会", "heldOn": today, "place": "园区会议室",
                "departmentId": world.linxiangEconomy.uuidString,
                "financings": [
                    ["enterpriseId": e, "bank": "工商银行", "intendedWan": 1500, "lentWan": "200"],
                    ["enterpriseId": e, "bank": "建设银行", "intendedWan": "85.5"],
                ],
                "findings": [["enterpriseId": e, "kind": "problem", "text": "流动资金贷款审批慢"]],
                "deals": [["enterpriseId": e, "counterpart": "某采购商", "subject": "浮标采购"]],
            ]
            // Deals belong to 供需对接会: refused with the field named, nothing written.
            let refused = try await client.send(.POST, "/api/v1/meetings", token: cadre, json: body)
            #expect(refused.status == .badRequest)
            #expect(refused.apiError?.field == "deals")
            #expect(try await rowCount("meetings", on: app) == 0)
            body["deals"] = nil
            let created = try await client.send(.POST, "/api/v1/meetings", token: cadre, json: body)
            #expect(created.status == .created, "\(created.body.string)")
            let id = try created.content.get(String.self, at: "summary", "id")
            #expect(try created.content.get(Int64.self, at: "summary", "intendedYuan") == 15_855_000)
            #expect(try created.content.get(Int64.self, at: "summary", "lentYuan") == 2_000_000)
            #expect(try created.content.get(Int.self, at: "summary", "enterpriseCount") == 1)
            #expect(try created.list("findings", key: "text") == ["流动资金贷款审批慢"])
            let listed = try await client.send(.GET, "/api/v1/meetings?from=\(today)&to=\(today)", token: cadre)
            #expect(try listed.list("items", key: "id").map { $0.lowercased() } == [id.lowercased()])
            let badDay = try await client.send(.GET, "/api/v1/meetings?from=2024-13-01", token: cadre)
            #expect(badDay.status == .badRequest)
            #expect(badDay.apiError?.field == "from")
            #expect(badDay.apiError?.message == "起始日期格式应为 2024-09-04")
            // The finding waits on the enterprise page with the visit findings.
            let session = try await client.webSession("lx_dispatcher")
            let page = try await client.send(.GET, "/enterprises/\(e.lowercased())", cookie: session.cookie)
            #expect(page.body.string.contains("流动资金贷款审批慢"))
            #expect(page.body.string.contains("临湘园区政银企对接会"))
            let meeting = try await client.send(.GET, "/meetings/\(id.lowercased())", cookie: session.cookie)
            #expect(meeting.body.string.contains("1 家企业达成融资意向 0.16 亿元，现场放款 200 万元"))

            // Another park's people cannot read it or record into this park.
            let pj = try await client.token("pj_admin")
            #expect(try await client.send(.GET, "/api/v1/meetings/\(id)", token: pj).status == .notFound)
            #expect(try await client.send(.GET, "/api/v1/meetings", token: pj).list("items", key: "id").isEmpty)
            let foreign = try await client.send(
                .POST, "/api/v1/meetings", token: pj,
                json: ["kind": "symposium", "title": "座谈会", "enterpriseIds": [e]])
            #expect(foreign.status == .badRequest)
            #expect(foreign.apiError?.field == "enterpriseIds[0]")
            for user in ["lx_enterprise", "lx_handler"] {
                let response = try await client.send(
                    .POST, "/api/v1/meetings", token: try await client.token(user), json: body)
                #expect(response.status == .forbidden, "\(user)")
            }
            let badAmount = try await client.send(
                .POST, "/api/v1/meetings", token: cadre,
                json: [
                    "kind": "financing", "title": "对接会",
                    "financings": [["enterpriseId": e, "bank": "工商银行", "intendedWan": "-5"]],
                ])
            #expect(badAmount.apiError?.field == "financings[0].intendedWan")
            #expect(try await rowCount("meetings", on: app) == 1)
        }
    }

    @Test func meetingFormReadsPastedLinesAndNamesTheBadOne() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_cadre")
            var form: [(String, String)] = [
                ("_csrf", session.csrf), ("kind", "financing"), ("title", "政银企对接会"), ("heldOn", today),
                ("enterpriseList", "临湘浮标科技有限公司\n平江食品加工有限公司"),
                ("financingList", "91440300708461136T\t农业银行\t300\t"),
            ]
            let refused = try await client.send(.POST, "/meetings", form: form, cookie: session.cookie)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("参会企业第2行：找不到企业“平江食品加工有限公司”"))
            #expect(try await rowCount("meetings", on: app) == 0)
            form[4] = ("enterpriseList", "临湘浮标科技有限公司")
            form.append(("problemList", "临湘浮标科技有限公司：用电增容"))
            let saved = try await client.send(.POST, "/meetings", form: form, cookie: session.cookie)
            #expect(saved.status == .seeOther)
            #expect(try await rowCount("meeting_financings", on: app) == 1)
            #expect(try await rowCount("findings", on: app) == 1)
        }
    }

    @Test func teamsTakeALeaderCadresAndEnterprisesOfTheLine() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            var body: [String: Any] = [
                "kind": "keyEnterprise", "name": "浮标科技一对一专班", "leaderId": world.users["lx_cadre"]!.uuidString,
                "memberIds": [world.users["lx_cadre"]!.uuidString], "enterpriseIds": [world.enterprise.uuidString],
            ]
            let wrongLeader = try await client.send(.POST, "/api/v1/teams", token: admin, json: body)
            #expect(wrongLeader.apiError?.field == "leaderId")
            body["leaderId"] = world.users["lx_leader"]!.uuidString
            let created = try await client.send(.POST, "/api/v1/teams", token: admin, json: body)
            #expect(created.status == .created, "\(created.body.string)")
            let id = try created.content.get(String.self, at: "id")
            #expect(try created.content.get(String.self, at: "leader", "name") == "lx_leader")
            #expect(try created.list("enterprises", key: "name") == ["临湘浮标科技有限公司"])
            #expect(
                try await client.send(.POST, "/api/v1/teams", token: try await client.token("lx_cadre"), json: body)
                    .status == .forbidden)
            let pj = try await client.token("pj_admin")
            #expect(try await client.send(.GET, "/api/v1/teams/\(id)", token: pj).status == .notFound)
            #expect(try await client.send(.PUT, "/api/v1/teams/\(id)", token: pj, json: body).status == .notFound)
            body["enterpriseIds"] = [world.pingjiangEnterprise.uuidString]
            let foreign = try await client.send(.PUT, "/api/v1/teams/\(id)", token: admin, json: body)
            #expect(foreign.apiError?.field == "enterpriseIds[0]")
            let session = try await client.webSession("lx_cadre")
            let page = try await client.send(.GET, "/teams", cookie: session.cookie)
            #expect(page.body.string.contains("浮标科技一对一专班"))
        }
    }

    @Test func enterpriseFormAndTags() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_admin")
            let bad = try await client.send(
                .POST, "/enterprises",
                form: [
                    ("_csrf", session.csrf), ("orgUnitId", world.linxiangPark.uuidString),
                    ("creditCode", "91430100MA4L16JQ9C"), ("name", "新企业"),
                ], cookie: session.cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("校验"))
            #expect(try await rowCount("enterprises", on: app) == 2)
            let good = try await client.send(
                .POST, "/enterprises",
                form: [
                    ("_csrf", session.csrf), ("orgUnitId", world.linxiangPark.uuidString),
                    ("creditCode", "91430100MA4L16JQ9D"), ("name", "临湘新材料有限公司"), ("industry", "医药业"),
                    ("scale", "above"), ("contactName[]", "王经理"), ("contactPost[]", "总经理"),
                    ("contactPhone[]", "13812345678"), ("leaderId", world.users["lx_leader"]!.uuidString),
                    ("cadreIds[]", world.users["lx_cadre"]!.uuidString),
                ], cookie: session.cookie)
            #expect(good.status == .seeOther, "\(good.body.string)")
            let location = try #require(good.headers.first(name: .location))
            let page = try await client.send(.GET, location, cookie: session.cookie)
            #expect(page.body.string.contains("王经理"))
            #expect(page.body.string.contains("lx_leader"))
            // A refused liaison writes nothing, not even the enterprise's new name.
            let id = String(location.split(separator: "/").last!.prefix(36))
            let badLiaison = try await client.send(
                .POST, "/enterprises/\(id)",
                form: [
                    ("_csrf", session.csrf), ("orgUnitId", world.linxiangPark.uuidString),
                    ("creditCode", "91430100MA4L16JQ9D"), ("name", "改了名的企业"),
                    ("leaderId", world.users["lx_cadre"]!.uuidString),
                ], cookie: session.cookie)
            #expect(badLiaison.status == .badRequest)
            #expect(badLiaison.body.string.contains("联点领导应为具有“领导”角色的用户"))
            let after = try await client.send(.GET, "/enterprises/\(id)", cookie: session.cookie)
            #expect(after.body.string.contains("临湘新材料有限公司"))

            let tag = try await client.send(
                .POST, "/enterprises/tags", form: [("_csrf", session.csrf), ("name", "瞪羚企业")], cookie: session.cookie)
            #expect(tag.status == .seeOther)
            let twice = try await client.send(
                .POST, "/enterprises/tags", form: [("_csrf", session.csrf), ("name", "瞪羚企业")], cookie: session.cookie)
            #expect(twice.status == .conflict)
            #expect(twice.body.string.contains("已有标签“瞪羚企业”"))
            let dispatcher = try await client.webSession("lx_dispatcher")
            let refused = try await client.send(
                .POST, "/enterprises/tags", form: [("_csrf", dispatcher.csrf), ("name", "独角兽")],
                cookie: dispatcher.cookie)
            #expect(refused.status == .forbidden)
            #expect(try await rowCount("tags", on: app) == EnterpriseTags.builtIn.count + 1)
        }
    }
}
