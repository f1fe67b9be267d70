import Fluent
import Foundation
import JieyouDomain
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// 批量开通账号: a park opens its cadres' accounts from a sheet, all or nothing, each with a one-time
/// password that must be changed at the first sign-in, on the web and through the API.
@Suite struct AccountImportTests {
    static let sheet = """
        人员名单
        序号,姓名,手机号,角色,所属部门,联系企业,邮箱
        1,王驻企,13811112222,联点干部,,临湘浮标科技有限公司,wang@example.gov.cn
        2,李经办,13833334444,责任单位经办人,经济发展局,,
        3,赵企业,13855556666,企业联系人,,91440300708461136T,
        """

    static func users(_ app: Application) async throws -> Int {
        try await app.db.sql.raw("SELECT COUNT(*) AS n FROM users").first()!.decode(column: "n", as: Int.self)
    }

    @Test func anAdminOpensAccountsAndEachMustChooseItsPassword() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let response = try await client.upload(
                "/api/v1/users/import", token: admin, fileName: "人员名单.csv", data: Data(Self.sheet.utf8))
            #expect(response.status == .ok, "\(response.body.string)")
            let report = try response.content.decode(AccountImportReport.self)
            #expect(report.created == 3)
            #expect(report.accounts.map(\.username) == ["13811112222", "13833334444", "13855556666"])
            #expect(report.accounts.map(\.roles) == [["联点干部"], ["责任单位经办人"], ["企业联系人"]])
            for account in report.accounts {
                #expect(ContactRules.passwordProblem(account.password, username: account.username) == nil)
            }
            #expect(response.headers.first(name: .cacheControl) == "no-store")

            // The cadre is stationed at the enterprise; the contact belongs to it; the handler has its bureau.
            let cadre = report.accounts[0]
            let liaison = try await app.db.sql.raw(
                """
                SELECT COUNT(*) AS n FROM enterprise_liaisons l JOIN users u ON u.id = l.user_id
                WHERE u.username = \(bind: cadre.username) AND l.kind = 'cadre' AND l.enterprise_id = \(bind: world.enterprise!)
                """
            ).first()!.decode(column: "n", as: Int.self)
            #expect(liaison == 1)
            let stored = try await UserModel.query(on: app.db).filter(\.$username == "13833334444").first()
            #expect(stored?.$department.id == world.linxiangEconomy)
            #expect(stored?.mustChangePassword == true)
            let contact = try await UserModel.query(on: app.db).filter(\.$username == "13855556666").first()
            #expect(contact?.$enterprise.id == world.enterprise)

            // Through the API: only the password change, me and logout until it is changed.
            let login = try await client.send(
                .POST, "/api/v1/auth/login", json: ["username": cadre.username, "password": cadre.password])
            #expect(try login.content.get(Bool.self, at: "mustChangePassword") == true)
            let token = try login.content.get(String.self, at: "token")
            let held = try await client.send(.GET, "/api/v1/problems", token: token)
            #expect(held.status == .forbidden)
            #expect(try held.content.get(String.self, at: "error", "code") == "passwordChangeRequired")
            #expect(try await client.send(.GET, "/api/v1/me", token: token).status == .ok)
            let weak = try await client.send(
                .POST, "/api/v1/auth/password", token: token,
                json: ["currentPassword": cadre.password, "newPassword": "short"])
            #expect(weak.status == .badRequest)
            let changed = try await client.send(
                .POST, "/api/v1/auth/password", token: token,
                json: ["currentPassword": cadre.password, "newPassword": "Wangzhuqi2026"])
            #expect(changed.status == .noContent, "\(changed.body.string)")
            #expect(try await client.send(.GET, "/api/v1/problems", token: token).status == .ok)

