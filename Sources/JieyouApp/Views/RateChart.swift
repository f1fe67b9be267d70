/// Horizontal bars of rates from 0 to 100%, one row per name with its share and sample written
/// beside it, drawn on the server as SVG. Used for rankings, where a bar without its sample misleads.
struct RateChart {
    let title: String
    let rows: [(label: String, value: Double, note: String)]
    var width = 640

    var svg: HTML {
        guard !rows.isEmpty else { return .empty }
        let rowHeight = 26
        let labelWidth = 170
        let noteWidth = 150
        let plotWidth = Double(width - labelWidth - noteWidth)
        let height = rowHeight * rows.count + 8
        var parts: [HTML] = []
        for (index, row) in rows.enumerated() {
            let y = 4 + rowHeight * index
            let w = (plotWidth * min(max(row.value, 0), 1) * 10).rounded() / 10
            parts.append(
                """
                <text x="\(labelWidth - 6)" y="\(y + 17)" text-anchor="end" font-size="12" fill="#333">\(row.label)</text>\
                <rect x="\(labelWidth)" y="\(y + 4)" width="\(describing: w)" height="\(rowHeight - 8)" fill="#2f6fb2"><title>\(row.label)：\(row.note)</title></rect>\
                <text x="\(width - noteWidth + 6)" y="\(y + 17)" font-size="12" fill="#555">\(row.note)</text>
                """)
        }
        return """
            <svg class="chart" viewBox="0 0 \(width) \(height)" role="img" aria-label="\(title)" xmlns="http://www.w3.org/2000/svg">\
            <title>\(title)</title>\
            <line x1="\(labelWidth)" y1="0" x2="\(labelWidth)" y2="\(height)" stroke="#999"/>\
            \(parts)</svg>
            """
    }
}
