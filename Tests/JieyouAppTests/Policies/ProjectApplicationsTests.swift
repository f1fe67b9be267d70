import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
import Testing
import VaporTesting
import ZIPFoundation

@testable import JieyouApp

/// 项目申报 through the API and the pages: who records and moves applications, the stages in order,
/// 兑现 landing in the ledger, the totals exact to the 分, and bad input named by field.
@Suite struct ProjectApplicationsTests {
    var today: LocalDate { LocalDate(Date(), in: .chinaStandard) }

    func file(
        _ client: Client, _ token: String, _ enterprise: UUID, _ name: String, _ amount: String, fund: String = "国债"
    )
        async throws -> String
    {
        let response = try await client.send(
            .POST, "/api/v1/projects", token: token,
            json: [
                "enterpriseId": enterprise.uuidString, "name": name, "fund": fund, "amountAsked": amount,
                "appliedOn": today.adding(days: -30).iso,
            ])
        #expect(response.status == .created, "\(response.body.string)")
        return try response.content.get(String.self, at: "id")
    }

    func step(_ client: Client, _ token: String, _ id: String, _ body: [String: Any]) async throws
        -> TestingHTTPResponse
    {
        try await client.send(.POST, "/api/v1/projects/\(id)/steps", token: token, json: body)
    }

    @Test func anApplicationMovesStepByStepAndItsMoneyLandsInTheLedger() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let id = try await file(client, dispatcher, world.enterprise, "废旧锂电池资源化利用项目（一期）", "3600")
            let skipped = try await step(client, dispatcher, id, ["stage": "listed"])
            #expect(skipped.status == .badRequest && skipped.apiError?.field == "stage")
            #expect(skipped.apiError?.message == "项目已申报，下一步只能是送审或未通过")
            for stage in ["reviewing", "listed"] {
                let moved = try await step(client, dispatcher, id, ["stage": stage, "on": today.adding(days: -10).iso])
                #expect(moved.status == .ok, "\(moved.body.string)")
            }
            let early = try await step(
                client, dispatcher, id, ["stage": "disbursed", "on": today.adding(days: -20).iso, "amountGranted": "1"])
            #expect(early.status == .badRequest && early.apiError?.field == "on")
            let ledgerBefore = try await rowCount("benefits", on: app)
            let paid = try await step(
                client, dispatcher, id, ["stage": "兑现", "on": today.iso, "amountGranted": "2036.5"])
            #expect(paid.status == .ok, "\(paid.body.string)")
            #expect(try paid.content.get(String.self, at: "stageName") == "已兑现")
            #expect(try paid.content.get(String.self, at: "amountGranted") == "2036.50")
            #expect(try paid.list("steps", key: "stage") == ["applied", "reviewing", "listed", "disbursed"])
            #expect(try await rowCount("benefits", on: app) == ledgerBefore + 1)
            let ledger = try await client.send(.GET, "/api/v1/benefits?from=\(today.iso)", token: dispatcher)
            #expect(try ledger.content.get(String.self, at: "totals", "sentence") == "兑现各类优惠政策2036.50万元")
            let again = try await step(client, dispatcher, id, ["stage": "rejected", "reason": "重复"])
            #expect(again.status == .badRequest && again.apiError?.message == "项目已兑现，不能再变更")

