/// What kind of unit a department (部门/责任单位) is.
public enum DepartmentKind: String, Sendable, Codable, CaseIterable {
    /// 局/办, e.g. 经济发展局, 行政审批服务局
    case bureau
    /// 专班, e.g. 推进机制综合专班
    case taskForce
    /// 工作小组: 综合 / 政策 / 服务 / 宣传 groups of the park
    case workingGroup
    /// 国企, e.g. 西投公司
    case company
    /// 街道/镇
    case streetTown
    /// External units that take assignments: 税务局, 电力公司, 银行
    case external

    public var chineseName: String {
        switch self {
        case .bureau: "局/办"
        case .taskForce: "专班"
        case .workingGroup: "工作小组"
        case .company: "国有企业"
        case .streetTown: "街道/镇"
        case .external: "外部单位"
        }
    }
}
