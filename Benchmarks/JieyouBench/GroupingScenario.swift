import Foundation
import JieyouDomain

/// Issue 24's grouping benchmark: the 共性问题 proposed from a city's 20,000 open problems, in process.
///
/// The city's problems are written from the labelled set (`Tests/JieyouDomainTests/CommonProblems/
/// LabelledProblems.txt`): two in three restate one of its texts in a cadre's own framing (a lead-in,
/// the enterprise's figures, what it has tried), the difficulties drawn unevenly as a city's are (a
/// few, such as 用工, far more often than others); one in three joins the halves of two texts of
/// different difficulties, a problem that belongs to no group. Each problem is its own enterprise's.
/// Timed whole (features, index, neighbours, linkage) several times. The city's texts only stand in for
/// a city's volume and mess: how well the grouping agrees with people is measured on the labelled set
/// (and the held-out set beside it), printed here as the tests compute it.
struct GroupingScenario {
    let options: Options

    func run() async throws {
        let url = URL(fileURLWithPath: options.labelledSet)
        let text = try String(contentsOf: url, encoding: .utf8)
        let labelled = LabelledProblemSet(text: text)
        let groups = labelled.groups
        guard groups.count >= 2 else { throw BenchError("\(options.labelledSet) holds no groups") }
        let heldOutURL = url.deletingLastPathComponent().appendingPathComponent("HeldOutProblems.txt")
        let heldOut = (try? String(contentsOf: heldOutURL, encoding: .utf8)).map(LabelledProblemSet.init(text:))

        step("writing \(options.groupingProblems) open problems of a city")
        let city = Self.city(options.groupingProblems, from: groups)
        var times: [Double] = []
        var result: [CommonProblemGrouping.Group] = []
        for run in 0..<options.groupingRuns {
            step("grouping, run \(run + 1) of \(options.groupingRuns)")
            let start = DispatchTime.now().uptimeNanoseconds
            result = CommonProblemGrouping.groups(of: city)
            times.append(milliseconds(since: start))
        }
        let timing = Measurement(
            name: "group \(city.count) open problems (in process)", seconds: times.reduce(0, +) / 1000, latencies: times
        )
        let grouped = result.map(\.members.count).reduce(0, +)

        print("### 共性问题 grouping\n")
        print("| measurement | runs | p50 ms | p99 ms |")
        print("|---|---:|---:|---:|")
        print(timing.latencyRow)
        print("")
        print("| the city's problems | groups proposed | problems in a group | largest group |")
        print("|---:|---:|---:|---:|")
        print("| \(city.count) | \(result.count) | \(grouped) | \(result.map(\.members.count).max() ?? 0) |")
        print("")
        print("| labelled set | texts | pairwise score |")
        print("|---|---:|---|")
        print("| LabelledProblems.txt | \(labelled.items.count) | \(labelled.score()) |")
        if let heldOut {
            print("| HeldOutProblems.txt (never tuned on) | \(heldOut.items.count) | \(heldOut.score()) |")
        }
        print("")
    }

    static let leads = ["", "", "企业反映：", "经走访了解，", "企业负责人表示，", "座谈中企业提出，", "据企业介绍，"]
    static let tails = [
        "", "", "涉及员工约%d人。", "已影响%d月份订单交付。", "企业此前已向有关部门反映过%d次。", "预计造成损失约%d万元。",
        "企业年产值约%d亿元，属规上工业企业。", "该情况已持续%d个月。", "企业已自行想办法%d次，仍未解决。",
    ]

    /// `count` problems: two in three restate a labelled text (difficulties drawn with weight 1/rank, so
    /// some are common and others rare), one in three joins halves of two different difficulties.
    static func city(_ count: Int, from groups: [LabelledProblemSet.Group]) -> [CommonProblemGrouping.Item] {
        var random = SeededRandom(seed: 24)
        let weights = groups.indices.map { 1.0 / Double($0 + 1) }
        let total = weights.reduce(0, +)
        func drawGroup() -> Int {
            var target = Double(random.next(1_000_000)) / 1_000_000 * total
            for (index, weight) in weights.enumerated() {
                target -= weight
                if target < 0 { return index }
            }
            return groups.count - 1
        }
        func framed(_ text: String) -> String {
            let tail = random.pick(tails)
            return random.pick(leads) + text + "，" + (tail.isEmpty ? "" : String(format: tail, 2 + random.next(60)))
        }
        return (0..<count).map { index in
            if index % 3 == 2 {
                let a = groups[random.next(groups.count)]
                var b = groups[random.next(groups.count)]
                while b.key == a.key { b = groups[random.next(groups.count)] }
                let first = random.pick(a.texts)
                let second = random.pick(b.texts)
                let text = String(first.prefix(first.count / 2)) + String(second.suffix(second.count / 2))
                return .init(text: framed(text), category: a.category, enterprise: UUID())
            }
            let group = groups[drawGroup()]
            return .init(text: framed(random.pick(group.texts)), category: group.category, enterprise: UUID())
        }
    }
}
