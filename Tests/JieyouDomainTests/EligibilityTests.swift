import Foundation
import JieyouDomain
import Testing

/// Every operator of the eligibility rules, their combinations, and the reasons they give.
@Suite struct EligibilityTests {
    let today = LocalDate(iso: "2024-09-12")!
    let park = UUID()
    let otherPark = UUID()
    let county = UUID()
    var tree: OrgTree {
        OrgTree([
            .init(id: county, parentID: nil, level: .county, name: "临湘市"),
            .init(id: park, parentID: county, level: .park, name: "临湘高新区"),
            .init(id: otherPark, parentID: nil, level: .park, name: "望城经开区"),
        ])
    }
    let tags: Set<String> = Set(EnterpriseTags.builtIn)
    static func code(_ prefix: String) -> String { prefix + String(CreditCode.checkCharacter(for: prefix)!) }
    let listedCode = Self.code("91430682MA4L0000X")

    /// 湖南浮标科技: a 规上 maker of medicines (27, section C) in 临湘市, 专精特新 and 高新, registered on
    /// 2019-09-13, with 2,500万元 of revenue and 120 people.
    func enterprise(
        industry: String? = "27", scale: EnterpriseScale? = .above, tags: Set<String> = ["专精特新中小企业", "高新技术企业"],
        region: String? = "430682", unit: UUID? = nil, registered: String? = "2019-09-13", revenue: String? = "2500",
        employees: Int? = 120, whitelisted: Bool = false, code: String? = nil
    ) -> EnterpriseFacts {
        EnterpriseFacts(
            id: UUID(), name: "湖南浮标科技有限公司", creditCode: code ?? listedCode, orgUnitID: unit ?? park,
            industryCode: industry,
            scale: scale, tags: tags, regionCode: region, registeredOn: registered.flatMap(LocalDate.init(iso:)),
            revenue: revenue.flatMap(Amount.init(wan:)), employees: employees, whitelisted: whitelisted)
    }

    func rule(_ json: String) throws -> EligibilityRule {
        let draft = try JSONDecoder().decode(EligibilityRuleDraft.self, from: Data(json.utf8))
        return try EligibilityRuleParser(knownTags: tags, tree: tree).parse(draft).get()
    }

