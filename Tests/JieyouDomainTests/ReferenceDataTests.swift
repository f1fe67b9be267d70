import JieyouDomain
import Testing

@Suite struct ReferenceDataTests {
    @Test func industryTableHasTheTwentySectionsAndNinetySevenDivisions() {
        #expect(Industry.sections.count == 20)
        #expect(Industry.sections.map(\.code).joined() == "ABCDEFGHIJKLMNOPQRST")
        #expect(Industry.divisions.count == 97)
        #expect(Industry.divisions.map(\.code) == (1...97).map { $0 < 10 ? "0\($0)" : String($0) })
        #expect(Industry.byCode["27"]?.sectionCode == "C")
        #expect(Industry.byCode["47"]?.sectionCode == "E")
        #expect(Industry.byCode["97"]?.sectionCode == "T")
        #expect(Industry.byCode["27"]?.label == "C27 医药制造业")
    }

    @Test func industriesResolveFromWhatSheetsSay() {
        #expect(Industry.resolve("医药制造业")?.code == "27")
        #expect(Industry.resolve("医药业")?.code == "27")
        #expect(Industry.resolve("建筑业")?.code == "E")
        #expect(Industry.resolve("制造业")?.code == "C")
        #expect(Industry.resolve(" C27 ")?.code == "27")
        #expect(Industry.resolve("c")?.code == "C")
        #expect(Industry.resolve("27")?.code == "27")
        #expect(Industry.resolve("E27") == nil)  // 27 is not in section E
        #expect(Industry.resolve("航天飞船业") == nil)
        #expect(Industry.resolve("") == nil)
        for (alias, code) in Industry.aliases {
            #expect(Industry.byCode[code] != nil, "alias \(alias) points at \(code)")
        }
    }

    @Test func hunanRegionTable() {
        let cities = Region.hunan.filter(\.isCity)
        #expect(cities.count == 14)
        #expect(Region.hunan.count == 141)
        #expect(Set(Region.hunan.map(\.code)).count == Region.hunan.count)
        #expect(Region.hunan.allSatisfy { DivisionCode.isValid($0.code) && $0.code.hasPrefix("43") })
        #expect(
            Region.hunan.filter { !$0.isCity }.allSatisfy {
                $0.cityCode.map { Region.byCode[$0]?.isCity == true } == true
            })
        #expect(Region.byCode["430682"]?.fullName == "岳阳市临湘市")
        #expect(Region.byCode["433100"]?.name == "湘西土家族苗族自治州")
        // Every county's code shares its city's first four digits.
        #expect(
            Region.hunan.allSatisfy { region in region.cityCode.map { $0.prefix(4) == region.code.prefix(4) } ?? true })
    }

    @Test func regionsResolveFromNamesAndCodes() {
        #expect(Region.resolve("临湘市")?.code == "430682")
        #expect(Region.resolve("岳阳市临湘市")?.code == "430682")
        #expect(Region.resolve("岳阳市 临湘市")?.code == "430682")
        #expect(Region.resolve("430682")?.name == "临湘市")
        #expect(Region.resolve("长沙市")?.isCity == true)
        #expect(Region.resolve("望城区")?.cityCode == "430100")
        #expect(Region.resolve("杭州市") == nil)
        #expect(Region.resolve("  ") == nil)
    }
}
