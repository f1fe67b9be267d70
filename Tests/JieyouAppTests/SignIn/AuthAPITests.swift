import Fluent
import Foundation
import Testing
import VaporTesting

@testable import JieyouApp

@Suite struct AuthAPITests {
    @Test func loginReturnsATokenThatOpensMe() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let me = try await client.send(.GET, "/api/v1/me", token: token)
            #expect(me.status == .ok)
            #expect(try me.content.get(String.self, at: "user", "username") == "lx_admin")
            #expect(try me.content.get(String.self, at: "orgUnit", "name") == "临湘高新区")
            #expect(try me.content.get([String].self, at: "capabilities").contains("manageOrganisation"))
            #expect(!me.body.string.contains("password"))
        }
    }

    @Test func wrongPasswordIsAChineseError() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let response = try await Client(app: app).send(
                .POST, "/api/v1/auth/login", json: ["username": "lx_admin", "password": "wrong-pass1"])
            #expect(response.status == .unauthorized)
            #expect(response.apiError?.code == "invalidCredentials")
            #expect(response.apiError?.message == "用户名或密码错误")
            let unknown = try await Client(app: app).send(
                .POST, "/api/v1/auth/login", json: ["username": "nobody", "password": "wrong-pass1"])
            #expect(unknown.apiError?.message == "用户名或密码错误")
        }
    }

    @Test func sixthAttemptIsRefusedEvenWithTheRightPassword() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            for attempt in 1...5 {
                let response = try await client.send(
                    .POST, "/api/v1/auth/login", json: ["username": "lx_handler", "password": "wrong\(attempt)x"])
                #expect(response.status == .unauthorized)
                #expect(response.apiError?.code == (attempt == 5 ? "locked" : "invalidCredentials"))
            }
            let sixth = try await client.send(
                .POST, "/api/v1/auth/login", json: ["username": "lx_handler", "password": World.password])
            #expect(sixth.status == .unauthorized)
            #expect(sixth.apiError?.code == "locked")
            #expect(sixth.apiError?.message.contains("锁定") == true)
            // Other accounts are unaffected; after 15 minutes the right password works again.
            _ = try await client.token("lx_admin")
            app.clock.advance(by: 15 * 60 + 1)
            _ = try await client.token("lx_handler")
        }
    }

    @Test func lockoutIsRecordedInTheEventLog() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            for attempt in 1...5 {
                _ = try await Client(app: app).send(
                    .POST, "/api/v1/auth/login", json: ["username": "lx_cadre", "password": "bad\(attempt)pass"])
            }
            let event = try await EventModel.query(on: app.db).filter(\.$action == "login.locked").first()
            #expect(event?.entityID == world.users["lx_cadre"]!.uuidString)
        }
    }

    @Test func logoutRevokesTheToken() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            #expect(try await client.send(.POST, "/api/v1/auth/logout", token: token).status == .noContent)
            let after = try await client.send(.GET, "/api/v1/me", token: token)
            #expect(after.status == .unauthorized)
            #expect(after.apiError?.code == "invalidToken")
        }
    }

    @Test func tokensAreStoredOnlyAsDigests() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let token = try await Client(app: app).token("lx_admin")
            let sessions = try await SessionModel.query(on: app.db).all()
            #expect(!sessions.isEmpty)
            #expect(sessions.allSatisfy { $0.tokenHash != token && $0.tokenHash.count == 64 })
        }
    }

    @Test func oldSessionsArePurgedAndLiveOnesKept() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let old = try await client.token("lx_admin")
            _ = try await client.send(.POST, "/api/v1/auth/logout", token: old)
            app.clock.advance(by: SessionStore.retention + 60)
            let live = try await client.token("lx_admin")
            let removed = try await SessionStore.purge(before: app.clock.now() - SessionStore.retention, on: app.db)
            #expect(removed == 1)
            #expect(try await client.send(.GET, "/api/v1/me", token: live).status == .ok)
            #expect(try await rowCount("sessions", on: app) == 1)
        }
    }

    @Test func apiIgnoresWebCookiesAndIdleTokensExpire() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let web = try await client.webSession("lx_admin")
            #expect(try await client.send(.GET, "/api/v1/me", cookie: web.cookie).status == .unauthorized)
            let token = try await client.token("lx_admin")
            app.clock.advance(by: TimeInterval(app.appConfiguration.apiTokenIdleMinutes * 60 + 1))
            #expect(try await client.send(.GET, "/api/v1/me", token: token).status == .unauthorized)
        }
    }

    @Test func malformedLoginBodyIsA400NamingTheField() async throws {
        try await withApp { app in
            let response = try await Client(app: app).send(.POST, "/api/v1/auth/login", json: ["username": "x"])
            #expect(response.status == .badRequest)
            #expect(response.apiError?.field == "password")
            let garbage = try await Client(app: app).send(.POST, "/api/v1/auth/login", rawBody: "{not json")
            #expect(garbage.status == .badRequest)
            #expect(garbage.apiError?.code == "validation")
        }
    }
}
