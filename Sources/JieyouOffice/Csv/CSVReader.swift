import Foundation

/// Reads comma-separated text as Excel and WPS write it (RFC 4180: quoted fields may hold commas,
/// line breaks and doubled quotes; lines end in CRLF or LF), in UTF-8 or GB18030.
public struct CSVReader {
    public let encoding: TextEncoding
    private let text: String

    /// Fails with `CSVError.unknownEncoding` when the bytes are neither UTF-8 nor GB18030 text.
    public init(data: Data) throws {
        guard let (text, encoding) = TextEncoding.decode(data) else { throw CSVError.unknownEncoding }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) { throw CSVError.unknownEncoding }
        self.text = text
        self.encoding = encoding
    }

    /// Calls `body` with each record's 1-based line number (where the record starts) and its fields.
    public func forEachRow(_ body: (Int, [String]) throws -> Void) throws {
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var afterQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            afterQuote = false
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        afterQuote = true
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r" {
                    let next = iterator.next()
                    if next != "\n" { pending = next }
                }
                endField()
                try body(recordLine, fields)
                fields = []
                line += 1
                recordLine = line
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
            default:
                field.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty || afterQuote {
            endField()
            try body(recordLine, fields)
        }
    }
}

public enum CSVError: Error, Equatable, CustomStringConvertible {
    case unknownEncoding

    public var description: String {
        "无法识别文件的文字编码：CSV 文件应为 UTF-8 或 GB18030（GBK）编码"
    }
}
