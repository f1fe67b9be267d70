import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// The demo's 攻坚方案: 长沙高新区's plan, written the way seed 001 is (附件 per 攻坚, 攻坚目标,
/// numbered 攻坚任务 with their unit clauses, 推进机制), parsed by `PlanTextParser` and saved by the
/// 服务小组 as a dispatcher would. Its lead units have reported for the last 旬s; this 旬 some have
/// and some have not, so the 专班办公室's page has someone to chase.
struct DemoPlan {
    let app: Application
    let now: Date

    static let text = """
        长沙高新区管理委员会办公室关于印发《长沙高新区2026年“三大攻坚”实施方案》的通知

        长高新管办发〔2026〕3号

        各局办、各工作小组、驻区单位：
        经管委会同意，现将《长沙高新区2026年“三大攻坚”实施方案》印发给你们，请认真贯彻执行。

        长沙高新区管理委员会办公室
        2026年3月10日

        长沙高新区2026年“三大攻坚”实施方案

        为深入开展“送解优”行动，推动园区经济持续回升向好，特制定本方案。

        附件：1.产业项目攻坚实施方案
        2.营商环境攻坚实施方案
        3.科技创新攻坚实施方案

        附件1
        产业项目攻坚实施方案
        一、攻坚目标
        力争规模工业增加值增长7%以上，新引进产业项目15个以上，其中过10亿元项目2个，固定资产投资增长6%以上。
        二、攻坚任务
        （一）抓项目建设
        1.推进重点项目开工。建立重点项目“一项目一专班”机制，6月底前实现年度计划新开工项目全部开工。（经济发展局牵头负责，住房和建设管理局、行政审批服务局等按职责分工负责）
        2.推进设备更新项目。组织企业申报超长期特别国债设备更新项目，年底前完成设备购置投资10亿元。（经济发展局牵头负责，科技金融服务中心、税务局等按职责分工负责）
        3.保障项目用电。对重点项目用电需求实行清单管理，9月底前完成新增变电容量配套。（电力公司牵头负责，经济发展局等按职责分工负责）
        （二）抓招商引资
        1.开展产业链精准招商。围绕新材料、智能装备产业链开展驻点招商，年底前新签约项目15个。（经济发展局牵头负责，服务小组等按职责分工负责）
        2.盘活闲置厂房。摸清闲置厂房底数，推动以商招商，年内盘活闲置厂房10万平方米。（住房和建设管理局、经济发展局牵头负责，综合小组等按职责分工负责）
        三、推进机制
        成立产业项目攻坚工作专班，由分管园区领导担任召集人，经济发展局主要负责人任副召集人，成员单位包括经济发展局、住房和建设管理局、行政审批服务局、科技金融服务中心、税务局、电力公司、服务小组等，专班办公室设在经济发展局，负责日常协调和调度工作。

        附件2
        营商环境攻坚实施方案
        一、攻坚目标
        政务服务一网通办率达到95%以上，企业开办时间压缩至1个工作日以内，涉企问题按期办结率达到90%以上。
        二、攻坚任务
        （一）深化“高效办成一件事”。9月15日前上线企业开办、水电气网联合报装等10个“一件事”。（行政审批服务局牵头负责，电力公司、税务局等按职责分工负责）
        （二）常态化开展“送解优”行动。组织干部每月走访联点企业，收集问题按“解决一个、销号一个”闭环办理。（服务小组牵头负责，经济发展局、政策小组等按职责分工负责）
        （三）推进惠企政策直达快享。梳理惠企政策清单，年底前实现免申即享政策10项以上。（政策小组、税务局牵头负责，科技金融服务中心等按职责分工负责）
        （四）规范涉企行政检查。推行“扫码入企、联码督查”，年底前实现全覆盖。（综合小组牵头负责，行政审批服务局等按职责分工负责）
        三、推进机制
        成立营商环境攻坚工作专班，由分管园区领导担任召集人，行政审批服务局、服务小组主要负责人任副召集人，成员单位包括行政审批服务局、服务小组、政策小组、综合小组、经济发展局、税务局、电力公司等，专班办公室设在服务小组，负责日常协调和调度工作。

        附件3
        科技创新攻坚实施方案
        一、攻坚目标
        新增高新技术企业30家、科技型中小企业60家以上，技术合同登记额超过20亿元。
        二、攻坚任务
        1.培育创新主体。建立高新技术企业培育库，6月底前完成入库企业辅导。（科技创新办公室牵头负责，税务局、科技金融服务中心等按职责分工负责）
        2.用好科技金融。推广科技贷、知识产权质押融资，年底前新增科技贷款5亿元。（科技金融服务中心牵头负责，科技创新办公室等按职责分工负责）
        3.引育创新人才。支持企业申报“芙蓉计划”等人才项目，年内新引进高层次人才50名。（组织人事局牵头负责，科技创新办公室等按职责分工负责）
        三、推进机制
        成立科技创新攻坚工作专班，由分管园区领导担任召集人，科技创新办公室主要负责人任副召集人，成员单位包括科技创新办公室、科技金融服务中心、组织人事局、税务局等，专班办公室设在科技创新办公室，负责日常协调和调度工作。
        """

