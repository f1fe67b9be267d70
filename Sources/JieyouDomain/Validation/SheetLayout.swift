/// What every reader of an imported sheet needs besides its own rules: the header found by its texts
/// (Chinese, in any order, under an optional title, within the first five rows), a row's cells by
/// column, and the errors found, each at its row and column with the header as the sheet writes it.
public struct SheetLayout<Column: Hashable & Sendable>: Sendable {
    public private(set) var columns: [Column: Int] = [:]
    private var headerNames: [Int: String] = [:]
    public private(set) var headerRow: Int?
    private var found: [SheetError] = []
    public let errorLimit: Int
    /// Every error, also those past `errorLimit` that are counted but not kept.
    public private(set) var errorCount = 0

    public init(errorLimit: Int) {
        self.errorLimit = errorLimit
    }

    /// The errors kept, in the order a person reads the sheet.
    public var errors: [SheetError] { found.inSheetOrder() }

    /// Reads `cells` as the header when each of `required` is named by one of its `aliases` (compared
    /// without spaces, asterisks and 必填/选填 notes). Returns whether the row was the header.
    public mutating func findHeader(
        row number: Int, cells: [String], aliases: [(column: Column, names: [String])], required: [Column]
    ) -> Bool {
        guard headerRow == nil, number <= 5 else { return false }
        var found: [Column: Int] = [:]
        var names: [Int: String] = [:]
        for (index, cell) in cells.enumerated() {
            let normal = EnterpriseSheet.normalise(cell).lowercased()
            guard !normal.isEmpty else { continue }
            names[index] = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            for (column, candidates) in aliases where found[column] == nil {
                if candidates.contains(where: { EnterpriseSheet.normalise($0).lowercased() == normal }) {
                    found[column] = index
                    break
                }
            }
        }
        guard required.allSatisfy({ found[$0] != nil }) else { return false }
        columns = found
        headerNames = names
        headerRow = number
        return true
    }

    /// The column's cell in `cells`, trimmed; nil when the sheet has no such column or the cell is blank.
    public func cell(_ column: Column, in cells: [String]) -> String? {
        guard let index = columns[column], index < cells.count else { return nil }
        let text = cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// Reports every cell of the row that holds a control character; true when one did.
    public mutating func reportControlCharacters(row number: Int, cells: [String]) -> Bool {
        let before = errorCount
        for (column, index) in columns.sorted(by: { $0.value < $1.value }) where index < cells.count {
            if let character = ControlCharacters.first(in: cells[index]) {
                report(
                    row: number, column,
                    ControlCharacters.message(field: headerNames[index] ?? "第\(index + 1)列", character: character))
            }
        }
        return errorCount > before
    }

    /// An error at `row` in `column` (nil: the whole row).
    public mutating func report(row: Int, _ column: Column?, _ message: String) {
        errorCount += 1
        guard found.count < errorLimit else { return }
        let index = column.flatMap { columns[$0] }
        found.append(
            SheetError(
                row: row, column: index.map(SheetColumn.letters), header: index.flatMap { headerNames[$0] },
                message: message))
    }
}
