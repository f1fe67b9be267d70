import Foundation

/// Reads a sheet of accounts to open, as a park keeps its roster of cadres (seed 004 onboards 384 at
/// once): a header row with Chinese column names in any order (possibly under a title), then one
/// person per row. The reader checks what a row says by itself — a name, a phone, a username (or the
/// phone as one), known roles, no username twice — and reports every error at its row and column.
/// Units, departments and enterprises are named by text; matching them is the caller's, which
/// reports through `report(row:_:_:)` so its errors land in the same place.
public struct AccountSheet {
    public enum Column: String, CaseIterable, Sendable {
        case name, phone, username, unit, department, roles, enterprises, email

        public var header: String {
            switch self {
            case .name: "姓名"
            case .phone: "手机号"
            case .username: "用户名"
            case .unit: "所属单位"
            case .department: "所属部门"
            case .roles: "角色"
            case .enterprises: "联系企业"
            case .email: "邮箱"
            }
        }

        var aliases: [String] {
            switch self {
            case .name: ["姓名", "名字", "干部姓名", "人员姓名"]
            case .phone: ["手机号", "手机号码", "手机", "联系电话", "电话", "联系方式"]
            case .username: ["用户名", "账号", "登录账号", "登录名"]
            case .unit: ["所属单位", "单位", "所属组织", "所属园区", "组织"]
            case .department: ["所属部门", "部门", "责任单位", "工作部门"]
            case .roles: ["角色", "系统角色", "身份"]
            case .enterprises: ["联系企业", "驻企企业", "联点企业", "包联企业", "所属企业", "企业"]
            case .email: ["邮箱", "电子邮箱", "邮件", "email", "e-mail"]
            }
        }
    }

    /// One good row, with the names the caller resolves.
    public struct Entry: Sendable {
        public let row: Int
        public let name: String
        public let phone: String?
        public let username: String
        public let unit: String?
        public let department: String?
        public let roles: Set<Role>
        /// 驻企 enterprises of a cadre, or the one enterprise of an enterprise contact: names or credit codes.
        public let enterprises: [String]
        public let email: String?
    }

    private var columns: [Column: Int] = [:]
    private var headerNames: [Int: String] = [:]
    private var usernames: [String: Int] = [:]
    public private(set) var headerRow: Int?
    /// The errors found, in the order of the sheet's rows and columns.
    public var errors: [SheetError] {
        found.inSheetOrder()
    }
    private var found: [SheetError] = []
    public let errorLimit: Int
    public private(set) var errorCount = 0

    public init(errorLimit: Int = 1000) {
        self.errorLimit = errorLimit
    }

