import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// Time limits per org and sub-categories (PRODUCT.md §3): set by a unit's admins for their subtree,
/// counted in the deadlines of that subtree only, refused with the field named, and out of reach of
/// everyone else.
@Suite struct ProblemSettingsTests {
    let problems = ProblemsAPITests()

    func today(_ app: Application) -> LocalDate { LocalDate(app.clock.now(), in: .chinaStandard) }

    /// Submits, accepts under `category` and assigns to 经济发展局; returns the problem's deadline.
    func deadline(
        _ client: Client, _ world: World, category: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String? {
        let dispatcher = try await client.token("lx_dispatcher")
        let id = try await problems.submit(client, dispatcher, enterprise: world.enterprise)
        try await problems.act(client, dispatcher, id, "accept", ["category": category], sourceLocation: sourceLocation)
        let assigned = try await problems.act(
            client, dispatcher, id, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString],
            sourceLocation: sourceLocation)
        return try assigned.content.get(String?.self, at: "deadline")
    }

    @Test func aUnitsLimitsGovernItsSubtreeAndTheNearestWins() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let calendar = try await CalendarStore.calendar(on: app.db)
            let city = try await client.token("yy_admin")
            let park = try await client.token("lx_admin")
            let limitsPath = { (unit: UUID) in "/api/v1/org-units/\(unit.uuidString)/time-limits" }

            // The city shortens 困难求助 for all its parks; 临湘高新区 shortens it further for itself.
            var response = try await client.send(
                .PUT, limitsPath(world.city), token: city, json: ["resolveDays": ["hardship": 4], "signDays": 2])
            #expect(response.status == .ok, "\(response.body.string)")
            response = try await client.send(
                .PUT, limitsPath(world.linxiangPark), token: park, json: ["resolveDays": ["hardship": 3]])
            #expect(response.status == .ok, "\(response.body.string)")
            #expect(try response.content.get(Int?.self, at: "own", "signDays") == nil)
            #expect(try response.content.get(Int.self, at: "inForce", "signDays") == 2)
            #expect(try response.content.get(Int.self, at: "inForce", "resolveDays", "hardship") == 3)
            #expect(try response.content.get(Int.self, at: "inForce", "resolveDays", "opening") == 10)
            let pingjiang = try await client.send(.GET, limitsPath(world.pingjiangPark), token: city)
            #expect(try pingjiang.content.get(Int.self, at: "inForce", "resolveDays", "hardship") == 4)

