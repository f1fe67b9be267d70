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
                #expect(body.contains("一、总体情况") && body.contains("五、共性问题"))
                #expect(body.contains(#"<w:pStyle w:val="Masthead"/>"#) == masthead)
            }
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
