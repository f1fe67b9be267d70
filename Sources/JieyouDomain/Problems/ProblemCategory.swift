import Foundation

/// 问题类别: the ten categories of seed 000, shipped as data, and the sub-categories (子类) that an
/// org's admins add under one of them for their subtree. A category in use is never deleted.
///
/// A sub-category's code is its parent's code, a dot and a suffix (`governmentService.3f9a1c`), so
/// that a filter or a tally on a shipped category takes in its sub-categories by the code alone.
public struct ProblemCategory: Hashable, Sendable, Codable {
    public let code: String
    public let name: String
    /// Working days to resolve by default (PRODUCT.md §3): 5 for 困难求助 and 政务服务, 10 otherwise.
    /// A sub-category has its own, set by the admin who added it.
    public let resolveDays: Int
    /// The shipped category a sub-category sits under; nil for the shipped ten.
    public let parentCode: String?
    /// The unit whose admins added the sub-category; nil for the shipped ten.
    public let orgUnitID: UUID?

    public init(code: String, name: String, resolveDays: Int, parentCode: String? = nil, orgUnitID: UUID? = nil) {
        self.code = code
        self.name = name
        self.resolveDays = resolveDays
        self.parentCode = parentCode
        self.orgUnitID = orgUnitID
    }

    public var isShipped: Bool { parentCode == nil }

    /// The shipped category a code belongs to: itself, or a sub-category's parent.
    public static func topCode(of code: String) -> String {
        code.firstIndex(of: ".").map { String(code[..<$0]) } ?? code
    }

    /// A new sub-category's code under `parent`.
    public static func subCode(under parent: String, suffix: String) -> String { parent + "." + suffix }

    /// The longest name a sub-category may have.
    public static let maxNameLength = 20

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
