/// What a problem's text says, as a bag of features for `ProblemTextIndex`: the character bigrams of
/// its normalised text, the concepts of `ProblemVocabulary` it names, and its category. A feature is a
/// `UInt64` (no strings are built per text), tagged in its top bits by kind.
public struct ProblemTextFeatures: Sendable {
    /// A feature and how often the text has it.
    public private(set) var counts: [UInt64: Int] = [:]

    /// The kind of a feature, in its top two bits.
    public enum Kind: UInt64, Sendable {
        case bigram = 0
        case unigram = 1
        case concept = 2
        case category = 3
    }

    /// The features of `text`, and of `category` when given (a sub-category counts as its shipped one).
    public init(text: String, category: String?, matcher: ProblemVocabularyMatcher = .shared) {
        for segment in matcher.segments(of: text) {
            if segment.count == 1 {
                add(Self.key(.unigram, UInt64(segment[0])))
            }
            for index in segment.indices.dropLast() {
                add(Self.key(.bigram, UInt64(segment[index]) << 21 | UInt64(segment[index + 1])))
            }
            for scalar in segment where ProblemVocabularyMatcher.isConcept(scalar) {
                add(Self.key(.concept, UInt64(scalar)))
            }
        }
        if let category, !category.isEmpty {
            let top = ProblemCategory.topCode(of: category)
            add(
                Self.key(
                    .category,
                    UInt64(
                        truncatingIfNeeded: top.utf8.reduce(14_695_981_039_346_656_037) {
                            ($0 ^ UInt64($1)) &* 1_099_511_628_211
                        })))
        }
    }

    public static func key(_ kind: Kind, _ value: UInt64) -> UInt64 {
        kind.rawValue << 62 | value & (1 << 62 - 1)
    }

    public static func kind(of key: UInt64) -> Kind { Kind(rawValue: key >> 62)! }

    private mutating func add(_ key: UInt64) { counts[key, default: 0] += 1 }

    /// The feature as a reader would say it: a bigram's two characters, a concept's name. Nil for a
    /// category (its code is not kept in the key).
    public static func label(of key: UInt64, matcher: ProblemVocabularyMatcher = .shared) -> String? {
        let value = key & (1 << 62 - 1)
        func text(_ scalar: UInt32) -> String {
            if ProblemVocabularyMatcher.isConcept(scalar) { return matcher.conceptName(scalar) ?? "" }
            return Unicode.Scalar(scalar).map { String(Character($0)) } ?? ""
        }
        switch kind(of: key) {
        case .bigram: return text(UInt32(value >> 21)) + text(UInt32(value & 0x1F_FFFF))
        case .unigram, .concept: return text(UInt32(value))
        case .category: return nil
        }
    }
}

/// Finds `ProblemVocabulary`'s words in a text, longest first, and cuts the text into segments of
/// scalars between punctuation, digits and filler, with each concept's words replaced by its scalar.
public struct ProblemVocabularyMatcher: Sendable {
    public static let shared = ProblemVocabularyMatcher(
        concepts: ProblemVocabulary.concepts, filler: ProblemVocabulary.filler)

    /// Concepts are the private-use scalars from U+E000.
    static let conceptBase: UInt32 = 0xE000

    /// Words by their first scalar, longest first; the value is the concept's scalar, or nil for filler.
    private let words: [UInt32: [(scalars: [UInt32], concept: UInt32?)]]
    private let names: [String]

    public init(concepts: [(name: String, words: [String])], filler: [String]) {
        var words: [UInt32: [(scalars: [UInt32], concept: UInt32?)]] = [:]
        func add(_ word: String, _ concept: UInt32?) {
            let scalars = Self.normalised(word)
            guard let first = scalars.first else { return }
            words[first, default: []].append((scalars, concept))
        }
        for (index, concept) in concepts.enumerated() {
            for word in concept.words { add(word, Self.conceptBase + UInt32(index)) }
        }
        for word in filler { add(word, nil) }
        self.words = words.mapValues { $0.sorted { $0.scalars.count > $1.scalars.count } }
        self.names = concepts.map(\.name)
    }

    static func isConcept(_ scalar: UInt32) -> Bool { (0xE000..<0xF000).contains(scalar) }

    func conceptName(_ scalar: UInt32) -> String? {
        let index = Int(scalar) - Int(Self.conceptBase)
        return names.indices.contains(index) ? names[index] : nil
    }

    /// Full-width letters and digits as ASCII, ASCII letters in lower case.
    static func normalised(_ text: String) -> [UInt32] {
        text.unicodeScalars.map { scalar in
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if (0x41...0x5A).contains(value) { value += 0x20 }
            return value
        }
    }

    /// Han characters and ASCII letters carry meaning; everything else separates segments.
    static func isWordScalar(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x61...0x7A).contains(value)
    }

    /// The segments of `text`: runs of meaningful scalars with the vocabulary applied.
    public func segments(of text: String) -> [[UInt32]] {
        let scalars = Self.normalised(text)
        var segments: [[UInt32]] = []
        var current: [UInt32] = []
        func cut() {
            if !current.isEmpty { segments.append(current) }
            current = []
        }
        var index = 0
        while index < scalars.count {
            let value = scalars[index]
            if let candidates = words[value],
                let match = candidates.first(where: { Self.matches($0.scalars, in: scalars, at: index) })
            {
                if let concept = match.concept { current.append(concept) } else { cut() }
                index += match.scalars.count
                continue
            }
            if Self.isWordScalar(value) { current.append(value) } else { cut() }
            index += 1
        }
        cut()
        return segments
    }

    private static func matches(_ word: [UInt32], in scalars: [UInt32], at start: Int) -> Bool {
        guard start + word.count <= scalars.count else { return false }
        for offset in word.indices where scalars[start + offset] != word[offset] { return false }
        return true
    }
}
