/// What 部门考核 weighs (seeds 002 and 003: 强化调度督查, 绩效考核, 通报批评 for units that act slowly):
/// how a department answered, finished on time, satisfied the enterprises and did not have to redo its
/// work, how often it had to be 督办, whether it reported its 攻坚 tasks' 旬调度 on time, and whether it
/// published its 双公示 decisions on time.
public enum AssessmentIndicator: String, Sendable, Codable, CaseIterable, Hashable {
    case responseRate
    case onTimeRate
    case satisfactionRate
    case reopenRate
    case supervisions
    case planReporting
    case creditPublication

    public var chineseName: String {
        switch self {
        case .responseRate: "响应率"
        case .onTimeRate: "按期办结率"
        case .satisfactionRate: "满意率"
        case .reopenRate: "重办率"
        case .supervisions: "被督办"
        case .planReporting: "旬调度按时报送率"
        case .creditPublication: "双公示按期公示率"
        }
    }

    /// How the indicator turns into points, as the page shows it.
    public var rule: String {
        switch self {
        case .responseRate, .onTimeRate, .satisfactionRate, .planReporting, .creditPublication:
            "权重 × 比率"
        case .reopenRate: "权重 × (1 − 重办率)"
        case .supervisions: "每被督办1件扣权重的\(AssessmentScheme.supervisionStepPercent)%，扣完为止"
        }
    }

    /// A rate the department is better for having high; the others count against it.
    public var isRate: Bool { self != .supervisions }
}
