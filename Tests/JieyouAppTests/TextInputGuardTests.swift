import Foundation
import NIOCore
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// Text with NUL or another control character, and bodies that do not parse, are refused with a 400
/// naming the field on every way in (JSON, forms, multipart, queries, sheets), on both databases, and
/// nothing is written.
@Suite struct TextInputGuardTests {
    private func departmentCount(_ app: Application) async throws -> Int {
        try await app.db.sql.raw("SELECT COUNT(*) AS n FROM departments").first()!.decode(column: "n", as: Int.self)
    }

    @Test func controlCharactersInJSONAreRefusedNamingTheField() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let before = try await departmentCount(app)
            // JSONSerialization writes U+0000 as the escape \u0000, as the probe sent it.
            for (text, code) in [
                ("abc\u{0}def部门", "U+0000"), ("响铃\u{7}", "U+0007"), ("\u{1B}[31m红", "U+001B"), ("下\u{85}行", "U+0085"),
            ] {
                let response = try await client.send(
                    .POST, "/api/v1/departments", token: admin,
                    json: ["orgUnitId": world.linxiangPark.uuidString, "name": text, "kind": "bureau"])
                #expect(response.status == .badRequest, "\(text.debugDescription)")
                #expect(try response.content.get(String.self, at: "error", "field") == "name")
                #expect(
                    try response.content.get(String.self, at: "error", "message") == "“name”含有不可见的控制字符（\(code)），请删除后重试")
            }
            // Raw escapes a client may write itself: \b and \f are controls too.
            let raw = try await client.send(
                .POST, "/api/v1/departments", token: admin,
                rawBody: #"{"orgUnitId":"\#(world.linxiangPark.uuidString)","name":"退格\b","kind":"bureau"}"#)
            #expect(raw.status == .badRequest)
            #expect(try await departmentCount(app) == before)

            // A nested field is named by its path; tab, newline and CR are text and kept as sent.
            let dispatcher = try await client.token("lx_dispatcher")
            let nested = try await client.send(
                .POST, "/api/v1/problems", token: dispatcher,
                json: ["enterpriseId": world.enterprise.uuidString, "description": "道路\u{0}破损", "source": "visit"])
            #expect(nested.status == .badRequest)
            #expect(try nested.content.get(String.self, at: "error", "field") == "description")
            let text = "厂区外道路破损\t货车进出困难\r\n已反映两次"
            let created = try await client.send(
                .POST, "/api/v1/problems", token: dispatcher,
                json: ["enterpriseId": world.enterprise.uuidString, "description": text, "source": "visit"])
            #expect(created.status == .created, "\(created.body.string)")
            let id = try created.content.get(String.self, at: "id")
            let read = try await client.send(.GET, "/api/v1/problems/\(id)", token: dispatcher)
            #expect(try read.content.get(String.self, at: "description") == text)

            // A property the route does not read is ignored, control characters and all: a client's
            // extra key cannot fail a good request (schemathesis found it refused). One it reads is not.
            let extra = try await client.send(
                .POST, "/api/v1/departments", token: admin,
                json: [
                    "orgUnitId": world.linxiangPark.uuidString, "name": "招商局", "kind": "bureau",
                    "comment\u{84}": "备注\u{1A}",
                ])
            #expect(extra.status == .created, "\(extra.body.string)")
        }
    }

    @Test func controlCharactersInFormsQueriesAndMultipartAreRefused() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let before = try await departmentCount(app)
            let session = try await client.webSession("lx_admin")
            let form = try await client.send(
                .POST, "/admin/departments",
                form: [
                    ("orgUnitId", world.linxiangPark.uuidString), ("name", "招商\u{0}局"), ("kind", "bureau"),
                    ("_csrf", session.csrf),
                ], cookie: session.cookie)
            #expect(form.status == .badRequest)
            #expect(form.body.string.contains("“name”含有不可见的控制字符（U+0000）"))
            #expect(try await departmentCount(app) == before)

            let token = try await client.token("lx_dispatcher")
            let query = try await client.send(.GET, "/api/v1/problems?q=%E9%81%93%00", token: token)
            #expect(query.status == .badRequest)
            #expect(try query.content.get(String.self, at: "error", "field") == "q")
            #expect(try await client.send(.GET, "/api/v1/problems?q=%E9%81%93%09", token: token).status == .ok)

            let upload = try await client.upload(
                "/api/v1/enterprises/import", token: try await client.token("lx_admin"), fileName: "名单.csv",
                data: Data("统一社会信用代码,企业全称\n".utf8), fields: [("note", "备\u{7}注")])
            #expect(upload.status == .badRequest)
            #expect(try upload.content.get(String.self, at: "error", "field") == "note")
        }
    }

    /// The probe: `multipart/form-data; boundary=B` with the body `--B--`, and other broken bodies.
    @Test func malformedMultipartIsA400InChinese() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let dispatcher = try await client.token("lx_dispatcher")
            let problem = try await ProblemsAPITests().submit(client, dispatcher, enterprise: world.enterprise)
            let bodies: [(contentType: String, body: String)] = [
                ("multipart/form-data; boundary=B", "--B--\r\n"),
                ("multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data; name=\"file\"\r\n"),
                ("multipart/form-data; boundary=B", "garbage"),
                ("multipart/form-data", "--B--\r\n"),
                // A non-ASCII header name trapped inside MultipartKit and took the server down.
                ("multipart/form-data; boundary=B", "--B\r\nêþ\r\n\r\n--B--\r\n"),
            ]
            let paths = [
                ("/api/v1/enterprises/import", admin), ("/api/v1/problems/import", dispatcher),
                ("/api/v1/problems/\(problem)/attachments", dispatcher),
            ]
            for (path, token) in paths {
                for (contentType, body) in bodies {
                    let response = try await app.testing().sendRequest(
                        .POST, path,
                        headers: ["Authorization": "Bearer \(token)", "Content-Type": contentType],
                        body: ByteBuffer(string: body))
                    #expect(response.status == .badRequest, "\(path) \(body.debugDescription): \(response.body.string)")
                    #expect(
                        try response.content.get(String.self, at: "error", "message").contains("multipart/form-data"))
                }
            }
        }
    }

    @Test func controlCharactersInSheetsAreRefusedAtTheirCell() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let admin = try await client.token("lx_admin")
            let enterprises = Data(
                "统一社会信用代码,企业全称\n\(EnterpriseImportTests.code(1)),临湘市浮标\u{7}制造有限公司\n".utf8)
            let refused = try await client.upload(
                "/api/v1/enterprises/import", token: admin, fileName: "名单.csv", data: enterprises)
            #expect(refused.status == .unprocessableEntity, "\(refused.body.string)")
            #expect(try refused.list("error", "rows", key: "column") == ["B"])
            #expect(refused.body.string.contains("“企业全称”含有不可见的控制字符（U+0007）"))

            // A workbook's cells reach the same check (XlsxTests: Excel's `_x001B_` reads as U+001B).
            let dispatcher = try await client.token("lx_dispatcher")
            let problems = Data("企业全称,困难问题\n临湘市浮标制造有限公司,道路破损\u{1B}货车进出困难\n".utf8)
            let list = try await client.upload(
                "/api/v1/problems/import", token: dispatcher, fileName: "问题清单.csv", data: problems)
            #expect(list.status == .unprocessableEntity, "\(list.body.string)")
            #expect(try list.list("error", "rows", key: "column") == ["B"])
            #expect(list.body.string.contains("“困难问题”含有不可见的控制字符（U+001B）"))
            let count = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM problems").first()!
                .decode(column: "n", as: Int.self)
            #expect(count == 0)
        }
    }
}
