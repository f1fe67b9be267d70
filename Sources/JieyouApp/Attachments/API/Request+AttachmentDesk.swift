import Foundation
import JieyouDomain
import Vapor

extension Request {
    /// The signed-in reader's attachment desk.
    func attachmentDesk() async throws -> AttachmentDesk {
        AttachmentDesk(
            database: db, signedIn: try requireSignedIn(), tree: try await OrgDirectory.tree(on: db), now: now,
            calendar: try await CalendarStore.calendar(on: db), files: application.attachmentFiles,
            maxBytes: application.appConfiguration.attachmentMaxMegabytes * 1_048_576)
    }

    /// The files of a multipart body (`files[]`, several, or `file`, one) and the purpose chosen for
    /// them. A body that is not multipart carries none.
    func sentFiles() throws -> (files: [SentFile], purpose: String?) {
        guard headers.contentType?.type == "multipart" else {
            throw AppError.invalid("file", "请以 multipart/form-data 上传文件（字段名 files[] 或 file）")
        }
        let body = try content.decode(SentFilesBody.self)
        let files = (body.files ?? []) + (body.file.map { [$0] } ?? [])
        return (files.map { SentFile(name: $0.filename, data: Data(buffer: $0.data)) }, body.purpose)
    }
}

/// The part of a multipart form that carries files.
struct SentFilesBody: Content {
    var purpose: String?
    var files: [File]?
    var file: File?
}
