/// The few SVG elements the charts draw, written as text with every label escaped, coordinates
/// rounded to a tenth, and a mark wrapped in a link when it has one — so a chart drawn on the server
/// needs no script, prints, and takes the reader to the list behind each number.
struct SvgCanvas {
    private(set) var body = ""

    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, tooltip: String, link: String? = nil
    ) {
        linked(link) {
            "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" height=\"\(Self.number(max(height, 0)))\" fill=\"\(fill)\"><title>\(XMLText.escape(tooltip))</title></rect>"
        }
    }

    enum Anchor: String {
        case start, middle, end
    }

    mutating func text(
        _ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Int = 12, fill: String = "#333",
        link: String? = nil
    ) {
        linked(link) {
            "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor.rawValue)\" font-size=\"\(size)\" fill=\"\(fill)\">\(XMLText.escape(content))</text>"
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#999") {
        body +=
            "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\"/>"
    }

    /// A diamond centred on (x, y), as a timeline marks a milestone.
    mutating func diamond(x: Double, y: Double, radius: Double, fill: String, tooltip: String) {
        let points = [(x, y - radius), (x + radius, y), (x, y + radius), (x - radius, y)]
            .map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        body +=
            "<polygon points=\"\(points)\" fill=\"\(fill)\" stroke=\"#333\" stroke-width=\"0.5\"><title>\(XMLText.escape(tooltip))</title></polygon>"
    }

    /// A legend entry: a swatch and its name.
    mutating func legend(_ name: String, color: String, x: Double, y: Double) {
        rect(x: x, y: y - 10, width: 12, height: 12, fill: color, tooltip: name)
        text(name, x: x + 16, y: y, size: 12, fill: "#333")
    }

    private mutating func linked(_ link: String?, _ element: () -> String) {
        if let link {
            body += "<a href=\"\(XMLText.escape(link))\">\(element())</a>"
        } else {
            body += element()
        }
    }

    /// The whole `<svg>`: scales to its container and names itself for screen readers.
    func svg(title: String, width: Int, height: Int) -> String {
        let title = XMLText.escape(title)
        return
            "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(title)\" xmlns=\"http://www.w3.org/2000/svg\"><title>\(title)</title>\(body)</svg>"
    }
}

/// The charts' colours: a blue for single series, and distinct hues for stacked or paired ones.
public enum ChartPalette {
    public static let primary = "#2f6fb2"
    public static let series = ["#94a3b8", "#f59e0b", "#2f6fb2", "#16a34a", "#dc2626", "#7c3aed"]
}
