import Foundation
import JieyouOffice
import Vapor

/// Sends a finished office file from its temporary file and removes the file once it is sent.
enum OfficeDownload {
    static let xlsx = HTTPMediaType(
        type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    static let docx = HTTPMediaType(
        type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")

    static let csv = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])

    /// Streams the file a use case wrote.
    static func stream(_ file: OfficeFile, _ req: Request) async throws -> Response {
        let type =
            switch file.kind {
            case .xlsx: xlsx
            case .docx: docx
            case .csv: csv
            }
        return try await stream(file.url, filename: file.filename, mediaType: type, req)
    }

    static func stream(_ url: URL, filename: String, mediaType: HTTPMediaType = xlsx, _ req: Request) async throws
        -> Response
    {
        let response = try await req.fileio.asyncStreamFile(at: url.path, mediaType: mediaType) { _ in
            try? FileManager.default.removeItem(at: url)
        }
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Writes `document` to a temporary file and streams it as `filename`.docx; the file goes once sent,
    /// or at once if writing fails.
    static func docx(_ document: DocxDocument, filename: String, _ req: Request) async throws -> Response {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).docx")
        do {
            try DocxWriter.write(document, to: url, created: req.now)
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return try await stream(url, filename: "\(filename).docx", mediaType: docx, req)
    }
}

extension Request {
    /// `masthead=true` (or 1, on): the official document carries the 红头.
    func wantsMasthead() throws -> Bool { try queryFlag("masthead") ?? false }
}
