import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// The ledger's filters, orders and paging (PRODUCT.md §8), through the API and on the page.
@Suite struct LedgerQueryTests {
    let problems = ProblemsAPITests()

    /// Five problems of 临湘浮标科技: three suggestions, one assigned to 经济发展局 and 督办, one from
    /// last month; returned by number.
    func ledger(_ app: Application, _ world: World, _ client: Client) async throws -> [String] {
        let dispatcher = try await client.token("lx_dispatcher")
        var ids: [String] = []
        for i in 0..<5 {
            let response = try await client.send(
                .POST, "/api/v1/problems", token: dispatcher,
                json: [
                    "enterpriseId": world.enterprise.uuidString, "kind": i < 3 ? "suggestion" : "problem",
                    "description": i == 4 ? "希望开通100%线上办理的电力报装" : "第\(i)条：园区道路照明不足",
                ])
            ids.append(try response.content.get(String.self, at: "id"))
        }
        try await problems.act(client, dispatcher, ids[3], "accept", ["category": "hardship"])
        try await problems.act(
            client, dispatcher, ids[3], "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
        try await problems.act(client, try await client.token("lx_leader"), ids[3], "flagSupervised", ["on": true])
        let lastMonth = LocalDate(app.clock.now(), in: .chinaStandard).adding(days: -30).iso
        try await app.db.sql.raw(
            "UPDATE problems SET submitted_on = \(bind: lastMonth) WHERE id = \(bind: UUID(uuidString: ids[0])!)"
        ).run()
        return ids
    }

    func numbers(_ response: TestingHTTPResponse) throws -> [String] {
        try response.content.get([LedgerItem].self, at: "items").map(\.number)
    }

    @Test func filtersOrdersAndCursorsThroughTheAPI() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let ids = try await ledger(app, world, client)
            let token = try await client.token("lx_dispatcher")
            func get(_ query: String) async throws -> TestingHTTPResponse {
                let response = try await client.send(.GET, "/api/v1/problems?\(query)", token: token)
                #expect(response.status == .ok, "\(query): \(response.body.string)")
                return response
            }
            let all = try numbers(try await get("sort=number"))
            #expect(all.count == 5 && all == all.sorted())
            #expect(try numbers(try await get("sort=-number")) == all.reversed())
            #expect(try numbers(try await get("sort=-submitted")).first == all.last)
            #expect(try await get("kind=suggestion").content.get(Int.self, at: "total") == 3)
            #expect(try await get("status=assigned").content.get(Int.self, at: "total") == 1)
            #expect(
                try await get("flag=supervised&department=\(world.linxiangEconomy.uuidString)").content.get(
                    Int.self, at: "total") == 1)
            // A keyword matches a number, a description or an enterprise's name; % is only a character.
            #expect(try await get("q=100%25").content.get(Int.self, at: "total") == 1)
            #expect(try await get("q=%25%25").content.get(Int.self, at: "total") == 0)
            #expect(try await get("q=\(all[2].lowercased())").content.get(Int.self, at: "total") == 1)
            #expect(try await get("q=%E6%B5%AE%E6%A0%87").content.get(Int.self, at: "total") == 5)  // 浮标
            let today = LocalDate(app.clock.now(), in: .chinaStandard)
            #expect(try await get("from=\(today.adding(days: -1).iso)").content.get(Int.self, at: "total") == 4)
            #expect(
                try await get("to=\(today.adding(days: -1).iso)").content.get(String.self, at: "items", 0, "id")
                    == ids[0])

            // Cursors walk the pages without overlap.
            var seen: [String] = []
            var cursor: String? = nil
            repeat {
                let page = try await get("sort=number&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""))
                seen += try numbers(page)
                cursor = try page.content.get(String?.self, at: "nextCursor")
            } while cursor != nil && seen.count < 10
            #expect(seen == all)

            // Every bad parameter is named at once, and nothing is listed.
            let bad = try await client.send(
                .GET, "/api/v1/problems?kind=x&sort=deadlines&from=2024-13-01&cursor=zz&overdue=maybe", token: token)
            #expect(bad.status == .badRequest)
            #expect(
                Set(try bad.list("error", "details", key: "field")) == ["kind", "sort", "from", "cursor", "overdue"])
        }
    }

    @Test func thePageFiltersSortsAndKeepsTheQueryWhilePaging() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            _ = try await ledger(app, world, client)
            let dispatcher = try await client.webSession("lx_dispatcher")
            let department = world.linxiangEconomy.uuidString.lowercased()
            let page = try await client.send(
                .GET, "/problems?department=\(department)&flag=supervised&sort=-number", cookie: dispatcher.cookie)
            let body = page.body.string
            #expect(body.contains("共 1 条"))
            #expect(body.contains("<option value=\"\(department)\" selected>经济发展局</option>"))
            #expect(body.contains("aria-sort=\"descending\""))
            // The number heading turns the order round and keeps the filters.
            let heading = try #require(body.firstMatch(of: /href="([^"]+)" data-testid="sort-number"/)?.1)
            #expect(heading.contains("sort=number") && heading.contains("flag=supervised"))
            #expect(heading.contains("department=\(department)"))

            let suggestions = try await client.send(
                .GET, "/problems?kind=suggestion&sort=number", cookie: dispatcher.cookie)
            #expect(suggestions.body.string.contains("共 3 条"))

            // A bad filter is named beside its field over an empty table.
            let bad = try await client.send(.GET, "/problems?from=2024-02-30", cookie: dispatcher.cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("id=\"from-error\""))
            #expect(bad.body.string.contains("共 0 条"))

            // An enterprise has the keyword and the state, not the staff's filters.
            let enterprise = try await client.webSession("lx_enterprise")
            let own = try await client.send(.GET, "/problems", cookie: enterprise.cookie).body.string
            #expect(own.contains("name=\"q\"") && !own.contains("name=\"department\""))
        }
    }
}
