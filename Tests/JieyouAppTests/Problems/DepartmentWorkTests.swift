import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// 部门工作台: a department's held problems as lead and as co-department, what is due and overdue, its
/// figures, and who may read it.
@Suite struct DepartmentWorkTests {
    let problems = ProblemsAPITests()

    @Test func aDepartmentSeesWhatItHoldsAndOnlyItsOverseersReadIt() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let handler = try await client.token("lx_handler")
            let economy = world.linxiangEconomy.uuidString
            let service = world.linxiangService.uuidString
            var ids: [String] = []
            for (lead, co) in [(economy, [String]()), (economy, [service]), (service, [economy])] {
                let id = try await problems.submit(client, dispatcher, enterprise: world.enterprise)
                try await problems.act(client, dispatcher, id, "accept", ["category": "enforcement"])
                try await problems.act(
                    client, dispatcher, id, "assign", ["leadDepartmentId": lead, "coDepartmentIds": co])
                ids.append(id)
            }
            try await problems.act(client, handler, ids[1], "sign")
            // The first is past its deadline.
            let yesterday = LocalDate(app.clock.now(), in: .chinaStandard).adding(days: -1).iso
            try await app.db.sql.raw(
                "UPDATE problems SET deadline = \(bind: yesterday) WHERE id = \(bind: UUID(uuidString: ids[0])!)"
            ).run()

            let path = WebPath.departmentWork(world.linxiangEconomy)
            let own = try await client.webSession("lx_handler")
            let home = try await client.send(.GET, "/", cookie: own.cookie).body.string
            #expect(home.contains("href=\"\(path)\""))
            let page = try await client.send(.GET, path, cookie: own.cookie)
            #expect(page.status == .ok)
            let body = page.body.string
            func count(_ testID: String) -> String? {
                body.firstMatch(
                    of: try! Regex("data-testid=\"\(testID)\"><span class=\"stat-label\">[^<]+</span><b>([0-9]+)</b>"))?
                    .output[1].substring.map(String.init)
            }
            #expect(count("to-sign") == "1")
            #expect(count("working") == "1")
            #expect(count("assisting") == "1")
            #expect(count("overdue") == "1")
            #expect(body.contains("data-testid=\"assigned\"><span class=\"stat-label\">交办</span><b>2</b>"))
            #expect(body.components(separatedBy: "<td>配合</td>").count == 2)

            // The park's dispatcher and the city's admin read it; another department's page, another
            // park's admin and the enterprise do not.
            for user in ["lx_dispatcher", "yy_admin"] {
                let session = try await client.webSession(user)
                #expect(try await client.send(.GET, path, cookie: session.cookie).status == .ok, "\(user)")
            }
            #expect(
                try await client.send(.GET, WebPath.departmentWork(world.linxiangService), cookie: own.cookie).status
                    == .notFound)
            for user in ["pj_admin", "lx_enterprise", "lx_monitor"] {
                let session = try await client.webSession(user)
                #expect(try await client.send(.GET, path, cookie: session.cookie).status == .notFound, "\(user)")
            }
        }
    }
}
