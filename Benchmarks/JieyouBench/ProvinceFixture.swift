import Foundation
import JieyouDomain

/// The shape of a province at PRODUCT.md §7's scale, added to the demo through the API: the other 13
/// cities of Hunan and parks up to 150 in all (a 经开区 per county, a 高新区 per city), each with its
/// resident cadres.
struct ProvinceFixture {
    struct City {
        let name: String
        let code: String
    }

    struct Park {
        let name: String
        let code: String
        /// The city the park belongs to, and the counties whose enterprises register in it.
        let cityCode: String
        let countyCodes: [String]
    }

    /// The demo's own parks, in the city of 长沙.
    static let demoParks = [
        Park(name: "长沙高新区", code: "CSGXQ", cityCode: "430100", countyCodes: ["430104"]),
        Park(name: "岳麓高新区", code: "YLGXQ", cityCode: "430100", countyCodes: ["430104"]),
        Park(name: "望城经开区", code: "WCJKQ", cityCode: "430100", countyCodes: ["430112"]),
    ]

    let cities: [City]
    let newParks: [Park]

    var parks: [Park] { Self.demoParks + newParks }

    init(parkCount: Int = 150) {
        let hunanCities = Region.hunan.filter(\.isCity)
        cities = hunanCities.filter { $0.code != "430100" }.map { City(name: $0.name, code: $0.code) }
        var parks: [Park] = []
        // One 高新区 per city (长沙's is the demo's), then one 经开区 per county, then a second park
        // (工业集中区) in counties until the province has `parkCount`.
        for city in hunanCities where city.code != "430100" {
            let counties = Region.hunan.filter { $0.cityCode == city.code }.map(\.code)
            parks.append(
                Park(
                    name: Self.shortName(city.name) + "高新区", code: "P\(city.code)", cityCode: city.code,
                    countyCodes: counties))
        }
        let counties = Region.hunan.filter { !$0.isCity && $0.code != "430104" && $0.code != "430112" }
        var round = 0
        while Self.demoParks.count + parks.count < parkCount && round < 2 {
            for county in counties where Self.demoParks.count + parks.count < parkCount {
                let kind = round == 0 ? "经开区" : "工业集中区"
                parks.append(
                    Park(
                        name: Self.shortName(county.fullName) + kind, code: "P\(county.code)\(round == 0 ? "" : "B")",
                        cityCode: county.cityCode!, countyCodes: [county.code]))
            }
            round += 1
        }
        newParks = parks
    }

    /// "株洲市" → "株洲", "湘西土家族苗族自治州" → "湘西", "长沙市芙蓉区" → "长沙芙蓉".
    static func shortName(_ name: String) -> String {
        var text = name.replacingOccurrences(of: "土家族苗族自治州", with: "").replacingOccurrences(of: "市", with: "")
        if text.count > 2, text.hasSuffix("区") || text.hasSuffix("县") { text.removeLast() }
        return text
    }
}
