/// Vertical columns over a row of categories (days, 旬 …), one column per series side by side, drawn
/// as SVG. Category labels are thinned out when there are more than fit; each column and label may
/// link to the list behind it.
public struct ColumnChart: Sendable {
    public struct Series: Sendable {
        public let name: String
        public let color: String
        /// One value per category, with the list it counts.
        public let values: [(value: Int, link: String?)]

        public init(name: String, color: String = ChartPalette.primary, values: [(value: Int, link: String?)]) {
            self.name = name
            self.color = color
            self.values = values
        }
    }

    public let title: String
    public let categories: [(label: String, link: String?)]
    public let series: [Series]
    public var width = 640
    public var height = 220

    public init(title: String, categories: [(label: String, link: String?)], series: [Series]) {
        self.title = title
        self.categories = categories
        self.series = series
    }

    /// One series of plain numbers: the coverage page's visits per day.
    public init(title: String, bars: [(label: String, value: Int)]) {
        self.init(
            title: title, categories: bars.map { ($0.label, nil) },
            series: [Series(name: title, values: bars.map { ($0.value, nil) })])
    }

    /// The SVG text; empty when there is nothing to draw.
    public var svg: String {
        guard !categories.isEmpty, !series.isEmpty else { return "" }
        let legend = series.count > 1 ? 22.0 : 0
        let top = 16.0 + legend
        let bottom = 28.0
        let left = 40.0
        let plotHeight = Double(height) - top - bottom
        let maxValue = max(series.flatMap { $0.values.map(\.value) }.max() ?? 0, 1)
        let slot = (Double(width) - left) / Double(categories.count)
        let columnWidth = max(slot * 0.75 / Double(series.count), 1)
        let labelEvery = max(Int((Double(categories.count) * 64 / (Double(width) - left)).rounded(.up)), 1)
        var canvas = SvgCanvas()
        if series.count > 1 {
            for (index, s) in series.enumerated() {
                canvas.legend(s.name, color: s.color, x: left + Double(index) * 110, y: 16)
            }
        }
        canvas.line(x1: left, y1: top + plotHeight, x2: Double(width), y2: top + plotHeight)
        canvas.text("\(maxValue)", x: left - 4, y: top + 4, anchor: .end, size: 11, fill: "#555")
        canvas.text("0", x: left - 4, y: top + plotHeight, anchor: .end, size: 11, fill: "#555")
        for (index, category) in categories.enumerated() {
            let start = left + slot * Double(index) + (slot - columnWidth * Double(series.count)) / 2
            for (n, s) in series.enumerated() where index < s.values.count {
                let value = s.values[index]
                let h = plotHeight * Double(value.value) / Double(maxValue)
                canvas.rect(
                    x: start + columnWidth * Double(n), y: top + plotHeight - h, width: columnWidth, height: h,
                    fill: s.color, tooltip: "\(category.label) \(s.name)：\(value.value)", link: value.link)
            }
            if index % labelEvery == 0 {
                canvas.text(
                    category.label, x: left + slot * (Double(index) + 0.5), y: Double(height) - 10, anchor: .middle,
                    size: 11, fill: "#555", link: category.link)
            }
        }
        return canvas.svg(title: title, width: width, height: height)
    }
}
