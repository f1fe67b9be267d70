import Foundation
import Testing
import VaporTesting

@testable import JieyouApp

@Suite struct WebTests {
    @Test func signInShowsTheMenuOfTheRole() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            // The groups in the first row; the 设置 entries in the second row of a page of that group.
            let expectations: [(String, [String], [String], [String])] = [
                ("lx_admin", ["问题", "企业与走访", "政策", "设置"], ["组织机构", "部门", "用户", "工作日历", "操作日志", "修改密码"], ["通讯录"]),
                ("lx_dispatcher", ["问题", "统计与通报", "设置"], ["通讯录", "修改密码"], ["用户", "组织机构", "操作日志"]),
                ("lx_enterprise", ["问题", "政策", "设置"], ["修改密码"], ["通讯录", "用户", "组织机构"]),
                ("yy_upper", ["问题", "统计与通报"], ["通讯录"], ["用户"]),
            ]
            for (user, groups, present, absent) in expectations {
                let session = try await client.webSession(user)
                let home = try await client.send(.GET, "/", cookie: session.cookie)
                let top = try #require(home.body.string.firstMatch(of: /<ul data-testid="menu">(.*?)<\/ul>/)?.1)
                for group in groups { #expect(top.contains(">\(group)<"), "\(user) should see the group \(group)") }
                #expect(!home.body.string.contains("data-testid=\"submenu\""), "the home page belongs to no group")
                let page = try await client.send(.GET, "/account/password", cookie: session.cookie)
                let entries = try #require(
                    page.body.string.firstMatch(
                        of: /<ul class="submenu" data-testid="submenu" aria-label="设置">(.*?)<\/ul>/)?.1)
                for item in present { #expect(entries.contains(">\(item)<"), "\(user) should see \(item)") }
                for item in absent { #expect(!entries.contains(">\(item)<"), "\(user) should not see \(item)") }
            }
        }
    }

