import Foundation

/// Reads the work-order sheet that the 12345 hotline and the province's 营商环境 platform hand a park
/// (工单编号, 来电/受理时间, 诉求人, 联系电话, 诉求内容, 诉求类别, 办理单位, 办结时限 …): a header with
/// Chinese column names in any order, possibly under a title, then one order per row. Each row is
/// checked by itself — its number (once in the sheet), its day, its category, its phone — and every
/// error is reported at its row and column. Departments and enterprises are named by text; matching
/// them is the caller's, which reports through `report(row:_:_:)`.
public struct WorkOrderSheet {
    public enum Column: String, CaseIterable, Sendable {
        case number, receivedAt, platform, requester, phone, content, category, department, dueOn, enterprise

        /// The header the reply sheet writes (and the template shows).
        public var header: String {
            switch self {
            case .number: "工单编号"
            case .receivedAt: "来电/受理时间"
            case .platform: "工单来源"
            case .requester: "诉求人"
            case .phone: "联系电话"
            case .content: "诉求内容"
            case .category: "诉求类别"
            case .department: "办理单位"
            case .dueOn: "办结时限"
            case .enterprise: "涉及企业"
            }
        }

        /// The names platforms and people give the column.
        var aliases: [String] {
            switch self {
            case .number: [header, "工单号", "工单编码", "诉求编号", "编号"]
            case .receivedAt: [header, "来电时间", "受理时间", "来电受理时间", "登记时间", "诉求时间", "反映时间"]
            case .platform: [header, "来源", "来源渠道", "受理渠道", "渠道"]
            case .requester: [header, "来电人", "投诉人", "反映人", "姓名", "诉求人姓名"]
            case .phone: [header, "来电号码", "联系方式", "电话", "手机号", "手机号码"]
            case .content: [header, "来电内容", "投诉内容", "反映内容", "问题描述", "内容"]
            case .category: [header, "诉求类型", "工单类型", "工单类别", "类别", "类型"]
            case .department: [header, "承办单位", "责任单位", "交办单位", "处理单位"]
            case .dueOn: [header, "办理时限", "要求办结时间", "截止时间", "办结期限"]
            case .enterprise: [header, "企业名称", "被反映企业", "涉及企业名称"]
            }
        }
    }

    /// One good row, with the names the caller resolves.
    public struct Entry: Sendable, Hashable {
        public let row: Int
        public let number: String
        public let receivedOn: LocalDate
        public let platform: String?
        public let requester: String?
        public let phone: String?
        public let content: String
        public let kind: ProblemKind
        public let department: String?
        public let dueOn: LocalDate?
        public let enterprise: String?
    }

    public static let maxContent = 2000
    /// The categories the platforms use, and what each is in the ledger: 举报 is a complaint, 求助 a
    /// request for help.
    public static let categories: [String: ProblemKind] = [
        "投诉": .complaint, "举报": .complaint, "投诉举报": .complaint, "诉求": .request, "求助": .request,
        "咨询": .inquiry, "政策咨询": .inquiry,
    ]

    private var layout = SheetLayout<Column>(errorLimit: 200)
    private var numbers: [String: Int] = [:]
    public let today: LocalDate

    public init(today: LocalDate) {
        self.today = today
    }

    public var headerRow: Int? { layout.headerRow }
    public var errors: [SheetError] { layout.errors }
    public var errorCount: Int { layout.errorCount }

