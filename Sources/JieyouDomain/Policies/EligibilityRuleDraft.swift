import Foundation

/// A rule as it arrives, before it is checked: the JSON of the API, or what the editor's rows make.
/// Every key is optional and unknown keys are remembered, so the parser can name what is wrong instead
/// of the decoder failing with a generic message.
public final class EligibilityRuleDraft: Codable, Sendable {
    public let all: [EligibilityRuleDraft]?
    public let any: [EligibilityRuleDraft]?
    public let not: EligibilityRuleDraft?
    public let field: String?
    public let op: String?
    public let values: [EligibilityRuleValue]?
    /// Keys other than the six above, by name.
    public let unknownKeys: [String]

    public init(
        all: [EligibilityRuleDraft]? = nil, any: [EligibilityRuleDraft]? = nil, not: EligibilityRuleDraft? = nil,
        field: String? = nil, op: String? = nil, values: [String]? = nil
    ) {
        self.all = all
        self.any = any
        self.not = not
        self.field = field
        self.op = op
        self.values = values?.map(EligibilityRuleValue.init)
        unknownKeys = []
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private static let knownKeys: Set<String> = ["all", "any", "not", "field", "op", "values"]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        all = try c.decodeIfPresent([EligibilityRuleDraft].self, forKey: Key("all"))
        any = try c.decodeIfPresent([EligibilityRuleDraft].self, forKey: Key("any"))
        not = try c.decodeIfPresent(EligibilityRuleDraft.self, forKey: Key("not"))
        field = try c.decodeIfPresent(String.self, forKey: Key("field"))
        op = try c.decodeIfPresent(String.self, forKey: Key("op"))
        values = try c.decodeIfPresent([EligibilityRuleValue].self, forKey: Key("values"))
        unknownKeys = c.allKeys.map(\.stringValue).filter { !Self.knownKeys.contains($0) }.sorted()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encodeIfPresent(all, forKey: Key("all"))
        try c.encodeIfPresent(any, forKey: Key("any"))
        try c.encodeIfPresent(not, forKey: Key("not"))
        try c.encodeIfPresent(field, forKey: Key("field"))
        try c.encodeIfPresent(op, forKey: Key("op"))
        try c.encodeIfPresent(values, forKey: Key("values"))
    }
}

/// One value of a condition: JSON may send `"2000"`, `2000`, `2000.5` or `true`; all are read as text.
public struct EligibilityRuleValue: Codable, Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let text = try? c.decode(String.self) {
            self.text = text
        } else if let bool = try? c.decode(Bool.self) {
            text = bool ? "true" : "false"
        } else if let int = try? c.decode(Int64.self) {
            text = String(int)
        } else if let double = try? c.decode(Double.self) {
            text = String(double)
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "a value is text, a number or true/false")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

extension EligibilityRule {
    /// The rule as JSON-shaped data, values as people and integrators write them back (codes, 万元).
    public var draft: EligibilityRuleDraft {
        switch self {
        case .all(let rules): EligibilityRuleDraft(all: rules.map(\.draft))
        case .any(let rules): EligibilityRuleDraft(any: rules.map(\.draft))
        case .not(let rule): EligibilityRuleDraft(not: rule.draft)
        case .condition(let c):
            EligibilityRuleDraft(
                field: c.field.rawValue, op: c.op.rawValue,
                values: c.field == .revenue ? c.values.map { Amount(fen: Int64($0) ?? 0).wan } : c.values)
        }
    }

    /// Compact JSON, as stored.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(draft)) ?? Data("{\"all\":[]}".utf8), as: UTF8.self)
    }
}
