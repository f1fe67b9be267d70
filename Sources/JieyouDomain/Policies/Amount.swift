/// An exact amount of money in 分 (0.01 元). Policy money is written in 万元 with up to six decimals
/// (`733.14`, `0.000001`), and sums of it must come out to the 分: seed 003's quarter adds up to
/// 733.14万元 exactly, which binary floating point cannot promise. So amounts are whole 分 in an Int64
/// (enough for 9.2 × 10¹⁰ 亿元) and only ever added as integers.
public struct Amount: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let fen: Int64

    public init(fen: Int64) { self.fen = fen }

    public static let zero = Amount(fen: 0)

    /// Parses 万元 (`733.14`, `2,000`, `0.5`); nil when it is not a non-negative number with at most six
    /// decimals or when it is absurdly large (over 1,000,000 亿元).
    public init?(wan text: String) {
        guard let fen = Self.parse(text, decimals: 6) else { return nil }
        self.fen = fen
    }

    /// Parses 元 (`12,500.50`), at most two decimals.
    public init?(yuan text: String) {
        guard let fen = Self.parse(text, decimals: 2) else { return nil }
        self.fen = fen
    }

    /// `decimals` is how many decimals make one 分 in the unit of `text`: 6 for 万元, 2 for 元.
    private static func parse(_ text: String, decimals: Int) -> Int64? {
        let cleaned = text.filter { $0 != "," && $0 != "，" && !$0.isWhitespace }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard !cleaned.isEmpty, parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 12,
            whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.count <= decimals,
            fraction.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        fraction += String(repeating: "0", count: decimals - fraction.count)
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let (product, overflow) = Int64(whole)!.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        return product + (fraction.isEmpty ? 0 : Int64(fraction)!)
    }

    /// In 万元 as reports write it: whole amounts bare, others with at least two decimals and no
    /// further trailing zeros (`844`, `1120.90`, `733.14`, `0.000001`).
    public var wan: String { Self.format(fen, decimals: 6, atLeast: 2) }

    /// In 元 without trailing zeros: `7331400`, `12500.5`.
    public var yuan: String { Self.format(fen, decimals: 2) }

    /// In 亿元 rounded to two decimals (`4.4`), as bulletins write large totals.
    public var yi: String {
        let hundredths = (fen + 50_000_000) / 100_000_000
        return Self.format(hundredths, decimals: 2)
    }

    public var description: String { "\(wan)万元" }

    private static func format(_ value: Int64, decimals: Int, atLeast: Int = 0) -> String {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = String(magnitude % UInt64(scale))
        if fraction == "0" { return "\(sign)\(whole)" }
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.count > atLeast && fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(whole).\(fraction)"
    }

    public static func + (lhs: Amount, rhs: Amount) -> Amount { Amount(fen: lhs.fen + rhs.fen) }
    public static func += (lhs: inout Amount, rhs: Amount) { lhs = lhs + rhs }
    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.fen < rhs.fen }

    public init(from decoder: any Decoder) throws {
        fen = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fen)
    }
}

extension Sequence where Element == Amount {
    /// The exact sum.
    public func sum() -> Amount { reduce(.zero, +) }
}
