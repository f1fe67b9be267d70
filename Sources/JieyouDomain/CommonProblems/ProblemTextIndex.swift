import Foundation

/// The texts of a set of problems as TF-IDF unit vectors: a feature weighs `1 + ln(tf)` times its
/// rarity in the set (`1 + ln((n + 1) / (df + 1))`), so words every problem uses count for little and a
/// rare shared phrase for much. The cosine of two vectors is their similarity, 0…1.
public struct ProblemTextIndex: Sendable {
    /// How much a concept of the vocabulary and the category weigh against a bigram.
    public struct Weights: Sendable, Hashable {
        /// A concept's weight is its rarity times this.
        public var concept: Float
        /// The category's weight, absolute (a rare bigram weighs about 6): a shared category adds to the
        /// similarity without deciding it, since cadres file one difficulty under different categories.
        public var category: Float

        public init(concept: Float = 2.5, category: Float = 2.0) {
            self.concept = concept
            self.category = category
        }
    }

    public let count: Int
    /// Each text's features (ids into `keys`), ascending, and their weights, one vector of unit length.
    let vectors: [SparseVector]
    /// A feature id's key (`ProblemTextFeatures`).
    let keys: [UInt64]

    public init(_ bags: [ProblemTextFeatures], weights: Weights = Weights()) {
        var ids: [UInt64: Int32] = [:]
        var keys: [UInt64] = []
        var frequency: [Int32] = []
        let raw: [[(Int32, Float)]] = bags.map { bag in
            // Keys in order, so that the same texts always get the same ids and sums add up alike.
            bag.counts.sorted { $0.key < $1.key }.map { key, count in
                let id: Int32
                if let known = ids[key] {
                    id = known
                } else {
                    id = Int32(keys.count)
                    ids[key] = id
                    keys.append(key)
                    frequency.append(0)
                }
                frequency[Int(id)] += 1
                return (id, 1 + log(Float(count)))
            }
        }
        let total = Float(bags.count)
        let rarity = frequency.map { 1 + log((total + 1) / (Float($0) + 1)) }
        self.vectors = raw.map { features in
            let weighted = features.map { id, tf -> (Int32, Float) in
                switch ProblemTextFeatures.kind(of: keys[Int(id)]) {
                case .category: return (id, weights.category)
                case .concept: return (id, tf * rarity[Int(id)] * weights.concept)
                case .bigram, .unigram: return (id, tf * rarity[Int(id)])
                }
            }
            return SparseVector(unsorted: weighted).normalised()
        }
        self.keys = keys
        self.count = bags.count
    }

    /// The cosine of texts `a` and `b`.
    public func similarity(_ a: Int, _ b: Int) -> Float { vectors[a].dot(vectors[b]) }

    /// Each text's `k` most similar others at or above `minimum`, most similar first. Found through an
    /// inverted index built as the texts are read, so each pair is scored once and only pairs sharing a
    /// feature are scored at all.
    ///
    /// A feature shared by more than `recent` earlier texts is scored against the latest `recent` of them
    /// only: in a city where two thousand problems say 用工, a problem's dozen nearest neighbours are found
    /// among the latest few hundred as well as among all of them, and scoring every pair of the two
    /// thousand is what made the work grow with the square of the theme. A pair outside that window may
    /// be scored a little low here; the linkage computes the clusters' similarity exactly regardless.
    public func neighbours(k: Int, minimum: Float, recent: Int = 256) -> [[Neighbour]] {
        var best = [[Neighbour]](repeating: [], count: count)
        // The k-th best similarity of each list once it is full: most offers stop at this number.
        var floor = [Float](repeating: -1, count: count)
        var postings = [[(document: Int32, weight: Float)]](repeating: [], count: keys.count)
        var score = [Float](repeating: 0, count: count)
        var touched: [Int32] = []
        for document in 0..<count {
            let vector = vectors[document]
            score.withUnsafeMutableBufferPointer { score in
                for (feature, weight) in zip(vector.ids, vector.weights) {
                    postings[Int(feature)].withUnsafeBufferPointer { list in
                        for posting in list[max(0, list.count - recent)...] {
                            let other = Int(posting.document)
                            if score[other] == 0 { touched.append(posting.document) }
                            score[other] += weight * posting.weight
                        }
                    }
                }
            }
            for other in touched {
                let similarity = score[Int(other)]
                score[Int(other)] = 0
                guard similarity >= minimum else { continue }
                if similarity > floor[document] {
                    Self.offer(Neighbour(index: other, similarity: similarity), to: &best[document], k: k)
                    if best[document].count == k { floor[document] = best[document][k - 1].similarity }
                }
                if similarity > floor[Int(other)] {
                    Self.offer(Neighbour(index: Int32(document), similarity: similarity), to: &best[Int(other)], k: k)
                    if best[Int(other)].count == k { floor[Int(other)] = best[Int(other)][k - 1].similarity }
                }
            }
            touched.removeAll(keepingCapacity: true)
            for (feature, weight) in zip(vector.ids, vector.weights) {
                postings[Int(feature)].append((Int32(document), weight))
            }
        }
        return best
    }

    public struct Neighbour: Sendable, Hashable {
        public let index: Int32
        public let similarity: Float
    }

    /// Keeps `list` the `k` best, best first.
    private static func offer(_ candidate: Neighbour, to list: inout [Neighbour], k: Int) {
        if list.count == k {
            guard candidate.similarity > list[k - 1].similarity else { return }
            list.removeLast()
        }
        let position = list.firstIndex { $0.similarity < candidate.similarity } ?? list.count
        list.insert(candidate, at: position)
    }
}

/// A vector of a few hundred dimensions at most out of many thousands: its ids ascending, their weights.
struct SparseVector: Sendable {
    var ids: [Int32] = []
    var weights: [Float] = []

    init() {}

    init(unsorted pairs: [(Int32, Float)]) {
        for (id, weight) in pairs.sorted(by: { $0.0 < $1.0 }) {
            ids.append(id)
            weights.append(weight)
        }
    }

    var squaredLength: Float { weights.reduce(0) { $0 + $1 * $1 } }

    func normalised() -> SparseVector {
        let length = squaredLength.squareRoot()
        guard length > 0 else { return self }
        var copy = self
        copy.weights = weights.map { $0 / length }
        return copy
    }

    func dot(_ other: SparseVector) -> Float {
        var sum: Float = 0
        var i = 0
        var j = 0
        while i < ids.count, j < other.ids.count {
            let a = ids[i]
            let b = other.ids[j]
            if a == b {
                sum += weights[i] * other.weights[j]
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// The sum of two vectors.
    static func + (lhs: SparseVector, rhs: SparseVector) -> SparseVector {
        var sum = SparseVector()
        sum.ids.reserveCapacity(lhs.ids.count + rhs.ids.count)
        sum.weights.reserveCapacity(lhs.ids.count + rhs.ids.count)
        var i = 0
        var j = 0
        while i < lhs.ids.count || j < rhs.ids.count {
            if j == rhs.ids.count || (i < lhs.ids.count && lhs.ids[i] < rhs.ids[j]) {
                sum.ids.append(lhs.ids[i])
                sum.weights.append(lhs.weights[i])
                i += 1
            } else if i == lhs.ids.count || rhs.ids[j] < lhs.ids[i] {
                sum.ids.append(rhs.ids[j])
                sum.weights.append(rhs.weights[j])
                j += 1
            } else {
                sum.ids.append(lhs.ids[i])
                sum.weights.append(lhs.weights[i] + rhs.weights[j])
                i += 1
                j += 1
            }
        }
        return sum
    }
}
