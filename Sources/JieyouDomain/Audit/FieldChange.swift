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

    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a dictionary of optional strings cannot fail.
        let data = (try? encoder.encode(fields)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    public init(canonicalJSON text: String) throws {
        self.fields = try JSONDecoder().decode([String: FieldChange].self, from: Data(text.utf8))
    }
}
