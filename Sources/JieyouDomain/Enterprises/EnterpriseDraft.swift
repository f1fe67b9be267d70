import Foundation

/// A contact person of an enterprise (联系人).
public struct EnterpriseContact: Hashable, Sendable, Codable {
    public var name: String
    /// 职务, e.g. 总经理, 财务总监.
    public var post: String?
    public var phone: String?

    public init(name: String, post: String?, phone: String?) {
        self.name = name
        self.post = post
        self.phone = phone
    }
}

/// An enterprise as typed into a form, sent to the API or read from a sheet: every field still text.
public struct EnterpriseDraft: Sendable {
    public var creditCode: String?
    public var name: String?
    /// A code (`C27`, `27`, `C`), a name (`医药制造业`) or a short form (`医药`).
    public var industry: String?
    /// A GB/T 2260 code (`430682`) or a name (`临湘市`, `岳阳市临湘市`).
    public var region: String?
    /// `above`/`below` or what sheets write (`规上`, `规模以下` …).
    public var scale: String?
    public var tags: [String]
    public var relatedInfo: String?
    public var whitelisted: Bool
    public var contacts: [(name: String?, post: String?, phone: String?)]
    /// 成立日期: `2019-09-13`, `2019/9/13`, `2019年9月13日` or an Excel day number.
    public var registeredOn: String?
    /// Last year's 营业收入, in 万元.
    public var revenue: String?
    /// 从业人员.
    public var employees: String?

    public init(
        creditCode: String? = nil, name: String? = nil, industry: String? = nil, region: String? = nil,
        scale: String? = nil, tags: [String] = [], relatedInfo: String? = nil, whitelisted: Bool = false,
        contacts: [(name: String?, post: String?, phone: String?)] = [], registeredOn: String? = nil,
        revenue: String? = nil, employees: String? = nil
    ) {
        self.registeredOn = registeredOn
        self.revenue = revenue
        self.employees = employees
        self.creditCode = creditCode
        self.name = name
        self.industry = industry
        self.region = region
        self.scale = scale
        self.tags = tags
        self.relatedInfo = relatedInfo
        self.whitelisted = whitelisted
        self.contacts = contacts
    }
}

/// A checked enterprise, ready to store.
public struct EnterpriseValues: Hashable, Sendable {
    public var creditCode: String
    public var name: String
    public var industryCode: String?
    public var regionCode: String?
    public var scale: EnterpriseScale?
    public var tags: [String]
    public var relatedInfo: String?
    public var whitelisted: Bool
    public var contacts: [EnterpriseContact]
    /// What policies' eligibility rules ask about (成立年限, 营业收入, 从业人员).
    public var registeredOn: LocalDate?
    public var revenue: Amount?
    public var employees: Int?

    public init(
        creditCode: String, name: String, industryCode: String?, regionCode: String?, scale: EnterpriseScale?,
        tags: [String], relatedInfo: String?, whitelisted: Bool, contacts: [EnterpriseContact],
        registeredOn: LocalDate? = nil, revenue: Amount? = nil, employees: Int? = nil
    ) {
        self.registeredOn = registeredOn
        self.revenue = revenue
        self.employees = employees
        self.creditCode = creditCode
        self.name = name
        self.industryCode = industryCode
        self.regionCode = regionCode
        self.scale = scale
        self.tags = tags
        self.relatedInfo = relatedInfo
        self.whitelisted = whitelisted
        self.contacts = contacts
    }

    /// The audited form of the values: one text per field, as the event log stores them.
    public var auditValues: [String: String?] {
        [
            "creditCode": creditCode, "name": name, "industry": industryCode, "region": regionCode,
            "scale": scale?.rawValue, "tags": tags.isEmpty ? nil : tags.joined(separator: "、"),
            "relatedInfo": relatedInfo, "whitelisted": whitelisted ? "true" : "false",
            "contacts": contacts.isEmpty
                ? nil
                : contacts.map { [$0.name, $0.post ?? "", $0.phone ?? ""].joined(separator: "/") }
                    .joined(separator: "；"),
            "registeredOn": registeredOn?.iso, "revenue": revenue?.wan, "employees": employees.map(String.init),
        ]
    }
}

/// The rules of the enterprise registry, shared by the forms, the API and the importer.
public enum EnterpriseRules {
    public static let maxContacts = 5

    /// Checks `draft`; `knownTags` are the tag names in use (built-in and admin-added). Errors name the
    /// API fields (`creditCode`, `contacts[0].phone` …) with Chinese messages.
    public static func validate(_ draft: EnterpriseDraft, knownTags: Set<String>) -> Result<
        EnterpriseValues, ValidationFailure
    > {
        var v = Validator()
        let rawCode = (draft.creditCode ?? "").filter { !$0.isWhitespace }.uppercased()
        if rawCode.isEmpty {
            v.fail("creditCode", "统一社会信用代码不能为空")
        } else if let problem = CreditCode.problem(with: rawCode) {
            v.fail("creditCode", problem)
        }
        let name = v.requiredText(draft.name, field: "name", label: "企业全称", maxLength: 100)
        let (industryCode, regionCode, scale) = classification(draft, &v)
        let tags = tags(draft, knownTags: knownTags, &v)
        let relatedInfo = v.optionalText(draft.relatedInfo, field: "relatedInfo", label: "关联企业信息", maxLength: 500)
        let contacts = contacts(draft, &v)
        let (registeredOn, revenue, employees) = figures(draft, &v)
        if !v.errors.isEmpty { return .failure(ValidationFailure(v.errors)) }
        return .success(
            EnterpriseValues(
                creditCode: rawCode, name: name!, industryCode: industryCode, regionCode: regionCode, scale: scale,
                tags: tags.sorted(), relatedInfo: relatedInfo, whitelisted: draft.whitelisted, contacts: contacts,
                registeredOn: registeredOn, revenue: revenue, employees: employees))
    }

