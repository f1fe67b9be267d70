import Foundation

/// Writes comma-separated text that Excel, WPS and scripts all read: UTF-8 with a byte-order mark
/// (without it Excel on a Chinese Windows reads the file as GBK), RFC 4180 quoting, CRLF line ends.
/// Rows are buffered and flushed in 64 KB blocks, so a file of any length is written in flat memory.
/// A cell that starts with `=`, `+`, `-` or `@` gets a leading apostrophe, so that a name cannot become
/// a formula in a spreadsheet (CSV injection).
public final class CSVWriter {
    private let handle: FileHandle
    private var buffer = Data()
    private static let flushAt = 64 * 1024

    public init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: Data([0xEF, 0xBB, 0xBF])) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
    }

    public func addRow(_ fields: [String]) throws {
        buffer.append(contentsOf: fields.map(Self.field).joined(separator: ",").utf8)
        buffer.append(contentsOf: [0x0D, 0x0A])
        if buffer.count >= Self.flushAt { try flush() }
    }

    public func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
