import Foundation

/// 共性问题 proposed from open problems (PRODUCT.md §5): problems that say the same thing in their own
/// words, from two enterprises or more, grouped for a dispatcher to confirm, split, merge or dismiss.
///
/// The text is read as character bigrams weighted by rarity plus the concepts of `ProblemVocabulary` and
/// the category (`ProblemTextIndex`), and grouped by average linkage (`AverageLinkage`). No model, no
/// network: the same problems give the same groups.
public enum CommonProblemGrouping {
    public struct Options: Sendable, Hashable {
        /// The least average similarity of a group's pairs.
        public var threshold: Float
        /// How many nearest neighbours of each problem are considered for joining.
        public var neighbours: Int
        public var weights: ProblemTextIndex.Weights
        /// The fewest distinct enterprises a group needs to be proposed.
        public var minimumEnterprises: Int
        /// Whether `ProblemVocabulary`'s concepts and filler apply; off, the text is bigrams alone.
        public var vocabulary: Bool

        public init(
            threshold: Float = 0.1, neighbours: Int = 12, weights: ProblemTextIndex.Weights = .init(),
            minimumEnterprises: Int = 2, vocabulary: Bool = true
        ) {
            self.threshold = threshold
            self.neighbours = neighbours
            self.weights = weights
            self.minimumEnterprises = minimumEnterprises
            self.vocabulary = vocabulary
        }
    }

    /// One problem to group.
    public struct Item: Sendable, Hashable {
        public let text: String
        public let category: String?
        /// The enterprise that raised it; nil counts as an enterprise of its own.
        public let enterprise: UUID?

        public init(text: String, category: String?, enterprise: UUID?) {
            self.text = text
            self.category = category
            self.enterprise = enterprise
        }
    }

    /// A proposed group.
    public struct Group: Sendable, Hashable {
        /// Indices into the items, ascending.
        public let members: [Int]
        /// The average similarity of its pairs, 0…1.
        public let cohesion: Double
        /// What its members share most, as a reader would say it (a concept such as 用工, or two characters).
        public let keywords: [String]
        /// The member most like the others: its text makes a fair first title for the group.
        public let representative: Int
    }

    /// The proposed groups, largest first (then by their first member).
    public static func groups(of items: [Item], options: Options = Options()) -> [Group] {
        guard items.count > 1 else { return [] }
        let (index, matcher) = Self.index(items, options: options)
        let neighbours = index.neighbours(k: options.neighbours, minimum: options.threshold)
        let clusters = AverageLinkage(index: index, threshold: options.threshold).clusters(neighbours: neighbours)
        return clusters.compactMap { members -> Group? in
            var anonymous = 0
            var enterprises = Set<UUID>()
            for member in members {
                if let enterprise = items[member].enterprise { enterprises.insert(enterprise) } else { anonymous += 1 }
            }
            guard enterprises.count + anonymous >= options.minimumEnterprises else { return nil }
            return describe(members, in: index, matcher: matcher)
        }
        .sorted { ($0.members.count, $1.members[0]) > ($1.members.count, $0.members[0]) }
    }

    /// The items as one group, whatever their similarity: what a dispatcher confirms by hand is
    /// described (keywords, representative) as a proposal would be.
    public static func describe(_ items: [Item], options: Options = Options()) -> Group? {
        guard !items.isEmpty else { return nil }
        let (index, matcher) = Self.index(items, options: options)
        return describe(Array(items.indices), in: index, matcher: matcher)
    }

    private static func index(_ items: [Item], options: Options) -> (ProblemTextIndex, ProblemVocabularyMatcher) {
        let matcher =
            options.vocabulary
            ? ProblemVocabularyMatcher.shared : ProblemVocabularyMatcher(concepts: [], filler: [])
        let index = ProblemTextIndex(
            items.map { ProblemTextFeatures(text: $0.text, category: $0.category, matcher: matcher) },
            weights: options.weights)
        return (index, matcher)
    }

    private static func describe(_ members: [Int], in index: ProblemTextIndex, matcher: ProblemVocabularyMatcher)
        -> Group
    {
        let sum = members.reduce(SparseVector()) { $0 + index.vectors[$1] }
        return Group(
            members: members, cohesion: members.count > 1 ? Double(cohesion(of: members, sum: sum)) : 1,
            keywords: keywords(of: members, sum: sum, in: index, matcher: matcher),
            representative: members.max { (index.vectors[$0].dot(sum), $1) < (index.vectors[$1].dot(sum), $0) }!)
    }

    /// The average similarity of the members' pairs, from their summed unit vectors.
    static func cohesion(of members: [Int], sum: SparseVector) -> Float {
        let n = Float(members.count)
        return max(0, min(1, (sum.squaredLength - n) / (n * (n - 1))))
    }

    /// What the members share most, as a reader would say it: the features most members have (at least
    /// two, or a third of them), heaviest first, with bigrams that overlap joined into the phrase they
    /// come from (消防 防验 验收 → 消防验收).
    static func keywords(
        of members: [Int], sum: SparseVector, in index: ProblemTextIndex, matcher: ProblemVocabularyMatcher
    ) -> [String] {
        var holders: [Int32: Int] = [:]
        for member in members { for id in index.vectors[member].ids { holders[id, default: 0] += 1 } }
        let least = max(2, (members.count + 2) / 3)
        let heaviest = zip(sum.ids, sum.weights).filter { holders[$0.0, default: 0] >= least }
            .sorted { (holders[$0.0]!, $0.1, $1.0) > (holders[$1.0]!, $1.1, $0.0) }.prefix(12)
        var labels: [(text: String, isBigram: Bool, holders: Int)] = []
        for (id, _) in heaviest {
            let key = index.keys[Int(id)]
            guard let label = ProblemTextFeatures.label(of: key, matcher: matcher), !label.isEmpty else { continue }
            labels.append((label, ProblemTextFeatures.kind(of: key) == .bigram && label.count == 2, holders[id]!))
        }
        var used = Set<Int>()
        var words: [String] = []
        for (position, label) in labels.enumerated() where !used.contains(position) {
            used.insert(position)
            var phrase = label.text
            if label.isBigram {
                // Grow the phrase at either end by a heavy bigram that overlaps it by one character and
                // that nearly as many members hold (so 改造后 does not stick to 消防验收).
                var grown = true
                while grown && phrase.count < 8 {
                    grown = false
                    for (other, candidate) in labels.enumerated()
                    where !used.contains(other) && candidate.isBigram && candidate.holders * 5 >= label.holders * 4 {
                        if candidate.text.first == phrase.last {
                            phrase.append(candidate.text.last!)
                        } else if candidate.text.last == phrase.first {
                            phrase.insert(candidate.text.first!, at: phrase.startIndex)
                        } else {
                            continue
                        }
                        used.insert(other)
                        grown = true
                        break
                    }
                }
            }
            guard !words.contains(where: { $0.contains(phrase) || phrase.contains($0) }) else { continue }
            words.append(phrase)
            if words.count == 3 { break }
        }
        return words
    }
}
