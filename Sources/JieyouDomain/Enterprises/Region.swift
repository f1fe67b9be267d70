/// 所属市县: Hunan's cities (市/州) and their counties, districts and county-level cities, with their
/// administrative-division codes (GB/T 2260; the five 管理区 carry the statistical codes they register
/// under). Parks and 示范区 are not regions here: in Jieyou they are org units.
public struct Region: Hashable, Sendable {
    public let code: String
    public let name: String
    /// The city (市/州) the region belongs to; nil for a city itself.
    public let cityCode: String?

    public var isCity: Bool { cityCode == nil }

    /// `岳阳市临湘市` for a county, `岳阳市` for a city: the form the 问题清单 uses.
    public var fullName: String {
        guard let cityCode, let city = Region.byCode[cityCode] else { return name }
        return city.name + name
    }

    /// Every region of Hunan: 14 cities and 127 counties, districts, county-level cities and 管理区.
    public static let hunan: [Region] = {
        var regions: [Region] = []
        var currentCity: String?
        for line in table.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            let code = String(parts[0])
            let isCity = code.hasSuffix("00")
            if isCity { currentCity = code }
            regions.append(Region(code: code, name: String(parts[1]), cityCode: isCity ? nil : currentCity))
        }
        return regions
    }()

    public static let byCode: [String: Region] = Dictionary(uniqueKeysWithValues: hunan.map { ($0.code, $0) })

    /// Finds a region from what people write in a sheet: a code (`430682`), a name (`临湘市`), or a
    /// city and county together (`岳阳市临湘市`, `岳阳市 临湘市`). Names shared by two regions (none in
    /// Hunan today) would need the city.
    public static func resolve(_ text: String) -> Region? {
        let trimmed = text.filter { !$0.isWhitespace && $0 != "/" && $0 != "-" }
        if trimmed.isEmpty { return nil }
        if let region = byCode[trimmed] { return region }
        if let region = hunan.first(where: { $0.fullName == trimmed }) { return region }
        let named = hunan.filter { $0.name == trimmed }
        return named.count == 1 ? named[0] : nil
    }

    private static let table = """
        430100 长沙市
        430102 芙蓉区
        430103 天心区
        430104 岳麓区
        430105 开福区
        430111 雨花区
        430112 望城区
        430121 长沙县
        430181 浏阳市
        430182 宁乡市
        430200 株洲市
        430202 荷塘区
        430203 芦淞区
        430204 石峰区
        430211 天元区
        430212 渌口区
        430223 攸县
        430224 茶陵县
        430225 炎陵县
        430281 醴陵市
        430300 湘潭市
        430302 雨湖区
        430304 岳塘区
        430321 湘潭县
        430381 湘乡市
        430382 韶山市
        430400 衡阳市
        430405 珠晖区
        430406 雁峰区
        430407 石鼓区
        430408 蒸湘区
        430412 南岳区
        430421 衡阳县
        430422 衡南县
        430423 衡山县
        430424 衡东县
        430426 祁东县
        430481 耒阳市
        430482 常宁市
        430500 邵阳市
        430502 双清区
        430503 大祥区
        430511 北塔区
        430522 新邵县
        430523 邵阳县
        430524 隆回县
        430525 洞口县
        430527 绥宁县
        430528 新宁县
        430529 城步苗族自治县
        430581 武冈市
        430582 邵东市
        430600 岳阳市
        430602 岳阳楼区
        430603 云溪区
        430611 君山区
        430621 岳阳县
        430623 华容县
        430624 湘阴县
        430626 平江县
        430671 屈原管理区
        430681 汨罗市
        430682 临湘市
        430700 常德市
        430702 武陵区
        430703 鼎城区
        430721 安乡县
        430722 汉寿县
        430723 澧县
        430724 临澧县
        430725 桃源县
        430726 石门县
        430771 西洞庭管理区
        430781 津市市
        430800 张家界市
        430802 永定区
        430811 武陵源区
        430821 慈利县
        430822 桑植县
        430900 益阳市
        430902 资阳区
        430903 赫山区
        430921 南县
        430922 桃江县
        430923 安化县
        430971 大通湖管理区
        430981 沅江市
        431000 郴州市
        431002 北湖区
        431003 苏仙区
        431021 桂阳县
        431022 宜章县
        431023 永兴县
        431024 嘉禾县
        431025 临武县
        431026 汝城县
        431027 桂东县
        431028 安仁县
        431081 资兴市
        431100 永州市
        431102 零陵区
        431103 冷水滩区
        431122 东安县
        431123 双牌县
        431124 道县
        431125 江永县
        431126 宁远县
        431127 蓝山县
        431128 新田县
        431129 江华瑶族自治县
        431173 回龙圩管理区
        431181 祁阳市
        431200 怀化市
        431202 鹤城区
        431221 中方县
        431222 沅陵县
        431223 辰溪县
        431224 溆浦县
        431225 会同县
        431226 麻阳苗族自治县
        431227 新晃侗族自治县
        431228 芷江侗族自治县
        431229 靖州苗族侗族自治县
        431230 通道侗族自治县
        431271 洪江管理区
        431281 洪江市
        431300 娄底市
        431302 娄星区
        431321 双峰县
        431322 新化县
        431381 冷水江市
        431382 涟源市
        433100 湘西土家族苗族自治州
        433101 吉首市
        433122 泸溪县
        433123 凤凰县
        433124 花垣县
        433125 保靖县
        433126 古丈县
        433127 永顺县
        433130 龙山县
        """
}