            let today = today(app)
            #expect(
                try await deadline(client, world, category: "hardship")
                    == calendar.addingWorkingDays(3, to: today).iso)
            #expect(
                try await deadline(client, world, category: "enforcement")
                    == calendar.addingWorkingDays(10, to: today).iso)
            let dispatcher = try await client.token("lx_dispatcher")
            let shown = try await client.send(
                .GET, "/api/v1/problems?category=hardship", token: dispatcher)
            let id = try shown.content.get(String.self, at: "items", 0, "id")
            let problem = try await client.send(.GET, "/api/v1/problems/\(id)", token: dispatcher)
            #expect(try problem.content.get(String?.self, at: "signBy") == calendar.addingWorkingDays(2, to: today).iso)

            // Clearing the park's own limit brings back the city's: left out, or null as a scalar may be.
            response = try await client.send(
                .PUT, limitsPath(world.linxiangPark), token: park,
                rawBody: #"{"acceptDays": null, "resolveDays": {"hardship": null}}"#)
            #expect(response.status == .ok, "\(response.body.string)")
            #expect(try response.content.get(Int.self, at: "inForce", "resolveDays", "hardship") == 4)
            response = try await client.send(.PUT, limitsPath(world.linxiangPark), token: park, json: [:])
            #expect(try response.content.get(Int.self, at: "inForce", "resolveDays", "hardship") == 4)
            #expect(
                try await deadline(client, world, category: "hardship")
                    == calendar.addingWorkingDays(4, to: today).iso)
        }
    }

    @Test func badLimitsAreNamedAndChangeNothing() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let park = try await client.token("lx_admin")
            let path = "/api/v1/org-units/\(world.linxiangPark.uuidString)/time-limits"
            let events = try await rowCount("events", on: app)
            for (body, field) in [
                (["acceptDays": 0] as [String: Any], "acceptDays"),
                (["resolveDays": ["hardship": 61]], "resolveDays.hardship"),
                (["resolveDays": ["governmentService.abc123": 3]], "resolveDays.governmentService.abc123"),
            ] {
                let response = try await client.send(.PUT, path, token: park, json: body)
                #expect(response.status == .badRequest)
                #expect(response.apiError?.field == field, "\(response.body.string)")
            }
            let wrongType = try await client.send(.PUT, path, token: park, rawBody: #"{"acceptDays": "两天"}"#)
            #expect(wrongType.status == .badRequest)
            #expect(try await rowCount("events", on: app) == events)
            #expect(try await rowCount("org_settings", on: app) == 0)

            // Only the unit's own admins and those above read or change its limits.
            for user in ["lx_dispatcher", "pj_admin", "lx_handler", "lx_enterprise"] {
                let token = try await client.token(user)
                #expect(try await client.send(.GET, path, token: token).status == .notFound, "\(user)")
                let put = try await client.send(.PUT, path, token: token, json: ["acceptDays": 2])
                #expect(put.status == .notFound, "\(user)")
            }
            #expect(try await client.send(.GET, path, token: try await client.token("yy_admin")).status == .ok)
            #expect(try await rowCount("org_settings", on: app) == 0)
        }
    }

    @Test func subCategoriesServeTheirSubtreeAndCountUnderTheirParent() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let calendar = try await CalendarStore.calendar(on: app.db)
            let park = try await client.token("lx_admin")
            let created = try await client.send(
                .POST, "/api/v1/problem-categories", token: park,
                json: ["parentCode": "governmentService", "name": "用电报装", "resolveDays": 4])
            #expect(created.status == .created, "\(created.body.string)")
            let code = try created.content.get(String.self, at: "code")
            #expect(code.hasPrefix("governmentService."))
            #expect(try created.content.get(String.self, at: "displayName") == "政务服务·用电报装")

            // 临湘 files under it, with its own limit; 平江 does not see it.
            let dispatcher = try await client.token("lx_dispatcher")
            let listed = try await client.send(.GET, "/api/v1/problem-categories", token: dispatcher)
            #expect(try listed.content.get([ProblemSettingsAPI.CategoryDTO].self).count == 11)
            let pingjiang = try await client.send(
                .GET, "/api/v1/problem-categories", token: try await client.token("pj_cadre"))
            #expect(
                !(try pingjiang.content.get([ProblemSettingsAPI.CategoryDTO].self)).contains {
                    $0.code == code
                })
            #expect(
                try await deadline(client, world, category: code) == calendar.addingWorkingDays(4, to: today(app)).iso)
            let other = try await client.send(
                .POST, "/api/v1/problems", token: try await client.token("pj_cadre"),
                json: [
                    "enterpriseId": world.pingjiangEnterprise.uuidString, "description": "用电报装慢", "category": code,
                ])
            #expect(other.status == .badRequest && other.apiError?.field == "category", "\(other.body.string)")
            let bogus = try await problems.submit(client, dispatcher, enterprise: world.enterprise)
            try await problems.act(client, dispatcher, bogus, "accept", ["category": "nonsense"], expect: .badRequest)

            // A filter or tally on 政务服务 takes in its sub-category.
            let ledger = try await client.send(
                .GET, "/api/v1/problems?category=governmentService", token: dispatcher)
            #expect(try ledger.content.get(Int.self, at: "total") == 1)
            let stats = try await client.send(
                .GET, "/api/v1/stats?groupBy=category", token: try await client.token("lx_leader"))
            #expect(
                try stats.content.get(String.self, at: "groups", 0, "key") == "governmentService",
                "\(stats.body.string)")
            #expect(try stats.content.get(Int.self, at: "groups", 0, "tally", "assigned") == 1)

            // Names are unique under a parent; one in use stays; the shipped ten stay.
            let twin = try await client.send(
                .POST, "/api/v1/problem-categories", token: try await client.token("yy_admin"),
                json: ["orgUnitId": world.city.uuidString, "parentCode": "governmentService", "name": "用电报装"])
            #expect(twin.status == .conflict && twin.apiError?.field == "name", "\(twin.body.string)")
            let inUse = try await client.send(.DELETE, "/api/v1/problem-categories/\(code)", token: park)
            #expect(inUse.status == .conflict && inUse.apiError?.message.contains("不能删除") == true)
            let shipped = try await client.send(.DELETE, "/api/v1/problem-categories/hardship", token: park)
            #expect(shipped.status == .conflict)
            let renamed = try await client.send(
                .PATCH, "/api/v1/problem-categories/\(code)", token: park, json: ["name": "用电报装及增容"])
            #expect(try renamed.content.get(String.self, at: "name") == "用电报装及增容")

            // Another park's admin, and staff of this one, cannot change or delete it.
            for user in ["pj_admin", "lx_dispatcher"] {
                let token = try await client.token(user)
                let patch = try await client.send(
                    .PATCH, "/api/v1/problem-categories/\(code)", token: token, json: ["name": "改"])
                #expect(patch.status == .notFound, "\(user)")
                #expect(
                    try await client.send(.DELETE, "/api/v1/problem-categories/\(code)", token: token).status
                        == .notFound, "\(user)")
            }
            let spare = try await client.send(
                .POST, "/api/v1/problem-categories", token: park,
                json: ["parentCode": "hardship", "name": "融资需求"])
            #expect(try spare.content.get(Int.self, at: "resolveDays") == 5)
            let spareCode = try spare.content.get(String.self, at: "code")
            #expect(
                try await client.send(.DELETE, "/api/v1/problem-categories/\(spareCode)", token: park).status
                    == .noContent)
            let bad = try await client.send(
                .POST, "/api/v1/problem-categories", token: park, json: ["parentCode": "nope", "name": ""])
            #expect(bad.status == .badRequest)
            #expect(Set(try bad.list("error", "details", key: "field")) == ["parentCode", "name"])
            #expect(try await AuditVerification.run(on: app.db).isIntact)
        }
    }

    @Test func theSettingsPageKeepsLimitsAndSubCategories() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.webSession("lx_admin")
            let page = try await client.send(.GET, "/admin/settings", cookie: admin.cookie).body.string
            #expect(page.contains("办理时限") && page.contains("问题子类"))
            #expect(page.contains("placeholder=\"沿用上级：5\""))

            // A bad limit comes back with what was typed and the field named; nothing is stored.
            let refused = try await client.send(
                .POST, "/admin/settings/limits",
                form: [("_csrf", admin.csrf), ("acceptDays", "2"), ("resolveDays.hardship", "九十")],
                cookie: admin.cookie)
            #expect(refused.status == .badRequest)
            let body = refused.body.string
            #expect(body.contains("“困难求助”办理时限应为1至60之间的整数"))
            #expect(
                body.contains("value=\"九十\"")
                    && body.contains("id=\"acceptDays\" name=\"acceptDays\" type=\"number\" value=\"2\""))
            #expect(try await rowCount("org_settings", on: app) == 0)

            let saved = try await client.send(
                .POST, "/admin/settings/limits",
                form: [("_csrf", admin.csrf), ("acceptDays", "2"), ("resolveDays.hardship", "3")],
                cookie: admin.cookie)
            #expect(saved.status == .seeOther)
            #expect(
                try await ProblemRules.limits(for: world.linxiangPark, on: app.db.sql).resolveDays(
                    for: "hardship") == 3)

            let added = try await client.send(
                .POST, "/admin/settings/categories",
                form: [
                    ("_csrf", admin.csrf), ("parentCode", "governmentService"), ("name", "用电报装"), ("resolveDays", ""),
                ],
                cookie: admin.cookie)
            #expect(added.status == .seeOther)
            let shown = try await client.send(.GET, "/admin/settings", cookie: admin.cookie).body.string
            #expect(shown.contains("data-testid=\"sub-category\"") && shown.contains("value=\"用电报装\""))
            let duplicate = try await client.send(
                .POST, "/admin/settings/categories",
                form: [("_csrf", admin.csrf), ("parentCode", "governmentService"), ("name", "用电报装")],
                cookie: admin.cookie)
            #expect(duplicate.status == .conflict && duplicate.body.string.contains("已是临湘高新区的问题子类"))

            // Without the form's token nothing changes.
            let forged = try await client.send(
                .POST, "/admin/settings/limits", form: [("acceptDays", "9")], cookie: admin.cookie)
            #expect(forged.status == .forbidden)
            // Staff who are not admins do not reach the page.
            let dispatcher = try await client.webSession("lx_dispatcher")
            #expect(try await client.send(.GET, "/admin/settings", cookie: dispatcher.cookie).status == .forbidden)
            #expect(
                try await ProblemRules.limits(for: world.linxiangPark, on: app.db.sql).acceptDays == 2)
        }
    }
}
