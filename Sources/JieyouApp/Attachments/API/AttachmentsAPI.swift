import Foundation
import JieyouDomain
import Vapor

/// `/api/v1/{problems,visits,meetings}/{id}/attachments`: a record's files (GET) and adding to them
/// (POST, multipart: `files[]` or `file`, and `purpose`); `/api/v1/attachments/{id}`: one file's bytes.
struct AttachmentsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        for owner in AttachmentOwner.allCases {
            let files = routes.grouped(PathComponent(stringLiteral: Self.segment(owner)), ":id", "attachments")
            files.get { req in try await list(owner, req) }
            files.on(.POST, body: .collect(maxSize: UploadedFile.maxSize)) { req in try await upload(owner, req) }
        }
        routes.get("attachments", ":id", use: AttachmentDownload.send)
    }

    static func segment(_ owner: AttachmentOwner) -> String {
        switch owner {
        case .problem: "problems"
        case .visit: "visits"
        case .meeting: "meetings"
        case .creditRecord: "credit-records"
        }
    }

    /// An attachment as the API lists it.
    struct Item: Content {
        let id: UUID
        let purpose: String
        let purposeName: String
        let fileName: String
        let mediaType: String
        let byteCount: Int64
        let sha256: String
        let uploadedBy: String?
        let createdAt: Date
        let href: String

        init(_ record: AttachmentRecord) {
            id = record.id
            purpose = record.purpose
            purposeName = record.purposeName
            fileName = record.fileName
            mediaType = record.mediaType
            byteCount = record.byteCount
            sha256 = record.sha256
            uploadedBy = record.uploaderName
            createdAt = record.createdAt
            href = "/api/v1/attachments/\(record.id.uuidString.lowercased())"
        }
    }

    struct List: Content {
        let items: [Item]
    }

    func list(_ owner: AttachmentOwner, _ req: Request) async throws -> List {
        let id = try req.idParameter(owner.chineseName)
        return List(items: try await req.attachmentDesk().list(owner, id).map(Item.init))
    }

    func upload(_ owner: AttachmentOwner, _ req: Request) async throws -> Response {
        let id = try req.idParameter(owner.chineseName)
        let (files, purpose) = try req.sentFiles()
        let stored = try await req.attachmentDesk().upload(files, to: owner, id, purpose: purpose)
        return try await List(items: stored.map(Item.init)).encodeResponse(status: .created, for: req)
    }
}
