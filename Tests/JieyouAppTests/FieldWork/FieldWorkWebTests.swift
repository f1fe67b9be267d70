import Fluent
import Foundation
import Testing
import VaporTesting

@testable import JieyouApp

@Suite struct FieldWorkWebTests {
    @Test func cadreRecordsAVisitWithAProblemAndSeesBothOnTheEnterprisePage() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_cadre")
            let enterprise = world.enterprise.uuidString.lowercased()
            let form = try await client.send(.GET, "/visits/new?enterprise=\(enterprise)", cookie: session.cookie)
            #expect(form.status == .ok)
            #expect(form.body.string.contains("临湘浮标科技有限公司"))
            let saved = try await client.send(
                .POST, "/visits",
                form: [
                    ("_csrf", session.csrf), ("enterpriseId", enterprise), ("visitedOn", ""),
                    ("purposes[]", "problemFinding"), ("purposes[]", "policyBriefing"),
                    ("problems", "厂区门口道路破损，货车进出困难\n\n"), ("suggestions", "建议增设公交站"),
                    ("notes", "生产正常"),
                ], cookie: session.cookie)
            #expect(saved.status == .seeOther)
            let page = try await client.send(.GET, "/enterprises/\(enterprise)", cookie: session.cookie)
            #expect(page.body.string.contains("厂区门口道路破损，货车进出困难"))
            #expect(page.body.string.contains("建议增设公交站"))
            #expect(page.body.string.contains("问题查找、政策宣讲") || page.body.string.contains("政策宣讲、问题查找"))
            #expect(try await rowCount("findings", on: app) == 2)
            #expect(try await rowCount("visit_cadres", on: app) == 1)
        }
    }

    @Test func badVisitIsRefusedWithTheFieldNamedAndNothingWritten() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_cadre")
            let response = try await client.send(
                .POST, "/visits",
                form: [
                    ("_csrf", session.csrf), ("enterpriseId", world.enterprise.uuidString), ("visitedOn", "2099-01-01"),
                ], cookie: session.cookie)
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("走访日期不能晚于今天"))
            #expect(response.body.string.contains("请至少选择一项走访目的"))
            #expect(try await rowCount("visits", on: app) == 0)
            let other = try await client.send(
                .POST, "/visits",
                form: [
                    ("_csrf", session.csrf), ("enterpriseId", world.pingjiangEnterprise.uuidString),
                    ("purposes[]", "survey"),
                ], cookie: session.cookie)
            #expect(other.status == .notFound)
            #expect(try await rowCount("visits", on: app) == 0)
        }
    }

    @Test func visitsAPIRecordsAndScopes() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let cadre = try await client.token("lx_cadre")
            let created = try await client.send(
                .POST, "/api/v1/visits", token: cadre,
                json: [
                    "enterpriseId": world.enterprise.uuidString, "purposes": ["survey"],
                    "findings": [["kind": "problem", "text": "用工缺口约30人"]],
                ])
            #expect(created.status == .created, "\(created.body.string)")
            let list = try await client.send(
                .GET, "/api/v1/visits?enterprise=\(world.enterprise.uuidString)", token: cadre)
            #expect(try list.list("items", key: "enterpriseName") == ["临湘浮标科技有限公司"])
            let pjCadre = try await client.token("pj_cadre")
            let hidden = try await client.send(.GET, "/api/v1/visits", token: pjCadre)
            #expect(try hidden.list("items", key: "id").isEmpty)
            let leader = try await client.token("lx_leader")
            let refused = try await client.send(
                .POST, "/api/v1/visits", token: leader,
                json: ["enterpriseId": world.enterprise.uuidString, "purposes": ["survey"]])
            #expect(refused.status == .forbidden)
        }
    }

    @Test func importPageTakesAnUploadWithItsCSRFTokenAndShowsEveryError() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_admin")
            var rows = EnterpriseImportTests.goodRows(3)
            rows[2][4] = "大型"
            let bad = try await client.upload(
                "/enterprises/import", cookie: session.cookie, fileName: "名单.xlsx",
                data: try EnterpriseImportTests.xlsx(rows), fields: [("_csrf", session.csrf)])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("第4行 E列（企业规模）"))
            let good = try await client.upload(
                "/enterprises/import", cookie: session.cookie, fileName: "名单.xlsx",
                data: try EnterpriseImportTests.xlsx(EnterpriseImportTests.goodRows(3)),
                fields: [("_csrf", session.csrf)])
            #expect(good.status == .ok)
            #expect(good.body.string.contains("导入完成"))
            let forged = try await client.upload(
                "/enterprises/import", cookie: session.cookie, fileName: "名单.xlsx",
                data: try EnterpriseImportTests.xlsx(EnterpriseImportTests.goodRows(1, from: 10)))
            #expect(forged.status == .forbidden)
            let template = try await client.send(.GET, "/enterprises/import/template.xlsx", cookie: session.cookie)
            #expect(template.status == .ok)
            #expect(template.body.readableBytes > 1000)
        }
    }
}
