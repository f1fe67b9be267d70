import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// Stored reports: the drafting job, editing a draft, issuing it, and who may do what; and the
/// campaign's 总结报告.
@Suite struct StoredReportsTests {
    func today(_ app: Application) -> LocalDate { LocalDate(app.clock.now(), in: .chinaStandard) }

    /// A campaign of the 临湘 park that started 30 days ago and ends in `endsIn` days.
    func createCampaign(_ app: Application, endsIn: Int = 60, cadences: [String] = ["tenDay", "weekly"]) async throws
        -> String
    {
        let client = Client(app: app)
        let day = today(app)
        let response = try await client.send(
            .POST, "/api/v1/campaigns", token: try await client.token("lx_admin"),
            json: [
                "name": "两重两新送解优专项行动", "startsOn": day.adding(days: -30).iso,
                "mobilisationEndsOn": day.adding(days: -25).iso,
                "actionEndsOn": day.adding(days: max(endsIn - 5, 0)).iso,
                "endsOn": day.adding(days: endsIn).iso, "scope": "all", "requiredVisits": 1, "cadences": cadences,
            ])
        #expect(response.status == .created, "\(response.body.string)")
        return try response.content.get(String.self, at: "id")
    }

    func notices(_ user: String, _ app: Application) async throws -> [(message: String, link: String?)] {
        let client = Client(app: app)
        let list = try await client.send(.GET, "/api/v1/notifications", token: try await client.token(user))
        let items = try list.content.get([NotificationItem].self, at: "items")
        return items.filter { $0.kind == "reportDrafted" }.map { ($0.message, $0.link) }
    }

    @Test func theJobDraftsEachReportACampaignKeepsOnceAndTellsTheDispatchers() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            _ = try await createCampaign(app, endsIn: 3)
            let first = try #require(try await ReportDrafting.runIfDue(on: app.db, now: app.clock.now()))
            #expect(first.drafted == 2)  // the last 周调度 and the last 旬通报 of the park
            // Claimed for the day: a second instance, or the next hour, does nothing.
            #expect(try await ReportDrafting.runIfDue(on: app.db, now: app.clock.now()) == nil)
            #expect(try await ReportDrafting.run(today: today(app), now: app.clock.now(), on: app.db).drafted == 0)
            let sql = app.db.sql
            let kinds = try await sql.raw("SELECT kind, period_key, org_unit_id, state FROM reports ORDER BY kind")
                .all()
            #expect(try kinds.map { try $0.decode(column: "kind", as: String.self) } == ["tenDay", "week"])
            #expect(try kinds.allSatisfy { try $0.decode(column: "org_unit_id", as: UUID.self) == world.linxiangPark })
            #expect(try kinds.allSatisfy { try $0.decode(column: "state", as: String.self) == "draft" })
            let tenDay = ReportPeriod.lastEnded(on: today(app), kind: .tenDay)
            #expect(try kinds[0].decode(column: "period_key", as: String.self) == tenDay.key)
            let told = try await notices("lx_dispatcher", app)
            #expect(told.count == 2)
            #expect(told.contains { $0.message.hasPrefix("旬通报（\(tenDay.chineseName)）草稿已生成") })
            #expect(told.allSatisfy { $0.link?.hasPrefix("/reports/records/") == true })
            #expect(try await notices("pj_dispatcher", app).isEmpty)  // another park's dispatcher

