import Fluent
import Foundation
import Testing
import VaporTesting

@testable import JieyouApp

@Suite struct EnterprisesAPITests {
    static var newEnterprise: [String: Any] {
        [
            "creditCode": "91430682MA4L0B2X5A", "name": "临湘市示例浮标制造有限公司", "industry": "制造业",
            "region": "岳阳市临湘市", "scale": "规上", "tags": ["高新技术企业", "小巨人"],
            "contacts": [["name": "张三", "post": "总经理", "phone": "13812345678"]],
        ]
    }

    @Test func adminRegistersAnEnterpriseAndFindsItBySearch() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let created = try await client.send(.POST, "/api/v1/enterprises", token: token, json: Self.newEnterprise)
            #expect(created.status == .created)
            #expect(try created.content.get(String.self, at: "industry") == "C")
            #expect(try created.content.get(String.self, at: "region") == "430682")
            #expect(try created.content.get(String.self, at: "scale") == "above")
            #expect(try created.content.get([String].self, at: "tags") == ["专精特新“小巨人”", "高新技术企业"].sorted())
            #expect(try created.content.get(String.self, at: "contacts", "0", "phone") == "13812345678")

            for q in ["浮标制造", "浮标", "91430682MA"] {
                let found = try await client.send(.GET, "/api/v1/enterprises?q=\(q.urlEncoded)", token: token)
                let names = try found.list("items", key: "name")
                #expect(names.contains("临湘市示例浮标制造有限公司"), "q=\(q)")
            }
            let none = try await client.send(.GET, "/api/v1/enterprises?q=\("不存在的名字".urlEncoded)", token: token)
            #expect(try none.content.get(Int.self, at: "total") == 0)
            // A PATCH changes only what it sends: the flag, the tags and the contacts stay.
            let id = try created.content.get(String.self, at: "id")
            _ = try await client.send(.PATCH, "/api/v1/enterprises/\(id)", token: token, json: ["whitelisted": true])
            let renamed = try await client.send(
                .PATCH, "/api/v1/enterprises/\(id)", token: token, json: ["name": "临湘市示例浮标制造股份有限公司"])
            #expect(renamed.status == .ok)
            #expect(try renamed.content.get(Bool.self, at: "whitelisted") == true)
            #expect(try renamed.content.get([String].self, at: "tags").count == 2)
            #expect(try renamed.list("contacts", key: "name") == ["张三"])
            let aboveScale = try await client.send(.GET, "/api/v1/enterprises?scale=above&industry=C", token: token)
            #expect(try aboveScale.list("items", key: "name") == ["临湘市示例浮标制造股份有限公司"])
        }
    }

    @Test func badInputNamesEveryFieldAndWritesNothing() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let before = try await rowCount("enterprises", on: app)
            let response = try await client.send(
                .POST, "/api/v1/enterprises", token: token,
                json: [
                    "creditCode": "91430682MA4L0B2X5C", "name": "", "industry": "化肥", "scale": "大型",
                    "contacts": [["name": "李四", "phone": "138-1234"]],
                ])
            #expect(response.status == .badRequest)
            let fields = try response.list("error", "details", key: "field")
            #expect(Set(fields) == ["creditCode", "name", "industry", "scale", "contacts[0].phone"])
            #expect(try await rowCount("enterprises", on: app) == before)
            let duplicate = try await client.send(
                .POST, "/api/v1/enterprises", token: token,
                json: ["creditCode": "91440300708461136T", "name": "重复企业"])
            #expect(duplicate.status == .conflict)
            #expect(try duplicate.content.get(String.self, at: "error", "field") == "creditCode")
        }
    }

    @Test func readersSeeOnlyTheirOwnScope() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            for user in ["lx_cadre", "lx_admin", "lx_leader", "lx_dispatcher"] {
                let token = try await client.token(user)
                let list = try await client.send(.GET, "/api/v1/enterprises", token: token)
                #expect(try list.list("items", key: "name") == ["临湘浮标科技有限公司"], "\(user)")
                let other = try await client.send(
                    .GET, "/api/v1/enterprises/\(world.pingjiangEnterprise.uuidString)", token: token)
                #expect(other.status == .notFound, "\(user)")
            }
            let city = try await client.token("yy_upper")
            let all = try await client.send(.GET, "/api/v1/enterprises", token: city)
            #expect(try all.content.get(Int.self, at: "total") == 2)

            let own = try await client.token("lx_enterprise")
            let mine = try await client.send(.GET, "/api/v1/enterprises", token: own)
            #expect(try mine.list("items", key: "id") == [world.enterprise.uuidString])
            let sibling = try await client.send(
                .GET, "/api/v1/enterprises/\(world.pingjiangEnterprise.uuidString)", token: own)
            #expect(sibling.status == .notFound)
            #expect(
                try await client.send(
                    .PATCH, "/api/v1/enterprises/\(world.enterprise.uuidString)", token: own, json: ["name": "改名"]
                )
                .status == .forbidden)
            for user in ["lx_handler", "lx_monitor"] {
                let token = try await client.token(user)
                #expect(try await client.send(.GET, "/api/v1/enterprises", token: token).status == .forbidden)
            }
            let cadre = try await client.token("lx_cadre")
            #expect(
                try await client.send(.POST, "/api/v1/enterprises", token: cadre, json: Self.newEnterprise).status
                    == .forbidden)
            let pjAdmin = try await client.token("pj_admin")
            let patch = try await client.send(
                .PATCH, "/api/v1/enterprises/\(world.enterprise.uuidString)", token: pjAdmin, json: ["name": "改名"])
            #expect(patch.status == .notFound)
        }
    }

    @Test func phonesAreMaskedForRolesThatDoNotCallEnterprises() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let created = try await client.send(.POST, "/api/v1/enterprises", token: admin, json: Self.newEnterprise)
            let id = try created.content.get(String.self, at: "id")
            let leader = try await client.token("lx_leader")
            let seen = try await client.send(.GET, "/api/v1/enterprises/\(id)", token: leader)
            #expect(try seen.content.get(String.self, at: "contacts", "0", "phone") == "138****5678")
            let cadre = try await client.token("lx_cadre")
            let full = try await client.send(.GET, "/api/v1/enterprises/\(id)", token: cadre)
            #expect(try full.content.get(String.self, at: "contacts", "0", "phone") == "13812345678")
        }
    }

    @Test func liaisonAcceptsOnlyPeopleOnTheEnterprisesLine() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            let path = "/api/v1/enterprises/\(world.enterprise.uuidString)/liaison"
            let good = try await client.send(
                .PUT, path, token: token,
                json: [
                    "leaderId": world.users["lx_leader"]!.uuidString,
                    "departmentId": world.linxiangEconomy.uuidString,
                    "cadreIds": [world.users["lx_cadre"]!.uuidString],
                ])
            #expect(good.status == .ok)
            #expect(try good.content.get(String.self, at: "liaison", "leader", "name") == "lx_leader")
            #expect(try good.list("liaison", "cadres", key: "name") == ["lx_cadre"])
            let cadreList = try await client.send(
                .GET, "/api/v1/enterprises?cadre=\(world.users["lx_cadre"]!.uuidString)", token: token)
            #expect(try cadreList.content.get(Int.self, at: "total") == 1)
            let bad = try await client.send(
                .PUT, path, token: token,
                json: [
                    "leaderId": world.users["lx_cadre"]!.uuidString,
                    "cadreIds": [world.users["pj_cadre"]!.uuidString],
                ])
            #expect(bad.status == .badRequest)
            #expect(Set(try bad.list("error", "details", key: "field")) == ["leaderId", "cadreIds[0]"])
        }
    }
}

extension String {
    var urlEncoded: String { addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? self }
}
