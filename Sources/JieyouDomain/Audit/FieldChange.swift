import Foundation

/// One field's value before and after a change, as text (nil: absent).
public struct FieldChange: Hashable, Sendable, Codable {
    public let before: String?
    public let after: String?

    public init(before: String?, after: String?) {
        self.before = before
        self.after = after
    }
}

/// The fields a change touched. Encodes to canonical JSON (sorted keys, no whitespace) so the same
/// change always hashes the same.
public struct ChangeSet: Hashable, Sendable, Codable {
    public private(set) var fields: [String: FieldChange]

    public init(_ fields: [String: FieldChange] = [:]) {
        self.fields = fields
    }

    public var isEmpty: Bool { fields.isEmpty }

    /// Records `field` when its value differs.
    public mutating func record(_ field: String, before: String?, after: String?) {
        if before != after { fields[field] = FieldChange(before: before, after: after) }
    }

    /// A creation: every field goes from absent to its value.
    public static func created(_ values: [String: String?]) -> ChangeSet {
        var set = ChangeSet()
        for (key, value) in values where value != nil { set.fields[key] = FieldChange(before: nil, after: value) }
        return set
    }

    /// `{"field":{"after":"…","before":"…"}}` with keys sorted and absent values left out: what
    /// `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` writes, built by hand because an
    /// import writes one per enterprise and the encoder was a tenth of a 200,000-row import's time.
    /// Stored records are verified against their stored text, so only determinism matters here.
    public var canonicalJSON: String {
        var out = "{"
        for (index, key) in fields.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            Self.appendQuoted(key, to: &out)
            out += ":{"
            let change = fields[key]!
            if let after = change.after {
                out += "\"after\":"
                Self.appendQuoted(after, to: &out)
            }
            if let before = change.before {
                out += change.after == nil ? "\"before\":" : ",\"before\":"
                Self.appendQuoted(before, to: &out)
            }
            out += "}"
        }
        out += "}"
        return out
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped as JSONEncoder does.
    private static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    public init(canonicalJSON text: String) throws {
        self.fields = try JSONDecoder().decode([String: FieldChange].self, from: Data(text.utf8))
    }
}
