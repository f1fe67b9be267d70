import HeapModule

/// Average-linkage clustering of an index's texts: the two clusters whose members are, on average over
/// all their pairs, most alike are joined, again and again, while that average is at least the
/// threshold. Unlike joining every pair above a threshold, one close pair cannot chain two unrelated
/// clusters together: a cluster's members must be alike as a whole.
///
/// The average over all pairs is the dot product of the clusters' summed unit vectors divided by the
/// product of their sizes, so it is computed exactly from two sums and never from the pairs. Only
/// clusters that hold a pair of nearest neighbours (`ProblemTextIndex.neighbours`) are compared, which
/// keeps the work near-linear in the number of texts.
struct AverageLinkage {
    let index: ProblemTextIndex
    let threshold: Float

    private struct Candidate: Comparable {
        let score: Float
        let a: Int32
        let aVersion: Int32
        let b: Int32
        let bVersion: Int32

        static func < (lhs: Candidate, rhs: Candidate) -> Bool {
            (lhs.score, rhs.a, rhs.b) < (rhs.score, lhs.a, lhs.b)
        }
    }

    /// The clusters of two texts or more, each its members ascending, in no particular order.
    func clusters(neighbours: [[ProblemTextIndex.Neighbour]]) -> [[Int]] {
        let count = index.count
        var parent = Array(Int32(0)..<Int32(count))
        var sums = index.vectors
        var versions = [Int32](repeating: 0, count: count)
        var members = (0..<count).map { [Int32($0)] }
        var adjacent = neighbours.map { $0.map(\.index) }

        func root(_ node: Int32) -> Int32 {
            var node = node
            while parent[Int(node)] != node {
                parent[Int(node)] = parent[Int(parent[Int(node)])]
                node = parent[Int(node)]
            }
            return node
        }

        var heap = Heap<Candidate>()
        for (document, list) in neighbours.enumerated() {
            for neighbour in list where Int(neighbour.index) > document && neighbour.similarity >= threshold {
                heap.insert(
                    Candidate(
                        score: neighbour.similarity, a: Int32(document), aVersion: 0, b: neighbour.index, bVersion: 0))
            }
        }
        while let best = heap.popMax() {
            guard best.score >= threshold else { break }
            guard parent[Int(best.a)] == best.a, parent[Int(best.b)] == best.b,
                versions[Int(best.a)] == best.aVersion, versions[Int(best.b)] == best.bVersion
            else { continue }
            let (kept, joined) =
                members[Int(best.a)].count >= members[Int(best.b)].count ? (best.a, best.b) : (best.b, best.a)
            parent[Int(joined)] = kept
            versions[Int(kept)] += 1
            sums[Int(kept)] = sums[Int(kept)] + sums[Int(joined)]
            members[Int(kept)] += members[Int(joined)]
            members[Int(joined)] = []
            sums[Int(joined)] = SparseVector()

            var seen: Set<Int32> = [kept]
            var live: [Int32] = []
            for node in adjacent[Int(kept)] + adjacent[Int(joined)] {
                let other = root(node)
                if seen.insert(other).inserted { live.append(other) }
            }
            adjacent[Int(kept)] = live
            adjacent[Int(joined)] = []
            for other in live {
                let score =
                    sums[Int(kept)].dot(sums[Int(other)]) / Float(members[Int(kept)].count)
                    / Float(members[Int(other)].count)
                guard score >= threshold else { continue }
                heap.insert(
                    Candidate(
                        score: score, a: kept, aVersion: versions[Int(kept)], b: other,
                        bVersion: versions[Int(other)]))
            }
        }
        return members.filter { $0.count > 1 }.map { $0.map(Int.init).sorted() }
    }
}
