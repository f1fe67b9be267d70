import Foundation
import JieyouDomain
import Testing

@testable import JieyouApp

/// A 攻坚方案's tabs, one of its tasks and one unit's tasks rendered from fixed values, compared with the
/// HTML kept in `Golden/` (see `Golden.check`).
@Suite struct PlanPagesGoldenTests {
    static let park = UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    static let csrf = HTML(raw: "<input type=\"hidden\" name=\"_csrf\" value=\"csrf-token\">")
    static let today = LocalDate(iso: "2026-06-15")!

    static let industry = UnitRef(id: id(20), name: "区科工局")
    static let commerce = UnitRef(id: id(21), name: "区商务局<招商>")
    static let plan = PlanRecord(
        id: id(1), orgUnitId: park, title: "2026年稳增长攻坚方案", documentNumber: "长高新办发〔2026〕3号",
        issuedOn: "2026-03-01", year: 2026, workstreamCount: 1, taskCount: 2, targetCount: 1)
    static let stream = WorkstreamRecord(
        id: id(2), position: 0, name: "工业投资攻坚", taskForce: "工业投资攻坚专班", convener: "张副主任",
        office: industry, deputies: [commerce], members: [industry, commerce])
    static let heading = TaskRecord(
        id: id(10), planId: id(1), workstreamId: id(2), parentId: nil, position: 0,
        number: TaskNumber(style: .chineseParenthesised, ordinal: "一"), title: "扩大有效投资", text: "", groups: [],
        dueOn: nil, percent: 0, supervisedOn: nil, supervisionNote: nil, hasChildren: true)
    static let task = TaskRecord(
        id: id(11), planId: id(1), workstreamId: id(2), parentId: id(10), position: 1,
        number: TaskNumber(style: .arabicDot, ordinal: "1"), title: "推进技改项目", text: "全年完成技改投资增长10%以上。",
        groups: ["各园区"], dueOn: "2026-12-31", percent: 40, supervisedOn: "2026-06-01", supervisionNote: "进度滞后",
        leads: [industry], cos: [commerce],
        milestones: [
            MilestoneRecord(id: id(30), taskId: id(11), title: "完成项目摸底", dueOn: "2026-05-31", reachedOn: nil)
        ])
    static var detail: PlanDetail {
        PlanDetail(
            plan: plan, workstreams: [stream],
            targets: [
                TargetRecord(
                    id: id(40), workstreamId: id(2), indicator: "工业投资增速", comparison: .atLeast, value: "10",
                    unit: "%", baseline: "6.5", actualMonth: "2026-05", actual: "8.2")
            ], tasks: [heading, task])
    }

    @Test func theTaskListOfOneWorkstream() throws {
        let view = PlanPageView(
            detail: Self.detail, tab: .tasks, workstream: Self.stream.id, today: Self.today, mayManage: false,
            progress: nil, csrf: Self.csrf)
        try Golden.check(view.html.description, "plan-tasks.html")
    }

    @Test func theTargetsWithTheActualsForm() throws {
        let view = PlanPageView(
            detail: Self.detail, tab: .targets, workstream: nil, today: Self.today, mayManage: true, progress: nil,
            csrf: Self.csrf)
        try Golden.check(view.html.description, "plan-targets.html")
    }

    @Test func theResponsibilityList() throws {
        let view = PlanPageView(
            detail: Self.detail, tab: .units, workstream: nil, today: Self.today, mayManage: false, progress: nil,
            csrf: Self.csrf)
        try Golden.check(view.html.description, "plan-units.html")
    }

    @Test func aSupervisedTaskAsItsLeadUnitSeesIt() throws {
        let view = PlanTaskPageView(
            plan: Self.plan, task: Self.task, reports: [], today: Self.today, ownLead: Self.industry, mayManage: false,
            report: PlanTaskWeb.ReportForm(progress: "已完成摸底"),
            errors: [FieldError(field: "percent", message: "完成进度不能低于上次报送的40%")], csrf: Self.csrf)
        try Golden.check(view.html.description, "plan-task.html")
    }

    @Test func aUnitsTasksWithTheReportItOwes() throws {
        let view = PlanUnitView(
            unit: Self.industry.id, name: Self.industry.name, tasks: [Self.task], plans: [Self.plan.id: Self.plan],
            reported: [], today: Self.today)
        try Golden.check(view.html.description, "plan-unit.html")
    }
}
