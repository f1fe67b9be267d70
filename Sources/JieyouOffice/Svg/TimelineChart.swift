import JieyouDomain

/// 挂图作战: a plan's tasks on a calendar, drawn as SVG. Each task is a bar from the plan's start to
/// its due date, filled as far as it has got and coloured by where it stands; milestones are diamonds
/// (filled when reached); a red line marks today. Rows come grouped under workstream or unit headings.
public struct TimelineChart: Sendable {
    public enum Row: Sendable {
        case heading(String)
        case task(Task)
    }

    public struct Task: Sendable {
        public let label: String
        public let units: String
        public let dueOn: LocalDate?
        public let percent: Int
        public let standing: TaskStanding
        public let milestones: [(title: String, on: LocalDate, reached: Bool)]
        public let link: String?

        public init(
            label: String, units: String, dueOn: LocalDate?, percent: Int, standing: TaskStanding,
            milestones: [(title: String, on: LocalDate, reached: Bool)] = [], link: String? = nil
        ) {
            self.label = label
            self.units = units
            self.dueOn = dueOn
            self.percent = percent
            self.standing = standing
            self.milestones = milestones
            self.link = link
        }
    }

    public let title: String
    public let from: LocalDate
    public let to: LocalDate
    public let today: LocalDate
    public let rows: [Row]
    public var width = 960

    public init(title: String, from: LocalDate, to: LocalDate, today: LocalDate, rows: [Row]) {
        self.title = title
        self.from = from
        self.to = max(to, from.adding(days: 1))
        self.today = today
        self.rows = rows
    }

    public static func color(_ standing: TaskStanding) -> String {
        switch standing {
        case .done: "#16a34a"
        case .behind: "#dc2626"
        case .inProgress: "#2f6fb2"
        case .notStarted: "#94a3b8"
        }
    }

    public var svg: String {
        guard !rows.isEmpty else { return "" }
        let labelWidth = 300.0
        let top = 44.0
        let rowHeight = 24.0
        let plotWidth = Double(width) - labelWidth - 16
        let height = Int(top + rowHeight * Double(rows.count) + 8)
        let span = Double(from.days(until: to))
        func x(_ day: LocalDate) -> Double {
            labelWidth + plotWidth * min(max(Double(from.days(until: day)) / span, 0), 1)
        }
        var canvas = SvgCanvas()
        var legendX = labelWidth
        for standing in TaskStanding.allCases {
            canvas.legend(standing.chineseName, color: Self.color(standing), x: legendX, y: 14)
            legendX += 72
        }
        // Month ticks.
        var month = from.firstOfMonth
        while month <= to {
            if month >= from {
                canvas.line(x1: x(month), y1: top - 6, x2: x(month), y2: Double(height), stroke: "#e2e8f0")
                canvas.text("\(month.month)月", x: x(month) + 2, y: top - 8, size: 11, fill: "#555")
            }
            month = month.lastOfMonth.adding(days: 1)
        }
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            switch row {
            case .heading(let name):
                canvas.rect(x: 0, y: y + 2, width: Double(width), height: rowHeight - 4, fill: "#f2f4f8", tooltip: name)
                canvas.text(name, x: 6, y: y + 17, size: 13, fill: "#111")
            case .task(let task):
                canvas.text(Self.clipped(task.label, 16), x: 6, y: y + 16, size: 12, link: task.link)
                canvas.text(
                    Self.clipped(task.units, 8), x: labelWidth - 6, y: y + 16, anchor: .end, size: 11, fill: "#555")
                let end = x(task.dueOn ?? to)
                let color = Self.color(task.standing)
                let tip =
                    "\(task.label)：\(task.units)，\(task.dueOn.map { "\($0.iso)前，" } ?? "")进度\(task.percent)%（\(task.standing.chineseName)）"
                canvas.rect(
                    x: labelWidth, y: y + 6, width: end - labelWidth, height: rowHeight - 12, fill: "#e2e8f0",
                    tooltip: tip, link: task.link)
                canvas.rect(
                    x: labelWidth, y: y + 6, width: (end - labelWidth) * Double(min(max(task.percent, 0), 100)) / 100,
                    height: rowHeight - 12, fill: color, tooltip: tip, link: task.link)
                for milestone in task.milestones {
                    canvas.diamond(
                        x: x(milestone.on), y: y + rowHeight / 2, radius: 6,
                        fill: milestone.reached ? "#16a34a" : "#fff",
                        tooltip: "\(milestone.title)：\(milestone.on.iso)\(milestone.reached ? "（已达成）" : "")")
                }
            }
        }
        if from <= today, today <= to {
            canvas.line(x1: x(today), y1: top - 4, x2: x(today), y2: Double(height), stroke: "#dc2626")
            canvas.text("今天", x: x(today) + 3, y: Double(height) - 4, size: 11, fill: "#dc2626")
        }
        return canvas.svg(title: title, width: width, height: height)
    }

    static func clipped(_ text: String, _ count: Int) -> String {
        text.count <= count ? text : String(text.prefix(count - 1)) + "…"
    }
}
