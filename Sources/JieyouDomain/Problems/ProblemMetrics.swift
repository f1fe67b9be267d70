import Foundation

/// The counts behind the metrics of PRODUCT.md §3 for one scope: what the database tallies over the
/// problems and suggestions that came in during a period, as they stand today.
///
/// Most counts take problems and suggestions together, as the departments handle both; the `problems…`
/// properties below take the suggestions out. A report counts problems resolved and suggestions
/// adopted apart (seed 004: "收集问题已解决175条，建议采纳并实施22项"), so it reads those, never
/// `resolved`, when it says how many problems were solved.
public struct ProblemTally: Hashable, Sendable, Codable {
    /// Problems and suggestions that came in.
    public var registered = 0
    public var suggestions = 0
    /// 不予受理 and 已合并: not work of the ledger, so left out of the closure rate.
    public var rejectedOrMerged = 0
    /// Answers that were due: each submission past its accept-by day or answered, and each assignment
    /// past its sign-by day or signed (or returned).
    public var responsesDue = 0
    /// Those given by their day.
    public var respondedInTime = 0
    /// Handed to a department at least once.
    public var assigned = 0
    /// Resolved or closed now.
    public var resolved = 0
    /// Of those, resolved by the deadline in force (an approved extension counts, a pause does not).
    public var resolvedOnTime = 0
    /// Still with a department, the clock running, past the deadline.
    public var openOverdue = 0
    /// Revisits with a rating: those standing now plus each 不满意 that reopened a problem.
    public var rated = 0
    /// 满意 and 基本满意.
    public var satisfied = 0
    public var closed = 0
    /// Resolved at least once (it may have been reopened since).
    public var everResolved = 0
    /// Reopened after a 不满意 revisit at least once.
    public var reopened = 0
    /// Suggestions among `resolved`, so problems solved can be told apart (seed 004 reports 175
    /// problems solved and 22 suggestions adopted).
    public var suggestionsResolved = 0
    public var suggestionsAdopted = 0
    /// Suggestions among `assigned`.
    public var suggestionsAssigned = 0
    /// Complaints, requests and questions (投诉诉求咨询, `ProblemKind.hasRequester`) that came in,
    /// counted apart as seed 003 reports them: "投诉诉求咨询事件53件，办结50件，正在处理3件".
    public var requests = 0
    /// Of those, complaints (投诉) and questions (咨询); the rest are requests for help (诉求).
    public var complaints = 0
    public var inquiries = 0
    /// Requester kinds among `assigned` and `resolved`.
    public var requestsAssigned = 0
    public var requestsResolved = 0
    /// Requester kinds still being handled (an open state: neither settled, rejected, merged nor
    /// handed up).
    public var requestsOpen = 0
    /// Working days from assignment to resolution, summed over `resolveSamples` resolved problems.
    public var resolveWorkingDays = 0
    public var resolveSamples = 0

    public init() {}

    /// Problems (neither suggestions nor what a requester brought) that came in, were handed to a
    /// department, and are resolved now.
    public var problemsRegistered: Int { registered - suggestions - requests }
    public var problemsAssigned: Int { assigned - suggestionsAssigned - requestsAssigned }
    public var problemsResolved: Int { resolved - suggestionsResolved - requestsResolved }
    /// 诉求: the requests for help among `requests`.
    public var helpRequests: Int { requests - complaints - inquiries }

    /// What a requester brought, as seed 003 reports it: "受理投诉诉求咨询53件（投诉20件、诉求25件、
    /// 咨询8件），办结50件，正在处理3件"; nil when nothing came in.
    public var requestsSentence: String? {
        guard requests > 0 else { return nil }
        let parts = [("投诉", complaints), ("诉求", helpRequests), ("咨询", inquiries)].filter { $0.1 > 0 }
        var text = "受理投诉诉求咨询\(requests)件"
        if parts.count > 1 { text += "（" + parts.map { "\($0.0)\($0.1)件" }.joined(separator: "、") + "）" }
        text += "，办结\(requestsResolved)件"
        if requestsOpen > 0 { text += "，正在处理\(requestsOpen)件" }
        return text
    }

    public static func + (lhs: ProblemTally, rhs: ProblemTally) -> ProblemTally {
        var sum = ProblemTally()
        for field in Self.fields { sum[keyPath: field] = lhs[keyPath: field] + rhs[keyPath: field] }
        return sum
    }

    /// Every count, in the order of `CodingKeys`.
    public nonisolated(unsafe) static let fields: [WritableKeyPath<ProblemTally, Int>] = [
        \.registered, \.suggestions, \.rejectedOrMerged, \.responsesDue, \.respondedInTime, \.assigned, \.resolved,
        \.resolvedOnTime, \.openOverdue, \.rated, \.satisfied, \.closed, \.everResolved, \.reopened,
        \.suggestionsResolved, \.suggestionsAdopted, \.suggestionsAssigned, \.resolveWorkingDays, \.resolveSamples,
        \.requests, \.complaints, \.inquiries, \.requestsAssigned, \.requestsResolved, \.requestsOpen,
    ]

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case registered, suggestions, rejectedOrMerged, responsesDue, respondedInTime, assigned, resolved
        case resolvedOnTime, openOverdue, rated, satisfied, closed, everResolved, reopened
        case suggestionsResolved, suggestionsAdopted, suggestionsAssigned, resolveWorkingDays, resolveSamples
        case requests, complaints, inquiries, requestsAssigned, requestsResolved, requestsOpen
    }

    /// A count missing from the JSON reads as 0: a report stored before the count was added still
    /// opens (its `suggestionsAssigned` is then unknown and read as none).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        for (key, field) in zip(CodingKeys.allCases, Self.fields) {
            self[keyPath: field] = try c.decodeIfPresent(Int.self, forKey: key) ?? 0
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        for (key, field) in zip(CodingKeys.allCases, Self.fields) { try c.encode(self[keyPath: field], forKey: key) }
    }
}