            // On the web: every page leads to the password page until it is changed, then home.
            let handler = report.accounts[1]
            let page = try await client.send(.GET, "/login")
            let csrf = String(try #require(page.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1))
            let loginCookie = try #require(page.headers.setCookie?[LoginWeb.loginCSRFCookie]?.string)
            let signedIn = try await client.send(
                .POST, "/login",
                form: [("username", handler.username), ("password", handler.password), ("_csrf", csrf)],
                cookie: "\(LoginWeb.loginCSRFCookie)=\(loginCookie)")
            let session = try #require(signedIn.headers.setCookie?[WebSessionMiddleware.cookieName]?.string)
            let cookie = "\(WebSessionMiddleware.cookieName)=\(session)"
            for path in ["/", "/problems", "/admin/users"] {
                let held = try await client.send(.GET, path, cookie: cookie)
                #expect(held.status == .seeOther, "\(path)")
                #expect(held.headers.first(name: .location) == "/account/password?done=firstPassword", "\(path)")
            }
            let form = try await client.send(.GET, "/account/password?done=firstPassword", cookie: cookie)
            #expect(form.body.string.contains("首次登录，请先把初始密码改为您自己的密码"))
            let formCSRF = String(try #require(form.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1))
            let saved = try await client.send(
                .POST, "/account/password",
                form: [
                    ("currentPassword", handler.password), ("newPassword", "Lijingban2026"),
                    ("confirmPassword", "Lijingban2026"), ("_csrf", formCSRF),
                ], cookie: cookie)
            #expect(saved.headers.first(name: .location) == "/?done=passwordChanged")
            #expect(try await client.send(.GET, "/problems", cookie: cookie).status == .ok)

            // Each account's creation is in the event log, marked as imported.
            let events = try await EventModel.query(on: app.db).filter(\.$action == "create")
                .filter(\.$entityType == "user").all()
            #expect(events.filter { $0.changes.contains("账号导入") }.count == 3)
        }
    }

    @Test func aBadSheetOpensNothingAndNamesEveryCell() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let before = try await Self.users(app)
            let sheet = """
                姓名,用户名,手机号,角色,所属部门,联系企业,所属单位
                甲,lx_admin,13800000001,联点干部,,,
                乙,yi01,13800000002,责任单位经办人,,,
                丙,bing01,13800000003,联点干部,,没有这家企业,
                丁,ding01,1380000,管理者,,,
                戊,yi01,13800000005,联点干部,,,
                己,ji01,13800000006,联点干部,,,平江高新区
                庚,geng01,13800000007,上级专班,,,
                """
            let response = try await client.upload(
                "/api/v1/users/import", token: admin, fileName: "人员名单.csv", data: Data(sheet.utf8))
            #expect(response.status == .unprocessableEntity, "\(response.body.string)")
            let cells = try response.content.get([SheetError].self, at: "error", "rows").map {
                "\($0.row)\($0.column ?? "")"
            }
            #expect(cells == ["2B", "3E", "4F", "5C", "5D", "6B", "7G", "8D"], "\(response.body.string)")
            #expect(response.body.string.contains("用户名“lx_admin”已被使用"))
            #expect(response.body.string.contains("责任单位经办人必须指定所属部门"))
            #expect(response.body.string.contains("单位“平江高新区”不存在或不在临湘高新区管辖范围内"))
            #expect(try await Self.users(app) == before)
        }
    }

    @Test func onlyAdminsOpenAccountsAndOnlyInTheirUnits() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let data = Data("姓名,手机号,角色\n孙,13800000009,联点干部\n".utf8)
            let dispatcher = try await client.token("lx_dispatcher")
            #expect(
                try await client.upload("/api/v1/users/import", token: dispatcher, fileName: "a.csv", data: data).status
                    == .forbidden)
            let admin = try await client.token("lx_admin")
            let elsewhere = try await client.upload(
                "/api/v1/users/import?orgUnit=\(world.pingjiangPark.uuidString)", token: admin, fileName: "a.csv",
                data: data)
            #expect(elsewhere.status == .notFound)
            // The web page takes the same sheet and shows the passwords once.
            let session = try await client.webSession("lx_admin")
            let page = try await client.send(.GET, "/admin/users/import", cookie: session.cookie)
            #expect(page.status == .ok && page.body.string.contains("下载导入模板"))
            let done = try await client.upload(
                "/admin/users/import", cookie: session.cookie, fileName: "人员名单.csv", data: data,
                fields: [("_csrf", session.csrf), ("orgUnit", world.linxiangPark.uuidString)])
            #expect(done.status == .ok, "\(done.body.string)")
            #expect(done.body.string.contains("初始密码只显示这一次"))
            #expect(done.body.string.contains("13800000009"))
            // Until its first sign-in the list says the account still has its one-time password.
            let list = try await client.send(.GET, "/admin/users?q=13800000009", cookie: session.cookie)
            #expect(list.body.string.contains("未改初始密码"))
            let template = try await client.send(.GET, "/admin/users/import/template.xlsx", cookie: session.cookie)
            #expect(template.status == .ok)
            #expect(Data(buffer: template.body).starts(with: [0x50, 0x4B]))
        }
    }
}
