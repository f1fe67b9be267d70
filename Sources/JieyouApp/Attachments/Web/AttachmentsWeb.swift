import Foundation
import JieyouDomain
import Vapor

/// Files on the web: adding them to a problem, a visit or a meeting from its page, and opening one.
/// A refused upload comes back on the record's page with its reason beside the file box.
struct AttachmentsWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        for url in [
            SiteURL.problemAttachments(.key), .visitAttachments(.key), .meetingAttachments(.key),
            .creditAttachments(.key),
        ] {
            routes.on(.POST, url.pathComponents, body: .collect(maxSize: UploadedFile.maxSize), use: upload)
        }
        routes.get(.attachment(.key), use: AttachmentDownload.send)
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let owner = try Self.owner(of: req)
        let id = try req.idParameter(owner.chineseName)
        do {
            let (files, purpose) = try req.sentFiles()
            _ = try await req.attachmentDesk().upload(files, to: owner, id, purpose: purpose)
            return req.redirect(to: try await Self.page(of: owner, id, on: req) + "?done=attached#files")
        } catch {
            let error = try AppError.forForm(error)
            return try await Self.refused(owner, id, errors: error.fieldErrors, status: error.status, req)
        }
    }

    /// The record kind from the route's first word.
    static func owner(of req: Request) throws -> AttachmentOwner {
        switch req.url.path.split(separator: "/").first {
        case "problems": .problem
        case "visits": .visit
        case "meetings": .meeting
        case "credit": .creditRecord
        default: throw AppError.notFound("记录")
        }
    }

    /// The page a record's files are shown on: a visit's are on its enterprise's page.
    static func page(of owner: AttachmentOwner, _ id: UUID, on req: Request) async throws -> String {
        switch owner {
        case .problem: return SiteURL.problem(.value(id)).path
        case .meeting: return SiteURL.meeting(.value(id)).path
        case .creditRecord: return SiteURL.creditRecord(.value(id)).path
        case .visit:
            guard let visit = try await AttachmentStore(sql: req.db.sql).visit(id) else {
                throw AppError.notFound("走访")
            }
            return SiteURL.enterprise(.value(visit.enterpriseId)).path
        }
    }

    /// The record's page again, the upload's errors beside its file box. A visit has no page of its
    /// own: its enterprise's page shows the errors at the top.
    private static func refused(
        _ owner: AttachmentOwner, _ id: UUID, errors: [FieldError], status: HTTPResponseStatus, _ req: Request
    ) async throws -> Response {
        switch owner {
        case .problem:
            return try await ProblemsWeb.page(req, errors: [], failed: nil, attachmentErrors: errors, status: status)
        case .meeting:
            return try await MeetingsWeb.page(req, attachmentErrors: errors, status: status)
        case .creditRecord:
            return try await CreditWeb.recordPage(req, id, attachmentErrors: errors, status: status)
        case .visit:
            let message = errors.map(\.message).joined(separator: "；")
            return try await req.page(
                "上传失败",
                """
                <div class="error-summary" role="alert"><p>\(message)</p></div>
                <p><a href="\(try await page(of: owner, id, on: req))">返回企业页面</a></p>
                """, status: status)
        }
    }
}

/// Sends one file to a reader of its record: photos and PDFs open in the browser, office files
/// download; the name is the stored one, and nothing is cached on shared machines.
enum AttachmentDownload {
    @Sendable static func send(req: Request) async throws -> Response {
        let (record, url) = try await req.attachmentDesk().download(try req.idParameter("附件"))
        let parts = record.mediaType.split(separator: "/", maxSplits: 1).map(String.init)
        let response = try await req.fileio.asyncStreamFile(
            at: url.path,
            mediaType: HTTPMediaType(type: parts.first ?? "application", subType: parts.last ?? "octet-stream"))
        let inline = record.isImage || record.mediaType == AttachmentType.pdf.mediaType
        response.headers.contentDisposition = .init(inline ? .inline : .attachment, filename: record.fileName)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }
}
