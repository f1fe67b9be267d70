import Foundation
import JieyouDomain

/// The demo park's enterprise registry: several hundred enterprises with plausible names in the
/// industries the seeds name (绿色化工, 浮标, 制造, 电商, 食品加工, 新材料 …), generated from a fixed seed
/// so every demo is the same.
struct DemoEnterprises {
    struct Entry {
        let unit: String
        let values: EnterpriseValues
    }

    /// Name stem, industry (GB/T 4754 code) for each line of business.
    static let trades: [(String, String)] = [
        ("新材料科技", "30"), ("绿色化工", "26"), ("浮标渔具", "24"), ("智能装备制造", "34"), ("电子商务", "F"),
        ("食品加工", "13"), ("医药科技", "27"), ("精密机械", "34"), ("汽车零部件", "36"), ("软件开发", "65"),
        ("检测技术", "74"), ("电子信息", "39"), ("环保科技", "77"), ("物流", "G"), ("建材", "30"), ("农业科技", "01"),
        ("纺织服饰", "18"), ("包装印刷", "23"), ("工程机械", "35"), ("生物科技", "27"),
    ]
    static let places = [
        "长沙", "湖南", "麓谷", "湘江", "岳麓", "星沙", "望城", "铜官", "乔口", "梅溪湖", "洋湖", "雷锋", "金洲", "坪塘",
        "含浦", "莲花", "白箬铺", "靖港", "丁字", "高塘岭",
    ]
    /// Where 湘西高新区's enterprises take their names from.
    static let xiangxiPlaces = ["湘西", "吉首", "武陵", "凤凰", "乾州", "矮寨", "峒河", "湖南"]
    static let cores = [
        "鑫达", "华泰", "恒信", "宏远", "博瑞", "中联", "天成", "瑞丰", "新源", "金石", "嘉禾", "永盛", "安泰", "盛世", "远航",
        "明德", "润泽", "卓越", "英才", "创新",
    ]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"]
    static let given = ["建华", "志强", "秀英", "丽娟", "海涛", "俊杰", "晓明", "红梅", "国庆", "文静", "振宇", "雪梅"]
    static let posts = ["总经理", "副总经理", "行政主管", "财务总监", "办公室主任", "董事长"]

    /// Parks and how many enterprises each gets, with the district they register in.
    static let parks: [(unit: String, count: Int, region: String)] = [
        ("gaoxin", 320, "430104"), ("yuelupark", 110, "430104"), ("wangchengpark", 130, "430112"),
        ("xiangxipark", 60, "433101"),
    ]

    static func generate(skipping names: Set<String>) -> [Entry] {
        var random = DemoRandom(seed: 2024_0904)
        var codes = DemoCreditCodes(seed: 2024_1001)
        // The figures policies ask about come from a generator of their own, so the names, tags and
        // scales above stay what they were before the registry held them.
        var figures = DemoRandom(seed: 2024_1122)
        var used = names
        var result: [Entry] = []
        for park in parks {
            var made = 0
            while made < park.count {
                let trade = trades[random.next(trades.count)]
                let names = park.unit == "xiangxipark" ? xiangxiPlaces : places
                let place = names[random.next(names.count)]
                let core = cores[random.next(cores.count)]
                let suffix = random.next(5) == 0 ? "股份有限公司" : "有限公司"
                let name = "\(place)\(core)\(trade.0)\(suffix)"
                guard !used.contains(name) else { continue }
                used.insert(name)
                made += 1
                let above = random.next(100) < 38
                var tags: [String] = []
                if random.next(100) < (above ? 45 : 12) { tags.append("高新技术企业") }
                if random.next(100) < 20 { tags.append("科技型中小企业") }
                if above && random.next(100) < 15 { tags.append("专精特新中小企业") }
                if above && random.next(100) < 4 { tags.append("专精特新“小巨人”") }
                if above && random.next(100) < 3 { tags.append("链主企业") }
                if random.next(100) < 10 { tags.append("外贸企业") }
                if above && random.next(100) < 3 { tags.append("拟上市企业") }
                let contact = EnterpriseContact(
                    name: surnames[random.next(surnames.count)] + given[random.next(given.count)],
                    post: posts[random.next(posts.count)],
                    phone: "1" + ["38", "39", "58", "77", "87"][random.next(5)]
                        + String(format: "%08d", random.next(100_000_000)))
                let values = EnterpriseValues(
                    creditCode: codes.next(), name: name, industryCode: trade.1, regionCode: park.region,
                    scale: above ? .above : .below, tags: tags.sorted(), relatedInfo: nil,
                    whitelisted: random.next(100) < 4, contacts: [contact],
                    registeredOn: LocalDate(
                        year: 2003 + figures.next(21), month: 1 + figures.next(12), day: 1 + figures.next(28)),
                    revenue: Amount(
                        fen: Int64(above ? 2_000 + figures.next(60_000) : 50 + figures.next(1_950)) * 1_000_000
                            + Int64(figures.next(100)) * 10_000),
                    employees: above ? 60 + figures.next(900) : 5 + figures.next(120))
                result.append(Entry(unit: park.unit, values: values))
            }
        }
        return result
    }
}

/// A small deterministic generator (a linear congruential one) for demo data.
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
