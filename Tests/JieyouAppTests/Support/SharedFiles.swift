import Foundation

/// Files of `../shared/` (the seeds and reference data beside the repository), found from the
/// repository's root wherever the test file sits in the tree.
enum SharedFiles {
    static func url(_ path: String, from file: String = #filePath) -> URL {
        var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        while directory.path != "/"
            && !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path)
        {
            directory.deleteLastPathComponent()
        }
        return directory.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(path)
    }

    /// The text of a shared file; empty when it is missing, which the tests that read it report.
    static func text(_ path: String) -> String {
        (try? String(contentsOf: url(path), encoding: .utf8)) ?? ""
    }
}
