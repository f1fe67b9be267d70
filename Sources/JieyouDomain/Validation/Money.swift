/// Amounts of money. Sheets and forms speak 万元; the database keeps whole 元 so sums are exact.
public enum Money {
    /// Parses an amount in 万元 (`5500`, `1.25`, `18,700`) into 元. Nil when it is not a non-negative
    /// number with at most four decimals (1 元 is 0.0001 万元).
    public static func yuan(fromWan text: String) -> Int64? {
        let cleaned = text.filter { $0 != "," && $0 != "，" && !$0.isWhitespace }
        guard !cleaned.isEmpty else { return nil }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCII),
            whole.allSatisfy(\.isNumber), whole.count <= 10
        else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 4, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if parts.count == 2 && fraction.isEmpty { return nil }
        fraction += String(repeating: "0", count: 4 - fraction.count)
        return Int64(whole)! * 10_000 + Int64(fraction)!
    }

    /// 元 as 万元 for display: `5500`, `1.25`, never trailing zeros.
    public static func wan(_ yuan: Int64) -> String {
        let whole = yuan / 10_000
        var fraction = String(yuan % 10_000)
        if fraction == "0" { return String(whole) }
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }

    /// 元 as 亿元 with up to two decimals, as bulletins write large totals (`18.7亿元`).
    public static func yi(_ yuan: Int64) -> String {
        let hundredths = (yuan + 500_000) / 1_000_000
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
