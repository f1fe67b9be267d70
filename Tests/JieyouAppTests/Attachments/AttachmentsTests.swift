import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit
import Testing
import VaporTesting

@testable import JieyouApp

/// Files on problems, visits and meetings: checked by content and size before anything is stored,
/// stored once by hash, listed on the record and in its 办理过程, served only to readers of the record,
/// and every upload and download in the event log.
@Suite struct AttachmentsTests {
    let problems = ProblemsAPITests()

    /// The smallest files of each kind the checks accept: the magic numbers with a little content.
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + Data("JFIF 现场照片".utf8)
    static let pdf = Data("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".utf8)
    /// An ELF program, as a renamed executable arrives.
    static let program = Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]) + Data(repeating: 0, count: 64)

    static func docx() throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("attach-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: url) }
        try DocxWriter.write(DocxDocument(documentTitle: "会议纪要", blocks: [.paragraph("座谈会纪要")]), to: url)
        return try Data(contentsOf: url)
    }

    static func count(_ app: Application) async throws -> Int {
        try await app.db.sql.raw("SELECT COUNT(*) AS n FROM attachments").first()!.decode(column: "n", as: Int.self)
    }

    /// The files in the attachment folder (none for a refused upload).
    static func storedFiles(_ app: Application) -> [String] {
        let folder = app.attachmentFiles.directory.path
        return (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
            !$0.hasPrefix(".") && $0.count > 3
        }
    }

    /// An assigned problem of 临湘高新区 (lead: 经发局, lx_handler's department).
    func assignedProblem(_ app: Application, _ world: World, _ client: Client) async throws -> String {
        let dispatcher = try await client.token("lx_dispatcher")
        let id = try await problems.assigned(
            client, dispatcher, enterprise: world.enterprise, lead: world.linxiangEconomy)
        return id
    }

    @Test func aHandlerAttachesTheResolutionMaterialAndReadersOfTheProblemOpenIt() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let id = try await assignedProblem(app, world, client)

            // On the web: the handler's page offers the form; the upload lands in 附件 and 办理过程.
            let handler = try await client.webSession("lx_handler")
            let page = try await client.send(.GET, "/problems/\(id)", cookie: handler.cookie)
            #expect(page.body.string.contains("data-testid=\"attach-form\""))
            let posted = try await client.upload(
                "/problems/\(id)/files", cookie: handler.cookie, fileName: "C:\\扫描\\办结报告.pdf", data: Self.pdf,
                fields: [("_csrf", handler.csrf), ("purpose", "resolution")], fileField: "files[]")
            #expect(posted.status == .seeOther, "\(posted.body.string)")
            let shown = try await client.send(.GET, "/problems/\(id)", cookie: handler.cookie).body.string
            #expect(shown.contains("附件（1）"))
            #expect(shown.contains("上传附件 <a href=\"/files/"))
            #expect(shown.contains("办结报告.pdf</a>（办结材料）"))

            // Through the API: the dispatcher lists it and opens the same bytes.
            let dispatcher = try await client.token("lx_dispatcher")
            let list = try await client.send(.GET, "/api/v1/problems/\(id)/attachments", token: dispatcher)
            #expect(list.status == .ok)
            let attachment = try list.content.get(String.self, at: "items", "0", "id")
            #expect(try list.content.get(String.self, at: "items", "0", "purposeName") == "办结材料")
            let file = try await client.send(.GET, "/api/v1/attachments/\(attachment)", token: dispatcher)
            #expect(file.status == .ok)
            #expect(Data(buffer: file.body) == Self.pdf)
            #expect(file.headers.contentType?.subType == "pdf")
            #expect(file.headers.first(name: .contentDisposition)?.contains("inline") == true)
            #expect(file.headers.first(name: .cacheControl)?.contains("no-store") == true)

            // The enterprise whose problem it is reads it too; the upper level reads but may not add.
            let enterprise = try await client.token("lx_enterprise")
            #expect(try await client.send(.GET, "/api/v1/attachments/\(attachment)", token: enterprise).status == .ok)
            let upper = try await client.token("yy_upper")
            #expect(try await client.send(.GET, "/api/v1/attachments/\(attachment)", token: upper).status == .ok)
            let refused = try await client.upload(
                "/api/v1/problems/\(id)/attachments", token: upper, fileName: "a.pdf", data: Self.pdf)
            #expect(refused.status == .forbidden)
            // …and its page of the problem lists the file without the upload form.
            let upperPage = try await client.send(
                .GET, "/problems/\(id)", cookie: try await client.webSession("yy_upper").cookie
            ).body.string
            #expect(upperPage.contains("办结报告.pdf") && !upperPage.contains("data-testid=\"attach-form\""))

            // Every upload and download is in the event log.
            let events = try await app.db.sql.raw(
                "SELECT entity_type, action FROM events WHERE action IN ('attach', 'download') ORDER BY sequence"
            ).all().map {
                "\(try $0.decode(column: "entity_type", as: String.self)).\(try $0.decode(column: "action", as: String.self))"
            }
            #expect(events == ["problem.attach", "attachment.download", "attachment.download", "attachment.download"])
            #expect(try await Self.count(app) == 1)
        }
    }

    @Test func anotherParksUserFindsNothing() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let id = try await assignedProblem(app, world, client)
            let handler = try await client.token("lx_handler")
            let stored = try await client.upload(
                "/api/v1/problems/\(id)/attachments", token: handler, fileName: "进展.pdf", data: Self.pdf,
                fields: [("purpose", "progress")])
            #expect(stored.status == .created, "\(stored.body.string)")
            let attachment = try stored.content.get(String.self, at: "items", "0", "id")

            for user in ["pj_admin", "pj_cadre"] {
                let token = try await client.token(user)
                #expect(
                    try await client.send(.GET, "/api/v1/attachments/\(attachment)", token: token).status == .notFound)
                #expect(
                    try await client.send(.GET, "/api/v1/problems/\(id)/attachments", token: token).status == .notFound)
                let upload = try await client.upload(
                    "/api/v1/problems/\(id)/attachments", token: token, fileName: "x.pdf", data: Self.pdf)
                #expect(upload.status == .notFound)
            }
            let web = try await client.webSession("pj_admin")
            #expect(try await client.send(.GET, "/files/\(attachment)", cookie: web.cookie).status == .notFound)
            #expect(try await Self.count(app) == 1)
        }
    }

    @Test func aRenamedProgramAndAnOversizedFileAreRefusedAndNothingIsStored() async throws {
        try await withApp(configure: { $0.attachmentMaxMegabytes = 1 }) { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let id = try await assignedProblem(app, world, client)
            let handler = try await client.token("lx_handler")

            let program = try await client.upload(
                "/api/v1/problems/\(id)/attachments", token: handler, fileName: "办结材料.pdf", data: Self.program)
            #expect(program.status == .badRequest)
            #expect(program.body.string.contains("“办结材料.pdf”不是可接收的文件"))
            #expect(try program.content.get(String.self, at: "error", "field") == "file")

            // A ZIP that is no office file (a zipped program) is refused as well.
            var zip = Data([0x50, 0x4B, 0x03, 0x04])
            zip.append(Data(repeating: 0, count: 40))
            let zipped = try await client.upload(
                "/api/v1/problems/\(id)/attachments", token: handler, fileName: "材料.docx", data: zip)
            #expect(zipped.status == .badRequest)

            let big = Self.jpeg + Data(repeating: 0x20, count: 1_200_000)
            let oversized = try await client.upload(
                "/api/v1/problems/\(id)/attachments", token: handler, fileName: "现场.jpg", data: big)
            #expect(oversized.status == .badRequest)
            #expect(oversized.body.string.contains("超过 1 MB"))

            // On the web the refusal comes back on the problem's page, beside the file box.
            let web = try await client.webSession("lx_handler")
            let page = try await client.upload(
                "/problems/\(id)/files", cookie: web.cookie, fileName: "setup.exe", data: Self.program,
                fields: [("_csrf", web.csrf), ("purpose", "progress")], fileField: "files[]")
            #expect(page.status == .badRequest)
            #expect(page.body.string.contains("id=\"attach-file-error\""))

            // An unknown purpose names the field.
            let purpose = try await client.upload(
                "/api/v1/problems/\(id)/attachments", token: handler, fileName: "a.pdf", data: Self.pdf,
                fields: [("purpose", "photo")])
            #expect(purpose.status == .badRequest)
            #expect(try purpose.content.get(String.self, at: "error", "field") == "purpose")

            #expect(try await Self.count(app) == 0)
            #expect(Self.storedFiles(app).isEmpty)
        }
    }

    @Test func theSameBytesAreStoredOnceAndOfficeFilesAreKnownByTheirParts() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let id = try await assignedProblem(app, world, client)
            let handler = try await client.token("lx_handler")
            let docx = try Self.docx()
            for name in ["纪要.docx", "纪要（副本）.pdf"] {
                let response = try await client.upload(
                    "/api/v1/problems/\(id)/attachments", token: handler, fileName: name, data: docx)
                #expect(response.status == .created, "\(response.body.string)")
            }
            let list = try await client.send(.GET, "/api/v1/problems/\(id)/attachments", token: handler)
            // A .docx sent as .pdf is offered under the extension its content has.
            #expect(try list.content.get(String.self, at: "items", "1", "fileName") == "纪要（副本）.docx")
            #expect(try list.content.get(String.self, at: "items", "1", "mediaType") == AttachmentType.docx.mediaType)
            #expect(try await Self.count(app) == 2)
            #expect(Self.storedFiles(app).count == 1)
        }
    }

    @Test func aCadreTakesPhotosAtTheVisitAndTheEnterprisePageShowsThem() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let cadre = try await client.webSession("lx_cadre")
            let saved = try await client.upload(
                "/visits", cookie: cadre.cookie, fileName: "IMG_0001.JPG", data: Self.jpeg,
                fields: [
                    ("_csrf", cadre.csrf), ("enterpriseId", world.enterprise.uuidString), ("visitedOn", "2026-11-02"),
                    ("purposes[]", "problemFinding"), ("notes", "车间扩建进展顺利"),
                ], fileField: "files[]")
            #expect(saved.status == .seeOther, "\(saved.body.string)")
            let page = try await client.send(.GET, "/enterprises/\(world.enterprise.uuidString)", cookie: cadre.cookie)
            #expect(page.body.string.contains("IMG_0001.jpg"))
            #expect(page.body.string.contains("现场照片"))

            // A refused photo saves no visit.
            let visits = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM visits").first()!.decode(
                column: "n", as: Int.self)
            let refused = try await client.upload(
                "/visits", cookie: cadre.cookie, fileName: "photo.jpg", data: Self.program,
                fields: [
                    ("_csrf", cadre.csrf), ("enterpriseId", world.enterprise.uuidString), ("visitedOn", "2026-11-03"),
                    ("purposes[]", "problemFinding"),
                ], fileField: "files[]")
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("不是可接收的文件"))
            #expect(
                try await app.db.sql.raw("SELECT COUNT(*) AS n FROM visits").first()!.decode(column: "n", as: Int.self)
                    == visits)
            #expect(try await Self.count(app) == 1)

            // Another park's cadre cannot open the photo.
            let attachment = try await app.db.sql.raw("SELECT id FROM attachments").first()!.decode(
                column: "id", as: UUID.self)
            let other = try await client.token("pj_cadre")
            #expect(try await client.send(.GET, "/api/v1/attachments/\(attachment)", token: other).status == .notFound)
        }
    }

    @Test func aMeetingsSignInSheetIsAddedByTheParkAndReadOnlyByIt() async throws {
        try await withApp { app in
            let world = try await World.build(on: app)
            let client = Client(app: app)
            let dispatcher = try await client.token("lx_dispatcher")
            let meeting = try await client.send(
                .POST, "/api/v1/meetings", token: dispatcher,
                json: [
                    "kind": "symposium", "title": "重点企业座谈会", "heldOn": "2026-11-02",
                    "enterpriseIds": [world.enterprise.uuidString],
                ])
            #expect(meeting.status == .created, "\(meeting.body.string)")
            let id = try meeting.content.get(String.self, at: "summary", "id")
            let web = try await client.webSession("lx_dispatcher")
            let posted = try await client.upload(
                "/meetings/\(id)/files", cookie: web.cookie, fileName: "签到表.docx", data: try Self.docx(),
                fields: [("_csrf", web.csrf), ("purpose", "attendance")], fileField: "files[]")
            #expect(posted.status == .seeOther, "\(posted.body.string)")
            let page = try await client.send(.GET, "/meetings/\(id)", cookie: web.cookie).body.string
            #expect(page.contains("签到表.docx"))
            let other = try await client.token("pj_admin")
            #expect(
                try await client.send(.GET, "/api/v1/meetings/\(id)/attachments", token: other).status == .notFound)
            // The enterprise reads no meeting files: meetings are staff records.
            let enterprise = try await client.token("lx_enterprise")
            let attachment = try await app.db.sql.raw("SELECT id FROM attachments").first()!.decode(
                column: "id", as: UUID.self)
            let opened = try await client.send(.GET, "/api/v1/attachments/\(attachment)", token: enterprise)
            #expect(opened.status == .notFound)
        }
    }
}
