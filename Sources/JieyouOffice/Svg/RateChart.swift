/// Horizontal bars of rates from 0 to 100%, one row per name with its share and sample written beside
/// it, drawn as SVG. Used for rankings, where a bar without its sample misleads. A row may link to
/// the list behind it.
public struct RateChart: Sendable {
    public struct Row: Sendable {
        public let label: String
        /// 0…1.
        public let value: Double
        /// `87.5%（7/8）`.
        public let note: String
        public let link: String?

        public init(label: String, value: Double, note: String, link: String? = nil) {
            self.label = label
            self.value = value
            self.note = note
            self.link = link
        }
    }

    public let title: String
    public let rows: [Row]
    public var width = 640

    public init(title: String, rows: [Row]) {
        self.title = title
        self.rows = rows
    }

    public var svg: String {
        guard !rows.isEmpty else { return "" }
        let rowHeight = 26.0
        let labelWidth = 170.0
        let noteWidth = 150.0
        let plotWidth = Double(width) - labelWidth - noteWidth
        let height = Int(rowHeight) * rows.count + 8
        var canvas = SvgCanvas()
        canvas.line(x1: labelWidth, y1: 0, x2: labelWidth, y2: Double(height))
        for (index, row) in rows.enumerated() {
            let y = 4 + rowHeight * Double(index)
            canvas.text(row.label, x: labelWidth - 6, y: y + 17, anchor: .end, link: row.link)
            canvas.rect(
                x: labelWidth, y: y + 4, width: plotWidth * min(max(row.value, 0), 1), height: rowHeight - 8,
                fill: ChartPalette.primary, tooltip: "\(row.label)：\(row.note)", link: row.link)
            canvas.text(row.note, x: Double(width) - noteWidth + 6, y: y + 17, fill: "#555", link: row.link)
        }
        return canvas.svg(title: title, width: width, height: height)
    }
}
