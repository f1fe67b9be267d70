/// How well a grouping agrees with a labelled one, pair by pair: of the pairs put together, how many
/// belong together (precision); of the pairs that belong together, how many were put together
/// (recall); and their harmonic mean F1. Items left alone form no pairs.
public struct PairwiseScore: Sendable, Hashable, CustomStringConvertible {
    public let truePairs: Int
    public let predictedPairs: Int
    public let labelledPairs: Int

    /// `labels[i]` is item i's true group; `groups` the predicted groups as item indices.
    public init<Label: Hashable>(labels: [Label], groups: [[Int]]) {
        var correct = 0
        var predicted = 0
        for group in groups {
            predicted += group.count * (group.count - 1) / 2
            var byLabel: [Label: Int] = [:]
            for member in group { byLabel[labels[member], default: 0] += 1 }
            correct += byLabel.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        }
        var sizes: [Label: Int] = [:]
        for label in labels { sizes[label, default: 0] += 1 }
        self.truePairs = correct
        self.predictedPairs = predicted
        self.labelledPairs = sizes.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
    }

    public var precision: Double { predictedPairs == 0 ? 0 : Double(truePairs) / Double(predictedPairs) }
    public var recall: Double { labelledPairs == 0 ? 0 : Double(truePairs) / Double(labelledPairs) }
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    public var description: String {
        "precision \(Self.format(precision)), recall \(Self.format(recall)), F1 \(Self.format(f1))"
    }

    private static func format(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        return "\(thousandths / 1000).\(String(thousandths % 1000).leftPadded(to: 3))"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
