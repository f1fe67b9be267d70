import Foundation
import JieyouDomain

/// A 企业名单 as a park would send it, written as a UTF-8 CSV with the import's Chinese headers:
/// valid GB 32100 credit codes, plausible names, industries and counties that the registry knows,
/// spread over the province's parks.
struct EnterpriseListFile {
    /// Name stem and GB/T 4754 division of each line of business.
    static let trades: [(stem: String, industry: String)] = [
        ("新材料科技", "30"), ("绿色化工", "26"), ("浮标渔具", "24"), ("智能装备制造", "34"), ("电子商务", "51"),
        ("食品加工", "13"), ("医药科技", "27"), ("精密机械", "34"), ("汽车零部件", "36"), ("软件开发", "65"),
        ("检测技术", "74"), ("电子信息", "39"), ("环保科技", "77"), ("物流", "59"), ("建材", "30"), ("农业科技", "01"),
        ("纺织服饰", "18"), ("包装印刷", "23"), ("工程机械", "35"), ("生物科技", "27"),
    ]
    /// Characters of trade names (字号), paired at random.
    static let nameCharacters = Array("鑫达华泰恒信宏远博瑞中联天成丰源金石嘉禾永盛安明德润泽卓越英才创新兴隆湘楚星辉凯旋正通富康")
    static let surnames = Array("王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗")
    static let givenNames = ["建华", "志强", "秀英", "丽娟", "海涛", "俊杰", "晓明", "红梅", "国庆", "文静", "振宇", "雪梅"]
    static let posts = ["总经理", "副总经理", "行政主管", "财务总监", "办公室主任", "董事长"]
    static let header = "统一社会信用代码,企业全称,所属行业,所属市县,所属园区,企业规模,企业标签,联系人,联系人职务,联系电话,成立日期,营业收入（万元）,从业人员"

    /// What the search benchmark looks for: names, code prefixes and fragments that are in the file.
    struct Samples {
        var names: [String] = []
        var codes: [String] = []
        var tradeNames: [String] = []
    }

    /// Writes `count` enterprises to `path` and returns samples of what it wrote.
    static func write(count: Int, parks: [ProvinceFixture.Park], to path: String) throws -> Samples {
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw BenchError("cannot write \(path)") }
        defer { try? handle.close() }
        var random = SeededRandom(seed: 2026_1122)
        // The figures policies ask about have their own generator, so the rest of the file is what it
        // was before the registry held them.
        var figures = SeededRandom(seed: 2026_1123)
        var names = Set<String>()
        var codes = Set<String>()
        var samples = Samples()
        var buffer = header + "\n"
        var written = 0
        while written < count {
            let park = parks[random.next(parks.count)]
            let county = park.countyCodes[random.next(park.countyCodes.count)]
            let trade = random.pick(trades)
            let tradeName = String([random.pick(nameCharacters), random.pick(nameCharacters)])
            let suffix = random.next(5) == 0 ? "股份有限公司" : "有限公司"
            let city = Region.byCode[park.cityCode]!.name
            let name = ProvinceFixture.shortName(city) + tradeName + trade.stem + suffix
            var body = "91\(county)"
            for _ in 0..<9 { body.append(CreditCode.alphabet[random.next(31)]) }
            let code = body + String(CreditCode.checkCharacter(for: body)!)
            guard !names.contains(name), !codes.contains(code) else { continue }
            names.insert(name)
            codes.insert(code)
            let above = random.next(100) < 30
            var tags: [String] = []
            if random.next(100) < (above ? 40 : 10) { tags.append("高新技术企业") }
            if random.next(100) < 20 { tags.append("科技型中小企业") }
            if above && random.next(100) < 12 { tags.append("专精特新中小企业") }
            if random.next(100) < 8 { tags.append("外贸企业") }
            let contact = String(random.pick(surnames)) + random.pick(givenNames)
            let phone = "139" + String(format: "%08d", random.next(100_000_000))
            let fields = [
                code, name, Industry.byCode[trade.industry]!.name, Region.byCode[county]!.fullName, park.name,
                above ? "规上" : "规下", tags.joined(separator: "、"), contact, random.pick(posts), phone,
                String(format: "%04d-%02d-%02d", 1995 + figures.next(30), 1 + figures.next(12), 1 + figures.next(28)),
                String(above ? 2_000 + figures.next(80_000) : 10 + figures.next(1_990)) + "."
                    + String(figures.next(100)),
                String(above ? 50 + figures.next(2_000) : 3 + figures.next(150)),
            ]
            buffer += fields.joined(separator: ",") + "\n"
            written += 1
            if written % 997 == 0 {
                samples.names.append(name)
                samples.codes.append(code)
                samples.tradeNames.append(tradeName)
            }
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
        return samples
    }
}
