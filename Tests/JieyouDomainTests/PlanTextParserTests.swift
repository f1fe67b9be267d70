import Foundation
import JieyouDomain
import Testing

/// Plan-text import (issue 7) on seed 001 itself, 西洞庭管理区实施“七大攻坚”总体方案, read from
/// ../shared/seeds beside the repository, and on small hand-made variants.
@Suite struct PlanTextParserTests {
    static let seedText: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/seeds/001_d60dd8ae0f53930d.txt")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()
    static let seed = PlanTextParser.parse(seedText)

    @Test func theSeedIsThere() {
        #expect(Self.seedText.count > 20_000, "../shared/seeds/001_d60dd8ae0f53930d.txt is missing")
    }

    @Test func theDocumentsHeader() {
        #expect(Self.seed.title == "西洞庭管理区实施“七大攻坚”总体方案")
        #expect(Self.seed.documentNumber == "西管办发〔2025〕5号")
        #expect(Self.seed.issuedOn == "2025-04-27")
    }

    @Test func theSevenAnnexesAreTheWorkstreams() {
        #expect(
            Self.seed.workstreams.map(\.name) == [
                "内需扩量提效攻坚", "产业育新培强攻坚", "科技创新赋能攻坚", "改革开放重点攻坚", "环境优化提升攻坚", "安全强基固本攻坚",
                "民生补短提质攻坚",
            ])
    }

    @Test func theFirstAnnexTasksInTheirNumbering() throws {
        let tasks = Self.seed.workstreams[0].tasks
        #expect(
            tasks.map(\.number.label) == [
                "（一）", "1.", "2.", "3.", "4.", "5.", "6.", "（二）", "1.", "2.", "3.", "4.", "5.",
            ])
        #expect(tasks[0].title == "大力提振消费" && tasks[0].isHeading)
        #expect(tasks[1].title == "推动增收减负")
        #expect(tasks[1].leadUnits == ["区人社局"] && tasks[1].coUnits == ["区科工局", "祝丰镇"])
        #expect(!tasks[1].text.contains("牵头"), "the clause is taken out of the text")
        #expect(tasks[1].text.hasSuffix("有效减轻居民生活支出负担。"))
        #expect(tasks[3].leadUnits == ["区商务局（招商促进事务中心）"] && tasks[3].coUnits == ["区人社局"])
        #expect(tasks[9].leadUnits == ["区发改局"])
        #expect(tasks[9].coUnits.count == 13)
        #expect(tasks[9].coUnits.contains("区住建局（交通局）") && tasks[9].coUnits.contains("区应急局（水利局）"))
    }

    @Test func everyLeadClauseGivesItsLeadUnitsWhole() {
        // Counted straight from the text: numbered paragraphs (and the paragraph under 附件4（八）and
        // 附件7（五）) that end in a clause naming a lead.
        let annexes = Self.seedText.components(separatedBy: "\n附件1\n").last ?? ""
        let clauseLines = annexes.split(separator: "\n").filter { line in
            var line = line.trimmingCharacters(in: .whitespaces)
            while line.hasSuffix("。") { line.removeLast() }
            return (line.hasSuffix(")") || line.hasSuffix("）")) && line.contains("牵头") && !line.contains("召集人")
        }
        let tasks = Self.seed.workstreams.flatMap(\.tasks)
        let withLead = tasks.filter { !$0.leadUnits.isEmpty && !$0.leadInferred }
        #expect(withLead.count == clauseLines.count)
        #expect(clauseLines.count > 70)
        for task in tasks {
            for unit in task.leadUnits + task.coUnits {
                #expect(unit.filter { $0 == "（" }.count == unit.filter { $0 == "）" }.count, "\(unit) is cut")
                #expect(!unit.contains("(") && !unit.contains("牵头") && !unit.contains("负责"), "\(unit)")
                #expect(unit.count >= 2 && unit.count <= 20, "\(unit)")
            }
        }
    }

    @Test func clausesOfEveryShape() throws {
        let streams = Self.seed.workstreams
        // 区科工局牵头 (no 负责)
        #expect(streams[1].tasks.first { $0.title == "大力促进产业融合发展" }?.leadUnits == ["区科工局"])
        // two leads, then co-units
        let trading = try #require(streams[4].tasks.first { $0.title == "优化公共资源交易" })
        #expect(trading.leadUnits == ["区发改局", "区行政审批局"] && trading.coUnits == ["区财政局"])
        // a group that is not one unit
        let enforcement = try #require(streams[4].tasks.first { $0.title == "规范监管执法" })
        #expect(enforcement.leadUnits == ["区政法委", "区市场监管局", "区办公室"])
        #expect(enforcement.groups == ["各行政执法主管部门"])
        // 牵头单位：…, nested parentheses
        let tradeIn = try #require(streams[6].tasks.first { $0.title == "开展生活类消费品以旧换新补贴活动" })
        #expect(tradeIn.leadUnits == ["区商务局（招商促进事务中心）"])
        let water = try #require(streams[6].tasks.first { $0.title == "提升农村水源保障及灌溉能力" })
        #expect(water.leadUnits == ["区应急局（水利局）", "西投公司"])
        // no lead named: the first unit, flagged for the dispatcher
        let vitality = try #require(streams[3].tasks.first { $0.title == "激发经营主体活力" })
        #expect(vitality.leadInferred && vitality.leadUnits == ["区财政局"])
        #expect(vitality.coUnits == ["区发改局", "区科工局", "区组宣部", "区办公室"])
        // 区住建(交通)局 is 区住建局(交通局)
        let exchange = try #require(streams[3].tasks.first { $0.title == "深化公共资源交易领域体制机制改革" })
        #expect(exchange.coUnits.contains("区住建局（交通局）"))
        // an unnumbered paragraph goes on with the item above it, and a unit named twice counts once
        let passage = try #require(streams[3].tasks.first { $0.title == "实施通道拓展提效工程" })
        #expect(passage.text.contains("便利商务人员跨境往来"))
        #expect(passage.leadUnits == ["区科工局"] && passage.coUnits.filter { $0 == "区人社局" }.count == 1)
        // （1）under 1. under （一）
        let equipment = try #require(streams[6].tasks.first { $0.title == "更新义务教育学校设备" })
        #expect(equipment.number.label == "（1）" && equipment.leadUnits == ["区教育局"])
        // 年内 in the text is the plan year's end
        let food = try #require(streams[1].tasks.first { $0.title == "食品加工产业" })
        #expect(food.dueOn == "2025-12-31" && food.leadUnits == ["区办公室"])
    }

    @Test func targetsWithNumbersUnitsAndComparisons() {
        func requirements(_ index: Int) -> [String] {
            Self.seed.workstreams[index].targets.map { "\($0.indicator) \($0.requirement)" }
        }
        #expect(
            requirements(0) == ["社会消费品零售总额增长 ≥ 6 %", "固定资产投资增长 ≥ 5 %", "民间投资占全部投资的比重 ≥ 60 %"])
        #expect(requirements(1) == ["GDP增长 ≥ 5.5 %", "规模工业增加值增长 ≥ 6.5 %"])
        #expect(
            requirements(2) == [
                "全社会研发经费投入增长 ≥ 9.5 %", "新增高新技术企业 ≥ 2 家", "新增科技型中小企业 ≥ 3 家", "技术合同认定登记额度 > 5 亿元",
            ])
        #expect(
            requirements(3) == ["外贸进出口总额 ≥ 1.1 亿元", "外贸进出口总额增长 ≥ 8 %", "对外实际投资额 ≥ 5 万美元", "外资 ≥ 1"])
        #expect(
            requirements(4) == [
                "社会物流总费用占地区生产总值比重 ≤ 13.8 %", "政务服务一网通办率 ≥ 90 %", "行政执法检查“扫码入企、联码督查”覆盖率 ≥ 100 %",
            ])
        #expect(requirements(5).isEmpty && requirements(6).isEmpty, "these annexes set no figure in 攻坚目标")
    }

    @Test func eachTaskForceFromItsMechanismParagraph() {
        let forces = Self.seed.workstreams.map(\.taskForce)
        #expect(forces.allSatisfy { $0.convener == "分管区领导" })
        #expect(forces[0].name == "内需扩量提效攻坚工作专班")
        #expect(forces[0].deputyUnits == ["区发改局"] && forces[0].officeUnit == "区发改局")
        #expect(forces[0].memberUnits.count == 21 && forces[0].memberUnits.last == "祝丰镇")
        #expect(forces[1].deputyUnits == ["区科工局", "区发改局"] && forces[1].officeUnit == "区科工局")
        #expect(forces[2].name == "实施科技创新赋能攻坚工作专班")
        #expect(forces[3].officeUnit == "区商务局（招商促进事务中心）")
        #expect(forces[4].officeUnit == "区办公室")
        #expect(forces[5].deputyUnits == ["区应急局（水利局）", "区财政局", "区住建局（交通局）"])
        #expect(forces[5].officeUnit == "区应急局（水利局）")
        #expect(forces[6].memberUnits.first == "区办公室" && forces[6].memberUnits.last == "电力公司")
        #expect(forces[6].deputyUnits == ["区办公室", "区人社局", "生环分局", "区农业农村局"])
    }

    @Test func fullWidthTextReadsTheSame() {
        let fullWidth = Self.seedText.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
            .replacingOccurrences(of: ",", with: "，").replacingOccurrences(of: ":", with: "：")
            .replacingOccurrences(of: "%", with: "％")
        #expect(PlanTextParser.parse(fullWidth) == Self.seed)
    }

    @Test func theCanonicalFormKeepsEachCharacterInPlace() {
        let pasted = "\u{3000}（1）投资1,200万元,增长６．５％(区发改局牵头;区财政局配合):年内完成\t"
        let canonical = PlanText.canonical(pasted)
        #expect(canonical == " （1）投资1,200万元，增长6.5%（区发改局牵头；区财政局配合）：年内完成 ")
        #expect(canonical.count == pasted.count)
    }

    // MARK: Hand-made variants

    @Test func aPlanWithoutAnnexesIsOneWorkstream() throws {
        let plan = PlanTextParser.parse(
            """
            优化营商环境攻坚行动方案
            一、工作目标
            力争政务服务事项网上可办率达到95％以上，企业开办时间压缩至1个工作日以内。
            二、重点任务
            （一）推进“高效办成一件事”。9月底前上线10个事项。（区行政审批局牵头负责，区数据局、区市场监管局等按职责分工负责）
            （二）开展涉企收费清理。（牵头单位：区发改局；配合单位：区财政局）
            （三）建立企业诉求快速响应机制。
            三、保障措施
            成立工作专班，区行政审批局主要负责人任召集人，专班办公室设在区行政审批局。
            """)
        #expect(plan.title == "优化营商环境攻坚行动方案")
        let stream = try #require(plan.workstreams.first)
        #expect(plan.workstreams.count == 1 && stream.name == "优化营商环境攻坚")
        #expect(stream.targets.map(\.requirement) == ["≥ 95 %", "≤ 1 个工作日"])
        #expect(stream.tasks.count == 3)
        #expect(stream.tasks[0].leadUnits == ["区行政审批局"] && stream.tasks[0].coUnits == ["区数据局", "区市场监管局"])
        #expect(stream.tasks[1].leadUnits == ["区发改局"] && stream.tasks[1].coUnits == ["区财政局"])
        #expect(stream.tasks[2].leadUnits.isEmpty, "a missing clause leaves the lead for the dispatcher")
        #expect(stream.taskForce.officeUnit == "区行政审批局")
        #expect(stream.taskForce.convener == "区行政审批局主要负责人")
    }

    @Test func oddPunctuationAndAUnitNamedOnce() {
        let plan = PlanTextParser.parse(
            """
            附件 1：
            招商引资攻坚实施方案
            一、攻坚目标
            新引进产业项目１２个以上; 实际利用外资增长10%。
            二、攻坚任务
            1、开展驻点招商.( 区招商局(投资促进中心) 牵头负责 , 区商务局  等按职责分工负责 )
            2．举办推介会（区融媒体中心牵头）。
            三、推进机制
            成立招商引资攻坚工作专班,由区长任召集人,成员单位包括区招商局(投资促进中心)、区财政局等,专班办公室设在区招商局(投资促进中心),负责日常调度。
            """)
        let stream = plan.workstreams.first
        #expect(plan.workstreams.count == 1 && stream?.name == "招商引资攻坚")
        #expect(stream?.targets.map { "\($0.indicator) \($0.requirement)" } == ["新引进产业项目 ≥ 12 个", "实际利用外资增长 ≥ 10 %"])
        #expect(stream?.tasks.map(\.number.label) == ["1.", "2."])
        #expect(stream?.tasks.first?.leadUnits == ["区招商局（投资促进中心）"])
        #expect(stream?.tasks.first?.coUnits == ["区商务局"])
        #expect(stream?.tasks.last?.leadUnits == ["区融媒体中心"], "a unit named only once is still read")
        #expect(stream?.taskForce.convener == "区长" && stream?.taskForce.officeUnit == "区招商局（投资促进中心）")
        #expect(plan.unitNames.contains("区融媒体中心"))
    }

    @Test func theLastNumberOfAClauseIsItsFigure() {
        let targets = TargetParser.parse("新引进产业项目15个以上，其中过10亿元项目2个，工业税收过5000万企业1家。")
        #expect(
            targets.map { "\($0.indicator) \($0.requirement)" } == [
                "新引进产业项目 ≥ 15 个", "过10亿元项目 ≥ 2 个", "工业税收过5000万企业 ≥ 1 家",
            ])
    }

    @Test func textWithoutAPlanGivesNothingToSave() {
        let plan = PlanTextParser.parse("今天天气很好。\n\n")
        #expect(plan.taskCount == 0 && plan.targetCount == 0)
        #expect(PlanTextParser.parse("").workstreams.allSatisfy { $0.tasks.isEmpty })
    }

    @Test func numbersThatAreNotItems() {
        #expect(TaskNumber.leading("1.1亿元以上") == nil)
        #expect(TaskNumber.leading("2025年目标") == nil)
        #expect(TaskNumber.leading("（一）大力提振消费")?.number.style == .chineseParenthesised)
        #expect(TaskNumber.leading("十二、其他")?.number.label == "十二、")
        #expect(TaskNumber.leading("（12）其他")?.number.style == .arabicParenthesised)
    }

    @Test func dueDatesInTheText() {
        #expect(DueDateReader.due(in: "6月底前完成签约", year: 2025)?.iso == "2025-06-30")
        #expect(DueDateReader.due(in: "9月15日前上线，年底前全覆盖", year: 2025)?.iso == "2025-12-31")
        #expect(DueDateReader.due(in: "持续推进", year: 2025) == nil)
        #expect(DueDateReader.due(in: "13月底前", year: 2025) == nil)
    }
}
