/// Horizontal bars split into parts (a category's problems by where they stand), one row per name,
/// the parts' colours named in a legend and the row's total written after it, drawn as SVG. Each part
/// and each total may link to the list behind it.
public struct StackedBarChart: Sendable {
    public struct Row: Sendable {
        public let label: String
        /// One count per part, in the order of `parts`, each with its list.
        public let values: [(value: Int, link: String?)]
        public let totalLink: String?

        public init(label: String, values: [(value: Int, link: String?)], totalLink: String? = nil) {
            self.label = label
            self.values = values
            self.totalLink = totalLink
        }

        public var total: Int { values.reduce(0) { $0 + $1.value } }
    }

    public let title: String
    /// The parts' names and colours.
    public let parts: [(name: String, color: String)]
    public let rows: [Row]
    public var width = 640

    public init(title: String, parts: [(name: String, color: String)], rows: [Row]) {
        self.title = title
        self.parts = parts
        self.rows = rows
    }

    public var svg: String {
        guard !rows.isEmpty else { return "" }
        let legendHeight = 26.0
        let rowHeight = 26.0
        let labelWidth = 130.0
        let totalWidth = 60.0
        let plotWidth = Double(width) - labelWidth - totalWidth
        let height = Int(legendHeight + rowHeight * Double(rows.count) + 8)
        let maxTotal = max(rows.map(\.total).max() ?? 0, 1)
        var canvas = SvgCanvas()
        var x = labelWidth
        for part in parts {
            canvas.legend(part.name, color: part.color, x: x, y: 16)
            x += Double(part.name.count) * 12 + 30
        }
        canvas.line(x1: labelWidth, y1: legendHeight, x2: labelWidth, y2: Double(height))
        for (index, row) in rows.enumerated() {
            let y = legendHeight + 4 + rowHeight * Double(index)
            canvas.text(row.label, x: labelWidth - 6, y: y + 17, anchor: .end, link: row.totalLink)
            var left = labelWidth
            for (n, part) in parts.enumerated() where n < row.values.count {
                let value = row.values[n]
                guard value.value > 0 else { continue }
                let w = plotWidth * Double(value.value) / Double(maxTotal)
                canvas.rect(
                    x: left, y: y + 4, width: w, height: rowHeight - 8, fill: part.color,
                    tooltip: "\(row.label) \(part.name)：\(value.value)", link: value.link)
                left += w
            }
            canvas.text("\(row.total)", x: left + 6, y: y + 17, fill: "#555", link: row.totalLink)
        }
        return canvas.svg(title: title, width: width, height: height)
    }
}
