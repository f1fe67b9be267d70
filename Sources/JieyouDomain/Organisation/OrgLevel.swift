/// The level of an org unit: province 省 → city 市/州 → county 县/市/区 → park 园区 (管委会).
public enum OrgLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case province, city, county, park

    public var rank: Int {
        switch self {
        case .province: 0
        case .city: 1
        case .county: 2
        case .park: 3
        }
    }

    public var chineseName: String {
        switch self {
        case .province: "省"
        case .city: "市（州）"
        case .county: "县（市、区）"
        case .park: "园区"
        }
    }

    /// A child sits strictly below its parent. Levels may be skipped (a provincial-level park sits
    /// directly under a city), but a park never has children.
    public func mayContain(_ child: OrgLevel) -> Bool { child.rank > rank }

    public static func < (lhs: OrgLevel, rhs: OrgLevel) -> Bool { lhs.rank < rhs.rank }
}
