import Foundation

/// A rectangle of cells, such as a merged range `A3:A7`: 0-based columns, rows numbered as Excel shows
/// them.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public let columns: ClosedRange<Int>
    public let rows: ClosedRange<Int>

    public init(columns: ClosedRange<Int>, rows: ClosedRange<Int>) {
        self.columns = columns
        self.rows = rows
    }

    /// Reads `A3:B7` (or a single cell `C4`).
    public init?(reference: String) {
        let parts = reference.split(separator: ":").map(String.init)
        guard (1...2).contains(parts.count), let first = Self.cell(parts[0]),
            let last = Self.cell(parts[parts.count - 1]),
            first.column <= last.column, first.row <= last.row
        else { return nil }
        self.init(columns: first.column...last.column, rows: first.row...last.row)
    }

    public var description: String {
        ColumnName.letters(columns.lowerBound) + String(rows.lowerBound) + ":" + ColumnName.letters(columns.upperBound)
            + String(rows.upperBound)
    }

    private static func cell(_ text: String) -> (column: Int, row: Int)? {
        guard let column = ColumnName.index(ofReference: text) else { return nil }
        let digits = text.drop { !$0.isNumber }
        guard let row = Int(digits), row > 0 else { return nil }
        return (column, row)
    }
}

/// Finds a sheet's `<mergeCells>` without parsing the sheet: the format puts them after all the rows,
/// so a streaming reader would learn of them too late. The file is memory-mapped and searched from
/// its end, where they are.
enum MergedRanges {
    static func read(_ file: URL) throws -> [CellRange] {
        let data = try Data(contentsOf: file, options: .alwaysMapped)
        guard let end = data.range(of: Data("mergeCells>".utf8), options: .backwards),
            let start = data.range(of: Data("mergeCells".utf8), options: .backwards, in: 0..<end.lowerBound)
        else { return [] }
        let xml = String(decoding: data[start.upperBound..<end.lowerBound], as: UTF8.self)
        var ranges: [CellRange] = []
        var rest = xml[...]
        while let found = rest.range(of: #"ref=""#) {
            rest = rest[found.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            if let range = CellRange(reference: String(rest[..<close])) { ranges.append(range) }
            rest = rest[close...]
        }
        return ranges
    }
}
