/// The kinds of 活动 of PRODUCT.md §2. The kind decides which outcomes a meeting records: financing
/// intents and on-site loans at 政银企对接会, deals at 供需对接会, problems at all of them.
public enum MeetingKind: String, Sendable, CaseIterable, Codable {
    case symposium
    case policyBriefing
    case assignment
    case lookBack
    case financing
    case supplyDemand
    case morningTea

    public var chineseName: String {
        switch self {
        case .symposium: "座谈会/恳谈会"
        case .policyBriefing: "政策宣讲会/解读会"
        case .assignment: "问题交办会"
        case .lookBack: "回头看座谈会"
        case .financing: "政银企对接会"
        case .supplyDemand: "供需对接会"
        case .morningTea: "政企早茶会"
        }
    }

    public var recordsFinancing: Bool { self == .financing }
    public var recordsDeals: Bool { self == .supplyDemand }
}