    @Test func adminPagesAreForbiddenToOtherRoles() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_dispatcher")
            for path in ["/admin/users", "/admin/org-units", "/admin/departments", "/admin/events", "/admin/calendar"] {
                let response = try await client.send(.GET, path, cookie: session.cookie)
                #expect(response.status == .forbidden, "\(path)")
                #expect(response.body.string.contains("无权"))
            }
            let enterprise = try await client.webSession("lx_enterprise")
            #expect(try await client.send(.GET, "/directory", cookie: enterprise.cookie).status == .forbidden)
        }
    }

    @Test func anonymousVisitorsAreSentToTheLoginPage() async throws {
        try await withApp { app in
            let response = try await Client(app: app).send(.GET, "/admin/users")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/login?next=/admin/users")
        }
    }

    @Test func wrongPasswordShowsTheChineseError() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let page = try await client.send(.GET, "/login")
            let csrf = String(try #require(page.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1))
            let cookie = try #require(page.headers.setCookie?[LoginWeb.loginCSRFCookie]?.string)
            let response = try await client.send(
                .POST, "/login", form: [("username", "lx_admin"), ("password", "nope12345"), ("_csrf", csrf)],
                cookie: "\(LoginWeb.loginCSRFCookie)=\(cookie)")
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("用户名或密码错误"))
            #expect(response.headers.setCookie?[WebSessionMiddleware.cookieName] == nil)
        }
    }

    @Test func loginWithoutItsCSRFCookieIsRefused() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let response = try await Client(app: app).send(
                .POST, "/login", form: [("username", "lx_admin"), ("password", World.password), ("_csrf", "forged")])
            #expect(response.status == .forbidden)
            #expect(response.headers.setCookie?[WebSessionMiddleware.cookieName] == nil)
        }
    }

    @Test func formsWithoutTheSessionTokenAreRefused() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_admin")
            let before = try await rowCount("departments", on: app)
            let forged = try await client.send(
                .POST, "/admin/departments",
                form: [("orgUnitId", world.linxiangPark.uuidString), ("name", "伪造局"), ("kind", "bureau")],
                cookie: session.cookie)
            #expect(forged.status == .forbidden)
            #expect(try await rowCount("departments", on: app) == before)
            let real = try await client.send(
                .POST, "/admin/departments",
                form: [
                    ("orgUnitId", world.linxiangPark.uuidString), ("name", "真实局"), ("kind", "bureau"),
                    ("_csrf", session.csrf),
                ],
                cookie: session.cookie)
            #expect(real.status == .seeOther)
            #expect(try await rowCount("departments", on: app) == before + 1)
        }
    }

    @Test func formErrorsAreShownBesideTheirFields() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_admin")
            let response = try await client.send(
                .POST, "/admin/users",
                form: [
                    ("username", "x"), ("displayName", ""), ("password", "abc"), ("roles[]", "handler"),
                    ("orgUnitId", world.linxiangPark.uuidString), ("_csrf", session.csrf),
                ],
                cookie: session.cookie)
            #expect(response.status == .badRequest)
            let body = response.body.string
            #expect(body.contains("id=\"username-error\""))
            #expect(body.contains("姓名不能为空"))
            #expect(body.contains("密码至少8位"))
            #expect(body.contains("责任单位经办人必须指定所属部门"))
        }
    }

    @Test func idleSessionsExpire() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_admin")
            app.clock.advance(by: 29 * 60)
            #expect(try await client.send(.GET, "/", cookie: session.cookie).status == .ok)
            app.clock.advance(by: 31 * 60)
            let expired = try await client.send(.GET, "/", cookie: session.cookie)
            #expect(expired.status == .seeOther)
            #expect(expired.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test func logoutEndsTheSession() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_cadre")
            let out = try await client.send(.POST, "/logout", form: [("_csrf", session.csrf)], cookie: session.cookie)
            #expect(out.status == .seeOther)
            #expect(try await client.send(.GET, "/", cookie: session.cookie).status == .seeOther)
        }
    }

    @Test func changingThePasswordKeepsThisSessionAndEndsTheOthers() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let here = try await client.webSession("lx_cadre")
            let elsewhere = try await client.webSession("lx_cadre")
            let wrong = try await client.send(
                .POST, "/account/password",
                form: [
                    ("currentPassword", "bad"), ("newPassword", "NewPass2025"), ("confirmPassword", "NewPass2025"),
                    ("_csrf", here.csrf),
                ],
                cookie: here.cookie)
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.string.contains("当前密码不正确"))
            let ok = try await client.send(
                .POST, "/account/password",
                form: [
                    ("currentPassword", World.password), ("newPassword", "NewPass2025"),
                    ("confirmPassword", "NewPass2025"), ("_csrf", here.csrf),
                ],
                cookie: here.cookie)
            #expect(ok.status == .seeOther)
            #expect(try await client.send(.GET, "/", cookie: here.cookie).status == .ok)
            #expect(try await client.send(.GET, "/", cookie: elsewhere.cookie).status == .seeOther)
            _ = try await client.token("lx_cadre", password: "NewPass2025")
        }
    }

    @Test func pagesCarrySecurityHeadersAndNoInlineScript() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_admin")
            for path in [
                "/login", "/", "/admin/users", "/admin/org-units", "/admin/departments", "/admin/events",
                "/admin/calendar", "/nope",
            ] {
                let response = try await client.send(.GET, path, cookie: path == "/login" ? nil : session.cookie)
                let csp = response.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("frame-ancestors 'none'"), "\(path)")
                #expect(!csp.contains("unsafe-inline"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
                #expect(!response.body.string.contains("<script>"))
                #expect(!response.body.string.contains("style=\""))
            }
            let missing = try await client.send(.GET, "/nope", cookie: session.cookie)
            #expect(missing.status == .notFound)
            #expect(missing.body.string.contains("找不到页面"))
        }
    }

    @Test func userTextIsEscapedInPages() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            _ = try await client.send(
                .POST, "/api/v1/departments", token: token,
                json: [
                    "orgUnitId": world.linxiangPark.uuidString, "name": "<script>alert(1)</script>局", "kind": "bureau",
                ])
            let session = try await client.webSession("lx_admin")
            let page = try await client.send(.GET, "/admin/departments", cookie: session.cookie)
            #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;局"))
            #expect(!page.body.string.contains("<script>alert(1)"))
        }
    }

    @Test func adminPagesListOnlyTheirScope() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let session = try await client.webSession("lx_admin")
            let users = try await client.send(.GET, "/admin/users", cookie: session.cookie).body.string
            #expect(users.contains("lx_cadre"))
            #expect(!users.contains("pj_admin"))
            let foreign = try await client.send(
                .GET, "/admin/users/\(world.users["pj_admin"]!.uuidString)", cookie: session.cookie)
            #expect(foreign.status == .notFound)
            let foreignDept = try await client.send(
                .GET, "/admin/departments/\(world.pingjiangEconomy.uuidString)", cookie: session.cookie)
            #expect(foreignDept.status == .notFound)
            let units = try await client.send(.GET, "/admin/org-units", cookie: session.cookie).body.string
            #expect(units.contains("临湘高新区"))
            #expect(!units.contains("平江高新区"))
        }
    }
}