    public mutating func read(row number: Int, cells: [String]) -> Entry? {
        if layout.headerRow == nil {
            _ = layout.findHeader(
                row: number, cells: cells, aliases: Column.allCases.map { ($0, $0.aliases) },
                required: [.number, .content])
            return nil
        }
        if cells.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { return nil }
        if layout.reportControlCharacters(row: number, cells: cells) { return nil }
        let before = layout.errorCount
        func cell(_ column: Column) -> String? { layout.cell(column, in: cells) }
        let orderNumber = cell(.number)
        if let orderNumber {
            if orderNumber.count > 40 {
                layout.report(row: number, .number, "工单编号不能超过40个字符")
            } else if let first = numbers[orderNumber] {
                layout.report(row: number, .number, "工单编号“\(orderNumber)”与第\(first)行重复")
            } else {
                numbers[orderNumber] = number
            }
        } else {
            layout.report(row: number, .number, "工单编号不能为空")
        }
        let received = cell(.receivedAt).flatMap(Self.day(in:))
        if let text = cell(.receivedAt), received == nil {
            layout.report(row: number, .receivedAt, "来电/受理时间“\(text)”无法识别，应如 2026-11-03 09:30")
        } else if cell(.receivedAt) == nil {
            layout.report(row: number, .receivedAt, "来电/受理时间不能为空")
        } else if let received, received > today || received < today.adding(days: -366) {
            layout.report(row: number, .receivedAt, "来电/受理时间应在一年以内且不晚于今天")
        }
        let content = cell(.content)
        if content == nil {
            layout.report(row: number, .content, "诉求内容不能为空")
        } else if content!.count > Self.maxContent {
            layout.report(row: number, .content, "诉求内容不能超过\(Self.maxContent)字")
        }
        let kind = cell(.category).flatMap { Self.categories[$0] }
        if kind == nil {
            let text = cell(.category).map { "“\($0)”无法识别" } ?? "不能为空"
            layout.report(row: number, .category, "诉求类别\(text)，应为投诉、举报、诉求、求助或咨询")
        }
        let phone = cell(.phone)
        if let phone, !ContactRules.isValidPhone(phone) {
            layout.report(row: number, .phone, "联系电话“\(phone)”格式不正确，应为11位手机号或区号-号码")
        }
        let requester = cell(.requester)
        if let requester, requester.count > 50 { layout.report(row: number, .requester, "诉求人不能超过50个字") }
        if requester == nil && phone == nil && kind != nil && kind != .complaint {
            layout.report(row: number, .phone, "\(kind!.chineseName)须有诉求人或联系电话，以便答复")
        }
        let due = cell(.dueOn).flatMap(Self.day(in:))
        if let text = cell(.dueOn), due == nil {
            layout.report(row: number, .dueOn, "办结时限“\(text)”无法识别，应如 2026-11-10")
        } else if let due, let received, due < received {
            layout.report(row: number, .dueOn, "办结时限不能早于来电/受理时间")
        }
        guard layout.errorCount == before, let orderNumber, let received, let content, let kind else { return nil }
        return Entry(
            row: number, number: orderNumber, receivedOn: received, platform: cell(.platform), requester: requester,
            phone: phone, content: content, kind: kind, department: cell(.department), dueOn: due,
            enterprise: cell(.enterprise))
    }

    /// Call after the last row: reports a sheet without a header or without any order.
    public mutating func finish(entriesRead: Int) {
        if layout.headerRow == nil {
            layout.report(row: 1, nil, "没有找到表头：前5行中应有“工单编号”和“诉求内容”两列（可下载导入模板对照）")
        } else if entriesRead == 0 && layout.errorCount == 0 {
            layout.report(row: layout.headerRow! + 1, nil, "表头下没有工单")
        }
    }

    /// Reports an error the caller found (an unknown department or enterprise) at its row and column.
    public mutating func report(row: Int, _ column: Column, _ message: String) {
        layout.report(row: row, column, message)
    }

    /// The day of a date or date-time cell as platforms export it: `2026-11-03 09:30`, `2026/11/3`,
    /// `2026年11月3日 9时30分`, or an Excel day number with a fraction for the time (`46329.39`).
    public static func day(in text: String) -> LocalDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let serial = Double(trimmed), serial >= 1, serial < 100_000 {
            return LocalDate(iso: "1899-12-30")!.adding(days: Int(serial.rounded(.down)))
        }
        var date = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? trimmed
        if let end = date.firstIndex(of: "日") { date = String(date[..<end]) }
        return LocalDate.parsing(date)
    }

    /// The reply sheet's columns after the order's own: what the park did with it.
    public static let replyHeaders = ["办理状态", "办理结果", "答复方式", "办结时间", "回访满意度"]
}
