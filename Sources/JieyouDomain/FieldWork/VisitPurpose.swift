/// Why a cadre went to an enterprise (走访目的); a visit has one or more.
public enum VisitPurpose: String, Sendable, CaseIterable, Codable {
    case survey
    case policyBriefing
    case problemFinding
    case demandCollection
    case lookBack

    public var chineseName: String {
        switch self {
        case .survey: "实地调研"
        case .policyBriefing: "政策宣讲"
        case .problemFinding: "问题查找"
        case .demandCollection: "诉求建议收集"
        case .lookBack: "回头看"
        }
    }
}

/// What was found at a visit or a meeting: a problem (问题/诉求) or a suggestion (建议). Kept with the
/// visit or meeting, and taken into the problem ledger from there.
public enum FindingKind: String, Sendable, CaseIterable, Codable {
    case problem
    case suggestion

    public var chineseName: String {
        switch self {
        case .problem: "问题诉求"
        case .suggestion: "意见建议"
        }
    }
}
