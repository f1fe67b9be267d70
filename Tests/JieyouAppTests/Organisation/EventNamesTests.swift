import Foundation
import JieyouDomain
import Testing

@testable import JieyouApp

/// Every record kind and action code the application writes to the event log has a Chinese name:
/// the source is read for each `log.record("kind", id: …, "action", …)`, so a new code without a
/// name fails here rather than showing as code on a page.
@Suite struct EventNamesTests {
    static var sources: URL {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("Sources/JieyouApp")
    }

    static func writtenCodes() throws -> [(entity: String, action: String, file: String)] {
        var found: [(String, String, String)] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /\.record\(\s*"(\w+)",\s*id:[^,]*,\s*([^,]*),/) {
                for action in String(match.2).matches(of: /"([\w.]+)"/) {
                    found.append((String(match.1), String(action.1), url.lastPathComponent))
                }
            }
        }
        return found
    }

    @Test func everyCodeWrittenHasAChineseName() throws {
        let codes = try Self.writtenCodes()
        #expect(codes.count > 40, "the scan finds the log's call sites")
        for (entity, action, file) in codes {
            #expect(EventVocabulary.entityName(entity) != "记录", "\(file): kind \(entity) has no name")
            #expect(
                EventVocabulary.actionName(action, of: entity) != "其他操作", "\(file): \(entity) \(action) has no name")
        }
    }
}
