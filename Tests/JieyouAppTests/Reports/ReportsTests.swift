import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting
import ZIPFoundation

@testable import JieyouApp

/// 周调度 / 旬通报 / 月通报 / 季讲评 through `/api/v1/reports/bulletin`, its .docx and the page.
@Suite struct ReportsTests {
    func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func theBulletinsFiguresAreTheStatisticsOfTheSameUnitAndDays() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            let client = Client(app: app)
            let token = try await client.token("lx_dispatcher")
            let today = LocalDate(app.clock.now(), in: .chinaStandard)
            for kind in ReportPeriod.Kind.allCases {
                let period = ReportPeriod.containing(today, kind: kind)
                let unit = world.linxiangPark.uuidString
                let response = try await client.send(
                    .GET, "/api/v1/reports/bulletin?kind=\(kind.rawValue)&period=\(period.key)&orgUnit=\(unit)",
                    token: token)
                #expect(response.status == .ok, "\(response.body.string)")
                let bulletin = try json(response)
                for (key, days) in [("current", period), ("previous", period.previous)] {
                    let stats = try json(
                        try await client.send(
                            .GET, "/api/v1/stats?orgUnit=\(unit)&from=\(days.start.iso)&to=\(days.end.iso)",
                            token: token))
                    let part = try #require(bulletin[key] as? [String: Any])
                    #expect(
                        NSDictionary(dictionary: part["metrics"] as! [String: Any]).isEqual(
                            to: stats["metrics"] as! [String: Any]), "\(kind) \(key)")
                    #expect(
                        NSDictionary(dictionary: part["tally"] as! [String: Any]).isEqual(
                            to: stats["tally"] as! [String: Any]), "\(kind) \(key)")
                }
                let tally = try #require((bulletin["current"] as? [String: Any])?["tally"] as? [String: Any])
                #expect(tally["registered"] as? Int == 3, "\(kind)")
                #expect(bulletin["periodName"] as? String == period.chineseName)
                let summary = try #require(bulletin["summary"] as? String)
                #expect(summary.hasPrefix("\(period.chineseName)，新收集企业问题2个、意见建议1条（上期0个、0条）"), "\(summary)")
            }
        }
    }

    @Test func overdueAndSupervisedProblemsAreListedAsOfTheDay() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            app.clock.advance(by: 30 * 86_400)
            let client = Client(app: app)
            let token = try await client.token("lx_dispatcher")
            let response = try await client.send(.GET, "/api/v1/reports/bulletin?kind=month", token: token)
            let bulletin = try json(response)
            #expect(bulletin["overdueCount"] as? Int == 1)
            let overdue = try #require(bulletin["overdue"] as? [[String: Any]])
            #expect(overdue.first?["description"] as? String == "厂区外道路破损，货车进出困难")
            #expect((overdue.first?["daysOverdue"] as? Int ?? 0) > 0)
            let common = try #require(bulletin["commonProblems"] as? [[String: Any]])
            #expect(common.isEmpty)  // one open problem per category: nothing common yet
        }
    }

    @Test func theDocxIsAnOfficialDocumentWithOrWithoutTheMasthead() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            let client = Client(app: app)
            let token = try await client.token("lx_leader")
            for masthead in [false, true] {
                let response = try await client.send(
                    .GET, "/api/v1/reports/bulletin.docx?kind=week&masthead=\(masthead)", token: token)
                #expect(response.status == .ok)
                #expect(
                    response.headers.contentType?.subType
                        == "vnd.openxmlformats-officedocument.wordprocessingml.document")
                let url = FileManager.default.temporaryDirectory.appendingPathComponent("b-\(UUID().uuidString).docx")
                defer { try? FileManager.default.removeItem(at: url) }
                try Data(buffer: response.body).write(to: url)
                let archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
                var data = Data()
                _ = try archive.extract(try #require(archive["word/document.xml"])) { data.append($0) }
                let body = String(decoding: data, as: UTF8.self)
                #expect(body.contains("临湘高新区“送解优”问题办理周调度"))
                // Numbered as they come: the work section second, so 共性问题 is the sixth.
                #expect(body.contains("一、总体情况") && body.contains("二、工作推进情况") && body.contains("六、共性问题"))
                #expect(body.contains(#"<w:pStyle w:val="Masthead"/>"#) == masthead)
            }
        }
    }

    /// Issue 22, item 3: besides the problems, a 通报 reports the campaign's work — here the visits of
    /// the week against the week before and the running campaign's coverage — in the sections the unit
    /// chose, or the unit above chose for it.
    @Test func theBulletinReportsTheWorkTheUnitChoseWithTheChangeAgainstThePeriodBefore() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let today = LocalDate(app.clock.now(), in: .chinaStandard)
            let admin = try await client.token("lx_admin")
            let campaign = try await client.send(
                .POST, "/api/v1/campaigns", token: admin,
                json: [
                    "name": "临湘送解优专项行动", "startsOn": today.adding(days: -20).iso,
                    "mobilisationEndsOn": today.adding(days: -15).iso, "actionEndsOn": today.adding(days: 30).iso,
                    "endsOn": today.adding(days: 40).iso, "scope": "all", "requiredVisits": 2, "cadences": ["weekly"],
                ])
            #expect(campaign.status == .created, "\(campaign.body.string)")
            let cadre = try await client.token("lx_cadre")
            let week = ReportPeriod.containing(today, kind: .week)
            for day in [week.end.adding(days: -1), week.end, week.previous.end].map({ min($0, today) }) {
                let visit = try await client.send(
                    .POST, "/api/v1/visits", token: cadre,
                    json: ["enterpriseId": world.enterprise.uuidString, "visitedOn": day.iso, "purposes": ["survey"]])
                #expect(visit.status == .created, "\(visit.body.string)")
            }
            let dispatcher = try await client.token("lx_dispatcher")
            func bulletin() async throws -> Bulletin {
                let response = try await client.send(
                    .GET, "/api/v1/reports/bulletin?kind=week&period=\(week.key)", token: dispatcher)
                #expect(response.status == .ok, "\(response.body.string)")
                return try response.content.decode(Bulletin.self)
            }
            let all = try #require(try await bulletin().work)
            #expect(all.sections == BulletinSection.allCases)
            let visitsNow = all.current.visits
            #expect(visitsNow >= 1 && all.previous.visits >= 1 && visitsNow + all.previous.visits == 3)
            let visits = all.text(of: .visits)
            #expect(visits.contains("走访企业\(visitsNow)次"), "\(visits)")
            #expect(visits.contains("临湘送解优专项行动应走访企业1家，已走访1家，覆盖率100.0%"), "\(visits)")
            #expect(visits.contains(visitsNow == 2 ? "较上期增加1次" : "与上期持平"), "\(visits)")

            // A section with nothing in either period says so rather than list zeros.
            let quiet = BulletinWork(
                sections: [.projects, .financing], current: .init(), previous: .init(), awareness: nil, coverage: nil,
                plans: [])
            #expect(quiet.paragraphs.map(\.text) == ["本期和上期均无项目申报进展。", "本期和上期均未收集融资诉求，也无放款。"])

            // The city chooses for the units below it that have not chosen.
            let city = try await client.webSession("yy_admin")
            let chosen = try await client.send(
                .POST, "/admin/settings/bulletin",
                form: [("_csrf", city.csrf), ("sections[]", "financing"), ("sections[]", "visits")], cookie: city.cookie
            )
            #expect(chosen.status == .seeOther, "\(chosen.body.string)")
            #expect(try await bulletin().work?.sections == [.visits, .financing])
            // The park chooses its own: problem handling and 攻坚 only.
            let park = try await client.webSession("lx_admin")
            _ = try await client.send(
                .POST, "/admin/settings/bulletin", form: [("_csrf", park.csrf), ("sections[]", "plans")],
                cookie: park.cookie)
            #expect(try await bulletin().work?.sections == [.plans])
            let docx = try await client.send(.GET, "/api/v1/reports/bulletin.docx?kind=week", token: dispatcher)
            #expect(docx.status == .ok)
            // A name that is not a section is refused with the field named, and nothing changes.
            let refused = try await client.send(
                .POST, "/admin/settings/bulletin", form: [("_csrf", park.csrf), ("sections[]", "gossip")],
                cookie: park.cookie)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("通报内容“gossip”无效"))
            #expect(try await bulletin().work?.sections == [.plans])
            // Following the units above again.
            _ = try await client.send(
                .POST, "/admin/settings/bulletin", form: [("_csrf", park.csrf), ("follow", "true")], cookie: park.cookie
            )
            #expect(try await bulletin().work?.sections == [.visits, .financing])
            // Only admins choose.
            let handler = try await client.webSession("lx_dispatcher")
            let notAdmin = try await client.send(
                .POST, "/admin/settings/bulletin", form: [("_csrf", handler.csrf), ("sections[]", "plans")],
                cookie: handler.cookie)
            #expect(notAdmin.status == .forbidden || notAdmin.status == .notFound)
            #expect(try await bulletin().work?.sections == [.visits, .financing])
        }
    }

    @Test func badRequestsAreNamedAndEachReaderKeepsToItsUnits() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_dispatcher")
            let badKind = try await client.send(.GET, "/api/v1/reports/bulletin?kind=daily", token: token)
            #expect(badKind.status == .badRequest && badKind.apiError?.field == "kind")
            let mismatch = try await client.send(
                .GET, "/api/v1/reports/bulletin?kind=month&period=quarter-2024-3", token: token)
            #expect(mismatch.status == .badRequest && mismatch.apiError?.field == "period")
            let outside = try await client.send(
                .GET, "/api/v1/reports/bulletin?orgUnit=\(world.pingjiangPark.uuidString)", token: token)
            #expect(outside.status == .notFound)
            for user in ["lx_enterprise", "lx_monitor"] {
                let refused = try await client.send(
                    .GET, "/api/v1/reports/bulletin", token: try await client.token(user))
                #expect(refused.status == .forbidden, "\(user)")
            }
            let city = try await client.send(
                .GET, "/api/v1/reports/bulletin?orgUnit=\(world.pingjiangPark.uuidString)",
                token: try await client.token("yy_upper"))
            #expect(city.status == .ok)
        }
    }

    @Test func thePageShowsTheReportAndLinksItsPeriods() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            try await ProblemListRouteTests.fillLedger(app, world)
            let client = Client(app: app)
            let session = try await client.webSession("lx_dispatcher")
            let today = LocalDate(app.clock.now(), in: .chinaStandard)
            let period = ReportPeriod.containing(today, kind: .tenDay)
            let page = try await client.send(.GET, "/reports?kind=tenDay&period=\(period.key)", cookie: session.cookie)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("临湘高新区“送解优”问题办理旬通报（\(period.chineseName)）"))
            #expect(html.contains("data-testid=\"bulletin-summary\">\(period.chineseName)，新收集企业问题2个"))
            #expect(html.contains("经济发展局"))
            #expect(html.contains("/reports/bulletin.docx?kind=tenDay&amp;period=\(period.key)"))
            let stats = try await client.send(.GET, "/stats", cookie: session.cookie)
            #expect(stats.body.string.contains("data-testid=\"reports-link\""))
            let bad = try await client.send(.GET, "/reports?period=nonsense", cookie: session.cookie)
            #expect(bad.status == .badRequest)
        }
    }
}
