import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// 报送收件箱: an issued report reaches the nearest unit above with a task force, which sees it with
/// 已阅, and sees which units below have not reported what was due.
@Suite struct ReportInboxTests {
    var today: LocalDate { LocalDate(Date(), in: .chinaStandard) }

    /// A campaign of 临湘高新区 keeping 旬通报 and 周调度, begun long enough ago that both are due.
    func startCampaign(_ client: Client) async throws {
        let created = try await client.send(
            .POST, "/api/v1/campaigns", token: try await client.token("lx_admin"),
            json: [
                "name": "送解优专项行动", "startsOn": today.adding(days: -60).iso,
                "mobilisationEndsOn": today.adding(days: -50).iso, "actionEndsOn": today.adding(days: 30).iso,
                "endsOn": today.adding(days: 60).iso, "scope": "aboveScale", "requiredVisits": 2,
                "cadences": ["tenDay", "weekly"],
            ])
        #expect(created.status == .created, "\(created.body.string)")
    }

    @Test func theCityReadsWhatTheParkSubmittedAndSeesWhatIsMissing() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            try await startCampaign(client)
            // 临湘市 (the county) has nobody: the park's report goes past it to 岳阳市.
            let dispatcher = try await client.token("lx_dispatcher")
            let tenDay = ReportDelivery.lastDue(.tenDay, before: today)
            let kept = try await client.send(
                .POST, "/api/v1/reports/records", token: dispatcher, json: ["kind": "tenDay", "period": tenDay.key])
            let id = try kept.content.get(String.self, at: "id")
            #expect(
                try await client.send(.POST, "/api/v1/reports/records/\(id)/issue", token: dispatcher).status == .ok)

            let upper = try await client.token("yy_upper")
            let notices = try await client.send(.GET, "/api/v1/notifications", token: upper)
            #expect(
                try notices.content.get([NotificationItem].self, at: "items").contains { $0.kind == "report.submitted" }
            )

            let inbox = try await client.send(.GET, "/api/v1/reports/inbox", token: upper).content.decode(
                ReportInbox.self)
            #expect(inbox.received.map(\.id) == [UUID(uuidString: id)!])
            #expect(inbox.received.first?.readAt == nil)
            // Issued today, after its due day: late. The week's 周调度 was never issued: missing.
            let byKind = Dictionary(uniqueKeysWithValues: inbox.deliveries.map { ($0.kind, $0) })
            #expect(byKind["tenDay"]?.status == .late)
            #expect(byKind["tenDay"]?.periodKey == tenDay.key)
            #expect(byKind["week"]?.status == .missing)
            #expect(byKind["week"]?.periodKey == ReportDelivery.lastDue(.week, before: today).key)
            #expect(inbox.deliveries.first?.status == .missing)

            // The 工作台 counts them.
            let work = try await client.send(.GET, "/api/v1/me/work", token: upper)
            #expect(try work.content.get(Int.self, at: "inbox", "unread") == 1)
            #expect(try work.content.get(Int.self, at: "inbox", "missing") == 1)

            // The page says so, and the report is marked 已阅 from it, once.
            let web = try await client.webSession("yy_upper")
            let page = try await client.send(.GET, "/reports/inbox", cookie: web.cookie).body.string
            #expect(page.contains("未报送") && page.contains("逾期报送") && page.contains("报送收件箱"))
            let read = try await client.send(
                .POST, "/reports/records/\(id)/read?back=inbox", form: [("_csrf", web.csrf)], cookie: web.cookie)
            #expect(read.status == .seeOther)
            #expect(read.headers.first(name: .location) == "/reports/inbox?done=read")
            let again = try await client.send(.POST, "/api/v1/reports/records/\(id)/read", token: upper)
            #expect(again.status == .ok)
            let report = try again.content.decode(StoredReport.self)
            #expect(report.readAt != nil)
            #expect(report.submittedTo != nil)
            let reads = try await app.db.sql.raw(
                "SELECT COUNT(*) AS n FROM events WHERE entity_type = 'report' AND action = 'read'"
            ).first()!.decode(column: "n", as: Int.self)
            #expect(reads == 1)
            let home = try await client.send(.GET, "/", cookie: web.cookie).body.string
            #expect(home.contains("data-testid=\"inbox-unread\"><span class=\"stat-label\">未阅报送</span><b>0</b>"))

            // The park sees where its report went and that it was read.
            let park = try await client.webSession("lx_dispatcher")
            let shown = try await client.send(.GET, "/reports/records/\(id)", cookie: park.cookie).body.string
            #expect(shown.contains("已报送至岳阳市"))
            #expect(shown.contains("data-testid=\"report-read\">已阅"))
        }
    }

    @Test func onlyTheReceivingTaskForceMarksAReportRead() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let kept = try await client.send(
                .POST, "/api/v1/reports/records", token: dispatcher, json: ["kind": "month"])
            let id = try kept.content.get(String.self, at: "id")
            let path = "/api/v1/reports/records/\(id)/read"
            // A draft has not been submitted: nobody marks it.
            #expect(try await client.send(.POST, path, token: try await client.token("yy_upper")).status == .forbidden)
            #expect(
                try await client.send(.POST, "/api/v1/reports/records/\(id)/issue", token: dispatcher).status == .ok)
            // The park itself and its leader are not the receiver; another park does not find it.
            for user in ["lx_dispatcher", "lx_leader"] {
                #expect(try await client.send(.POST, path, token: try await client.token(user)).status == .forbidden)
            }
            #expect(try await client.send(.POST, path, token: try await client.token("pj_admin")).status == .notFound)
            // 平江's inbox holds nothing of 临湘's.
            let other = try await client.send(.GET, "/api/v1/reports/inbox", token: try await client.token("pj_admin"))
            #expect(try other.content.decode(ReportInbox.self).received.isEmpty)
            #expect(try await client.send(.POST, path, token: try await client.token("yy_upper")).status == .ok)
        }
    }
}
