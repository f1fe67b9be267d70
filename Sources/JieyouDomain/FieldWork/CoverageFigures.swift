/// A share such as 走访覆盖率: a count out of a total. Kept as the two counts so reports can show
/// "518/560" beside the percentage and sum shares over units correctly.
public struct Share: Hashable, Sendable, Codable {
    public let count: Int
    public let total: Int

    public init(_ count: Int, of total: Int) {
        self.count = count
        self.total = total
    }

    /// Nil when there is nothing to divide by: a rate of an empty scope is unknown, not 0% or 100%.
    public var ratio: Double? { total > 0 ? Double(count) / Double(total) : nil }

    /// One decimal, rounded half up on the exact fraction: `92.5%`; `—` when the total is 0.
    public var percentText: String {
        guard total > 0 else { return "—" }
        // Tenths of a percent in integers, so 1/8 is 12.5% and never 12.499999%.
        let tenths = (count * 2000 + total) / (2 * total)
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

/// The coverage of a campaign (or of a period) over an org subtree, as counted by the database, and
/// the arithmetic reports need from it.
public struct CoverageFigures: Hashable, Sendable, Codable {
    /// Enterprises in the campaign's scope within the subtree.
    public let enterprisesInScope: Int
    /// In-scope enterprises with at least one visit in the period.
    public let visitedAtLeastOnce: Int
    /// In-scope enterprises visited at least `requiredVisits` times.
    public let visitedAsRequired: Int
    public let requiredVisits: Int
    /// Visits to in-scope enterprises in the period.
    public let visits: Int
    /// Distinct cadres who took part in at least one of those visits.
    public let cadresActive: Int
    /// Calendar days in the period.
    public let days: Int

    public init(
        enterprisesInScope: Int, visitedAtLeastOnce: Int, visitedAsRequired: Int, requiredVisits: Int, visits: Int,
        cadresActive: Int, days: Int
    ) {
        precondition(visitedAsRequired <= visitedAtLeastOnce && visitedAtLeastOnce <= enterprisesInScope)
        self.enterprisesInScope = enterprisesInScope
        self.visitedAtLeastOnce = visitedAtLeastOnce
        self.visitedAsRequired = visitedAsRequired
        self.requiredVisits = requiredVisits
        self.visits = visits
        self.cadresActive = cadresActive
        self.days = days
    }

    public var neverVisited: Int { enterprisesInScope - visitedAtLeastOnce }
    /// 走访覆盖率.
    public var coverage: Share { Share(visitedAtLeastOnce, of: enterprisesInScope) }
    /// 达标率: visited as often as the campaign requires.
    public var completion: Share { Share(visitedAsRequired, of: enterprisesInScope) }
    /// Average visits per in-scope enterprise.
    public var visitsPerEnterprise: Double? {
        enterprisesInScope > 0 ? Double(visits) / Double(enterprisesInScope) : nil
    }
    public var visitsPerCadre: Double? { cadresActive > 0 ? Double(visits) / Double(cadresActive) : nil }
    public var visitsPerDay: Double? { days > 0 ? Double(visits) / Double(days) : nil }

    /// The sentence seed 004 writes: "384 名联点干部一周内完成 518 家企业上门走访".
    public var headline: String {
        "\(cadresActive) 名干部 \(days) 天内走访 \(visitedAtLeastOnce) 家企业 \(visits) 次，覆盖率 \(coverage.percentText)"
    }

    /// One decimal for averages shown in tables; `—` when undefined.
    public static func oneDecimal(_ value: Double?) -> String {
        guard let value else { return "—" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
