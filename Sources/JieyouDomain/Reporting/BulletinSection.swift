/// What a 通报 reports besides problem handling, which it always reports. Seed 000 asks the 旬通报 for
/// 政策落实, 信息报送, 宣传引导 and 机制建立 as well as 问题办理; PRODUCT.md §4 names visits and coverage,
/// policies delivered and 知晓率, 兑现, 项目申报, 融资 and the 攻坚 plans' tasks. A unit's admin chooses
/// which of these its reports carry (`settingName` in the unit's settings); a unit that has not chosen
/// follows the unit above it, and without any choice every section is reported.
public enum BulletinSection: String, Sendable, CaseIterable, Codable {
    case visits, policies, benefits, projects, financing, plans

    public var chineseName: String {
        switch self {
        case .visits: "走访服务"
        case .policies: "政策宣传落实"
        case .benefits: "政策兑现"
        case .projects: "项目申报"
        case .financing: "融资对接"
        case .plans: "攻坚任务推进"
        }
    }

    public static let settingName = "bulletin.sections"

    /// The sections a stored setting names, in the order of `allCases`. An empty setting is a choice
    /// of none (problem handling only); names no longer known are passed over.
    public static func chosen(bySetting value: String) -> [BulletinSection] {
        let names = Set(value.split(separator: ",").map(String.init))
        return allCases.filter { names.contains($0.rawValue) }
    }

    /// The setting that stores `sections`.
    public static func setting(_ sections: [BulletinSection]) -> String {
        allCases.filter(sections.contains).map(\.rawValue).joined(separator: ",")
    }

    /// The sections an admin ticked, each name checked: a name that is not a section is refused
    /// with the field named.
    public static func parse(_ names: [String]) -> Result<[BulletinSection], ValidationFailure> {
        var v = Validator()
        var sections: [BulletinSection] = []
        for name in names where !name.isEmpty {
            if let section = BulletinSection(rawValue: name) {
                sections.append(section)
            } else {
                v.fail("sections", "通报内容“\(name)”无效，应为 \(allCases.map(\.rawValue).joined(separator: "、")) 之一")
            }
        }
        if !v.errors.isEmpty { return .failure(ValidationFailure(v.errors)) }
        return .success(allCases.filter(sections.contains))
    }
}
