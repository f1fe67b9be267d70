import Foundation
import JieyouDomain
import JieyouOffice
import Testing
import VaporTesting

@testable import JieyouApp

/// The ledgers of field work, the problem ledger and the statistics as files (`LedgerFile`): each with
/// its page's filters, within the reader's reach, .xlsx with its totals or CSV for machines, the
/// same through the pages and the API; bad filters named.
@Suite struct LedgerFileTests {
    var today: LocalDate { LocalDate(Date(), in: .chinaStandard) }

    /// The records of a CSV answer, header first.
    func csv(_ response: TestingHTTPResponse) throws -> [[String]] {
        var lines: [[String]] = []
        try CSVReader(data: Data(buffer: response.body)).forEachRow { _, fields in lines.append(fields) }
        return lines
    }

    func visit(_ client: Client, _ token: String, _ enterprise: UUID, daysAgo: Int, findings: [[String: String]] = [])
        async throws
    {
        let response = try await client.send(
            .POST, "/api/v1/visits", token: token,
            json: [
                "enterpriseId": enterprise.uuidString, "visitedOn": today.adding(days: -daysAgo).iso,
                "purposes": ["survey", "problemFinding"], "notes": "了解生产经营情况", "findings": findings,
            ])
        #expect(response.status == .created, "\(response.body.string)")
    }

    @Test func fieldWorkLedgersExportWithTheirFiltersWithinTheReach() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let cadre = try await client.token("lx_cadre")
            try await visit(
                client, cadre, world.enterprise, daysAgo: 3,
                findings: [["kind": "problem", "text": "用工紧张"], ["kind": "suggestion", "text": "建议增开园区公交"]])
            try await visit(client, cadre, world.enterprise, daysAgo: 1)
            for (amount, purpose, daysAgo) in [("500", "设备更新", 6), ("85.5", "流动资金", 5)] {
                let raised = try await client.send(
                    .POST, "/api/v1/financing-demands", token: cadre,
                    json: [
                        "enterpriseId": world.enterprise.uuidString, "amount": amount, "purpose": purpose,
                        "raisedOn": today.adding(days: -daysAgo).iso,
                    ])
                #expect(raised.status == .created, "\(raised.body.string)")
            }
            let meeting = try await client.send(
                .POST, "/api/v1/meetings", token: cadre,
                json: [
                    "kind": "financing", "title": "临湘政银企对接会", "heldOn": today.iso,
                    "financings": [["enterpriseId": world.enterprise.uuidString, "bank": "建设银行", "intendedWan": 80]],
                ])
            #expect(meeting.status == .created, "\(meeting.body.string)")
            let admin = try await client.token("lx_admin")

            // 走访台账: the period's visit alone, with its cadre, purposes and findings.
            let visits = try csv(
                try await client.send(
                    .GET,
                    "/api/v1/visits/export?format=csv&from=\(today.adding(days: -3).iso)&to=\(today.adding(days: -2).iso)",
                    token: admin))
            #expect(visits.first?.prefix(3) == ["走访日期", "企业全称", "统一社会信用代码"])
            #expect(visits.count == 2)
            #expect(visits[1][0] == today.adding(days: -3).iso && visits[1][1] == "临湘浮标科技有限公司")
            #expect(visits[1][3] == "临湘高新区" && visits[1][5] == "实地调研、问题查找")
            #expect(Array(visits[1][6...9]) == ["1", "1", "用工紧张；建议增开园区公交", "了解生产经营情况"])
            // Without a period: both, oldest first; the workbook has the title above its header.
            let allVisits = try csv(try await client.send(.GET, "/api/v1/visits/export?format=csv", token: admin))
            #expect(allVisits.dropFirst().map { $0[0] } == [today.adding(days: -3).iso, today.adding(days: -1).iso])
            let workbook = try await client.send(.GET, "/api/v1/visits/export", token: admin)
            #expect(workbook.headers.contentType == OfficeDownload.xlsx)
            #expect(try EnterpriseExportTests.rows(ofWorkbook: Data(buffer: workbook.body)).count == 3)

