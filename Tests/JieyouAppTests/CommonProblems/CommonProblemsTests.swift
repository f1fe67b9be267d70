import Foundation
import JieyouDomain
import Testing
import VaporTesting

@testable import JieyouApp

/// 共性问题 through the API: proposals among a park's open problems for those who read it, confirmed,
/// split and merged by its service group, dismissed for good, sent up as one question, answered by the
/// task force above, and its members resolved by the answer, each still to be revisited.
@Suite struct CommonProblemsTests {
    static let hiring = [
        "一线操作工缺口约40人，希望协助招聘", "生产线普工招不到人，目前缺员30人左右", "旺季订单增加，车间缺工严重，急需招聘50名操作工",
        "企业用工紧张，流水线工人流失率高，希望园区组织专场招聘会",
    ]

    /// Four more enterprises of 临湘高新区, beside the world's.
    static func enterprises(_ app: Application, _ world: World) async throws -> [UUID] {
        var ids = [world.enterprise!]
        for (index, code) in ["91430682MA4L0001X1", "91430682MA4L0002X2", "91430682MA4L0003X3"].enumerated() {
            let enterprise = EnterpriseModel(orgUnitID: world.linxiangPark, creditCode: code, name: "临湘企业\(index + 2)")
            try await enterprise.create(on: app.db)
            ids.append(enterprise.id!)
        }
        return ids
    }

    /// The world, its park's four enterprises, a client and the park's dispatcher's token.
    static func park(_ app: Application) async throws -> (World, [UUID], Client, String) {
        let world = try await World.build(on: app)
        let enterprises = try await enterprises(app, world)
        let client = Client(app: app)
        return (world, enterprises, client, try await client.token("lx_dispatcher"))
    }

