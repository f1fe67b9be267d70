/// 问题类别: the ten categories of seed 000, shipped as data. Admins add sub-categories under them; a
/// category in use is never deleted.
public struct ProblemCategory: Hashable, Sendable, Codable {
    public let code: String
    public let name: String
    /// Working days to resolve by default (PRODUCT.md §3): 5 for 困难求助 and 政务服务, 10 otherwise.
    public let resolveDays: Int

    public init(code: String, name: String, resolveDays: Int) {
        self.code = code
        self.name = name
        self.resolveDays = resolveDays
    }

    /// In the order of seed 000's closing line.
    public static let shipped: [ProblemCategory] = [
        ProblemCategory(code: "hardship", name: "困难求助", resolveDays: 5),
        ProblemCategory(code: "breachOfTrust", name: "违约失信", resolveDays: 10),
        ProblemCategory(code: "enforcement", name: "涉企执法", resolveDays: 10),
        ProblemCategory(code: "unfairCompetition", name: "不正当竞争", resolveDays: 10),
        ProblemCategory(code: "forcedService", name: "强制服务", resolveDays: 10),
        ProblemCategory(code: "extortion", name: "索拿卡要", resolveDays: 10),
        ProblemCategory(code: "arbitraryCharges", name: "乱收费摊派", resolveDays: 10),
        ProblemCategory(code: "governmentService", name: "政务服务", resolveDays: 5),
        ProblemCategory(code: "rightsInfringement", name: "侵犯合法权益", resolveDays: 10),
        ProblemCategory(code: "opening", name: "影响扩大开放", resolveDays: 10),
    ]

    /// The sentence under seed 000's 问题清单, which the export repeats.
    public static let footnote =
        "问题类别包括：" + shipped.map(\.name).joined(separator: "、") + "。"
}

/// The time limits of the loop, in working days (PRODUCT.md §3), configurable per org.
public struct ProblemTimeLimits: Hashable, Sendable, Codable {
    public var acceptDays = 1
    public var signDays = 1
    /// Per category code; a category not listed (a sub-category) takes `defaultResolveDays`.
    public var resolveDays: [String: Int]
    public var defaultResolveDays = 10
    public var revisitDays = 3
    /// A department added later (加派) has this long from the day it is added.
    public var addedDepartmentDays = 5

    public init(resolveDays: [String: Int] = ProblemTimeLimits.shippedResolveDays) {
        self.resolveDays = resolveDays
    }

    public static let shippedResolveDays = Dictionary(
        uniqueKeysWithValues: ProblemCategory.shipped.map { ($0.code, $0.resolveDays) })

    public func resolveDays(for category: String?) -> Int {
        category.flatMap { resolveDays[$0] } ?? defaultResolveDays
    }
}
