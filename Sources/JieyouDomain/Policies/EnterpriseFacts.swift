import Foundation

/// What eligibility rules can see of one enterprise: the registry's fields, read once and kept compact
/// so that a policy can be checked against a province's 200,000 enterprises in one pass.
public struct EnterpriseFacts: Sendable, Hashable {
    public let id: UUID
    public let name: String
    public let creditCode: String
    public let orgUnitID: UUID
    /// Division (`27`) or section (`C`) code.
    public let industryCode: String?
    public let scale: EnterpriseScale?
    public let tags: Set<String>
    public let regionCode: String?
    public let registeredOn: LocalDate?
    public let revenue: Amount?
    public let employees: Int?
    public let whitelisted: Bool
    /// The section of `industryCode`, so a rule on 制造业 (C) matches 医药制造业 (27).
    public let industrySection: String?
    /// The city of `regionCode`, so a rule on 岳阳市 matches 临湘市.
    public let regionCity: String?

    public init(
        id: UUID, name: String, creditCode: String, orgUnitID: UUID, industryCode: String?,
        scale: EnterpriseScale?, tags: Set<String>, regionCode: String?, registeredOn: LocalDate?,
        revenue: Amount?, employees: Int?, whitelisted: Bool
    ) {
        self.id = id
        self.name = name
        self.creditCode = creditCode
        self.orgUnitID = orgUnitID
        self.industryCode = industryCode
        self.scale = scale
        self.tags = tags
        self.regionCode = regionCode
        self.registeredOn = registeredOn
        self.revenue = revenue
        self.employees = employees
        self.whitelisted = whitelisted
        industrySection = industryCode.flatMap { Industry.byCode[$0]?.sectionCode }
        regionCity = regionCode.flatMap { Region.byCode[$0]?.cityCode }
    }

    /// Whole years from registration to `today` (a company registered on 2021-03-15 is 3 on 2024-03-15).
    public func yearsRegistered(on today: LocalDate) -> Int? {
        guard let registeredOn else { return nil }
        var years = today.year - registeredOn.year
        if (today.month, today.day) < (registeredOn.month, registeredOn.day) { years -= 1 }
        return max(0, years)
    }
}
