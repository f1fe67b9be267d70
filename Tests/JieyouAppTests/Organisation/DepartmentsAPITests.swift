import Fluent
import Foundation
import Testing
import VaporTesting

@testable import JieyouApp

@Suite struct DepartmentsAPITests {
    @Test func parkAdminCreatesAndEditsItsDepartments() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let created = try await client.send(
                .POST, "/api/v1/departments", token: token,
                json: [
                    "orgUnitId": world.linxiangPark.uuidString, "name": "行政审批服务局", "kind": "bureau",
                    "phone": "0730-3721234",
                ])
            #expect(created.status == .created)
            let id = try created.content.get(String.self, at: "id")
            let patched = try await client.send(
                .PATCH, "/api/v1/departments/\(id)", token: token, json: ["active": false])
            #expect(patched.status == .ok)
            #expect(try patched.content.get(Bool.self, at: "active") == false)
            #expect(try patched.content.get(String.self, at: "name") == "行政审批服务局")
            let events = try await EventModel.query(on: app.db).filter(\.$entityID == id.uppercased()).all()
            #expect(events.map(\.action) == ["create", "update"])
        }
    }

    @Test func otherParksDepartmentsAreInvisible() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let path = "/api/v1/departments/\(world.pingjiangEconomy.uuidString)"
            #expect(try await client.send(.GET, path, token: token).status == .notFound)
            #expect(try await client.send(.PATCH, path, token: token, json: ["name": "改"]).status == .notFound)
            let list = try await client.send(.GET, "/api/v1/departments", token: token)
            let ids = try list.content.decode([API.DepartmentDTO].self).map(\.id)
            #expect(!ids.contains(world.pingjiangEconomy))
            #expect(ids.contains(world.linxiangEconomy))
            let create = try await client.send(
                .POST, "/api/v1/departments", token: token,
                json: ["orgUnitId": world.pingjiangPark.uuidString, "name": "侵入局", "kind": "bureau"])
            #expect(create.status == .notFound)
            // Moving its own department into another park is refused the same way.
            let move = try await client.send(
                .PATCH, "/api/v1/departments/\(world.linxiangEconomy.uuidString)", token: token,
                json: ["orgUnitId": world.pingjiangPark.uuidString])
            #expect(move.status == .notFound)
        }
    }

    @Test func upperLevelReadsTheWholeSubtreeButCannotWrite() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("yy_upper")
            let list = try await client.send(.GET, "/api/v1/departments", token: token)
            #expect(try list.content.decode([API.DepartmentDTO].self).count == 3)
            let patch = try await client.send(
                .PATCH, "/api/v1/departments/\(world.linxiangEconomy.uuidString)", token: token, json: ["name": "改"])
            #expect(patch.status == .forbidden)
        }
    }

    @Test func invalidDepartmentsNameTheField() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let before = try await rowCount("departments", on: app)
            let badKind = try await client.send(
                .POST, "/api/v1/departments", token: token,
                json: ["orgUnitId": world.linxiangPark.uuidString, "name": "某局", "kind": "ministry"])
            #expect(badKind.status == .badRequest)
            #expect(badKind.apiError?.field == "kind")
            #expect(badKind.apiError?.message == "部门类型无效")
            let badPhone = try await client.send(
                .POST, "/api/v1/departments", token: token,
                json: ["orgUnitId": world.linxiangPark.uuidString, "name": "某局", "kind": "bureau", "phone": "abc"])
            #expect(badPhone.apiError?.field == "phone")
            let wrongType = try await client.send(
                .POST, "/api/v1/departments", token: token,
                json: ["orgUnitId": world.linxiangPark.uuidString, "name": 42, "kind": "bureau"])
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.apiError?.field == "name")
            let duplicate = try await client.send(
                .POST, "/api/v1/departments", token: token,
                json: ["orgUnitId": world.linxiangPark.uuidString, "name": "经济发展局", "kind": "bureau"])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.apiError?.field == "name")
            #expect(try await rowCount("departments", on: app) == before)
        }
    }
}
