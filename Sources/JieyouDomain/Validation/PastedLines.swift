/// Lists typed into a box or pasted from a sheet: one record per non-empty line, fields separated by a
/// tab (what Excel and WPS put on the clipboard) or a comma, half or full width. The last field takes
/// the rest of the line, so a problem's text may contain commas.
public enum PastedLines {
    public struct Record: Equatable, Sendable {
        /// 1-based, counting blank lines too, as the person sees the box.
        public let line: Int
        public let fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public static func records(_ text: String, maxFields: Int, separators: Set<Character> = ["\t", ",", "，"])
        -> [Record]
    {
        var records: [Record] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let fields = line.split(
                maxSplits: max(maxFields - 1, 0), omittingEmptySubsequences: false, whereSeparator: separators.contains
            ).map { $0.trimmingCharacters(in: .whitespaces) }
            records.append(Record(line: index + 1, fields: fields))
        }
        return records
    }
}
