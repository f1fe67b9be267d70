import Foundation

/// How a target's value is to be met: 增长6%以上 is ≥, 下降至13.8%以下 is ≤, 超过5亿元 is >.
public enum TargetComparison: String, Sendable, Codable, CaseIterable {
    case atLeast
    case atMost
    case above
    case below
    case about

    public var symbol: String {
        switch self {
        case .atLeast: "≥"
        case .atMost: "≤"
        case .above: ">"
        case .below: "<"
        case .about: "≈"
        }
    }

    public var chineseName: String {
        switch self {
        case .atLeast: "不低于"
        case .atMost: "不高于"
        case .above: "超过"
        case .below: "低于"
        case .about: "左右"
        }
    }

    /// Whether `actual` meets a target of `value`. "About" allows 5 % either way.
    public func isMet(actual: Double, target value: Double) -> Bool {
        switch self {
        case .atLeast: actual >= value
        case .atMost: actual <= value
        case .above: actual > value
        case .below: actual < value
        case .about: abs(actual - value) <= abs(value) * 0.05
        }
    }
}

/// A number as a plan writes it: 6, 5.5, 13.8; never 6.0.
public enum PlanNumber {
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Parses 6, 5.5, -3 and 1,000; nil for anything else.
    public static func parse(_ text: String) -> Double? {
        let cleaned = PlanText.canonical(text).removing(",")
            .trimmingSpaces
        guard !cleaned.isEmpty, cleaned.count <= 20, let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }
}