    /// A problem of `enterprise` submitted and accepted by the dispatcher; assigned to 经济发展局 when `assign`.
    static func problem(
        _ client: Client, _ token: String, _ world: World, enterprise: UUID, text: String, assign: Bool = true
    ) async throws -> String {
        let created = try await client.send(
            .POST, "/api/v1/problems", token: token,
            json: [
                "enterpriseId": enterprise.uuidString, "description": text, "source": "visit", "category": "hardship",
            ])
        #expect(created.status == .created, "\(created.body.string)")
        let id = try created.content.get(String.self, at: "id")
        try await act(client, token, id, "accept")
        if assign { try await act(client, token, id, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString]) }
        return id
    }

    @discardableResult
    static func act(
        _ client: Client, _ token: String, _ id: String, _ action: String, _ body: [String: Any] = [:],
        expect status: HTTPStatus = .ok, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TestingHTTPResponse {
        let response = try await client.send(
            .POST, "/api/v1/problems/\(id)/actions/\(action)", token: token, json: body)
        #expect(response.status == status, "\(action): \(response.body.string)", sourceLocation: sourceLocation)
        return response
    }

    static func proposals(_ client: Client, _ token: String, unit: UUID? = nil) async throws -> TestingHTTPResponse {
        try await client.send(
            .GET, "/api/v1/common-problems/proposals" + (unit.map { "?orgUnit=\($0.uuidString)" } ?? ""), token: token)
    }

    static func memberIDs(_ response: TestingHTTPResponse, at path: String) throws -> Set<String> {
        let members = try response.content.get([CommonProblemsAPI.MemberDTO].self, at: path)
        return Set(members.map { $0.id.uuidString })
    }

    @Test func proposalsAreReadWithinTheSubtreeAndShapedByTheParksServiceGroup() async throws {
        try await withApp { app in
            let (world, enterprises, client, dispatcher) = try await Self.park(app)
            var hiring: [String] = []
            for (index, text) in Self.hiring.enumerated() {
                hiring.append(
                    try await Self.problem(client, dispatcher, world, enterprise: enterprises[index], text: text))
            }
            _ = try await Self.problem(client, dispatcher, world, enterprise: enterprises[0], text: "厂区周边道路破损，重型货车通行困难")

            let proposals = try await Self.proposals(client, dispatcher)
            #expect(proposals.status == .ok, "\(proposals.body.string)")
            let items = try proposals.content.get([CommonProblemsAPI.ProposalDTO].self, at: "items")
            #expect(items.count == 1)
            #expect(Set(items[0].members.map(\.id.uuidString)) == Set(hiring))
            #expect(items[0].enterprises == 4 && items[0].keywords.first == "用工")

            // The city's task force reads the park's proposals; another park's admin does not learn the
            // park exists; a handler and an enterprise read none.
            #expect(
                try await Self.proposals(client, try await client.token("yy_upper"), unit: world.linxiangPark).status
                    == .ok)
            #expect(
                try await Self.proposals(client, try await client.token("pj_admin"), unit: world.linxiangPark).status
                    == .notFound)
            #expect(try await Self.proposals(client, try await client.token("lx_handler")).status == .forbidden)
            #expect(try await Self.proposals(client, try await client.token("lx_enterprise")).status == .forbidden)

            // Split: three confirmed, the fourth left out; alone it is proposed no more.
            let confirmed = try await client.send(
                .POST, "/api/v1/common-problems", token: dispatcher,
                json: ["problemIds": Array(hiring.prefix(3)), "title": "一线普工招工难"])
            #expect(confirmed.status == .created, "\(confirmed.body.string)")
            let group = try confirmed.content.get(String.self, at: "id")
            #expect(try confirmed.content.get(Int.self, at: "enterprises") == 3)
            #expect(try Self.memberIDs(confirmed, at: "problems") == Set(hiring.prefix(3)))
            #expect(
                try await Self.proposals(client, dispatcher).content.get(
                    [CommonProblemsAPI.ProposalDTO].self, at: "items"
                ).isEmpty)

            // Only the park's service group shapes it: not its admin, not the city.
            for user in ["lx_admin", "yy_upper"] {
                let refused = try await client.send(
                    .POST, "/api/v1/common-problems/\(group)/members", token: try await client.token(user),
                    json: ["problemIds": [hiring[3]]])
                #expect(refused.status == .forbidden, "\(user): \(refused.body.string)")
            }
            // Merged in later; a problem in a group is not confirmed into another.
            let joined = try await client.send(
                .POST, "/api/v1/common-problems/\(group)/members", token: dispatcher, json: ["problemIds": [hiring[3]]])
            #expect(joined.status == .ok, "\(joined.body.string)")
            #expect(try joined.content.get(Int.self, at: "members") == 4)
            let twice = try await client.send(
                .POST, "/api/v1/common-problems", token: dispatcher,
                json: ["problemIds": [hiring[0], hiring[1]], "title": "重复"])
            #expect(twice.status == .badRequest)
            #expect(twice.body.string.contains("已在另一个共性问题中"))
            // Taken out again: the group keeps three enterprises.
            let removed = try await client.send(
                .DELETE, "/api/v1/common-problems/\(group)/members/\(hiring[3])", token: dispatcher)
            #expect(removed.status == .noContent)
            #expect(
                try await client.send(.GET, "/api/v1/common-problems/\(group)", token: dispatcher).content.get(
                    Int.self, at: "members") == 3)

            // Another park's admin does not find the group; the city sees it among the groups below.
            #expect(
                try await client.send(
                    .GET, "/api/v1/common-problems/\(group)", token: try await client.token("pj_admin")
                ).status == .notFound)
            let cityList = try await client.send(
                .GET, "/api/v1/common-problems", token: try await client.token("yy_upper"))
            #expect(
                try cityList.content.get([CommonProblemsAPI.GroupDTO].self, at: "items").map(\.id.uuidString) == [group]
            )
            #expect(try await AuditVerification.run(on: app.db).firstBreak == nil)
        }
    }

    @Test func aGroupSentUpAndAnsweredResolvesItsMembersWhichAreStillRevisited() async throws {
        try await withApp { app in
            let (world, enterprises, client, dispatcher) = try await Self.park(app)
            var hiring: [String] = []
            for (index, text) in Self.hiring.prefix(3).enumerated() {
                hiring.append(
                    try await Self.problem(client, dispatcher, world, enterprise: enterprises[index], text: text))
            }
            // One member is being worked on, one not yet assigned.
            try await Self.act(client, try await client.token("lx_handler"), hiring[0], "sign")
            let unassigned = try await Self.problem(
                client, dispatcher, world, enterprise: enterprises[3], text: Self.hiring[3], assign: false)
            let confirmed = try await client.send(
                .POST, "/api/v1/common-problems", token: dispatcher,
                json: ["problemIds": hiring + [unassigned], "title": "一线普工招工难"])
            let group = try confirmed.content.get(String.self, at: "id")

            // Nothing to answer before it is sent up; sending up needs the question.
            let upper = try await client.token("yy_upper")
            let early = try await client.send(
                .POST, "/api/v1/common-problems/\(group)/answer", token: upper,
                json: ["answer": "已出台稳岗政策", "resultKind": "explained"])
            #expect(early.status == .conflict)
            let blank = try await client.send(
                .POST, "/api/v1/common-problems/\(group)/escalate", token: dispatcher, json: ["question": " "])
            #expect(blank.status == .badRequest && blank.body.string.contains("question"))
            let sent = try await client.send(
                .POST, "/api/v1/common-problems/\(group)/escalate", token: dispatcher,
                json: ["question": "园区4家企业反映一线普工招工难，请市里研究出台稳岗用工支持政策。"])
            #expect(sent.status == .ok, "\(sent.body.string)")
            // The county has no task force: it goes to the city's, which hears of it.
            #expect(try sent.content.get(String.self, at: "escalatedTo") == world.city.uuidString)
            #expect(try sent.content.get(String.self, at: "state") == "escalated")
            let inbox = try await client.send(.GET, "/api/v1/common-problems/awaiting-answer", token: upper)
            #expect(
                try inbox.content.get([CommonProblemsAPI.GroupDTO].self, at: "items").map(\.id.uuidString) == [group])
            let notices = try await client.send(.GET, "/api/v1/notifications", token: upper)
            #expect(notices.body.string.contains("上报共性问题“一线普工招工难”"))
            // Its members are fixed once sent up.
            let late = try await client.send(
                .DELETE, "/api/v1/common-problems/\(group)/members/\(hiring[0])", token: dispatcher)
            #expect(late.status == .conflict)

            // The park answers nothing of its own question; the city does, with a result kind.
            for user in ["lx_dispatcher", "lx_leader"] {
                let refused = try await client.send(
                    .POST, "/api/v1/common-problems/\(group)/answer", token: try await client.token(user),
                    json: ["answer": "自行答复", "resultKind": "explained"])
                #expect(refused.status == .forbidden, "\(user): \(refused.body.string)")
            }
            let badKind = try await client.send(
                .POST, "/api/v1/common-problems/\(group)/answer", token: upper,
                json: ["answer": "已出台政策", "resultKind": "answered"])
            #expect(badKind.status == .badRequest && badKind.body.string.contains("resultKind"))
            let answered = try await client.send(
                .POST, "/api/v1/common-problems/\(group)/answer", token: upper,
                json: ["answer": "市人社局已出台《稳岗用工十条》，企业可申请一次性扩岗补助并参加市级专场招聘会。", "resultKind": "explained"])
            #expect(answered.status == .ok, "\(answered.body.string)")

            // The problems' own action is refused there: the group resolves all its members at once.
            try await Self.act(
                client, dispatcher, hiring[1], "resolveByAnswer", ["result": "x", "resultKind": "explained"],
                expect: .conflict)
            let resolved = try await client.send(
                .POST, "/api/v1/common-problems/\(group)/resolve-members", token: dispatcher)
            #expect(resolved.status == .ok, "\(resolved.body.string)")
            #expect(try resolved.content.get([String].self, at: "resolved").count == 4)
            #expect(try resolved.content.get([String].self, at: "refused").isEmpty)
            for id in hiring + [unassigned] {
                let problem = try await client.send(.GET, "/api/v1/problems/\(id)", token: dispatcher)
                #expect(try problem.content.get(String.self, at: "state") == "resolved")
                #expect(try problem.content.get(String.self, at: "result").contains("稳岗用工十条"))
                #expect(try problem.content.get(String.self, at: "resultKind") == "explained")
            }
            // The enterprise is asked to rate it, the department that held it is told to stop.
            let told = try await client.send(
                .GET, "/api/v1/notifications", token: try await client.token("lx_enterprise"))
            #expect(told.body.string.contains("已按上级答复办结，请查看答复并评价"))
            let freed = try await client.send(
                .GET, "/api/v1/notifications", token: try await client.token("lx_handler"))
            #expect(freed.body.string.contains("无需再办"))
            // Each is still revisited: the enterprise rates it before it is closed.
            try await Self.act(
                client, try await client.token("lx_enterprise"), hiring[0], "revisit", ["satisfaction": "satisfied"])
            let again = try await client.send(
                .POST, "/api/v1/common-problems/\(group)/resolve-members", token: dispatcher)
            #expect(again.status == .conflict)
            #expect(try await AuditVerification.run(on: app.db).firstBreak == nil)
        }
    }

    @Test func aDismissedProposalStaysAwayUntilAnotherEnterpriseJoinsIt() async throws {
        try await withApp { app in
            let (world, enterprises, client, dispatcher) = try await Self.park(app)
            let a = try await Self.problem(client, dispatcher, world, enterprise: enterprises[0], text: Self.hiring[0])
            let b = try await Self.problem(client, dispatcher, world, enterprise: enterprises[1], text: Self.hiring[1])
            let dismissed = try await client.send(
                .POST, "/api/v1/common-problems/dismissals", token: dispatcher, json: ["problemIds": [a, b]])
            #expect(dismissed.status == .noContent, "\(dismissed.body.string)")
            #expect(
                try await Self.proposals(client, dispatcher).content.get(
                    [CommonProblemsAPI.ProposalDTO].self, at: "items"
                ).isEmpty)
            let c = try await Self.problem(client, dispatcher, world, enterprise: enterprises[2], text: Self.hiring[2])
            let back = try await Self.proposals(client, dispatcher).content.get(
                [CommonProblemsAPI.ProposalDTO].self, at: "items")
            #expect(back.count == 1 && Set(back[0].members.map(\.id.uuidString)) == [a, b, c])
        }
    }

    /// Two dispatchers confirming the same problem at once: the second, checked before the first wrote,
    /// is refused by name inside its transaction instead of failing on the primary key.
    @Test func aProblemGroupedMeanwhileIsRefusedByName() async throws {
        try await withApp { app in
            let (world, enterprises, client, dispatcher) = try await Self.park(app)
            let a = try await Self.problem(client, dispatcher, world, enterprise: enterprises[0], text: Self.hiring[0])
            let b = try await Self.problem(client, dispatcher, world, enterprise: enterprises[1], text: Self.hiring[1])
            let group = try await client.send(
                .POST, "/api/v1/common-problems", token: dispatcher, json: ["problemIds": [a, b], "title": "招工难"]
            ).content.get(UUID.self, at: "id")
            let number = try await client.send(.GET, "/api/v1/problems/\(a)", token: dispatcher).content.get(
                String.self, at: "number")
            await #expect(throws: AppError.self) {
                try await CommonProblemStore(sql: app.db.sql).add([UUID(uuidString: a)!], to: group, now: Date())
            }
            do {
                try await CommonProblemStore(sql: app.db.sql).add([UUID(uuidString: a)!], to: group, now: Date())
            } catch let error as AppError {
                #expect(error.status == .badRequest && error.message == "问题\(number)已在另一个共性问题中")
            }
        }
    }

    @Test func badInputIsNamedAndChangesNothing() async throws {
        try await withApp { app in
            let (world, enterprises, client, dispatcher) = try await Self.park(app)
            let a = try await Self.problem(client, dispatcher, world, enterprise: enterprises[0], text: Self.hiring[0])
            let b = try await Self.problem(client, dispatcher, world, enterprise: enterprises[0], text: Self.hiring[1])
            let c = try await Self.problem(client, dispatcher, world, enterprise: enterprises[1], text: Self.hiring[2])
            func confirm(_ body: [String: Any]) async throws -> TestingHTTPResponse {
                try await client.send(.POST, "/api/v1/common-problems", token: dispatcher, json: body)
            }
            let untitled = try await confirm(["problemIds": [a, c], "title": ""])
            #expect(untitled.status == .badRequest && untitled.body.string.contains("共性问题名称"))
            let oneEnterprise = try await confirm(["problemIds": [a, b], "title": "招工难"])
            #expect(oneEnterprise.status == .badRequest && oneEnterprise.body.string.contains("至少两家企业"))
            let unknown = try await confirm(["problemIds": [a, UUID().uuidString], "title": "招工难"])
            #expect(unknown.status == .badRequest && unknown.body.string.contains("problemIds"))
            let long = try await confirm(["problemIds": [a, c], "title": String(repeating: "招", count: 61)])
            #expect(long.status == .badRequest && long.body.string.contains("60"))
            let badState = try await client.send(.GET, "/api/v1/common-problems?state=open", token: dispatcher)
            #expect(badState.status == .badRequest && badState.body.string.contains("state"))
            let list = try await client.send(.GET, "/api/v1/common-problems", token: dispatcher)
            #expect(try list.content.get([CommonProblemsAPI.GroupDTO].self, at: "items").isEmpty)
            // Closed problems are not grouped.
            let other = try await client.token("pj_admin")
            let foreign = try await client.send(
                .POST, "/api/v1/common-problems", token: other, json: ["problemIds": [a, c], "title": "招工难"])
            #expect(foreign.status == .forbidden)
        }
    }

    @Test func thePagesShowProposalsGroupsAndTheStepsEachReaderMayTake() async throws {
        try await withApp { app in
            let (world, enterprises, client, dispatcher) = try await Self.park(app)
            var ids: [String] = []
            for (index, text) in Self.hiring.prefix(3).enumerated() {
                ids.append(
                    try await Self.problem(client, dispatcher, world, enterprise: enterprises[index], text: text))
            }
            func page(_ path: String, as user: String) async throws -> String {
                let response = try await client.send(.GET, path, cookie: try await client.webSession(user).cookie)
                #expect(response.status == .ok, "\(path) as \(user): \(response.status)")
                return response.body.string
            }
            let list = try await page("/common-problems", as: "lx_dispatcher")
            #expect(list.contains("系统建议（1）") && list.contains("确认为共性问题") && list.contains("用工"))
            // The form confirms what stays checked, under the title typed; a blank title is named.
            let session = try await client.webSession("lx_dispatcher")
            var fields =
                [("_csrf", session.csrf), ("intent", "confirm"), ("title", "")] + ids.map { ("problemIds[]", $0) }
            let refused = try await client.send(.POST, "/common-problems", form: fields, cookie: session.cookie)
            #expect(refused.status == .badRequest && refused.body.string.contains("请填写共性问题名称"))
            fields[2] = ("title", "一线普工招工难")
            let saved = try await client.send(.POST, "/common-problems", form: fields, cookie: session.cookie)
            #expect(saved.status == .seeOther, "\(saved.body.string)")
            let location = saved.headers.first(name: .location) ?? ""
            #expect(location.hasPrefix("/common-problems/") && location.hasSuffix("?done=confirmedGroup"))
            let group = String(location.dropFirst("/common-problems/".count).prefix(36))
            let own = try await page("/common-problems/\(group)", as: "lx_dispatcher")
            #expect(own.contains("报上级研究") && own.contains("上报岳阳市") && own.contains("移出"))
            let leader = try await page("/common-problems/\(group)", as: "lx_leader")
            #expect(leader.contains("一线普工招工难") && !leader.contains("报上级研究") && !leader.contains("移出"))
            let city = try await page("/common-problems", as: "yy_upper")
            #expect(city.contains("一线普工招工难") && city.contains("临湘高新区") && !city.contains("系统建议"))
            let handler = try await client.send(
                .GET, "/common-problems", cookie: try await client.webSession("lx_handler").cookie)
            #expect(handler.status == .forbidden)
            // The weekly bulletin lists it among the 突出共性问题.
            let bulletin = try await client.send(
                .GET, "/api/v1/reports/bulletin?kind=week&orgUnit=\(world.linxiangPark.uuidString)", token: dispatcher)
            #expect(bulletin.body.string.contains("一线普工招工难"), "\(bulletin.body.string.prefix(400))")
        }
    }
}