    /// 行业, 市县 and 规模, each by name or code.
    private static func classification(_ draft: EnterpriseDraft, _ v: inout Validator)
        -> (industry: String?, region: String?, scale: EnterpriseScale?)
    {
        var industryCode: String?
        if let text = nonEmpty(draft.industry) {
            if let industry = Industry.resolve(text) {
                industryCode = industry.code
            } else {
                v.fail("industry", "无法识别的行业“\(text)”，请填写国民经济行业分类（GB/T 4754-2017）的门类或大类名称")
            }
        }
        var regionCode: String?
        if let text = nonEmpty(draft.region) {
            if let region = Region.resolve(text) {
                regionCode = region.code
            } else {
                v.fail("region", "无法识别的市县“\(text)”，请填写湖南省的市州或县市区名称，或行政区划代码")
            }
        }
        var scale: EnterpriseScale?
        if let text = nonEmpty(draft.scale) {
            scale = EnterpriseScale.parse(text)
            if scale == nil { v.fail("scale", "企业规模应为“规上”或“规下”，不能是“\(text)”") }
        }
        return (industryCode, regionCode, scale)
    }

    /// The tags, each once; an unknown tag is refused (admins add tags first).
    private static func tags(_ draft: EnterpriseDraft, knownTags: Set<String>, _ v: inout Validator) -> [String] {
        var tags: [String] = []
        for tag in draft.tags.flatMap(EnterpriseTags.split) where !tags.contains(tag) {
            if knownTags.contains(tag) {
                tags.append(tag)
            } else {
                v.fail("tags", "未知的企业标签“\(tag)”，请先由管理员在“企业标签”中添加")
            }
        }
        return tags
    }

    /// The contacts; a wholly blank row is skipped.
    private static func contacts(_ draft: EnterpriseDraft, _ v: inout Validator) -> [EnterpriseContact] {
        var contacts: [EnterpriseContact] = []
        for (index, contact) in draft.contacts.enumerated() {
            let prefix = "contacts[\(index)]"
            let name = nonEmpty(contact.name)
            let post = nonEmpty(contact.post)
            let phone = nonEmpty(contact.phone)?.filter { !$0.isWhitespace }
            if name == nil && post == nil && phone == nil { continue }
            guard let name else {
                v.fail("\(prefix).name", "联系人姓名不能为空")
                continue
            }
            if name.count > 30 { v.fail("\(prefix).name", "联系人姓名不能超过30个字") }
            if let post, post.count > 30 { v.fail("\(prefix).post", "联系人职务不能超过30个字") }
            if let phone, !ContactRules.isValidPhone(phone) {
                v.fail("\(prefix).phone", "联系电话“\(phone)”格式不正确，应为11位手机号或“区号-号码”")
            }
            contacts.append(EnterpriseContact(name: name, post: post, phone: phone))
        }
        if contacts.count > maxContacts { v.fail("contacts", "联系人最多\(maxContacts)位") }
        return contacts
    }

    /// 成立日期 (also as an Excel day number), 营业收入 in 万元 and 从业人员.
    private static func figures(_ draft: EnterpriseDraft, _ v: inout Validator)
        -> (registeredOn: LocalDate?, revenue: Amount?, employees: Int?)
    {
        var registeredOn: LocalDate?
        if let text = nonEmpty(draft.registeredOn) {
            registeredOn = LocalDate.parsing(text) ?? excelDay(text)
            if registeredOn == nil {
                v.fail("registeredOn", "成立日期“\(text)”格式不正确，应如 2019-09-13")
            } else if let day = registeredOn, day.year < 1949 || day > LocalDate(Date(), in: .chinaStandard) {
                v.fail("registeredOn", "成立日期应在1949年以后且不晚于今天")
            }
        }
        var revenue: Amount?
        if let text = nonEmpty(draft.revenue) {
            revenue = Amount(wan: text)
            if revenue == nil { v.fail("revenue", "营业收入“\(text)”应为不小于0的数，单位万元") }
        }
        var employees: Int?
        if let text = nonEmpty(draft.employees) {
            employees = Int(text).flatMap { (0...10_000_000).contains($0) ? $0 : nil }
            if employees == nil { v.fail("employees", "从业人员“\(text)”应为不小于0的整数") }
        }
        return (registeredOn, revenue, employees)
    }

    /// A date cell that Excel stored as its day number (days since 1899-12-30): `43721` is 2019-09-13.
    private static func excelDay(_ text: String) -> LocalDate? {
        guard let serial = Double(text), serial >= 1, serial < 100_000, serial == serial.rounded() else { return nil }
        return LocalDate(iso: "1899-12-30")!.adding(days: Int(serial))
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }
}