            // The enterprise reads its own application, and only through its own account.
            let enterprise = try await client.token("lx_enterprise")
            let mine = try await client.send(.GET, "/api/v1/projects", token: enterprise)
            #expect(try mine.list("items", key: "id") == [id])
            #expect(try await client.send(.GET, "/api/v1/projects/\(id)", token: enterprise).status == .ok)
            #expect(try await step(client, enterprise, id, ["stage": "rejected"]).status == .forbidden)
        }
    }

    @Test func eachRoleReadsAndMovesOnlyWhatItOwns() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let id = try await file(client, admin, world.enterprise, "智能化改造项目", "800")
            for user in ["lx_dispatcher", "lx_handler", "lx_cadre", "lx_leader", "yy_upper", "root"] {
                let token = try await client.token(user)
                #expect(try await client.send(.GET, "/api/v1/projects/\(id)", token: token).status == .ok, "\(user)")
            }
            // An id that is no id is a 404 in Chinese, like every other record's (it was Vapor's bare 422).
            let notAnID = try await client.send(.GET, "/api/v1/projects/12345", token: admin)
            #expect(notAnID.status == .notFound && notAnID.apiError?.message.contains("项目申报") == true)
            #expect(try await step(client, admin, "12345", ["stage": "reviewing"]).status == .notFound)
            for user in ["lx_cadre", "lx_leader", "lx_handler"] {
                let token = try await client.token(user)
                #expect(try await step(client, token, id, ["stage": "reviewing"]).status == .forbidden, "\(user)")
                let filed = try await client.send(
                    .POST, "/api/v1/projects", token: token,
                    json: ["enterpriseId": world.enterprise.uuidString, "name": "x", "fund": "国债", "amountAsked": "1"])
                #expect(filed.status == .forbidden, "\(user)")
            }
            let pj = try await client.token("pj_admin")
            #expect(try await client.send(.GET, "/api/v1/projects/\(id)", token: pj).status == .notFound)
            #expect(try await step(client, pj, id, ["stage": "reviewing"]).status == .notFound)
            #expect(try await client.send(.GET, "/api/v1/projects", token: pj).list("items", key: "id").isEmpty)
            #expect(
                try await client.send(.GET, "/api/v1/projects", token: try await client.token("lx_monitor")).status
                    == .forbidden)
            // A park files only for its own enterprises; nothing is written otherwise.
            let before = try await rowCount("project_applications", on: app)
            let foreign = try await client.send(
                .POST, "/api/v1/projects", token: admin,
                json: [
                    "enterpriseId": world.pingjiangEnterprise.uuidString, "name": "越界项目", "fund": "国债",
                    "amountAsked": "1",
                ])
            #expect(foreign.status == .badRequest && foreign.apiError?.field == "enterpriseId")
            let bad = try await client.send(
                .POST, "/api/v1/projects", token: admin,
                json: [
                    "enterpriseId": world.enterprise.uuidString, "name": "", "fund": "彩票", "amountAsked": "1.0000001",
                ])
            #expect(bad.status == .badRequest)
            #expect(bad.apiError?.field == "name")
            #expect(bad.body.string.contains("无法识别的资金渠道“彩票”"))
            #expect(try await rowCount("project_applications", on: app) == before)
            let badQuery = try await client.send(.GET, "/api/v1/projects?stage=完工", token: admin)
            #expect(badQuery.status == .badRequest && badQuery.apiError?.field == "stage")
        }
    }

    /// Seed 004: 26 projects asking 4.4亿元 in all; the list's totals add up to the 分 and the stage
    /// filter narrows both the list and its totals.
    @Test func totalsAddUpAndFilterByStage() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            var ids: [String] = []
            for index in 0..<26 {
                let amount = index == 0 ? "3600" : index < 25 ? "1600.16" : "1996.16"
                ids.append(try await file(client, admin, world.enterprise, "项目\(index + 1)", amount))
            }
            for id in ids.prefix(3) {
                #expect(try await step(client, admin, id, ["stage": "reviewing"]).status == .ok)
            }
            #expect(try await step(client, admin, ids[2], ["stage": "rejected", "reason": "手续不全"]).status == .ok)
            let all = try await client.send(.GET, "/api/v1/projects", token: admin)
            #expect(try all.content.get(Int.self, at: "totals", "count") == 26)
            #expect(try all.content.get(String.self, at: "totals", "amountAsked") == "44000")
            #expect(try all.content.get(Int64.self, at: "totals", "amountAskedFen") == 44_000_000_000)
            #expect(
                try all.content.get(String.self, at: "totals", "sentence") == "组织26个项目申报，申报资金需求4.4亿元；未通过1个")
            let reviewing = try await client.send(.GET, "/api/v1/projects?stage=审核中", token: admin)
            #expect(try reviewing.content.get(Int.self, at: "totals", "count") == 2)
            #expect(try reviewing.list("items", key: "id").sorted() == Array(ids.prefix(2)).sorted())

            // All 26 as a file: the workbook's 合计 is the list's, the rejection with its reason.
            let file = try await client.send(.GET, "/api/v1/projects/export", token: admin)
            #expect(file.status == .ok)
            let rows = try EnterpriseExportTests.rows(ofWorkbook: Data(buffer: file.body))
            #expect(rows.first?.prefix(3) == ["申报日期", "企业全称", "所属单位"])
            #expect(rows.count == 1 + 26 + 1)
            #expect(rows.last.map { [$0[0], $0[1], $0[6]] } == ["合计", "26个项目", "44000"])
            #expect(rows.contains { $0[3] == "项目3" && $0[8] == "未通过" && $0[13] == "手续不全" })
            let csv = try await client.send(.GET, "/api/v1/projects/export?format=csv&stage=reviewing", token: admin)
            var lines: [[String]] = []
            try CSVReader(data: Data(buffer: csv.body)).forEachRow { _, fields in lines.append(fields) }
            #expect(lines.dropFirst().map { $0[3] }.sorted() == ["项目1", "项目2"])
        }
    }

    /// The pages: a bad form names its fields and writes nothing; the project's page moves it on; the
    /// enterprise finds it under 我的政策.
    @Test func thePagesRecordAndMoveAnApplication() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_dispatcher")
            let before = try await rowCount("project_applications", on: app)
            let bad = try await client.send(
                .POST, "/projects",
                form: [
                    ("_csrf", session.csrf), ("enterprise", "不存在的企业"), ("name", "智能化改造项目"), ("fund", "ultraLongBonds"),
                    ("amountAsked", "三百"),
                ], cookie: session.cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("找不到本单位的企业“不存在的企业”"))
            #expect(try await rowCount("project_applications", on: app) == before)
            let amount = try await client.send(
                .POST, "/projects",
                form: [
                    ("_csrf", session.csrf), ("enterprise", "临湘浮标科技有限公司"), ("name", "智能化改造项目"),
                    ("fund", "ultraLongBonds"), ("amountAsked", "三百"),
                ], cookie: session.cookie)
            #expect(amount.status == .badRequest)
            #expect(amount.body.string.contains("申报资金“三百”应为大于0的数"))
            let saved = try await client.send(
                .POST, "/projects",
                form: [
                    ("_csrf", session.csrf), ("enterprise", "临湘浮标科技有限公司"), ("name", "智能化改造项目"),
                    ("fund", "ultraLongBonds"), ("amountAsked", "300.5"), ("appliedOn", today.iso),
                ], cookie: session.cookie)
            #expect(saved.status == .seeOther, "\(saved.body.string)")
            let location = try #require(saved.headers.first(name: .location)).components(separatedBy: "?")[0]
            let page = try await client.send(.GET, location, cookie: session.cookie)
            #expect(page.body.string.contains("300.50万元") && page.body.string.contains("送审"))
            let noReason = try await client.send(
                .POST, location + "/steps", form: [("_csrf", session.csrf), ("stage", "rejected"), ("on", today.iso)],
                cookie: session.cookie)
            #expect(noReason.status == .badRequest && noReason.body.string.contains("未通过原因不能为空"))
            let moved = try await client.send(
                .POST, location + "/steps", form: [("_csrf", session.csrf), ("stage", "reviewing"), ("on", today.iso)],
                cookie: session.cookie)
            #expect(moved.status == .seeOther)
            let list = try await client.send(.GET, "/projects", cookie: session.cookie)
            #expect(list.body.string.contains("组织1个项目申报，申报资金需求0.03亿元"))
            // The filters and the entry form both have a 资金渠道; each element id is used once.
            #expect(list.body.string.components(separatedBy: "id=\"fund\"").count == 2)
            #expect(list.body.string.components(separatedBy: "id=\"filter-fund\"").count == 2)
            let forged = try await client.send(
                .POST, location + "/steps", form: [("stage", "listed"), ("on", today.iso)], cookie: session.cookie)
            #expect(forged.status == .forbidden, "a form without its CSRF token")

            let enterprise = try await client.webSession("lx_enterprise")
            let mine = try await client.send(.GET, "/my/policies", cookie: enterprise.cookie)
            #expect(mine.body.string.contains("智能化改造项目") && mine.body.string.contains("审核中"))
            #expect(try await client.send(.GET, "/projects", cookie: enterprise.cookie).status == .seeOther)
        }
    }

    /// 政策汇编: the checked policies, in the order checked, bound into a .docx; none checked means the
    /// list as filtered; another park's policy is not found.
    @Test func aCompilationBindsTheSelectedPolicies() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            var ids: [String] = []
            for (title, column) in [("设备更新补贴", "两重两新"), ("人才公寓补贴", "人才"), ("贷款贴息", "两重两新")] {
                let created = try await client.send(
                    .POST, "/api/v1/policies", token: admin,
                    json: [
                        "title": title, "issuer": "临湘高新区管委会", "level": "park", "themes": ["两新"],
                        "benefitKind": "subsidy",
                        "columns": [column], "summary": "\(title)的要点", "sourceText": "第一条 \(title)。\n第二条 附则。",
                    ])
                #expect(created.status == .created, "\(created.body.string)")
                ids.append(try created.content.get(String.self, at: "id"))
            }
            func text(_ query: String) async throws -> (HTTPStatus, String) {
                let response = try await client.send(.GET, "/api/v1/policies/compilation.docx?\(query)", token: admin)
                guard response.status == .ok else { return (response.status, response.body.string) }
                let url = FileManager.default.temporaryDirectory.appendingPathComponent("c-\(UUID().uuidString).docx")
                defer { try? FileManager.default.removeItem(at: url) }
                try Data(buffer: response.body).write(to: url)
                let archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
                var data = Data()
                _ = try archive.extract(try #require(archive["word/document.xml"])) { data.append($0) }
                return (response.status, String(decoding: data, as: UTF8.self))
            }
            let (_, picked) = try await text("ids[]=\(ids[2])&ids[]=\(ids[0])")
            #expect(picked.contains("惠企政策汇编") && picked.contains("一、贷款贴息") && picked.contains("二、设备更新补贴"))
            #expect(!picked.contains("人才公寓补贴") && picked.contains("第二条 附则。"))
            let (_, column) = try await text("column=两重两新")
            #expect(column.contains("“两重两新”政策汇编") && column.contains("贷款贴息") && !column.contains("人才公寓补贴"))
            let (badStatus, badBody) = try await text("ids[]=not-an-id")
            #expect(badStatus == .badRequest && badBody.contains("第1项政策编号“not-an-id”格式不正确"))
            let pj = try await client.token("pj_admin")
            let foreign = try await client.send(
                .GET, "/api/v1/policies/compilation.docx?ids[]=\(ids[0])", token: pj)
            #expect(foreign.status == .notFound)
            let enterprise = try await client.token("lx_enterprise")
            #expect(
                try await client.send(.GET, "/api/v1/policies/compilation.docx", token: enterprise).status == .forbidden
            )
        }
    }
}