    public mutating func read(row number: Int, cells: [String]) -> Entry? {
        if headerRow == nil {
            findHeader(row: number, cells: cells)
            return nil
        }
        if cells.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { return nil }
        let before = errorCount
        for (column, index) in columns.sorted(by: { $0.value < $1.value }) where index < cells.count {
            if let character = ControlCharacters.first(in: cells[index]) {
                report(
                    row: number, column,
                    ControlCharacters.message(field: headerNames[index] ?? column.header, character: character))
            }
        }
        if errorCount > before { return nil }
        func cell(_ column: Column) -> String? {
            guard let index = columns[column], index < cells.count else { return nil }
            let text = cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        let name = cell(.name)
        if name == nil {
            report(row: number, .name, "姓名不能为空")
        } else if name!.count > 40 {
            report(row: number, .name, "姓名不能超过40个字")
        }
        let phone = cell(.phone)
        if let phone, !ContactRules.isValidPhone(phone) {
            report(row: number, .phone, "手机号“\(phone)”格式不正确，应为11位手机号或“区号-号码”")
        }
        // Without a username the mobile number is the account, as government systems usually do.
        let mobile = phone.flatMap {
            $0.count == 11 && $0.allSatisfy(\.isNumber) && ContactRules.isValidPhone($0) ? $0 : nil
        }
        let username = cell(.username) ?? mobile
        if let username {
            if !ContactRules.isValidUsername(username) {
                report(row: number, .username, "用户名“\(username)”应为3到32位字母、数字、“_”“.”或“-”，以字母或数字开头")
            } else if let first = usernames[username.lowercased()] {
                report(row: number, columns[.username] != nil ? .username : .phone, "与第\(first)行的用户名重复")
            } else {
                usernames[username.lowercased()] = number
            }
        } else if phone == nil {
            report(row: number, .username, "请填写用户名，或填写手机号作为用户名")
        } else if ContactRules.isValidPhone(phone!) {
            report(row: number, .username, "请填写用户名（只有11位手机号可以作为用户名）")
        }
        var roles: Set<Role> = []
        if let text = cell(.roles) {
            for part in Self.split(text) {
                if let role = Self.role(named: part) {
                    roles.insert(role)
                } else {
                    report(
                        row: number, .roles,
                        "角色“\(part)”不存在，可填：\(Role.allCases.map(\.chineseName).joined(separator: "、"))")
                }
            }
        } else {
            report(row: number, .roles, "角色不能为空")
        }
        let enterprises = cell(.enterprises).map(Self.split) ?? []
        if !enterprises.isEmpty && !roles.isEmpty && !roles.contains(.cadre) && !roles.contains(.enterprise) {
            report(row: number, .enterprises, "只有联点干部（驻企企业）或企业联系人（所属企业）填写联系企业")
        }
        if roles.contains(.enterprise) && enterprises.count > 1 {
            report(row: number, .enterprises, "企业联系人只能属于一家企业")
        }
        let email = cell(.email)
        if let email, !EmailAddress.isValid(email) {
            report(row: number, .email, "邮箱“\(email)”格式不正确")
        }
        guard errorCount == before, let name, let username else { return nil }
        return Entry(
            row: number, name: name, phone: phone, username: username, unit: cell(.unit), department: cell(.department),
            roles: roles, enterprises: enterprises, email: email)
    }

    /// Call after the last row: reports a sheet without a header or without anyone.
    public mutating func finish(entriesRead: Int) {
        if headerRow == nil {
            errorCount += 1
            found.append(
                SheetError(row: 1, column: nil, header: nil, message: "没有找到表头：前5行中应有“姓名”和“角色”两列（可下载导入模板对照）"))
        } else if entriesRead == 0 && errorCount == 0 {
            errorCount += 1
            found.append(SheetError(row: headerRow! + 1, column: nil, header: nil, message: "表头下没有人员"))
        }
    }

    /// Reports an error at `row` in `column` (the caller's, for names it could not match).
    public mutating func report(row: Int, _ column: Column, _ message: String) {
        errorCount += 1
        guard found.count < errorLimit else { return }
        let index = columns[column]
        found.append(
            SheetError(
                row: row, column: index.map(SheetColumn.letters), header: index.flatMap { headerNames[$0] },
                message: message))
    }

    /// `联点干部、服务小组`: roles and enterprises are listed with any of the separators people use.
    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，;；/\n".contains($0) }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    /// A role by its Chinese name, a common short name, or its code.
    public static func role(named text: String) -> Role? {
        let name = text.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        if let role = Role(rawValue: name.lowercased()) { return role }
        for role in Role.allCases where role.chineseName == name { return role }
        let aliases: [String: Role] = [
            "管理员": .admin, "综合小组": .admin, "服务小组": .dispatcher, "调度": .dispatcher, "专班办公室": .dispatcher,
            "经办人": .handler, "责任单位": .handler, "驻企干部": .cadre, "干部": .cadre, "分管领导": .leader,
            "领导小组": .leader, "企业": .enterprise, "营商环境监测员": .monitor, "清廉园区监测员": .monitor, "监督员": .monitor,
            "营商环境监督员": .monitor, "推进机制专班": .upper,
        ]
        return aliases[name]
    }

    private mutating func findHeader(row number: Int, cells: [String]) {
        guard number <= 5 else { return }
        var found: [Column: Int] = [:]
        var names: [Int: String] = [:]
        for (index, cell) in cells.enumerated() {
            let normal = EnterpriseSheet.normalise(cell).lowercased()
            guard !normal.isEmpty else { continue }
            names[index] = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            for column in Column.allCases where found[column] == nil {
                if column.aliases.contains(where: { EnterpriseSheet.normalise($0).lowercased() == normal }) {
                    found[column] = index
                    break
                }
            }
        }
        guard found[.name] != nil, found[.roles] != nil else { return }
        columns = found
        headerNames = names
        headerRow = number
    }
}