/// A rate and the count it is a share of, so that a reader sees "100%" of 1 for what it is. The
/// value is nil when nothing was due.
public struct Rate: Hashable, Sendable, Codable {
    public let count: Int
    public let of: Int

    public init(_ count: Int, of total: Int) {
        self.count = count
        self.of = total
    }

    public var value: Double? { of > 0 ? Double(count) / Double(of) : nil }

    private enum CodingKeys: String, CodingKey { case count, of, value }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(Int.self, forKey: .count), of: try c.decode(Int.self, forKey: .of))
    }

    /// With the quotient, so a client need not divide (null when nothing was due).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(count, forKey: .count)
        try c.encode(of, forKey: .of)
        try c.encode(value, forKey: .value)
    }

    /// "87.5%", or "—" when there is nothing to divide.
    public var percent: String {
        guard let value else { return "—" }
        return String(format: "%.1f%%", value * 100)
    }
}

/// The metrics of PRODUCT.md §3 (names from the glossary), each from a tally by one formula.
public struct ProblemMetrics: Hashable, Sendable, Codable {
    /// 响应率: answered in time / answers due.
    public let responseRate: Rate
    /// 办结率: problems resolved or closed / problems assigned. Suggestions are left out: one is adopted
    /// or not rather than solved, and counts under `suggestionsAdopted`. The other rates take every
    /// item a department handled, suggestions too, since each has its deadline and its revisit.
    public let resolutionRate: Rate
    /// 按期办结率: resolved on time / (resolved + still open and overdue). Never "on time / resolved",
    /// which reads 100% while overdue work is still open.
    public let onTimeRate: Rate
    /// 满意率: (满意 + 基本满意) / rated.
    public let satisfactionRate: Rate
    /// 销号率: closed / taken into the ledger (not rejected, not merged).
    public let closureRate: Rate
    /// 重办率: reopened / resolved at least once.
    public let reopenRate: Rate
    /// 超期数
    public let overdue: Int
    /// Average working days from assignment to resolution, nil before anything is resolved.
    public let averageResolveDays: Double?
    public let suggestionsAdopted: Int

    public init(_ t: ProblemTally) {
        responseRate = Rate(t.respondedInTime, of: t.responsesDue)
        resolutionRate = Rate(t.problemsResolved, of: t.problemsAssigned)
        onTimeRate = Rate(t.resolvedOnTime, of: t.resolved + t.openOverdue)
        satisfactionRate = Rate(t.satisfied, of: t.rated)
        closureRate = Rate(t.closed, of: t.registered - t.rejectedOrMerged)
        reopenRate = Rate(t.reopened, of: t.everResolved)
        overdue = t.openOverdue
        averageResolveDays =
            t.resolveSamples > 0 ? Double(t.resolveWorkingDays) / Double(t.resolveSamples) : nil
        suggestionsAdopted = t.suggestionsAdopted
    }

    /// The rates a ranking can be ordered by.
    public enum RankedRate: String, Sendable, CaseIterable, Codable {
        case onTimeRate, resolutionRate, satisfactionRate, responseRate

        public var chineseName: String {
            switch self {
            case .onTimeRate: "按期办结率"
            case .resolutionRate: "办结率"
            case .satisfactionRate: "满意率"
            case .responseRate: "响应率"
            }
        }

        public func of(_ m: ProblemMetrics) -> Rate {
            switch self {
            case .onTimeRate: m.onTimeRate
            case .resolutionRate: m.resolutionRate
            case .satisfactionRate: m.satisfactionRate
            case .responseRate: m.responseRate
            }
        }
    }
}

/// A ranking of departments (or units) by one rate. Those whose sample — the rate's denominator — is
/// below the minimum are left out and listed apart, so that one problem does not make a department
/// first or last (PRODUCT.md §3).
public struct MetricRanking<Key: Hashable & Sendable>: Sendable {
    public struct Entry: Sendable {
        public let key: Key
        public let rate: Rate
        /// 1-based; equal rates share a place.
        public let place: Int
    }

    public let ranked: [Entry]
    /// Below the minimum sample, in key order of the input.
    public let leftOut: [(key: Key, rate: Rate)]

    public init(_ rows: [(key: Key, rate: Rate)], minimumSample: Int) {
        let eligible = rows.filter { $0.rate.of >= max(minimumSample, 1) }
        // Higher first; on a tie, the larger sample first; then the input order, so the list is stable.
        let sorted = eligible.enumerated().sorted { a, b in
            let (x, y) = (a.element.rate, b.element.rate)
            if x.value! != y.value! { return x.value! > y.value! }
            if x.of != y.of { return x.of > y.of }
            return a.offset < b.offset
        }.map(\.element)
        var entries: [Entry] = []
        for (index, row) in sorted.enumerated() {
            let place =
                if let previous = entries.last, previous.rate.value == row.rate.value { previous.place } else {
                    index + 1
                }
            entries.append(Entry(key: row.key, rate: row.rate, place: place))
        }
        ranked = entries
        leftOut = rows.filter { $0.rate.of < max(minimumSample, 1) }
    }
}
