/// How a unit scores its departments for a period: a weight per indicator (summing to 100), the score
/// below which a department is named for 通报批评, and the smallest sample a rate counts on. Set per
/// org by its admins; `standard` until they do.
public struct AssessmentScheme: Sendable, Codable, Hashable {
    public var weights: [AssessmentIndicator: Int]
    /// 通报批评 below this score (0…100).
    public var threshold: Int
    /// A rate over fewer items than this is left out of the score rather than let one problem decide it.
    public var minimumSample: Int

    public init(weights: [AssessmentIndicator: Int], threshold: Int, minimumSample: Int) {
        self.weights = weights
        self.threshold = threshold
        self.minimumSample = minimumSample
    }

    /// The closed loop weighs most, its timeliness and the enterprises' satisfaction above all.
    public static let standard = AssessmentScheme(
        weights: [
            .responseRate: 15, .onTimeRate: 25, .satisfactionRate: 25, .reopenRate: 10, .supervisions: 10,
            .planReporting: 10, .creditPublication: 5,
        ], threshold: 80, minimumSample: 3)

    /// What each 督办 received costs, in percent of its weight.
    public static let supervisionStepPercent = 25

    public func weight(_ indicator: AssessmentIndicator) -> Int { weights[indicator] ?? 0 }

    /// Weights of 0…100 summing to 100, a threshold of 0…100 and a sample of 1…100; every bad field named.
    public func validated() throws(ValidationFailure) -> AssessmentScheme {
        var errors: [FieldError] = []
        for indicator in AssessmentIndicator.allCases where !(0...100).contains(weight(indicator)) {
            errors.append(
                FieldError(field: "weights.\(indicator.rawValue)", message: "\(indicator.chineseName)的权重应为0到100的整数"))
        }
        let total = AssessmentIndicator.allCases.map(weight).reduce(0, +)
        if errors.isEmpty, total != 100 {
            errors.append(FieldError(field: "weights", message: "各项权重之和应为100，现为\(total)"))
        }
        if !(0...100).contains(threshold) {
            errors.append(FieldError(field: "threshold", message: "通报批评分数线应为0到100"))
        }
        if !(1...100).contains(minimumSample) {
            errors.append(FieldError(field: "minimumSample", message: "最小样本数应为1到100"))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return self
    }

    /// The formula as the page and the sheet show it.
    public var formula: String {
        let parts = AssessmentIndicator.allCases.filter { weight($0) > 0 }.map {
            "\($0.chineseName)\(weight($0))分（\($0.rule)）"
        }
        return "得分 = " + parts.joined(separator: " + ")
            + "；比率的样本少于\(minimumSample)件的指标不计入，其余指标得分按所计权重折算为百分制。低于\(threshold)分的部门予以通报批评。"
    }

    /// One department's score from its figures.
    public func score(_ figures: AssessmentFigures) -> AssessmentScore {
        var lines: [AssessmentScore.Line] = []
        for indicator in AssessmentIndicator.allCases where weight(indicator) > 0 {
            let w = Double(weight(indicator))
            if indicator == .supervisions {
                let step = Double(Self.supervisionStepPercent) / 100
                let points = w * max(0, 1 - step * Double(figures.supervisions))
                lines.append(.init(indicator: indicator, shown: "\(figures.supervisions)件", points: points, weight: w))
                continue
            }
            guard let rate = figures.rates[indicator], rate.of >= minimumSample, let value = rate.value else {
                lines.append(
                    .init(indicator: indicator, shown: figures.rates[indicator]?.percent ?? "—", points: nil, weight: w)
                )
                continue
            }
            let points = indicator == .reopenRate ? w * (1 - value) : w * value
            lines.append(.init(indicator: indicator, shown: rate.percent, points: points, weight: w))
        }
        return AssessmentScore(lines: lines, threshold: threshold)
    }
}

/// What a department's score is made of.
public struct AssessmentFigures: Sendable, Codable, Hashable {
    public var rates: [AssessmentIndicator: Rate]
    public var supervisions: Int

    public init(rates: [AssessmentIndicator: Rate] = [:], supervisions: Int = 0) {
        self.rates = rates
        self.supervisions = supervisions
    }
}

/// A department's score: its lines, the total on a scale of 100 over the indicators counted, and the
/// reasons it falls below the threshold when it does.
public struct AssessmentScore: Sendable, Codable, Hashable {
    public struct Line: Sendable, Codable, Hashable {
        public let indicator: AssessmentIndicator
        /// The figure as read: 87.5%, 2件, or — without a sample.
        public let shown: String
        /// Nil when the indicator is left out for want of a sample.
        public let points: Double?
        public let weight: Double

        public var lost: Double { points.map { weight - $0 } ?? 0 }
    }

    public let lines: [Line]
    /// 0…100 with one decimal; nil when no indicator could be counted.
    public let total: Double?
    public let belowThreshold: Bool
    /// The indicators that cost the most points, for a department below the threshold.
    public let reasons: [String]

    init(lines: [Line], threshold: Int) {
        self.lines = lines
        let counted = lines.filter { $0.points != nil }
        let weights = counted.map(\.weight).reduce(0, +)
        if weights > 0 {
            let raw = 100 * counted.compactMap(\.points).reduce(0, +) / weights
            total = (raw * 10).rounded() / 10
        } else {
            total = nil
        }
        belowThreshold = total.map { $0 < Double(threshold) } ?? false
        reasons =
            belowThreshold
            ? counted.filter { $0.lost > 0.05 }.sorted {
                ($0.lost, $1.indicator.rawValue) > ($1.lost, $0.indicator.rawValue)
            }
            .prefix(3).map { "\($0.indicator.chineseName)\($0.shown)（失\(Self.format($0.lost))分）" }
            : []
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
