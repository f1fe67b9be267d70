import Foundation

/// A rejected input: which field, and why, in Chinese for the person who typed it.
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The API field name (lowerCamelCase), e.g. `parentId`.
    public let field: String
    /// The Chinese message shown to people, naming the field by its label.
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// Every problem found in one input, so a form can show all of them at once.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    public let errors: [FieldError]

    public init(_ errors: [FieldError]) {
        precondition(!errors.isEmpty, "a validation failure names at least one field")
        self.errors = errors
    }

    public var first: FieldError { errors[0] }
    public var description: String { errors.map(\.description).joined(separator: "; ") }
}

/// Collects field errors while a value is checked, then throws them together.
public struct Validator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func fail(_ field: String, _ message: String) {
        errors.append(FieldError(field: field, message: message))
    }

    public mutating func check(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
        if !condition { fail(field, message()) }
    }

    /// A trimmed, non-empty text of at most `maxLength` characters; nil (and an error) otherwise.
    public mutating func requiredText(_ value: String?, field: String, label: String, maxLength: Int = 100) -> String? {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            fail(field, "\(label)不能为空")
            return nil
        }
        if trimmed.count > maxLength {
            fail(field, "\(label)不能超过\(maxLength)个字")
            return nil
        }
        return trimmed
    }

    /// A trimmed optional text; empty becomes nil.
    public mutating func optionalText(_ value: String?, field: String, label: String, maxLength: Int = 200) -> String? {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        if trimmed.count > maxLength {
            fail(field, "\(label)不能超过\(maxLength)个字")
            return nil
        }
        return trimmed
    }

    public func throwIfFailed() throws {
        if !errors.isEmpty { throw ValidationFailure(errors) }
    }
}
