/// A vertical bar chart drawn on the server as SVG, so it prints and needs no script. Labels are
/// thinned out when there are more bars than fit.
struct BarChart {
    let title: String
    let bars: [(label: String, value: Int)]
    var width = 640
    var height = 200

    var svg: HTML {
        guard !bars.isEmpty else { return .empty }
        let top = 16
        let bottom = 28
        let left = 36
        let plotHeight = height - top - bottom
        let maxValue = max(bars.map(\.value).max() ?? 0, 1)
        let slot = Double(width - left) / Double(bars.count)
        let barWidth = max(slot * 0.7, 1)
        let labelEvery = max(Int((Double(bars.count) * 64 / Double(width - left)).rounded(.up)), 1)
        var parts: [HTML] = []
        for (index, bar) in bars.enumerated() {
            let h = Double(plotHeight) * Double(bar.value) / Double(maxValue)
            let x = Double(left) + slot * Double(index) + (slot - barWidth) / 2
            let y = Double(top) + Double(plotHeight) - h
            parts.append(
                "<rect x=\"\(describing: rounded(x))\" y=\"\(describing: rounded(y))\" width=\"\(describing: rounded(barWidth))\" height=\"\(describing: rounded(h))\" fill=\"#2f6fb2\"><title>\(bar.label)：\(bar.value)</title></rect>"
            )
            if index % labelEvery == 0 {
                parts.append(
                    "<text x=\"\(describing: rounded(x + barWidth / 2))\" y=\"\(height - 10)\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">\(bar.label)</text>"
                )
            }
        }
        return """
            <svg class="chart" viewBox="0 0 \(width) \(height)" role="img" aria-label="\(title)" xmlns="http://www.w3.org/2000/svg">\
            <title>\(title)</title>\
            <line x1="\(left)" y1="\(top + plotHeight)" x2="\(width)" y2="\(top + plotHeight)" stroke="#999"/>\
            <text x="\(left - 4)" y="\(top + 4)" text-anchor="end" font-size="11" fill="#555">\(maxValue)</text>\
            <text x="\(left - 4)" y="\(top + plotHeight)" text-anchor="end" font-size="11" fill="#555">0</text>\
            \(parts)</svg>
            """
    }

    private func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
