import Foundation

/// The roles of PRODUCT.md §1. A user holds one or more.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// 管委会综合小组 / 系统管理员
    case admin
    /// 服务小组 / 专班办公室
    case dispatcher
    /// 责任单位经办人
    case handler
    /// 联点干部 / 驻企干部
    case cadre
    /// 领导小组 / 分管领导
    case leader
    /// 企业联系人
    case enterprise
    /// 营商环境监测员 / 清廉园区监测员
    case monitor
    /// 市/省推进机制专班
    case upper

    public var chineseName: String {
        switch self {
        case .admin: "系统管理员"
        case .dispatcher: "服务小组（调度）"
        case .handler: "责任单位经办人"
        case .cadre: "联点干部"
        case .leader: "领导"
        case .enterprise: "企业联系人"
        case .monitor: "监测员"
        case .upper: "上级专班"
        }
    }

    /// Government staff, as opposed to people outside the administration (enterprises, monitors).
    public var isStaff: Bool {
        switch self {
        case .enterprise, .monitor: false
        default: true
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses a list such as `admin,dispatcher`; nil when any name is unknown.
    public static func parseList(_ text: String) -> Set<Role>? {
        var roles: Set<Role> = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let role = Role(rawValue: name) else { return nil }
            roles.insert(role)
        }
        return roles
    }
}
