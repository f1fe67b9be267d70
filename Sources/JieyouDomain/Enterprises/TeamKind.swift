/// 一对一专班: a team that serves one key enterprise or one key project, led by a leader with cadres.
public enum TeamKind: String, Sendable, CaseIterable, Codable {
    case keyEnterprise
    case keyProject

    public var chineseName: String {
        switch self {
        case .keyEnterprise: "重点企业专班"
        case .keyProject: "重点项目专班"
        }
    }
}
