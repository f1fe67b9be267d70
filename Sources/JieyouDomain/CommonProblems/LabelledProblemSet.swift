import Foundation

/// A set of problem texts labelled by the difficulty they describe, as the grouping is measured against
/// (`Tests/JieyouDomainTests/CommonProblems/LabelledProblems.txt`): each group starts with a line
/// `## key | category | title`, each line below it is one enterprise's problem, `#` lines are comments.
/// Read by the tests and by `jieyou-bench grouping`, which so score the grouping the same way.
public struct LabelledProblemSet: Sendable {
    public struct Group: Sendable {
        public let key: String
        public let category: String
        public let title: String
        public let texts: [String]
    }

    public let groups: [Group]

    public init(text: String) {
        var groups: [Group] = []
        var header: [String]?
        var texts: [String] = []
        func close() {
            if let header, header.count == 3 {
                groups.append(Group(key: header[0], category: header[1], title: header[2], texts: texts))
            }
            texts = []
        }
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("## ") {
                close()
                header = line.dropFirst(3).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            } else if !line.isEmpty, !line.hasPrefix("#") {
                texts.append(line)
            }
        }
        close()
        self.groups = groups
    }

    /// Every text as an item of its own enterprise, with its group's key.
    public var items: [(item: CommonProblemGrouping.Item, label: String)] {
        groups.flatMap { group in
            group.texts.map {
                (CommonProblemGrouping.Item(text: $0, category: group.category, enterprise: UUID()), group.key)
            }
        }
    }

    /// How the grouping with `options` agrees with the labels, pair by pair.
    public func score(options: CommonProblemGrouping.Options = .init()) -> PairwiseScore {
        let items = self.items
        let found = CommonProblemGrouping.groups(of: items.map(\.item), options: options)
        return PairwiseScore(labels: items.map(\.label), groups: found.map(\.members))
    }
}
