import SQLKit

/// How a ledger page is ordered: by deadline (the default: those without one last), by number, or by
/// the time a problem came in; up or down. Every order ends on the problem's id, so pages never
/// overlap or skip.
struct LedgerOrder: Sendable, Equatable {
    enum Column: String, Sendable, CaseIterable {
        case deadline, number, submitted
    }

    var column: Column = .deadline
    var descending = false

    init(_ column: Column = .deadline, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// `deadline`, `-deadline`, `number` …
    init?(_ text: String) {
        let descending = text.hasPrefix("-")
        guard let column = Column(rawValue: String(descending ? text.dropFirst() : Substring(text))) else {
            return nil
        }
        self.init(column, descending: descending)
    }

    var text: String { (descending ? "-" : "") + column.rawValue }

    /// The same column the other way round.
    var reversed: LedgerOrder { LedgerOrder(column, descending: !descending) }

    var sql: SQLQueryString {
        let direction: SQLQueryString = descending ? " DESC" : ""
        switch column {
        case .deadline:
            return "CASE WHEN p.deadline IS NULL THEN 1 ELSE 0 END, p.deadline\(direction), p.number\(direction), p.id"
        case .number: return "p.number\(direction), p.id"
        case .submitted: return "p.created_at\(direction), p.number\(direction), p.id"
        }
    }
}
