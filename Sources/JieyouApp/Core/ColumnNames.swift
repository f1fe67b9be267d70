import NIOConcurrencyHelpers
import SQLKit

/// Decoding rows into structs whose camelCase properties name snake_case columns.
///
/// SQLKit's `.convertFromSnakeCase` derives the column name from the Swift key again for every column
/// of every row, with a Unicode property lookup per character: in a profile of create + accept +
/// assign it was 9% of the server's CPU. The names are few and fixed, so this strategy derives each
/// once and remembers it.
enum ColumnNames {
    static let snakeCase: SQLRowDecoder.KeyDecodingStrategy = .custom { path in
        SomeCodingKey(stringValue: column(for: path.last?.stringValue ?? ""))
    }

    private static let known = NIOLockedValueBox<[String: String]>([:])

    /// `orgUnitId` → `org_unit_id`, by SQLKit's own conversion (after Foundation's): words start at
    /// each capital, a run of capitals is one word, and each word's first letter is lowered.
    static func column(for key: String) -> String {
        if let name = known.withLockedValue({ $0[key] }) { return name }
        let name = snakeCased(key)
        known.withLockedValue { $0[key] = name }
        return name
    }

    static func snakeCased(_ key: String) -> String {
        guard !key.isEmpty else { return key }
        var words: [Range<String.Index>] = []
        var wordStart = key.startIndex
        var searchIndex = key.index(after: wordStart)
        while let upper = key[searchIndex...].firstIndex(where: \.isUppercase) {
            words.append(wordStart..<upper)
            wordStart = upper
            guard let lower = key[upper...].firstIndex(where: \.isLowercase) else { break }
            searchIndex = lower
            if lower != key.index(after: upper) {
                let beforeLower = key.index(before: lower)
                words.append(upper..<beforeLower)
                wordStart = beforeLower
            }
        }
        words.append(wordStart..<key.endIndex)
        return words.map { word in
            let text = key[word]
            return text.isEmpty ? "" : text.prefix(1).lowercased() + text.dropFirst()
        }.joined(separator: "_")
    }
}