    func errors(_ json: String) throws -> [String: String] {
        let draft = try JSONDecoder().decode(EligibilityRuleDraft.self, from: Data(json.utf8))
        guard case .failure(let failure) = EligibilityRuleParser(knownTags: tags, tree: tree).parse(draft) else {
            return [:]
        }
        return Dictionary(failure.errors.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a })
    }

    func verdict(_ json: String, _ e: EnterpriseFacts) throws -> EligibilityVerdict {
        let evaluator = EligibilityEvaluator(try rule(json), today: today, tree: tree)
        let verdict = evaluator.explain(e)
        #expect(verdict.matched == evaluator.matches(e), "the fast path and the explanation agree")
        return verdict
    }

    func condition(_ field: String, _ op: String, _ values: String) -> String {
        "{\"field\":\"\(field)\",\"op\":\"\(op)\",\"values\":[\(values)]}"
    }

    // MARK: each operator

    @Test func industryMatchesItsDivisionOrItsSection() throws {
        #expect(try verdict(condition("industry", "in", "\"制造业\""), enterprise()).summary == "符合：制造业")
        #expect(try verdict(condition("industry", "in", "\"医药制造业\""), enterprise()).summary == "符合：医药制造业")
        #expect(try verdict(condition("industry", "in", "\"建筑业\",\"27\""), enterprise()).matched)
        let miss = try verdict(condition("industry", "in", "\"建筑业\""), enterprise())
        #expect(!miss.matched && miss.summary == "不符合：行业为建筑业")
        #expect(try !verdict(condition("industry", "in", "\"C\""), enterprise(industry: nil)).matched)
    }

    @Test func scaleTagsAndRegion() throws {
        #expect(try verdict(condition("scale", "in", "\"规上\""), enterprise()).summary == "符合：规上")
        #expect(try !verdict(condition("scale", "in", "\"below\""), enterprise()).matched)
        #expect(try !verdict(condition("scale", "in", "\"规上\""), enterprise(scale: nil)).matched)
        #expect(
            try verdict(condition("tag", "hasAny", "\"专精特新\",\"链主企业\""), enterprise()).summary
                == "符合：专精特新中小企业")
        #expect(try verdict(condition("tag", "hasAll", "\"专精特新\",\"高新技术企业\""), enterprise()).matched)
        #expect(try !verdict(condition("tag", "hasAll", "\"专精特新\",\"链主企业\""), enterprise()).matched)
        #expect(try verdict(condition("region", "in", "\"岳阳市\""), enterprise()).summary == "符合：岳阳市")
        #expect(try verdict(condition("region", "in", "\"临湘市\""), enterprise()).summary == "符合：临湘市")
        #expect(try !verdict(condition("region", "in", "\"长沙市\""), enterprise()).matched)
    }

    @Test func orgUnitCoversEveryUnitBelow() throws {
        #expect(try verdict(condition("orgUnit", "in", "\"临湘市\""), enterprise()).summary == "符合：临湘市")
        #expect(try verdict(condition("orgUnit", "in", "\"\(park.uuidString)\""), enterprise()).matched)
        #expect(try !verdict(condition("orgUnit", "in", "\"临湘市\""), enterprise(unit: otherPark)).matched)
    }

    @Test func yearsSinceRegistrationCountWholeYears() throws {
        // Registered 2019-09-13: on 2024-09-12 it is four years old, one day later five.
        let five = condition("yearsRegistered", "atLeast", "5")
        #expect(try !verdict(five, enterprise()).matched)
        #expect(EligibilityEvaluator(try rule(five), today: today.adding(days: 1), tree: tree).matches(enterprise()))
        #expect(try verdict(condition("yearsRegistered", "atMost", "4"), enterprise()).summary == "符合：成立4年（≤4年）")
        #expect(try verdict(condition("yearsRegistered", "between", "1,5"), enterprise()).matched)
        #expect(try verdict(five, enterprise(registered: nil)).summary == "不符合：未登记成立日期")
    }

    @Test func revenueAndEmployeeBandsIncludeTheirBounds() throws {
        #expect(
            try verdict(condition("revenue", "atLeast", "\"2500\""), enterprise()).summary
                == "符合：营业收入2500万元（≥2500万元）")
        #expect(try !verdict(condition("revenue", "atLeast", "2500.000001"), enterprise()).matched)
        #expect(try verdict(condition("revenue", "atMost", "2500"), enterprise()).matched)
        #expect(try verdict(condition("revenue", "between", "\"2000\",\"3000.5\""), enterprise()).matched)
        #expect(try verdict(condition("revenue", "atLeast", "1"), enterprise(revenue: nil)).summary == "不符合：未登记营业收入")
        #expect(
            try verdict(condition("employees", "between", "50,120"), enterprise()).summary == "符合：从业人员120人（50人至120人）")
        #expect(try !verdict(condition("employees", "atMost", "119"), enterprise()).matched)
        #expect(try !verdict(condition("employees", "atLeast", "1"), enterprise(employees: nil)).matched)
    }

    @Test func whiteListAndNamedEnterprises() throws {
        #expect(
            try verdict(condition("whitelisted", "is", "true"), enterprise(whitelisted: true)).summary == "符合：白名单企业")
        #expect(try !verdict(condition("whitelisted", "is", "\"是\""), enterprise()).matched)
        #expect(try verdict(condition("whitelisted", "is", "false"), enterprise()).matched)
        let listed = condition("enterprise", "in", "\"\(listedCode.lowercased())\"")
        #expect(try verdict(listed, enterprise()).summary == "符合：列入企业名单")
        #expect(try !verdict(listed, enterprise(code: Self.code("91430682MA4L0001X"))).matched)
    }

    // MARK: combinations

    @Test func allAnyAndNotCombine() throws {
        let json = """
            {"all": [\(condition("industry", "in", "\"制造业\"")), \(condition("scale", "in", "\"规上\"")),
                     {"any": [\(condition("tag", "hasAny", "\"专精特新\"")), \(condition("revenue", "atLeast", "10000"))]},
                     {"not": \(condition("whitelisted", "is", "true"))}]}
            """
        let yes = try verdict(json, enterprise())
        #expect(yes.summary == "符合：制造业；规上；专精特新中小企业；不是白名单企业")
        let noTag = try verdict(json, enterprise(tags: []))
        #expect(!noTag.matched)
        #expect(noTag.unmet == ["以下均不满足：企业标签含专精特新中小企业，营业收入≥10000万元"])
        let listed = try verdict(json, enterprise(whitelisted: true))
        #expect(!listed.matched && listed.unmet == ["属于排除情形：白名单企业"])
        #expect(try verdict("{\"all\":[]}", enterprise()).summary == "符合：不限条件")
        #expect(try verdict("{\"not\":{\"all\":[]}}", enterprise()).matched == false)
        let nested = try verdict(
            "{\"not\":{\"any\":[\(condition("scale", "in", "\"规下\"")),\(condition("tag", "hasAny", "\"链主企业\""))]}}",
            enterprise())
        #expect(nested.summary == "符合：不符合“规下，或企业标签含链主企业”")
        let excluded = try verdict(
            "{\"not\":{\"any\":[\(condition("scale", "in", "\"规上\"")),\(condition("tag", "hasAny", "\"链主企业\""))]}}",
            enterprise())
        #expect(excluded.summary == "不符合：属于排除情形：规上，或企业标签含链主企业")
    }

    @Test func aRuleRoundTripsThroughItsJSON() throws {
        let original = try rule(
            "{\"any\":[\(condition("revenue", "between", "\"0.5\",\"2000\"")),{\"not\":\(condition("industry", "in", "\"医药\""))}]}"
        )
        #expect(original.json.contains("\"values\":[\"0.50\",\"2000\"]"))
        #expect(original.json.contains("\"values\":[\"27\"]"))
        #expect(try rule(original.json) == original)
        #expect(
            EligibilityDescription.rule(original)
                == "营业收入0.50万元至2000万元，或行业不为医药制造业")
    }

    // MARK: bad rules name what is wrong

    @Test func anUnknownFieldOrOperatorIsNamed() throws {
        let unknownField = try errors("{\"all\":[\(condition("profit", "atLeast", "1"))]}")
        #expect(unknownField["rule.all[0].field"]?.hasPrefix("第1条条件：无法识别的条件字段“profit”") == true)
        let unknownOp = try errors(
            "{\"all\":[\(condition("scale", "in", "\"规上\"")),\(condition("revenue", "gt", "1"))]}")
        #expect(unknownOp["rule.all[1].op"]?.hasPrefix("第2条条件：无法识别的运算“gt”") == true)
        let wrongOp = try errors(condition("tag", "atLeast", "1"))
        #expect(wrongOp["rule.op"] == "申报条件：企业标签不能用“不少于”，可用：含任一、含全部")
        #expect(try errors(condition("scale", "", "\"规上\"")).isEmpty, "a blank operator is the field's usual one")
        let unknownKey = try errors("{\"all\":[], \"sort\": 1}")
        #expect(unknownKey["rule.sort"] != nil)
    }

    @Test func badValuesAreNamed() throws {
        #expect(try errors(condition("industry", "in", "\"造船\""))["rule.values"]?.contains("“造船”无法识别") == true)
        #expect(try errors(condition("tag", "hasAny", "\"独角兽\""))["rule.values"] != nil)
        #expect(try errors(condition("revenue", "atLeast", "\"-5\""))["rule.values"] != nil)
        #expect(
            try errors(condition("revenue", "atLeast", "\"1,2\""))["rule.values"] == nil, "a thousands comma is fine")
        #expect(try errors(condition("employees", "between", "9, 3"))["rule.values"] == "申报条件：从业人员的下限不能大于上限")
        #expect(try errors(condition("employees", "between", "9"))["rule.values"] == "申报条件：“介于”要填两个值（下限和上限）")
        #expect(try errors(condition("whitelisted", "is", "\"也许\""))["rule.values"] != nil)
        #expect(try errors(condition("enterprise", "in", "\"91430682MA4L0000X2\""))["rule.values"] != nil)
        #expect(try errors(condition("orgUnit", "in", "\"火星园区\""))["rule.values"] != nil)
        #expect(try errors(condition("scale", "in", ""))["rule.values"]?.contains("请填写规模的值") == true)
        #expect(try errors("{\"any\":[]}")["rule.any"] != nil)
        #expect(try errors("{\"all\":[],\"field\":\"scale\"}")["rule"] != nil)
        let deep =
            String(repeating: "{\"not\":", count: 7) + condition("scale", "in", "\"规上\"")
            + String(repeating: "}", count: 7)
        #expect(try errors(deep).values.contains { $0.contains("嵌套不能超过") })
    }
}
