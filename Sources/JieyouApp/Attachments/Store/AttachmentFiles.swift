import Crypto
import Foundation
import Vapor

/// The attachment folder: each file's bytes under its SHA-256 (`ab/abcdef…`), written once. Two
/// uploads of the same scan share one file; a file is never changed in place, so a backup of the
/// folder is a plain copy and instances on a shared path never see half a file (each is written to a
/// temporary name and renamed).
struct AttachmentFiles: Sendable {
    let directory: URL

    /// A fresh folder under the system's temporary folder, for a database that lives only in memory.
    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(temporaryPrefix)\(UUID().uuidString)").path
    }

    private static let temporaryPrefix = "jieyou-attachments-"

    /// A folder made by `temporaryDirectory()`, which lives only as long as the application.
    var isTemporary: Bool {
        directory.deletingLastPathComponent().standardizedFileURL.path
            == FileManager.default.temporaryDirectory.standardizedFileURL.path
            && directory.lastPathComponent.hasPrefix(Self.temporaryPrefix)
    }

    /// Where `configuration` keeps attachments (see `AppConfiguration.attachmentsDirectory`).
    static func folder(for configuration: AppConfiguration) -> String {
        if let folder = configuration.attachmentsDirectory { return folder }
        switch configuration.database {
        case .sqliteFile(let path):
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("attachments").path
        case .postgres: return "./data/attachments"
        case .sqliteMemory: return temporaryDirectory()
        }
    }

    init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
    }

    static func digest(of data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    func url(of sha256: String) -> URL {
        directory.appendingPathComponent(String(sha256.prefix(2)), isDirectory: true).appendingPathComponent(sha256)
    }

    /// Stores `data` and returns its SHA-256; a file already there is kept as it is.
    func store(_ data: Data) throws -> String {
        let sha = Self.digest(of: data)
        let target = url(of: sha)
        let manager = FileManager.default
        if manager.fileExists(atPath: target.path) { return sha }
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let partial = target.deletingLastPathComponent().appendingPathComponent(".\(sha).\(UUID().uuidString)")
        try data.write(to: partial)
        do {
            try manager.moveItem(at: partial, to: target)
        } catch {
            // Another upload of the same bytes got there first: theirs is the same file.
            try? manager.removeItem(at: partial)
            guard manager.fileExists(atPath: target.path) else { throw error }
        }
        return sha
    }
}

/// Removes a temporary attachment folder when the application stops.
struct RemoveTemporaryAttachments: LifecycleHandler {
    func shutdownAsync(_ app: Application) async {
        try? FileManager.default.removeItem(at: app.attachmentFiles.directory)
    }
}

extension Application {
    private struct AttachmentFilesKey: StorageKey {
        typealias Value = AttachmentFiles
    }

    /// The attachment folder of this instance's configuration.
    var attachmentFiles: AttachmentFiles {
        get {
            if let files = storage[AttachmentFilesKey.self] { return files }
            let files = AttachmentFiles(directory: AttachmentFiles.folder(for: appConfiguration))
            storage[AttachmentFilesKey.self] = files
            return files
        }
        set { storage[AttachmentFilesKey.self] = newValue }
    }
}
