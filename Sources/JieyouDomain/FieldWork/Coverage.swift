/// 走访覆盖: how far a campaign has reached the enterprises in its scope. The counts come from the
/// database; the rates and the verdicts are worked out here so they are the same everywhere.
public struct CoverageFigures: Hashable, Sendable, Codable {
    /// Enterprises in the campaign's scope (in the subtree asked about).
    public let enterprisesInScope: Int
    /// In-scope enterprises visited at least once in the period.
    public let enterprisesVisited: Int
    /// In-scope enterprises visited at least the required number of times.
    public let enterprisesCompleted: Int
    public let requiredVisits: Int
    /// Visits to in-scope enterprises in the period.
    public let visits: Int
    /// Distinct cadres who took part in those visits.
    public let cadresActive: Int

    public init(
        enterprisesInScope: Int, enterprisesVisited: Int, enterprisesCompleted: Int, requiredVisits: Int, visits: Int,
        cadresActive: Int
    ) {
        self.enterprisesInScope = enterprisesInScope
        self.enterprisesVisited = enterprisesVisited
        self.enterprisesCompleted = enterprisesCompleted
        self.requiredVisits = requiredVisits
        self.visits = visits
        self.cadresActive = cadresActive
    }

    public var enterprisesNeverVisited: Int { enterprisesInScope - enterprisesVisited }

    /// 走访覆盖率 in per cent, one decimal, rounded half up; 0 for an empty scope.
    public var visitedRate: Double { Self.percent(enterprisesVisited, of: enterprisesInScope) }
    /// 达标率: share visited at least `requiredVisits` times.
    public var completedRate: Double { Self.percent(enterprisesCompleted, of: enterprisesInScope) }
    /// 全覆盖 when every enterprise in scope was visited (and the scope is not empty).
    public var fullyCovered: Bool { enterprisesInScope > 0 && enterprisesVisited == enterprisesInScope }

    /// Visits still owed to reach the target: Σ max(0, required − visits) over the scope. Needs the
    /// per-enterprise counts, which `outstandingVisits(counts:)` takes.
    public static func outstandingVisits(required: Int, inScope: Int, visitCounts: [Int]) -> Int {
        let visitedOwed = visitCounts.reduce(0) { $0 + max(0, required - $1) }
        return visitedOwed + (inScope - visitCounts.count) * required
    }

    static func percent(_ part: Int, of whole: Int) -> Double {
        guard whole > 0 else { return 0 }
        return (Double(part * 1000) / Double(whole)).rounded(.toNearestOrAwayFromZero) / 10
    }
}
