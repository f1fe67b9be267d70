/// How the person acting stands to one problem. The app works it out from the user's roles, org unit,
/// department and enterprise; the workflow decides from it alone, so the rules are testable here.
public enum ProblemParty: String, Sendable, CaseIterable, Comparable {
    /// A dispatcher (服务小组) of the org unit that owns the problem.
    case dispatcher
    /// A handler of the lead department (牵头单位).
    case leadHandler
    /// A handler of a co-department (配合单位): adds progress only.
    case coHandler
    /// The enterprise's own account.
    case enterprise
    /// A liaison cadre (驻企/联点干部) of the enterprise: revisits.
    case liaisonCadre
    /// A leader of the owning org unit: marks 领导包案 and 督办.
    case leader
    /// The monitor (监测员) that reported it: follows it and rates the result.
    case reportingMonitor
    /// Anyone else allowed to read the problem (an admin, the upper level).
    case reader

    public var chineseName: String {
        switch self {
        case .dispatcher: "服务小组（调度）"
        case .leadHandler: "牵头单位经办人"
        case .coHandler: "配合单位经办人"
        case .enterprise: "企业本身"
        case .liaisonCadre: "联点干部"
        case .leader: "领导"
        case .reportingMonitor: "反映问题的监测员"
        case .reader: "其他查阅人员"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
