import Foundation
import Testing
import VaporTesting

@testable import JieyouApp

@Suite struct UsersAPITests {
    @Test func adminCreatesAHandlerInItsDepartment() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let response = try await client.send(
                .POST, "/api/v1/users", token: token,
                json: [
                    "username": "lx_jfj", "password": "Handler2024", "displayName": "李经发", "phone": "13912345678",
                    "roles": ["handler"], "orgUnitId": world.linxiangPark.uuidString,
                    "departmentId": world.linxiangEconomy.uuidString,
                ])
            #expect(response.status == .created)
            #expect(try response.content.get([String].self, at: "roles") == ["handler"])
            #expect(!response.body.string.contains("Handler2024"))
            _ = try await client.token("lx_jfj", password: "Handler2024")
        }
    }

    @Test func accountRulesNameTheirFields() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let before = try await rowCount("users", on: app)
            let base: [String: Any] = [
                "username": "new_user", "password": "Passw0rd123", "displayName": "新用户", "roles": ["cadre"],
                "orgUnitId": world.linxiangPark.uuidString,
            ]
            func attempt(_ changes: [String: Any]) async throws -> TestingHTTPResponse {
                try await client.send(.POST, "/api/v1/users", token: token, json: base.merging(changes) { $1 })
            }
            #expect(try await attempt(["roles": ["handler"]]).apiError?.field == "departmentId")
            #expect(try await attempt(["roles": ["wizard"]]).apiError?.field == "roles")
            #expect(try await attempt(["roles": ["upper"]]).apiError?.field == "roles")
            #expect(try await attempt(["password": "short"]).apiError?.field == "password")
            #expect(try await attempt(["username": "张三"]).apiError?.field == "username")
            #expect(try await attempt(["phone": "123"]).apiError?.field == "phone")
            #expect(
                try await attempt(["departmentId": world.pingjiangEconomy.uuidString]).apiError?.field == "departmentId"
            )
            #expect(try await attempt(["roles": ["enterprise"]]).apiError?.field == "enterpriseId")
            #expect(try await attempt(["username": "lx_cadre"]).status == .conflict)
            #expect(try await attempt(["orgUnitId": world.pingjiangPark.uuidString]).status == .notFound)
            #expect(try await rowCount("users", on: app) == before)
        }
    }

    @Test func parkAdminSeesOnlyItsOwnUsers() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("pj_admin")
            let list = try await client.send(.GET, "/api/v1/users", token: token)
            let names = try list.content.get([API.UserDTO].self, at: "items").map(\.username)
            #expect(names == ["pj_admin", "pj_cadre"])
            let other = "/api/v1/users/\(world.users["lx_admin"]!.uuidString)"
            #expect(try await client.send(.GET, other, token: token).status == .notFound)
            #expect(try await client.send(.PATCH, other, token: token, json: ["active": false]).status == .notFound)
            // Non-admins do not list users at all.
            let cadre = try await client.token("lx_cadre")
            #expect(try await client.send(.GET, "/api/v1/users", token: cadre).status == .forbidden)
        }
    }

    @Test func listIsPagedWithAnOpaqueCursor() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("root")
            var seen: [String] = []
            var cursor: String?
            repeat {
                let path =
                    "/api/v1/users?limit=4"
                    + (cursor.map { "&cursor=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
                        ?? "")
                let page = try await client.send(.GET, path, token: token)
                #expect(page.status == .ok)
                seen += try page.content.get([API.UserDTO].self, at: "items").map(\.username)
                cursor = try? page.content.get(String.self, at: "nextCursor")
            } while cursor != nil
            #expect(seen.count == 12)
            #expect(seen == seen.sorted())
            let bad = try await client.send(.GET, "/api/v1/users?cursor=%%%", token: token)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func disablingAUserEndsItsSessions() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let cadre = try await client.token("lx_cadre")
            let patch = try await client.send(
                .PATCH, "/api/v1/users/\(world.users["lx_cadre"]!.uuidString)", token: admin, json: ["active": false])
            #expect(patch.status == .ok)
            #expect(try await client.send(.GET, "/api/v1/me", token: cadre).status == .unauthorized)
            let login = try await client.send(
                .POST, "/api/v1/auth/login", json: ["username": "lx_cadre", "password": World.password])
            #expect(login.apiError?.code == "disabled")
            let selfDisable = try await client.send(
                .PATCH, "/api/v1/users/\(world.users["lx_admin"]!.uuidString)", token: admin, json: ["active": false])
            #expect(selfDisable.apiError?.field == "active")
        }
    }

    @Test func patchNullUnlinksTheDepartment() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let path = "/api/v1/users/\(world.users["lx_dispatcher"]!.uuidString)"
            let response = try await client.send(.PATCH, path, token: admin, rawBody: #"{"departmentId": null}"#)
            #expect(response.status == .ok)
            #expect((try? response.content.get(String.self, at: "departmentId")) == nil)
            // A handler cannot lose its department.
            let handler = try await client.send(
                .PATCH, "/api/v1/users/\(world.users["lx_handler"]!.uuidString)", token: admin,
                rawBody: #"{"departmentId": null}"#)
            #expect(handler.apiError?.field == "departmentId")
        }
    }
}
