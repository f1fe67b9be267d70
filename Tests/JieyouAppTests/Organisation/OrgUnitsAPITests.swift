import Foundation
import Testing
import VaporTesting

@testable import JieyouApp

@Suite struct OrgUnitsAPITests {
    @Test func cityAdminCreatesAParkUnderItsCounty() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("yy_admin")
            let response = try await client.send(
                .POST, "/api/v1/org-units", token: token,
                json: ["parentId": world.linxiang.uuidString, "level": "park", "name": "临湘工业园", "code": "LXGYY"])
            #expect(response.status == .created)
            #expect(try response.content.get(String.self, at: "path") == "湖南省 / 岳阳市 / 临湘市 / 临湘工业园")
            let list = try await client.send(.GET, "/api/v1/org-units", token: token)
            #expect(try list.content.decode([API.OrgUnitDTO].self).count == 6)
        }
    }

    @Test func parkAdminCannotReachAnotherPark() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let other = "/api/v1/org-units/\(world.pingjiangPark.uuidString)"
            #expect(try await client.send(.GET, other, token: token).status == .notFound)
            #expect(try await client.send(.PATCH, other, token: token, json: ["name": "改名"]).status == .notFound)
            let list = try await client.send(.GET, "/api/v1/org-units", token: token)
            #expect(try list.content.decode([API.OrgUnitDTO].self).map(\.name) == ["临湘高新区"])
            // Nor create a unit under another park's county, nor rename its own park.
            let create = try await client.send(
                .POST, "/api/v1/org-units", token: token,
                json: ["parentId": world.pingjiang.uuidString, "level": "park", "name": "X园区"])
            #expect(create.status == .notFound)
            let own = try await client.send(
                .PATCH, "/api/v1/org-units/\(world.linxiangPark.uuidString)", token: token, json: ["name": "改名"])
            #expect(own.status == .forbidden)
        }
    }

    @Test func badFieldsAre400AndWriteNothing() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("yy_admin")
            let unitsBefore = try await rowCount("org_units", on: app)
            let eventsBefore = try await rowCount("events", on: app)
            let cases: [([String: Any], String)] = [
                (["parentId": world.linxiang.uuidString, "level": "park", "name": "  "], "name"),
                (["parentId": world.linxiang.uuidString, "level": "village", "name": "某村"], "level"),
                (["parentId": world.linxiangPark.uuidString, "level": "park", "name": "园中园"], "level"),
                (["parentId": world.linxiang.uuidString, "level": "county", "name": "县", "code": "12"], "code"),
                (["parentId": "not-a-uuid", "level": "park", "name": "园"], "parentId"),
                (["level": "park", "name": "园"], "parentId"),
            ]
            for (body, field) in cases {
                let response = try await client.send(.POST, "/api/v1/org-units", token: token, json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.apiError?.field == field, "\(body)")
                #expect(response.apiError.map { $0.message.unicodeScalars.contains { $0.value > 0x4E00 } } == true)
            }
            #expect(try await rowCount("org_units", on: app) == unitsBefore)
            #expect(try await rowCount("events", on: app) == eventsBefore)
        }
    }

    @Test func duplicateCodeIsAConflict() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("yy_admin")
            let response = try await client.send(
                .POST, "/api/v1/org-units", token: token,
                json: ["parentId": world.city.uuidString, "level": "county", "name": "重复", "code": "430682"])
            #expect(response.status == .conflict)
            #expect(response.apiError?.field == "code")
        }
    }

    @Test func movingAUnitUnderItsOwnChildIsRefused() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("yy_admin")
            let response = try await client.send(
                .PATCH, "/api/v1/org-units/\(world.linxiang.uuidString)", token: token,
                json: ["parentId": world.linxiangPark.uuidString])
            #expect(response.status == .badRequest)
            #expect(response.apiError?.field == "parentId")
        }
    }

    @Test func nonAdminsCannotCreateUnits() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            for user in [
                "lx_dispatcher", "lx_handler", "lx_cadre", "lx_leader", "yy_upper", "lx_enterprise", "lx_monitor",
            ] {
                let token = try await client.token(user)
                let response = try await client.send(
                    .POST, "/api/v1/org-units", token: token,
                    json: ["parentId": world.linxiang.uuidString, "level": "park", "name": "非法"])
                #expect(response.status == .forbidden, "\(user)")
            }
            let enterprise = try await client.token("lx_enterprise")
            #expect(try await client.send(.GET, "/api/v1/org-units", token: enterprise).status == .forbidden)
            #expect(try await client.send(.GET, "/api/v1/departments", token: enterprise).status == .forbidden)
        }
    }

    @Test func unauthenticatedRequestsAre401() async throws {
        try await withApp { app in
            let response = try await Client(app: app).send(.GET, "/api/v1/org-units")
            #expect(response.status == .unauthorized)
            #expect(response.apiError?.message == "请先登录")
        }
    }
}