            // Four days on the campaign has ended: its summary is drafted, with the new periods' reports.
            app.clock.advance(by: 4 * 86_400)
            _ = try #require(try await ReportDrafting.runIfDue(on: app.db, now: app.clock.now()))
            let summaries = try await sql.raw("SELECT title FROM reports WHERE kind = 'campaign'").all()
            #expect(try summaries.map { try $0.decode(column: "title", as: String.self) } == ["临湘高新区两重两新送解优专项行动总结报告"])
            #expect(try await notices("lx_dispatcher", app).contains { $0.message.contains("总结报告草稿已生成") })
        }
    }

    @Test func aDraftIsEditedThenIssuedAndThenNeverChanges() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            let client = Client(app: app)
            let token = try await client.token("lx_dispatcher")
            let kept = try await client.send(.POST, "/api/v1/reports/records", token: token, json: ["kind": "month"])
            #expect(kept.status == .created, "\(kept.body.string)")
            let id = try kept.content.get(String.self, at: "id")
            #expect(try kept.content.get(String.self, at: "state") == "draft")
            let again = try await client.send(.POST, "/api/v1/reports/records", token: token, json: ["kind": "month"])
            #expect(again.status == .ok)
            #expect(try again.content.get(String.self, at: "id") == id)

            let edited = try await client.send(
                .PATCH, "/api/v1/reports/records/\(id)", token: token,
                json: ["summary": "本月问题办理总体平稳。", "nextSteps": "下月重点推进道路修缮。"])
            #expect(edited.status == .ok, "\(edited.body.string)")
            #expect(try edited.content.get(String.self, at: "bulletin", "summary") == "本月问题办理总体平稳。")
            #expect(try edited.content.get(String.self, at: "bulletin", "nextSteps") == "下月重点推进道路修缮。")

            let blank = try await client.send(
                .PATCH, "/api/v1/reports/records/\(id)", token: token, json: ["summary": "  "])
            #expect(blank.status == .badRequest)
            #expect(blank.body.string.contains("总体情况不能为空"))
            let long = try await client.send(
                .PATCH, "/api/v1/reports/records/\(id)", token: token,
                json: ["nextSteps": String(repeating: "长", count: ReportStore.paragraphLimit + 1)])
            #expect(long.status == .badRequest)
            #expect(long.body.string.contains("nextSteps"))

            let issued = try await client.send(.POST, "/api/v1/reports/records/\(id)/issue", token: token)
            #expect(issued.status == .ok, "\(issued.body.string)")
            #expect(try issued.content.get(String.self, at: "state") == "issued")
            let frozen = try await client.send(.GET, "/api/v1/reports/records/\(id)", token: token)

            let late = try await client.send(
                .PATCH, "/api/v1/reports/records/\(id)", token: token, json: ["summary": "印发后再改"])
            #expect(late.status == .conflict)
            #expect(late.body.string.contains("报告已印发，不能再修改"))
            #expect(
                try await client.send(.POST, "/api/v1/reports/records/\(id)/issue", token: token).status == .conflict)
            // New problems after issuing leave the issued figures as they were.
            _ = try await client.send(
                .POST, "/api/v1/problems", token: token,
                json: ["enterpriseId": world.enterprise.uuidString, "description": "印发后新收集的问题", "kind": "problem"])
            let after = try await client.send(.GET, "/api/v1/reports/records/\(id)", token: token)
            #expect(after.body.string == frozen.body.string)

            let events = try await app.db.sql.raw(
                "SELECT action FROM events WHERE entity_type = 'report' ORDER BY sequence"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(events == ["draft", "edit", "issue"])

            let docx = try await client.send(.GET, "/api/v1/reports/records/\(id)/docx?masthead=true", token: token)
            #expect(docx.status == .ok)
            #expect(docx.headers.contentType == OfficeDownload.docx)
            let list = try await client.send(.GET, "/api/v1/reports/records?state=issued", token: token)
            #expect(try list.content.decode([ReportStore.Entry].self).map(\.id) == [UUID(uuidString: id)!])
        }
    }

    /// 报送: issuing a report tells the unit above — its dispatchers and leaders — who can open it; the
    /// park itself and another county hear nothing.
    @Test func anIssuedReportReachesTheUnitAbove() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let users = UserService(database: app.db, now: app.clock.now(), hashing: app.passwordHashing)
            let root = Actor(userID: world.users["root"]!, roles: [.admin], orgUnitID: world.province)
            for (name, role, unit) in [
                ("lxs_dispatcher", "dispatcher", world.linxiang!), ("lxs_leader", "leader", world.linxiang!),
                ("pjx_dispatcher", "dispatcher", world.pingjiang!),
            ] {
                _ = try await users.create(
                    UserInput(
                        username: name, password: World.password, displayName: name, roles: [role], orgUnitID: unit),
                    by: root)
            }
            let client = Client(app: app)
            let token = try await client.token("lx_dispatcher")
            let kept = try await client.send(.POST, "/api/v1/reports/records", token: token, json: ["kind": "month"])
            let id = try kept.content.get(String.self, at: "id")
            #expect(try await client.send(.POST, "/api/v1/reports/records/\(id)/issue", token: token).status == .ok)
            func submitted(_ user: String) async throws -> [NotificationItem] {
                let list = try await client.send(.GET, "/api/v1/notifications", token: try await client.token(user))
                return try list.content.get([NotificationItem].self, at: "items").filter {
                    $0.kind == "report.submitted"
                }
            }
            for user in ["lxs_dispatcher", "lxs_leader"] {
                let notices = try await submitted(user)
                #expect(notices.count == 1, "\(user)")
                #expect(notices.first?.message.hasPrefix("临湘高新区报送了《") == true)
                let link = try #require(notices.first?.link)
                let opened = try await client.send(.GET, link, cookie: try await client.webSession(user).cookie)
                #expect(opened.status == .ok, "\(user) opens \(link)")
            }
            for user in ["lx_dispatcher", "pjx_dispatcher", "yy_upper"] {
                #expect(try await submitted(user).isEmpty, "\(user)")
            }
        }
    }

    @Test func onlyTheUnitsOwnDispatchersKeepEditAndIssueItsReports() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let kept = try await client.send(
                .POST, "/api/v1/reports/records", token: dispatcher, json: ["kind": "week"])
            let id = try kept.content.get(String.self, at: "id")
            let path = "/api/v1/reports/records/\(id)"
            // Readers of statistics above and within the park read it; they neither edit nor issue it.
            for user in ["lx_leader", "lx_handler", "lx_cadre", "yy_upper", "root"] {
                let token = try await client.token(user)
                #expect(try await client.send(.GET, path, token: token).status == .ok, "\(user)")
                #expect(
                    try await client.send(.PATCH, path, token: token, json: ["summary": "越权修改"]).status == .forbidden,
                    "\(user)")
                #expect(try await client.send(.POST, "\(path)/issue", token: token).status == .forbidden, "\(user)")
            }
            // The park's admin keeps and issues its reports as its dispatchers do.
            let admin = try await client.token("lx_admin")
            #expect(try await client.send(.PATCH, path, token: admin, json: ["summary": "管理员修改"]).status == .ok)
            // Only a unit's own writers keep a draft.
            for user in ["lx_leader", "lx_handler", "yy_upper"] {
                let response = try await client.send(
                    .POST, "/api/v1/reports/records", token: try await client.token(user), json: ["kind": "week"])
                #expect(response.status == .forbidden, "\(user)")
            }
            // Another park's dispatcher does not find it at all.
            let other = try await client.token("pj_dispatcher")
            #expect(try await client.send(.GET, path, token: other).status == .notFound)
            #expect(try await client.send(.PATCH, path, token: other, json: ["summary": "x"]).status == .notFound)
            #expect(try await client.send(.POST, "\(path)/issue", token: other).status == .notFound)
            #expect(try await client.send(.GET, "\(path)/docx", token: other).status == .notFound)
            let theirs = try await client.send(.GET, "/api/v1/reports/records", token: other)
            #expect(try theirs.content.decode([ReportStore.Entry].self).isEmpty)
            // Enterprises and monitors read no reports.
            for user in ["lx_enterprise", "lx_monitor"] {
                let token = try await client.token(user)
                #expect(try await client.send(.GET, path, token: token).status == .forbidden, "\(user)")
                #expect(try await client.send(.GET, "/api/v1/reports/records", token: token).status == .forbidden)
            }
            // Bad requests name their field and keep nothing.
            let before = try await rowCount("reports", on: app)
            let badKind = try await client.send(
                .POST, "/api/v1/reports/records", token: dispatcher, json: ["kind": "year"])
            #expect(badKind.status == .badRequest)
            #expect(badKind.apiError?.field == "kind")
            let badPeriod = try await client.send(
                .POST, "/api/v1/reports/records", token: dispatcher, json: ["kind": "tenDay", "period": "2024-13-1"])
            #expect(badPeriod.apiError?.field == "period")
            let noCampaign = try await client.send(
                .POST, "/api/v1/reports/records", token: dispatcher, json: ["kind": "campaign"])
            #expect(noCampaign.apiError?.field == "campaign")
            let badState = try await client.send(.GET, "/api/v1/reports/records?state=sent", token: dispatcher)
            #expect(badState.apiError?.field == "state")
            #expect(try await rowCount("reports", on: app) == before)
        }
    }

    @Test func theCampaignSummaryHoldsTheCampaignsStatisticsCoverageAndOpenProblems() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            let campaign = try await createCampaign(app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let handler = try await client.token("lx_handler")
            func submit(_ text: String) async throws -> String {
                let response = try await client.send(
                    .POST, "/api/v1/problems", token: dispatcher,
                    json: ["enterpriseId": world.enterprise.uuidString, "description": text, "campaignId": campaign])
                #expect(response.status == .created, "\(response.body.string)")
                return try response.content.get(String.self, at: "id")
            }
            func act(_ token: String, _ id: String, _ action: String, _ body: [String: Any] = [:]) async throws {
                let response = try await client.send(
                    .POST, "/api/v1/problems/\(id)/actions/\(action)", token: token, json: body)
                #expect(response.status == .ok, "\(action): \(response.body.string)")
            }
            let open = try await submit("用工招聘难，缺少技术工人")
            try await act(dispatcher, open, "accept", ["category": "hardship"])
            try await act(
                dispatcher, open, "assign",
                [
                    "leadDepartmentId": world.linxiangEconomy.uuidString,
                    "coDepartmentIds": [world.linxiangService.uuidString],
                ])
            let done = try await submit("办电报装时间长")
            try await act(dispatcher, done, "accept", ["category": "governmentService"])
            try await act(dispatcher, done, "assign", ["leadDepartmentId": world.linxiangEconomy.uuidString])
            try await act(handler, done, "sign")
            try await act(handler, done, "resolve", ["result": "已协调供电公司上门", "resultKind": "solved"])
            let visit = try await client.send(
                .POST, "/api/v1/visits", token: try await client.token("lx_cadre"),
                json: [
                    "enterpriseId": world.enterprise.uuidString, "visitedOn": today(app).iso, "purposes": ["survey"],
                ])
            #expect(visit.status == .created, "\(visit.body.string)")

            let response = try await client.send(
                .GET, "/api/v1/reports/campaign?campaign=\(campaign)", token: dispatcher)
            #expect(response.status == .ok, "\(response.body.string)")
            let summary = try response.content.decode(CampaignSummary.self)
            let stats = try await client.send(.GET, "/api/v1/stats?campaign=\(campaign)", token: dispatcher)
            #expect(try stats.content.get(ProblemTally.self, at: "tally") == summary.problems.tally)
            #expect(summary.problems.tally.registered == 2)  // the ledger's other problems are not the campaign's
            let coverage = try await client.send(.GET, "/api/v1/coverage?campaign=\(campaign)", token: dispatcher)
            let c = try coverage.content.decode(CoverageReport.self)
            #expect(c.figures == summary.coverage)
            #expect(summary.coverage.visitedAtLeastOnce == 1)
            #expect(summary.unresolvedCount == 1)
            let item = try #require(summary.unresolved.first)
            #expect(item.description == "用工招聘难，缺少技术工人")
            #expect(item.leadName != nil)
            #expect(item.coDepartments?.count == 1)
            #expect(summary.summary.contains("共收集企业问题2个"))

            let docx = try await client.send(
                .GET, "/api/v1/reports/campaign.docx?campaign=\(campaign)", token: dispatcher)
            #expect(docx.status == .ok)
            // Another park's staff does not find the campaign; enterprises read no reports; a bad id is named.
            let other = try await client.send(
                .GET, "/api/v1/reports/campaign?campaign=\(campaign)", token: try await client.token("pj_dispatcher"))
            #expect(other.status == .notFound)
            let enterprise = try await client.send(
                .GET, "/api/v1/reports/campaign?campaign=\(campaign)", token: try await client.token("lx_enterprise"))
            #expect(enterprise.status == .forbidden)
            let bad = try await client.send(.GET, "/api/v1/reports/campaign?campaign=abc", token: dispatcher)
            #expect(bad.apiError?.field == "campaign")
        }
    }

    @Test func onThePageADispatcherEditsAndIssuesADraftAfterConfirming() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            let client = Client(app: app)
            let web = try await client.webSession("lx_dispatcher")
            let report = try await client.send(.GET, "/reports?kind=tenDay", cookie: web.cookie)
            #expect(report.body.string.contains("data-testid=\"keep-draft\""))
            let kept = try await client.send(
                .POST, "/reports/records", form: [("_csrf", web.csrf), ("kind", "tenDay")], cookie: web.cookie)
            #expect(kept.status == .seeOther)
            let path = try #require(kept.headers.first(name: .location)?.split(separator: "?").first.map(String.init))
            let page = try await client.send(.GET, path, cookie: web.cookie)
            #expect(page.body.string.contains("data-testid=\"report-editor\""))
            let saved = try await client.send(
                .POST, path,
                form: [("_csrf", web.csrf), ("summary", "页面上改写的总体情况"), ("nextSteps", "页面上改写的下步工作")],
                cookie: web.cookie)
            #expect(saved.status == .seeOther)
            let blank = try await client.send(
                .POST, path, form: [("_csrf", web.csrf), ("summary", ""), ("nextSteps", "x")], cookie: web.cookie)
            #expect(blank.status == .badRequest)
            #expect(blank.body.string.contains("总体情况不能为空"))
            let unconfirmed = try await client.send(
                .POST, "\(path)/issue", form: [("_csrf", web.csrf)], cookie: web.cookie)
            #expect(unconfirmed.status == .badRequest)
            #expect(unconfirmed.body.string.contains("请勾选“已核对”后再印发"))
            let issued = try await client.send(
                .POST, "\(path)/issue", form: [("_csrf", web.csrf), ("confirm", "on")], cookie: web.cookie)
            #expect(issued.status == .seeOther)
            let final = try await client.send(.GET, path, cookie: web.cookie)
            #expect(final.body.string.contains("页面上改写的总体情况"))
            #expect(final.body.string.contains("已印发"))
            #expect(!final.body.string.contains("data-testid=\"report-editor\""))
            // A leader reads it without the editor.
            let leader = try await client.webSession("lx_leader")
            let read = try await client.send(.GET, path, cookie: leader.cookie)
            #expect(read.status == .ok)
            #expect(!read.body.string.contains("data-testid=\"report-editor\""))
        }
    }
}
