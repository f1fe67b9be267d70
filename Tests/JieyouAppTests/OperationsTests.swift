import Fluent
import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

@Suite struct OperationsTests {
    @Test func migrationsRevertAndRunAgain() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            try await app.autoRevert()
            try await app.autoMigrate()
            #expect(try await rowCount("users", on: app) == 0)
            #expect(try await AuditVerification.run(on: app.db).isIntact)
        }
    }

    @Test func demoLoadsEveryRoleAndVerifies() async throws {
        try await withApp { app in
            #expect(try await DemoLoader.isDatabaseEmpty(app.db))
            try await DemoLoader(app: app).load()
            #expect(!(try await DemoLoader.isDatabaseEmpty(app.db)))
            let roles = try await UserModel.query(on: app.db).all().reduce(into: Set<Role>()) { $0.formUnion($1.roles) }
            #expect(roles == Set(Role.allCases))
            let parks = try await OrgUnitModel.query(on: app.db).filter(\.$level == "park").all().map(\.name)
            #expect(Set(parks) == ["长沙高新区", "岳麓高新区", "望城经开区", "湘西高新区"])
            #expect(try await AuditVerification.run(on: app.db).isIntact)
            let enterprises = try await EnterpriseModel.query(on: app.db).all()
            #expect(enterprises.allSatisfy { CreditCode.isValid($0.creditCode) })
            for account in DemoPark.accounts {
                _ = try await Client(app: app).token(account.username, password: DemoPark.password)
            }

            // Seed 004's figures in 望城经开区's campaign, read back through the statistics.
            let client = Client(app: app)
            let wangcheng = try await client.token("wc_dispatcher", password: DemoPark.password)
            let campaigns = try await client.send(.GET, "/api/v1/campaigns", token: wangcheng)
            let listed = try campaigns.content.get([CampaignsAPI.CampaignDTO].self, at: "items")
            let campaign = try #require(listed.first).id
            let stats = try await client.send(.GET, "/api/v1/stats?campaign=\(campaign)", token: wangcheng)
            let t = try stats.content.decode(StatsReport.self).tally
            #expect(t.registered - t.suggestions == 216 && t.suggestions == 32)
            #expect(t.problemsResolved == 175 && t.suggestionsAdopted == 22)
            // The campaign's 总结报告 counts them apart (issue 22: it said 办结197个, suggestions included),
            // and its 办结率 is over problems only.
            let summary = try await client.send(.GET, "/api/v1/reports/campaign?campaign=\(campaign)", token: wangcheng)
            let text = try summary.content.decode(CampaignSummary.self).summary
            #expect(text.contains("已解决175个") && text.contains("采纳企业意见建议22条"), "\(text)")
            #expect(!text.contains("197"), "\(text)")
            let rate = ProblemMetrics(t).resolutionRate
            #expect(rate.count == 175 && rate.of == t.assigned - t.suggestionsAssigned)
            // Seed 003: 湘西高新区 handled 53 complaints, requests and questions, 50 done and 3 in hand.
            let xiangxi = try await client.token("xx_dispatcher", password: DemoPark.password)
            let requests = try await client.send(.GET, "/api/v1/stats", token: xiangxi)
            let r = try requests.content.decode(StatsReport.self).tally
            #expect(r.requests == 53 && r.requestsResolved == 50 && r.requestsOpen == 3, "\(r)")
            // Its two rosters (42 and 28), the first monitor's two reports the only problems.
            #expect(r.complaints == 18 && r.inquiries == 11 && r.problemsRegistered == 2)
            let roster = try await client.send(.GET, "/api/v1/monitors", token: xiangxi)
            let monitors = try roster.content.get([MonitorsAPI.MonitorDTO].self, at: "items")
            #expect(monitors.filter { $0.kind == "businessEnvironment" && $0.serving }.count == 42)
            #expect(monitors.filter { $0.kind == "integrity" && $0.serving }.count == 28)
            #expect(monitors.map(\.reports).reduce(0, +) == 2 && monitors.map(\.incognito).reduce(0, +) == 1)
            #expect(r.requestsSentence == "受理投诉诉求咨询53件（投诉18件、诉求24件、咨询11件），办结50件，正在处理3件")
            // Most came as the province platform's work orders, and go back in its reply sheet.
            let sql = app.db.sql
            let replies = try await client.send(.GET, "/api/v1/work-orders/replies.xlsx", token: xiangxi)
            let orders = try EnterpriseExportTests.rows(ofWorkbook: Data(buffer: replies.body)).dropFirst()
            #expect(orders.count > 30 && orders.count < 53 && orders.allSatisfy { $0[2] == "省优化营商环境平台" })
            // Its 223 双公示 records of one quarter, counted per department, and a repair in each state.
            let tally = try await client.send(.GET, "/api/v1/credit-records/tally?from=2000-01-01", token: xiangxi)
            #expect(try tally.content.get(Int.self, at: "total") == 223, "\(tally.body.string)")
            let lines = try tally.content.get([CreditAPI.TallyDTO.Line].self, at: "items")
            #expect(lines.map(\.departmentName) == ["住房和建设管理局", "经济发展局", "行政审批服务局"].sorted())
            #expect(lines.map(\.penalties).reduce(0, +) == 20 && lines.map(\.unpublished).reduce(0, +) == 2)
            #expect(lines.map(\.publishedLate).reduce(0, +) == 6 && lines.map(\.repaired).reduce(0, +) == 1)
            let repairStates = try await sql.raw("SELECT state FROM credit_repairs ORDER BY state").all().map {
                try $0.decode(column: "state", as: String.self)
            }
            #expect(repairStates == ["approved", "pending", "refused"])
            // 长沙高新区's ledger has every state and flag.
            let states = try await sql.raw("SELECT DISTINCT state FROM problems").all().map {
                try $0.decode(column: "state", as: String.self)
            }
            #expect(Set(states) == Set(ProblemState.allCases.map(\.rawValue)))
            for flag in ProblemFlag.allCases {
                let flagged = try await sql.raw(
                    "SELECT COUNT(*) AS n FROM problems WHERE flags LIKE \(bind: "%,\(flag.rawValue),%")"
                ).first()?.decode(column: "n", as: Int.self)
                #expect((flagged ?? 0) > 0, "\(flag)")
            }
            let reopened = try await sql.raw("SELECT COUNT(*) AS n FROM problems WHERE reopen_count > 0").first()?
                .decode(column: "n", as: Int.self)
            #expect((reopened ?? 0) > 0)

            // Policies: last quarter's 兑现 is seed 003's to the 分, and the demo enterprise has matches.
            let today = LocalDate(Date(), in: .chinaStandard)
            let quarterEnd = LocalDate(year: today.year, month: (today.month - 1) / 3 * 3 + 1, day: 1)!.adding(days: -1)
            let quarterStart = LocalDate(year: quarterEnd.year, month: quarterEnd.month - 2, day: 1)!
            let gaoxin = try await client.token("gx_dispatcher", password: DemoPark.password)
            let ledger = try await client.send(
                .GET, "/api/v1/benefits?from=\(quarterStart.iso)&to=\(quarterEnd.iso)", token: gaoxin)
            #expect(
                try ledger.content.get(String.self, at: "totals", "sentence")
                    == "兑现各类优惠政策733.14万元，减免所得税2448.43万元，减免增值税1120.90万元，留抵退税844万元")
            let enterprise = try await client.token("gx_enterprise", password: DemoPark.password)
            let mine = try await client.send(.GET, "/api/v1/policies", token: enterprise)
            #expect(mine.body.string.contains("专精特新中小企业培育奖励"), "\(mine.body.string)")
            #expect(!mine.body.string.contains("消费品以旧换新"), "a retail policy does not fit a maker of materials")
            // Seed 004: 26 projects asking 4.4亿元; the enterprise's own was approved for 2000余万元.
            let projects = try await client.send(.GET, "/api/v1/projects", token: gaoxin)
            #expect(
                try projects.content.get(String.self, at: "totals", "sentence")
                    == "组织26个项目申报，申报资金需求4.4亿元；已入库5个，已兑现1个、兑现资金2036.50万元，未通过3个")
            let financing = try await client.send(.GET, "/api/v1/financing-demands", token: gaoxin)
            #expect(
                try financing.content.get(String.self, at: "totals", "sentence")
                    == "收集融资诉求6项、需求金额6610万元；已放款2项、放款金额2000万元，对接中2项，待对接1项，未达成1项")
            let own = try await client.send(.GET, "/api/v1/projects", token: enterprise)
            #expect(try own.list("items", key: "stageName") == ["已兑现"])
        }
    }

    /// The printed accounts sign in as printed: no name is cut to fit the column (wc_handler_approval was).
    @Test func theDemoPrintsEveryAccountNameWhole() {
        let lines = DemoLoader.accountsText.split(separator: "\n").dropFirst()
        #expect(lines.count == DemoPark.accounts.count)
        for (line, account) in zip(lines, DemoPark.accounts) {
            #expect(line.split(separator: " ").first.map(String.init) == account.username, "\(line)")
        }
    }

    @Test func healthAndMetrics() async throws {
        try await withApp { app in
            let client = Client(app: app)
            #expect(try await client.send(.GET, "/healthz").status == .ok)
            _ = try await client.send(.GET, "/login")
            let metrics = try await client.send(.GET, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.body.string.contains("http_requests_total"))
            #expect(metrics.body.string.contains(#"path="/login""#))
        }
    }

    @Test func metricsCanRequireAToken() async throws {
        try await withApp(configure: { $0.metricsToken = "scrape-0123456789abcdef" }) { app async throws in
            let client = Client(app: app)
            #expect(try await client.send(.GET, "/metrics").status == .unauthorized)
            #expect(try await client.send(.GET, "/metrics", token: "wrong-token-0123456789").status == .unauthorized)
            #expect(try await client.send(.GET, "/metrics", token: "scrape-0123456789abcdef").status == .ok)
        }
    }

    /// The document and the route table list the same operations: every API route is documented, and
    /// nothing is documented that the server does not answer.
    @Test func openAPIDocumentAndTheRouteTableAgree() async throws {
        try await withApp { app in
            let response = try await Client(app: app).send(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any]
            let paths = try #require(json?["paths"] as? [String: [String: Any]])
            var documented: Set<String> = []
            for (path, item) in paths {
                for method in OpenAPIDocument.methods where item[method] != nil {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            var routed: Set<String> = []
            for route in app.routes.all where route.path.first?.description == "api" {
                let rest = route.path.dropFirst(2).map {
                    $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description
                }
                routed.insert("\(route.method.rawValue) /" + rest.joined(separator: "/"))
            }
            #expect(routed.subtracting(documented).sorted() == [], "routes the document does not describe")
            #expect(documented.subtracting(routed).sorted() == [], "operations the server does not answer")
            // Every operation but signing in and the document itself needs the token and says 401.
            for (path, item) in paths {
                for method in OpenAPIDocument.methods {
                    guard let operation = item[method] as? [String: Any] else { continue }
                    let responses = try #require(operation["responses"] as? [String: Any])
                    // Every success with a body says what the body is (a schema, or a file's media type).
                    for (status, response) in responses where status.hasPrefix("2") && status != "204" {
                        let response = response as? [String: Any] ?? [:]
                        let said = (response["content"] as? [String: [String: Any]] ?? [:]).values.contains {
                            $0["schema"] != nil
                        }
                        let noBody = (response["description"] as? String)?.contains("no body") == true
                        #expect(said || noBody, "\(method) \(path) \(status) has no schema")
                    }
                    if OpenAPIDocument.open.contains("\(method.uppercased()) \(path)") { continue }
                    #expect(responses["401"] != nil, "\(method) \(path)")
                }
            }
        }
    }

    /// What the document adds to every operation of a shape, as schemathesis reads it in CI.
    @Test func theDocumentIsCompletedByShape() throws {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let create = try #require(paths["/enterprises"]?["post"] as? [String: Any])
        let statuses = Set((create["responses"] as? [String: Any] ?? [:]).keys)
        // A body naming a unit can name one that is not there: 404, with 400/401/403/413/415.
        #expect(statuses.isSuperset(of: ["201", "400", "401", "403", "404", "413", "415"]))
        #expect((create["requestBody"] as? [String: Any])?["required"] as? Bool == true)
        let list = try #require((paths["/visits"]?["get"] as? [String: Any])?["parameters"] as? [[String: Any]])
        #expect(list.allSatisfy { $0["allowEmptyValue"] as? Bool == true })
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let write = try #require((schemas["EnterpriseWrite"] as? [String: Any])?["properties"] as? [String: Any])
        let name = try #require(write["name"] as? [String: Any])
        #expect(name["pattern"] as? String == OpenAPIDocument.notBlank)
        #expect(name["nullable"] as? Bool == true)
        let related = try #require(write["relatedInfo"] as? [String: Any])
        #expect(related["pattern"] as? String == OpenAPIDocument.noControlCharacters)
        // A form's field is text or absent: never nullable.
        let upload = try #require(
            ((((paths["/visits/{id}/attachments"]?["post"] as? [String: Any])?["requestBody"] as? [String: Any])?[
                "content"] as? [String: Any])?["multipart/form-data"] as? [String: Any])?["schema"] as? [String: Any])
        let purpose = try #require((upload["properties"] as? [String: Any])?["purpose"] as? [String: Any])
        #expect(purpose["nullable"] == nil)
        // An optional day may come blank, as a form sends it; an optional value list may come null.
        func bodyProperty(_ path: String, _ name: String) throws -> [String: Any] {
            let body = try #require(
                (((paths[path]?["post"] as? [String: Any])?["requestBody"] as? [String: Any])?["content"]
                    as? [String: Any])?["application/json"] as? [String: Any])
            return try #require(
                ((body["schema"] as? [String: Any])?["properties"] as? [String: Any])?[name] as? [String: Any])
        }
        let visitedOn = try bodyProperty("/visits", "visitedOn")
        #expect(
            (visitedOn["anyOf"] as? [[String: Any]])?.map { $0["format"] as? String ?? "blank" } == ["date", "blank"])
        let source = try bodyProperty("/problems", "source")
        #expect((source["enum"] as? [Any])?.last is NSNull)
        // An answer may quote what was sent (an error naming an unknown key): no pattern on it.
        let error = try #require(schemas["Error"] as? [String: Any])
        #expect(!String(describing: error).contains("pattern"))
    }

    /// A required text is trimmed before it is checked, so the document's pattern for it refuses what
    /// trimming leaves empty (ASCII and ideographic spaces, line breaks) and control characters.
    @Test func theNotBlankPatternReadsAsTheTrimmedCheck() throws {
        let pattern = try NSRegularExpression(pattern: OpenAPIDocument.notBlank)
        func matches(_ text: String) -> Bool {
            pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        for text in ["a", " 专班 ", "第一段\n第二段", "\t说明"] { #expect(matches(text), "\(text.debugDescription)") }
        for text in ["", " ", "\u{3000}\u{3000}", "\n\t ", "说明\u{7}", "\u{0}"] {
            #expect(!matches(text), "\(text.debugDescription)")
        }
    }

    @Test func aKnownPathAskedWithAnotherMethodIs405WithAllow() async throws {
        try await withApp { app in
            let client = Client(app: app)
            let wrong = try await client.send(.DELETE, "/api/v1/visits")
            #expect(wrong.status == .methodNotAllowed)
            #expect(wrong.headers.first(name: .allow) == "GET, POST, HEAD")
            #expect(wrong.apiError?.code == "methodNotAllowed")
            let withID = try await client.send(.PUT, "/api/v1/problems/\(UUID())")
            #expect(withID.status == .methodNotAllowed)
            #expect(withID.headers.first(name: .allow)?.contains("GET") == true)
            // A path owned by a constant template is not also the parameter route's: `/plans/parse` is
            // POST only, although the router would give a GET of it to `/plans/{id}`.
            let parse = try await client.send(.GET, "/api/v1/plans/parse")
            #expect(parse.status == .methodNotAllowed && parse.headers.first(name: .allow) == "POST")
            let importPatch = try await client.send(.PATCH, "/api/v1/enterprises/import")
            #expect(importPatch.status == .methodNotAllowed && importPatch.headers.first(name: .allow) == "POST")
            // A path nobody answers stays a 404.
            #expect(try await client.send(.GET, "/api/v1/nothing-here").status == .notFound)
        }
    }

    /// `limit` out of its range was quietly clamped (`limit=-58800` answered 1 row); now it is named.
    @Test func aListLimitOrAFlagOutsideItsValuesIsNamed() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            for path in [
                "/api/v1/visits?limit=0", "/api/v1/meetings?limit=201", "/api/v1/enterprises?limit=abc",
                "/api/v1/users?limit=-5", "/api/v1/problems?limit=0",
            ] {
                let refused = try await client.send(.GET, path, token: admin)
                #expect(refused.status == .badRequest && refused.apiError?.field == "limit", "\(path)")
            }
            // A yes-or-no parameter is one of its words, not "anything but yes" (`neverVisited=-58800` was
            // read as no).
            for path in [
                "/api/v1/enterprises?neverVisited=-58800", "/api/v1/problems/list.xlsx?title=maybe",
                "/api/v1/reports/bulletin.docx?kind=week&masthead=2",
            ] {
                let refused = try await client.send(.GET, path, token: admin)
                #expect(refused.status == .badRequest, "\(path)")
            }
            #expect(try await client.send(.GET, "/api/v1/enterprises?neverVisited=on", token: admin).status == .ok)
            #expect(try await client.send(.GET, "/api/v1/visits?limit=500", token: admin).status == .ok)
            #expect(try await client.send(.GET, "/api/v1/visits?limit=", token: admin).status == .ok)
        }
    }

    @Test func theDocumentReadsAsAPage() async throws {
        try await withApp { app in
            let page = try await Client(app: app).send(.GET, "/docs/api")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<h1>接口文档</h1>"))
            #expect(html.contains("<code>/api/v1/problems/{id}/actions/{action}</code>"))
            #expect(html.contains("id=\"schema-Error\""))
            #expect(html.contains("取值：xlsx、csv"))
            // An optional day: a date or an empty text, never "at most 0 characters".
            #expect(html.contains("string (date) 或 空字符串") && !html.contains("至多 0 字"))
        }
    }

    @Test func twoInstancesShareSessions() async throws {
        // Two applications on one database (a shared file here; PostgreSQL in production) serve the
        // same session: the app tier keeps no session state of its own.
        let url: AppConfiguration.DatabaseTarget
        if testingPostgres {
            let probe = try await Application.make(.testing)
            let base = ProcessInfo.processInfo.environment["JIEYOU_TEST_DATABASE_URL"]!
            url = .postgres(url: try await TestDatabases.create(on: probe, base: base))
            try await probe.asyncShutdown()
        } else {
            url = .sqliteFile(path: NSTemporaryDirectory() + "jieyou-shared-\(UUID().uuidString).sqlite")
        }
        try await withApp(configure: { $0.database = url }) { first in
            let world = try await World.build(on: first)
            let session = try await Client(app: first).webSession("lx_admin")
            try await withApp(configure: { $0.database = url }) { second in
                let page = try await Client(app: second).send(.GET, "/", cookie: session.cookie)
                #expect(page.status == .ok)
                #expect(page.body.string.contains("lx_admin"))
                // Each instance caches the org tree; a change made through one is seen by the other at once.
                let secondToken = try await Client(app: second).token("yy_admin")
                let before = try await Client(app: second).send(.GET, "/api/v1/org-units", token: secondToken)
                #expect(try before.content.decode([API.OrgUnitDTO].self).count == 5)
                let firstToken = try await Client(app: first).token("yy_admin")
                let created = try await Client(app: first).send(
                    .POST, "/api/v1/org-units", token: firstToken,
                    json: ["parentId": world.pingjiang.uuidString, "level": "park", "name": "平江工业园"])
                #expect(created.status == .created)
                let after = try await Client(app: second).send(.GET, "/api/v1/org-units", token: secondToken)
                #expect(try after.content.decode([API.OrgUnitDTO].self).map(\.name).contains("平江工业园"))
            }
        }
    }

    @Test func calendarAdminAddsAYearAndRejectsBadLines() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("root")
            let bad = try await client.send(
                .POST, "/admin/calendar",
                form: [("schedule", "2027 | 元旦 | 2027-01-01 |\n2027 | 春节 | 2027-02-30 |"), ("_csrf", session.csrf)],
                cookie: session.cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("第2行"))
            #expect(try await rowCount("calendar_entries", on: app) == 0)
            let good = try await client.send(
                .POST, "/admin/calendar",
                form: [
                    (
                        "schedule",
                        "2027 | 元旦 | 2027-01-01..2027-01-03 |\n2027 | 春节 | 2027-02-06..2027-02-12 | 2027-02-14"
                    ), ("_csrf", session.csrf),
                ],
                cookie: session.cookie)
            #expect(good.status == .seeOther)
            let calendar = try await CalendarStore.calendar(on: app.db)
            #expect(!calendar.isWorkingDay(LocalDate(iso: "2027-02-08")!))
            #expect(calendar.isWorkingDay(LocalDate(iso: "2027-02-14")!))
            #expect(calendar.knownYears.contains(2027))
        }
    }

    @Test func configurationNamesEveryBadVariable() throws {
        #expect(throws: AppConfiguration.InvalidEnvironment.self) {
            try AppConfiguration.fromEnvironment(["DATABASE_URL": "mysql://x", "JIEYOU_BCRYPT_COST": "99"])
        }
        do {
            _ = try AppConfiguration.fromEnvironment(["DATABASE_URL": "mysql://x", "JIEYOU_BCRYPT_COST": "99"])
        } catch let error as AppConfiguration.InvalidEnvironment {
            #expect(error.problems.count == 2)
        }
        #expect(try AppConfiguration.fromEnvironment([:]).database == .sqliteFile(path: "./data/jieyou.sqlite"))
        #expect(
            try AppConfiguration.fromEnvironment(["DATABASE_URL": "sqlite:/tmp/x.sqlite"]).database
                == .sqliteFile(path: "/tmp/x.sqlite"))
        #expect(
            try AppConfiguration.fromEnvironment(["DATABASE_URL": "postgres://u:p@localhost:5432/jy"]).database
                == .postgres(url: "postgres://u:p@localhost:5432/jy"))
    }

    @Test func serveArgumentsDropTheDemoFlag() {
        var args = ["jieyou", "serve", "--demo", "--port", "9000"]
        let options = Entrypoint.LaunchOptions.extract(from: &args)
        #expect(options.isServe && options.loadDemo)
        #expect(args == ["jieyou", "serve", "--port", "9000"])
        var migrate = ["jieyou", "migrate"]
        #expect(!Entrypoint.LaunchOptions.extract(from: &migrate).isServe)
    }
}

@Suite struct ChinaTimeTests {
    @Test func formatsInChinaStandardTime() {
        // 2024-09-30T16:30:05Z is 2024-10-01 00:30:05 in Beijing.
        let instant = Date(timeIntervalSince1970: 1_727_713_805)
        #expect(ChinaTime.dateTime(instant) == "2024-10-01 00:30:05")
        #expect(ChinaTime.hourMinute(instant) == "00:30")
    }
}