@Suite struct WebScopeTests {
    @Test func formsCannotChangeAnotherParksRecords() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.webSession("lx_admin")
            let eventsBefore = try await rowCount("events", on: app)
            let attempts: [(String, [(String, String)])] = [
                (
                    "/admin/departments/\(world.pingjiangEconomy.uuidString)",
                    [
                        ("orgUnitId", world.pingjiangPark.uuidString), ("name", "改名"), ("kind", "bureau"),
                        ("active", "true"),
                    ]
                ),
                (
                    "/admin/users/\(world.users["pj_admin"]!.uuidString)",
                    [("displayName", "改名"), ("roles[]", "admin"), ("orgUnitId", world.pingjiangPark.uuidString)]
                ),
                (
                    "/admin/org-units/\(world.pingjiangPark.uuidString)",
                    [("parentId", world.pingjiang.uuidString), ("level", "park"), ("name", "改名")]
                ),
                // Moving its own department into another park is refused too.
                (
                    "/admin/departments/\(world.linxiangEconomy.uuidString)",
                    [("orgUnitId", world.pingjiangPark.uuidString), ("name", "经济发展局"), ("kind", "bureau")]
                ),
            ]
            for (path, form) in attempts {
                let response = try await client.send(
                    .POST, path, form: form + [("_csrf", admin.csrf)], cookie: admin.cookie)
                #expect(response.status == .notFound, "\(path)")
            }
            #expect(try await rowCount("events", on: app) == eventsBefore)
            let pingjiang = try #require(try await DepartmentModel.find(world.pingjiangEconomy, on: app.db))
            #expect(pingjiang.name == "经济发展局")
        }
    }

    @Test func nonAdminsCannotPostAdminForms() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            for user in ["lx_dispatcher", "lx_handler", "lx_leader", "yy_upper", "lx_enterprise"] {
                let session = try await client.webSession(user)
                let response = try await client.send(
                    .POST, "/admin/departments",
                    form: [
                        ("orgUnitId", world.linxiangPark.uuidString), ("name", "越权局"), ("kind", "bureau"),
                        ("_csrf", session.csrf),
                    ],
                    cookie: session.cookie)
                #expect(response.status == .forbidden, "\(user)")
                let calendar = try await client.send(
                    .POST, "/admin/calendar",
                    form: [("schedule", "2027 | 元旦 | 2027-01-01 |"), ("_csrf", session.csrf)],
                    cookie: session.cookie)
                #expect(calendar.status == .forbidden, "\(user)")
            }
            #expect(try await rowCount("calendar_entries", on: app) == 0)
        }
    }
}
