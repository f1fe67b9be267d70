import Foundation
import Vapor

/// An uploaded file (field `file` of a multipart form), written to a temporary file so readers can
/// stream it. The size limit is the one place upload routes and the CSRF check take it from.
struct UploadedFile {
    static let maxSize: ByteCount = "64mb"
    let url: URL

    struct Body: Content {
        var file: File?
    }

    init(_ req: Request) throws {
        guard req.headers.contentType?.type == "multipart" else {
            throw AppError.invalid("file", "请以 multipart/form-data 上传文件（字段名 file）")
        }
        let body = try req.content.decode(Body.self)
        guard let file = body.file, file.data.readableBytes > 0 else {
            throw AppError.invalid("file", "请选择要导入的 Excel（.xlsx）或 CSV 文件")
        }
        url = FileManager.default.temporaryDirectory.appendingPathComponent("jieyou-upload-\(UUID().uuidString)")
        try Data(buffer: file.data).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