            // 活动台账 ends with its 合计 in the workbook.
            let meetings = try EnterpriseExportTests.rows(
                ofWorkbook: Data(buffer: try await client.send(.GET, "/api/v1/meetings/export", token: admin).body))
            #expect(meetings.count == 3 && meetings[1][1] == "临湘政银企对接会" && meetings[1][2] == "政银企对接会")
            #expect(meetings[2][0] == "合计" && meetings[2][1] == "1场" && meetings[2][8] == meetings[1][8])

            // 融资诉求, all or one status: the meeting moved the older demand on to 对接中 with its bank.
            let demands = try csv(
                try await client.send(.GET, "/api/v1/financing-demands/export?format=csv", token: admin))
            #expect(
                demands.dropFirst().map { [$0[1], $0[3], $0[5], $0[6]] } == [
                    ["临湘浮标科技有限公司", "500", "对接中", "建设银行"], ["临湘浮标科技有限公司", "85.50", "待对接", ""],
                ])
            let open = try csv(
                try await client.send(.GET, "/api/v1/financing-demands/export?format=csv&status=open", token: admin))
            #expect(open.count == 2 && open[1][4] == "流动资金")

            // 走访覆盖 of the last week: the enterprise visited twice, as required.
            let coverage = try csv(
                try await client.send(
                    .GET, "/api/v1/coverage/export?format=csv&from=\(today.adding(days: -6).iso)&to=\(today.iso)",
                    token: admin))
            #expect(coverage.count == 2)
            #expect(Array(coverage[1][3...6]) == ["2", today.adding(days: -1).iso, "lx_cadre", "是"])

            // Another park's admin exports its own, empty ledgers; an enterprise account exports none.
            let pj = try await client.token("pj_admin")
            #expect(try csv(try await client.send(.GET, "/api/v1/visits/export?format=csv", token: pj)).count == 1)
            #expect(
                try csv(try await client.send(.GET, "/api/v1/financing-demands/export?format=csv", token: pj)).count
                    == 1)
            let enterprise = try await client.token("lx_enterprise")
            for path in ["visits", "meetings", "coverage"] {
                let refused = try await client.send(.GET, "/api/v1/\(path)/export", token: enterprise)
                #expect(refused.status == .forbidden, "\(path)")
            }

            // Bad filters are named and nothing is written.
            let badDay = try await client.send(.GET, "/api/v1/visits/export?from=2024-13-01", token: admin)
            #expect(badDay.status == .badRequest && badDay.apiError?.field == "from")
            let badFormat = try await client.send(.GET, "/api/v1/meetings/export?format=pdf", token: admin)
            #expect(badFormat.status == .badRequest && badFormat.apiError?.field == "format")
            let badStatus = try await client.send(.GET, "/api/v1/financing-demands/export?status=done", token: admin)
            #expect(badStatus.status == .badRequest && badStatus.apiError?.field == "status")

            // The pages: 走访台账 lists the visits with the export line; each list offers its file.
            let session = try await client.webSession("lx_dispatcher")
            let page = try await client.send(.GET, "/visits?from=\(today.adding(days: -3).iso)", cookie: session.cookie)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("data-testid=\"visits\""))
            #expect(page.body.string.contains("href=\"/visits/export?from=\(today.adding(days: -3).iso)\""))
            let refusedPage = try await client.send(.GET, "/visits?to=2024-02-30", cookie: session.cookie)
            #expect(refusedPage.status == .badRequest && refusedPage.body.string.contains("截止日期"))
            for (list, link) in [
                ("/meetings", "/meetings/export"), ("/financing", "/financing/export"),
                ("/coverage", "/coverage/export"),
            ] {
                let listed = try await client.send(.GET, list, cookie: session.cookie)
                #expect(listed.body.string.contains("href=\"\(link)"), "\(list)")
                let file = try await client.send(.GET, link + "?format=csv", cookie: session.cookie)
                #expect(file.status == .ok && file.headers.contentType?.subType == "csv", "\(link)")
            }
        }
    }

    @Test func problemLedgerAndStatisticsExportWithTheLedgersFilters() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            var ids: [String] = []
            for text in ["厂区外道路破损，货车进出困难", "希望增加园区公交班次"] {
                let response = try await client.send(
                    .POST, "/api/v1/problems", token: dispatcher,
                    json: [
                        "enterpriseId": world.enterprise.uuidString, "description": text, "source": "visit",
                        "kind": text.hasPrefix("希望") ? "suggestion" : "problem", "category": "enforcement",
                    ])
                #expect(response.status == .created, "\(response.body.string)")
                ids.append(try response.content.get(String.self, at: "id"))
            }
            for (action, body) in [
                ("accept", [:]), ("assign", ["leadDepartmentId": world.linxiangEconomy.uuidString]),
            ] {
                let done = try await client.send(
                    .POST, "/api/v1/problems/\(ids[0])/actions/\(action)", token: dispatcher, json: body)
                #expect(done.status == .ok, "\(done.body.string)")
            }

            let ledger = try csv(try await client.send(.GET, "/api/v1/problems/export?format=csv", token: dispatcher))
            #expect(ledger.first?.count == 19 && ledger.first?[6] == "问题描述")
            #expect(ledger.count == 3)
            let assigned = try #require(ledger.first { $0[6] == "厂区外道路破损，货车进出困难" })
            #expect(assigned[1] == "问题" && assigned[2] == "临湘浮标科技有限公司" && assigned[7] == "走访")
            #expect(assigned[9] == "已交办" && assigned[10] == "经济发展局" && assigned[11] == today.iso)
            #expect(!assigned[12].isEmpty && assigned[13] == "否")
            // The ledger's filters: assigned problems only.
            let filtered = try csv(
                try await client.send(.GET, "/api/v1/problems/export?format=csv&state=assigned", token: dispatcher))
            #expect(filtered.count == 2 && filtered[1][0] == assigned[0])
            let badState = try await client.send(.GET, "/api/v1/problems/export?state=lost", token: dispatcher)
            #expect(badState.status == .badRequest && badState.apiError?.field == "state")
            // Staff only; another park sees none of these.
            let enterprise = try await client.token("lx_enterprise")
            #expect(try await client.send(.GET, "/api/v1/problems/export", token: enterprise).status == .forbidden)
            let pj = try await client.token("pj_admin")
            #expect(try csv(try await client.send(.GET, "/api/v1/problems/export?format=csv", token: pj)).count == 1)

            // 统计分析 per lead department, with the scope's 合计 last.
            let stats = try EnterpriseExportTests.rows(
                ofWorkbook: Data(buffer: try await client.send(.GET, "/api/v1/stats/export", token: dispatcher).body))
            #expect(stats.first?.first == "牵头部门" && stats.first?[1] == "收集问题（件）")
            #expect(stats.last?[0] == "合计" && stats.last?[1] == "1" && stats.last?[2] == "1")
            let byCategory = try csv(
                try await client.send(.GET, "/api/v1/stats/export?format=csv&groupBy=category", token: dispatcher))
            #expect(byCategory.first?.first == "问题类别")
            let badGrouping = try await client.send(.GET, "/api/v1/stats/export?groupBy=weather", token: dispatcher)
            #expect(badGrouping.status == .badRequest && badGrouping.apiError?.field == "groupBy")
            #expect(try await client.send(.GET, "/api/v1/stats/export", token: enterprise).status == .forbidden)

            // The pages carry the links with their filters.
            let session = try await client.webSession("lx_dispatcher")
            let page = try await client.send(.GET, "/problems?state=assigned", cookie: session.cookie)
            #expect(page.body.string.contains("href=\"/problems/export?state=assigned\""))
            let statsPage = try await client.send(.GET, "/stats?groupBy=category", cookie: session.cookie)
            #expect(statsPage.body.string.contains("href=\"/stats/export?groupBy=category\""))
        }
    }
}
