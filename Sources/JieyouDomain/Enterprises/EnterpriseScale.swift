/// 规上/规下: whether an enterprise is above the statistical size threshold (规模以上工业企业 and the
/// like). Campaigns often target 规上 enterprises only.
public enum EnterpriseScale: String, Sendable, CaseIterable, Codable {
    case above
    case below

    public var chineseName: String {
        switch self {
        case .above: "规上"
        case .below: "规下"
        }
    }

    /// What sheets write: 规上/规下, 规模以上/规模以下, 是/否 (in a 是否规上 column), or the code.
    public static func parse(_ text: String) -> EnterpriseScale? {
        switch text.filter({ !$0.isWhitespace }) {
        case "above", "规上", "规模以上", "规上企业", "规模以上企业", "是", "Y", "y": .above
        case "below", "规下", "规模以下", "规下企业", "规模以下企业", "否", "N", "n": .below
        default: nil
        }
    }
}

/// Enterprise tags: the ones every park uses are built in; admins add their own.
public enum EnterpriseTags {
    public static let builtIn = [
        "高新技术企业", "科技型中小企业", "专精特新中小企业", "专精特新“小巨人”", "链主企业", "外贸企业", "拟上市企业",
    ]

    /// Short forms seen in sheets, mapped to the built-in name.
    static let aliases: [String: String] = [
        "高新企业": "高新技术企业", "高企": "高新技术企业", "科小": "科技型中小企业", "科技型中小": "科技型中小企业",
        "专精特新": "专精特新中小企业", "小巨人": "专精特新“小巨人”", "专精特新小巨人": "专精特新“小巨人”",
        "专精特新\"小巨人\"": "专精特新“小巨人”", "链主": "链主企业", "外贸": "外贸企业", "拟上市": "拟上市企业",
    ]

    /// Splits a cell such as `高新技术企业、链主` into tag names, resolving short forms. Names that are not
    /// known stay as written; the caller reports them.
    public static func split(_ text: String) -> [String] {
        let parts = text.split(whereSeparator: { "、,，;；/ \n".contains($0) })
        var result: [String] = []
        for part in parts {
            let name = String(part).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            let resolved = aliases[name] ?? name
            if !result.contains(resolved) { result.append(resolved) }
        }
        return result
    }
}
