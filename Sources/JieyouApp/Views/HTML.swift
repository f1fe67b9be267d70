import JieyouOffice

/// A fragment of HTML. Interpolated strings are escaped; interpolated `HTML` is inserted as is. So a
/// page is built from literals and values without any way to forget escaping a user's text.
struct HTML: Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    private(set) var raw: String

    init(raw: String) { self.raw = raw }
    init(stringLiteral value: String) { raw = value }
    init(stringInterpolation: StringInterpolation) { raw = stringInterpolation.raw }

    var description: String { raw }

    static let empty = HTML(raw: "")

    struct StringInterpolation: StringInterpolationProtocol {
        var raw = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            raw.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) { raw += literal }
        mutating func appendInterpolation(_ html: HTML) { raw += html.raw }
        mutating func appendInterpolation(_ html: HTML?) { raw += html?.raw ?? "" }
        mutating func appendInterpolation(_ list: [HTML]) { for item in list { raw += item.raw } }
        mutating func appendInterpolation(_ text: String) { raw += HTML.escape(text) }
        mutating func appendInterpolation(_ text: String?) { raw += HTML.escape(text ?? "") }
        mutating func appendInterpolation(_ number: Int) { raw += String(number) }
        mutating func appendInterpolation<T: CustomStringConvertible>(describing value: T) {
            raw += HTML.escape(value.description)
        }
    }

    /// The same escaping as the office files' XML (which HTML reads the same way).
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// Joins fragments.
    static func join(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        HTML(raw: parts.map(\.raw).joined(separator: separator.raw))
    }
}
