import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// 责任清单 and 销号清单: pages and .xlsx, with the ledger's scope.
@Suite struct DutyListsTests {
    /// The ledger of `ProblemListRouteTests`, a month later: the problem 经济发展局 holds is overdue, and
    /// the resolved one has been closed without a revisit.
    func monthLater(_ app: Application, _ world: World) async throws {
        try await ProblemListRouteTests.fillLedger(app, world)
        app.clock.advance(by: 30 * 86_400)
        let client = Client(app: app)
        let dispatcher = try await client.token("lx_dispatcher")
        let list = try await client.send(.GET, "/api/v1/problems?state=resolved", token: dispatcher)
        let id = try #require(try list.list("items", key: "id").first)
        let closed = try await client.send(
            .POST, "/api/v1/problems/\(id)/actions/close", token: dispatcher,
            json: ["overrideReason": "企业电话确认已解决"])
        #expect(closed.status == .ok, "\(closed.body.string)")
    }

    func sheet(_ response: TestingHTTPResponse) throws -> [Int: [XlsxValue]] {
        #expect(response.status == .ok, "\(response.body.string)")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("duty-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(buffer: response.body).write(to: url)
        var rows: [Int: [XlsxValue]] = [:]
        try XlsxReader(url: url).forEachRow { rows[$0] = $1 }
        return rows
    }

    @Test func theResponsibilityListPutsTheOverdueFirstWithTheirDays() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await monthLater(app, world)
            let client = Client(app: app)
            let token = try await client.token("lx_dispatcher")
            let rows = try sheet(try await client.send(.GET, "/api/v1/problems/responsibility.xlsx", token: token))
            let today = LocalDate(app.clock.now(), in: .chinaStandard)
            #expect(rows[1] == [.text("临湘高新区责任清单（截至\(today.iso)）")])
            #expect(rows[2]?.map(\.text) == DutyListSheets.responsibilityHeader)
            let row = try #require(rows[3])
            #expect(row[1] == .text("经济发展局（1件，超期1件）"))
            #expect(row[3] == .text("临湘浮标科技有限公司") && row[4] == .text("困难求助") && row[6] == .text("服务小组"))
            #expect(row[9] == .text("办理中"))
            let calendar = try await CalendarStore.calendar(on: app.db)
            let deadline = try #require(row[8] == .empty ? nil : LocalDate(iso: row[8].text))
            #expect(row[10] == .number(Double(calendar.workingDays(after: deadline, through: today))))
            #expect(rows.count == 3)

            let page = try await client.send(
                .GET, "/problems/responsibility", cookie: try await client.webSession("lx_dispatcher").cookie)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("在办 1 件，超期 1 件"))
            #expect(page.body.string.contains("data-testid=\"export-responsibility\""))
        }
    }

    @Test func theClosedListShowsHowEachWasClosed() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await monthLater(app, world)
            let client = Client(app: app)
            let token = try await client.token("lx_dispatcher")
            let today = LocalDate(app.clock.now(), in: .chinaStandard)
            let rows = try sheet(try await client.send(.GET, "/api/v1/problems/closed.xlsx", token: token))
            #expect(rows[2]?.map(\.text) == DutyListSheets.closedHeader)
            let row = try #require(rows[3])
            #expect(row[2] == .text(ProblemListRouteTests.secondName) && row[5] == .text("经济发展局"))
            #expect(row[8] == .date(today))
            #expect(row[9] == .text("已开通绿色通道，环评已批复"))
            #expect(row[10] == .text("未回访（销号理由：企业电话确认已解决）"))
            let later = try sheet(
                try await client.send(
                    .GET, "/api/v1/problems/closed.xlsx?closedFrom=\(today.adding(days: 1).iso)", token: token))
            #expect(later.count == 2)
            let bad = try await client.send(.GET, "/api/v1/problems/closed.xlsx?closedFrom=2024-02-30", token: token)
            #expect(bad.status == .badRequest)
            #expect(bad.apiError?.field == "closedFrom")

            let session = try await client.webSession("lx_dispatcher")
            let page = try await client.send(.GET, "/problems/closed", cookie: session.cookie)
            #expect(page.body.string.contains("共 1 件"))
            #expect(page.body.string.contains("未回访（销号理由：企业电话确认已解决）"))
        }
    }

    @Test func eachReaderSeesItsOwnAndEnterprisesNone() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await monthLater(app, world)
            let client = Client(app: app)
            for user in ["lx_enterprise", "lx_monitor"] {
                let token = try await client.token(user)
                #expect(
                    try await client.send(.GET, "/api/v1/problems/responsibility.xlsx", token: token).status
                        == .forbidden)
                #expect(try await client.send(.GET, "/api/v1/problems/closed.xlsx", token: token).status == .forbidden)
            }
            // 平江's admin reads its own park, where nothing is held or closed.
            let other = try sheet(
                try await client.send(
                    .GET, "/api/v1/problems/responsibility.xlsx", token: try await client.token("pj_admin")))
            #expect(other.count == 2)
            let outside = try await client.send(
                .GET, "/api/v1/problems/closed.xlsx?orgUnit=\(world.linxiangPark.uuidString)",
                token: try await client.token("pj_admin"))
            #expect(outside.status == .notFound)
            // The city's task force reads both parks.
            let city = try sheet(
                try await client.send(
                    .GET, "/api/v1/problems/responsibility.xlsx", token: try await client.token("yy_upper")))
            #expect(city.count == 3)
        }
    }
}