    /// Saves the plan for 长沙高新区 and its history of reports and actuals.
    func load(dispatcher: Actor, handler: Actor) async throws {
        let store = PlanStore(database: app.db, now: now)
        let (draft, _) = try await store.preview(Self.text, by: dispatcher)
        let id = try await store.save(draft, mapping: [:], by: dispatcher)
        let sql = app.db.sql
        let plan = try await PlanStore.readable(
            id, by: dispatcher, in: try await OrgDirectory.tree(on: app.db), on: sql)
        let detail = try await PlanStore.detail(plan, on: sql)
        let today = LocalDate(now, in: .chinaStandard)
        let current = TenDayPeriod(containing: today)
        // Every 旬 since the plan was issued (at most a year back), each task's lead units report a
        // growing percentage towards where the task stands now; a few tasks are done. This 旬 only
        // 经济发展局 and half the others have reported yet, and 电力公司 missed one 旬 last month.
        let issued = LocalDate(iso: draft.issuedOn ?? today.iso) ?? today
        var periods: [TenDayPeriod] = []
        var period = TenDayPeriod(containing: max(issued.adding(days: 11), today.adding(days: -360)))
        while period <= current {
            periods.append(period)
            period = period.next
        }
        let tasks = detail.tasks.filter(\.owesReports)
        let missedOnce = current.previous.previous.previous
        for (step, period) in periods.enumerated() {
            let reportingDay = min(period.end, today)
            let progress = PlanProgress(database: app.db, now: DemoProblems.time(on: reportingDay))
            for (index, task) in tasks.enumerated() {
                let finalPercent = index % 5 == 4 ? 100 : 45 + (index * 11) % 45
                let percent = min(100, max(5, finalPercent * (step + 1) / periods.count))
                for lead in task.leads {
                    let isHandler = lead.id == handler.departmentID
                    if period == current, !isHandler, index % 2 == 0 { continue }
                    if period == missedOnce, lead.name == "电力公司" { continue }
                    // A task reported done reports no more.
                    if step > 0, finalPercent * step / periods.count >= 100 { continue }
                    try await progress.report(
                        task: task.id,
                        ProgressDraft(
                            progress: Self.progressText(task.title, step: step, of: periods.count),
                            percent: String(percent),
                            difficulties: step == periods.count - 2 && index % 3 == 1 ? "项目要素保障需市级部门协调" : nil),
                        period: nil, department: isHandler ? nil : lead.id, milestone: nil,
                        by: isHandler ? handler : dispatcher)
                }
            }
        }
        let progress = PlanProgress(database: app.db, now: now)
        if let lagging = tasks.first(where: { $0.title == "保障项目用电" }) {
            try await progress.supervise(task: lagging.id, note: "变电容量配套滞后于计划，挂牌督办", by: dispatcher)
        }
        if let first = tasks.first {
            _ = try await progress.addMilestone(
                task: first.id, title: "年度计划新开工项目全部开工", dueOn: LocalDate(year: today.year, month: 12, day: 15)!.iso,
                by: dispatcher)
        }
        let targets = PlanTargets(database: app.db, now: now)
        let lastMonth = today.firstOfMonth.adding(days: -1)
        for (target, value) in zip(detail.targets, ["7.4", "12", "1", "6.3", "96.5", "1", "88.2", "21", "47", "16.8"]) {
            try await targets.recordActual(
                target: target.id, month: String(lastMonth.iso.prefix(7)), value: value, note: nil, by: dispatcher)
        }
    }

    static func progressText(_ title: String, step: Int, of count: Int) -> String {
        if step == 0 { return "\(title)：完成摸底，制定工作方案和责任分工" }
        let phrases = ["召开专题调度会，协调解决推进中的问题", "按计划推进，完成本旬既定工作量", "对照节点倒排工期，加快推进"]
        return "\(title)：\(phrases[step % phrases.count])"
    }
}
