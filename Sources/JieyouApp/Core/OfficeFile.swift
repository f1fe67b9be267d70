import Foundation

/// An office file a use case wrote to a temporary file, with the name a reader downloads it as. The
/// download adapter (`OfficeDownload`) streams it and removes it once sent.
struct OfficeFile: Sendable {
    enum Kind: String, Sendable {
        case xlsx, docx, csv
    }

    let url: URL
    /// The name offered to the reader, extension included.
    let filename: String
    let kind: Kind

    /// Writes a new temporary file with `write` and names it `name`.`kind`; if writing fails, the
    /// partial file goes at once.
    static func write(
        _ kind: Kind, named name: String, _ write: (URL) async throws -> Void
    ) async throws -> OfficeFile {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jieyou-\(UUID().uuidString).\(kind.rawValue)")
        do {
            try await write(url)
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return OfficeFile(url: url, filename: "\(name).\(kind.rawValue)", kind: kind)
    }
}
