import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// The demo's problem ledgers, written step by step through `ProblemDesk` on the day each step was
/// taken, so deadlines, overdue work and the statistics come out as they would have:
/// - 望城经开区's 送解优 campaign with the figures of seed 004: 216 problems and 32 suggestions
///   collected, 175 problems resolved, 22 suggestions adopted;
/// - 长沙高新区's problems found at the demo visits and meetings, taken to every state of the loop —
///   returned, overdue, paused, escalated, merged, reopened, 持续推进 — with the flags.
struct DemoProblems {
    let app: Application
    let calendar: WorkCalendar
    let today: LocalDate

    /// Who takes the steps in one park.
    struct Cast {
        let dispatcher: Actor
        /// A handler per department, by department name.
        let handlers: [String: Actor]
    }

    /// A problem as cadres write it down, with its category and the department that answers for it.
    static let pool: [(text: String, category: String, department: String)] = [
        ("厂区周边道路破损，重型货车通行困难", "hardship", "住房和建设管理局"),
        ("一线操作工缺口约40人，希望协助招聘", "hardship", "组织人事局"),
        ("设备更新贷款贴息申报流程不清楚", "hardship", "经济发展局"),
        ("新建厂房不动产权证办理进度慢", "governmentService", "行政审批服务局"),
        ("高峰时段限电影响连续生产", "hardship", "电力公司"),
        ("出口退税到账周期较长", "governmentService", "税务局"),
        ("环评批复与施工许可衔接不畅", "governmentService", "行政审批服务局"),
        ("园区公交班次少，员工通勤不便", "hardship", "住房和建设管理局"),
        ("研发费用加计扣除政策适用口径不清", "governmentService", "税务局"),
        ("专精特新企业认定材料要求反复变动", "governmentService", "经济发展局"),
        ("消防验收排期时间长", "governmentService", "住房和建设管理局"),
        ("同一事项被多个部门重复检查", "enforcement", "经济发展局"),
        ("供电线路改造要求企业自行承担费用", "arbitraryCharges", "电力公司"),
        ("人才公寓申请条件不明确", "hardship", "组织人事局"),
        ("外籍技术人员工作许可办理慢", "opening", "行政审批服务局"),
        ("工程款被上游国有企业拖欠半年以上", "breachOfTrust", "经济发展局"),
    ]

    /// Other enterprises' words for some of `pool`'s difficulties.
    static let otherWordings: [String: [String]] = [
        "一线操作工缺口约40人，希望协助招聘": ["新生产线投产后普工缺口60人，请协助联系劳务公司", "车间操作岗位长期招不满人，企业用工缺口较大", "招工难，年后返岗员工不足七成"],
        "设备更新贷款贴息申报流程不清楚": ["设备更新改造贷款贴息资金申请材料不知道如何准备", "希望讲解设备更新再贷款贴息政策的申报口径"],
        "高峰时段限电影响连续生产": ["夏季有序用电限电，生产线被迫停产", "错峰用电时段太长，订单交付受影响"],
        "出口退税到账周期较长": ["出口退税资料被反复要求补充，到账慢", "希望加快出口退税审核办理"],
        "消防验收排期时间长": ["消防验收需要等待一个多月才能安排现场检查", "厂房改造后消防验收排不上期，投产推迟"],
        "工程款被上游国有企业拖欠半年以上": ["区属平台公司拖欠货款约800万元，多次催讨未果", "政府投资项目完工两年，工程尾款一直没有支付"],
    ]

    /// The `index`th problem's words for `text`: the pool's own, or another enterprise's.
    static func wording(of text: String, _ index: Int) -> String {
        guard let others = otherWordings[text] else { return text }
        let all = [text] + others
        return all[index % all.count]
    }

    /// What cadres write down at 长沙高新区's visits: seven difficulties, each in the words of several
    /// enterprises, so that the 共性问题 proposed among them are found by meaning, not by copied text.
    static let visitFindings: [[String]] = [
        ["厂区门口道路破损，货车进出困难", "企业门口道路坑洼不平，雨天积水严重", "进厂道路被重车压坏，多次反映仍未维修", "园区支路路面破烂，员工骑车上下班不安全"],
        ["用工缺口约30人，希望协助招聘一线操作工", "生产线普工招不到人，目前缺员20人左右", "旺季订单增加，车间缺工严重", "一线工人短缺，希望人社部门帮助发布用工需求"],
        ["设备更新贷款贴息政策不清楚如何申报", "不了解技改贷款贴息政策申报条件", "贷款贴息的申报时间窗口太短，企业错过了申报期"],
        ["蒸汽管网压力不稳，影响生产", "集中供热蒸汽压力波动大，烘干工序经常中断", "园区蒸汽供应不稳定，高峰时段压力不足"],
        ["希望协调办理新建厂房的不动产权证", "厂房竣工验收后一年多仍未办下产权证", "企业购买的标准厂房至今没有拿到不动产证"],
        ["出口退税到账较慢", "出口退税审核时间长，资金占用大", "申报出口退税后三个月仍未到账"],
        ["园区公交班次少，员工通勤不便", "早晚高峰公交车挤不上，员工经常迟到", "地铁站到园区没有接驳公交，员工通勤时间长"],
    ]

    static let suggestions = [
        "建议园区定期举办政银企对接会", "建议简化项目申报材料", "建议增设员工子女入学咨询窗口", "建议设立园区转贷应急资金池",
        "建议开通园区至地铁站的通勤专线", "建议建立企业诉求“一站式”受理窗口", "建议组织产业链上下游供需对接", "建议开展数字化改造诊断服务",
    ]

    /// 10:00 in China on `day`: when the demo's steps are taken.
    static func time(on day: LocalDate) -> Date {
        ChinaTime.morning(of: day)
    }

    func service(on day: LocalDate) -> ProblemDesk {
        ProblemDesk(database: app.db, now: Self.time(on: day), calendar: calendar)
    }

    /// Walks a problem along `steps`, each on its day (never after today, never before the last).
    func walk(_ id: UUID, from start: LocalDate, _ steps: [(Int, Actor, ProblemAction)]) async throws {
        var day = start
        for (workingDays, actor, action) in steps {
            day = min(max(calendar.addingWorkingDays(workingDays, to: day), day), today)
            _ = try await service(on: day).act(action, on: id, note: nil, by: actor)
        }
    }

    private func submit(
        _ text: String, kind: ProblemKind, category: String?, enterprise: UUID, campaign: UUID?, on day: LocalDate,
        by actor: Actor
    ) async throws -> UUID {
        try await service(on: day).submit(
            ProblemInput(
                enterpriseID: enterprise, kind: kind.rawValue, category: category, source: ProblemSource.visit.rawValue,
                description: text, campaignID: campaign),
            orgUnit: actor.orgUnitID, by: actor)
    }

    // MARK: 望城经开区, seed 004

    /// 248 problems and suggestions over the campaign's eleven weeks. Of the 216 problems: 150 closed
    /// after a satisfied revisit, 10 closed after being reopened once, 10 resolved and waiting for
    /// their revisit, 5 closed by the dispatcher without one (175 resolved); the other 41 are still
    /// open or were not taken on. Of the 32 suggestions, 22 adopted, 6 not adopted, 4 being studied.
    func loadSeed004(
        campaign: UUID, started: LocalDate, enterprises: [UUID], cast: Cast, revisitor: Actor
    ) async throws {
        var random = DemoRandom(seed: 4)
        let d = cast.dispatcher
        let span = max(started.days(until: today) - 22, 1)
        for index in 0..<248 {
            let isSuggestion = index >= 216
            let item = Self.pool[random.next(Self.pool.count)]
            let handler = cast.handlers[isSuggestion ? "经济发展局" : item.department]!
            let lead = handler.departmentID
            let enterprise = enterprises[random.next(enterprises.count)]
            // Settled work came in early; what is still open came in late.
            let settled = index < 175 || (isSuggestion && index < 244)
            let submitted =
                settled
                ? started.adding(days: random.next(span))
                : today.adding(days: -(3 + random.next(max(min(40, span), 1))))
            let text =
                isSuggestion
                ? Self.suggestions[random.next(Self.suggestions.count)] : Self.wording(of: item.text, index)
            let id = try await submit(
                text, kind: isSuggestion ? .suggestion : .problem, category: isSuggestion ? nil : item.category,
                enterprise: enterprise, campaign: campaign, on: submitted, by: d)
            // A late answer now and then, so the response rate is not a flat 100%.
            let acceptAfter = random.next(10) == 0 ? 2 : random.next(2)
            let signAfter = random.next(12) == 0 ? 2 : random.next(2)
            let taken: [(Int, Actor, ProblemAction)] = [
                (acceptAfter, d, .accept(category: isSuggestion ? "governmentService" : nil)),
                (0, d, .assign(lead: lead, co: [], deadline: nil)), (signAfter, handler, .sign),
            ]
            // Mostly within the limit (5 or 10 working days); one in six runs late.
            let working = 2 + random.next(4) + (random.next(6) == 0 ? 6 : 0)
            let satisfied: Satisfaction = random.next(5) == 0 ? .basicallySatisfied : .satisfied
            let resolved: [(Int, Actor, ProblemAction)] = [
                (1, handler, .progress(text: "已与企业对接，正在协调相关单位")),
                (working - 1, handler, .resolve(result: "已协调解决，企业问题得到落实", kind: .solved)),
            ]
            let closedAfterRevisit: [(Int, Actor, ProblemAction)] = [
                (1 + random.next(2), revisitor, .revisit(satisfaction: satisfied, comment: nil)),
                (0, d, .close(overrideReason: nil)),
            ]
            let keepUntil = (190..<195).contains(index) ? today.adding(days: 60 + random.next(60)) : today
            let paths = Seed004Paths(
                dispatcher: d, handler: handler, revisitor: revisitor, lead: lead, department: item.department,
                working: working, taken: taken, resolved: resolved, closedAfterRevisit: closedAfterRevisit)
            let steps = paths.steps(for: index, keepUntil: keepUntil)
            try await walk(id, from: submitted, steps)
        }
    }

    // MARK: 长沙高新区, every state

    /// Takes the problems found at the demo's visits and meetings (all 待受理 when written down)
    /// through the loop, one kind of path after another, so that each state, view and flag has
    /// examples.
    func loadEveryState(gaoxin: UUID, cast: Cast, leader: Actor) async throws {
        let rows = try await submittedProblems(of: gaoxin)
        let d = cast.dispatcher
        let economy = cast.handlers["经济发展局"]!
        let tax = cast.handlers["税务局"]!
        var mergeTarget: UUID?
        for (index, row) in rows.enumerated() {
            let start = LocalDate(iso: row.submittedOn) ?? today
            let handler = row.description.contains("退税") ? tax : economy
            let category = Self.pool.first { $0.text == row.description }?.category ?? "governmentService"
            let revisitor =
                row.liaison.map { Actor(userID: $0, roles: [.cadre], orgUnitID: gaoxin) } ?? d
            let isSuggestion = row.kind == ProblemKind.suggestion.rawValue
            let taken: [(Int, Actor, ProblemAction)] = [
                (0, d, .accept(category: category)), (0, d, .assign(lead: handler.departmentID, co: [], deadline: nil)),
                (1, handler, .sign),
            ]
            let resolve: (Int, Actor, ProblemAction) = (
                3, handler,
                isSuggestion
                    ? .resolve(result: "建议已采纳，纳入园区年度服务计划", kind: .adopted)
                    : .resolve(result: "已协调相关单位解决", kind: .solved)
            )
            let paths = EveryStatePaths(
                dispatcher: d, handler: handler, revisitor: revisitor, leader: leader, taken: taken, resolve: resolve,
                today: today)
            var steps = paths.steps(for: index, id: row.id, mergeTarget: mergeTarget)
            if index % 14 == 8 || index % 14 == 9, mergeTarget == nil { mergeTarget = row.id }
            // A pause and an extension request among the ones being worked on.
            if index % 14 == 3 && index % 28 == 3 {
                steps.append((0, handler, .pause(reason: "等待企业补充产权证明材料")))
            } else if index % 14 == 3 {
                steps.append((0, handler, .requestExtension(workingDays: 5, reason: "需等待第三方评估报告")))
            }
            try await walk(row.id, from: start, steps)
        }
    }

    /// The park's problems still 待受理, oldest first, with a cadre stationed at each one's enterprise.
    private func submittedProblems(of gaoxin: UUID) async throws -> [SubmittedProblem] {
        return try await app.db.sql.raw(
            """
            SELECT p.id, p.kind, p.description, p.submitted_on,
              (SELECT l.user_id FROM enterprise_liaisons l WHERE l.enterprise_id = p.enterprise_id AND l.kind = 'cadre'
                ORDER BY l.id LIMIT 1) AS liaison
            FROM problems p WHERE p.org_unit_id = \(bind: gaoxin) AND p.state = 'submitted' ORDER BY p.submitted_on, p.number
            """
        ).all(decoding: SubmittedProblem.self, keyDecodingStrategy: ColumnNames.snakeCase)
    }
}

/// The paths seed 004's problems take, by their place in the list (see `loadSeed004`): the steps
/// they share, drawn once per problem, combined per path.
private struct Seed004Paths {
    typealias Step = (Int, Actor, ProblemAction)

    let dispatcher: Actor
    let handler: Actor
    let revisitor: Actor
    let lead: UUID?
    let department: String
    let working: Int
    let taken: [Step]
    let resolved: [Step]
    let closedAfterRevisit: [Step]

    func steps(for index: Int, keepUntil: LocalDate) -> [Step] {
        switch index {
        case 0..<150:
            return taken + resolved + closedAfterRevisit
        case 150..<160:
            return
                taken + resolved + [
                    (1, revisitor, .revisit(satisfaction: .dissatisfied, comment: "问题只解决了一部分，希望继续跟进")),
                    (0, dispatcher, .assign(lead: lead, co: [], deadline: nil)), (1, handler, .sign),
                    (1, handler, .recordRootCause("涉及多个部门职责交叉，首次交办时未明确牵头责任")),
                    (2, handler, .resolve(result: "牵头协调相关部门，问题已彻底解决", kind: .solved)),
                ] + closedAfterRevisit
        case 160..<170:
            return taken + resolved
        case 170..<175:
            return
                taken + [
                    (3, handler, .resolve(result: "已向企业解释现行政策，按政策执行", kind: .explained)),
                    (4, dispatcher, .close(overrideReason: "多次联系企业未回访，经服务小组核实已办结")),
                ]
        case 175..<190:
            // Being worked on; those that came in early are past their deadline by now.
            return taken + [(1, handler, .progress(text: "已现场查看，正在制定解决方案"))]
        case 190..<195:
            return
                taken + [
                    (
                        3, handler,
                        .keepWorking(
                            plan: "纳入年度重点项目分期推进", responsibleUnit: department,
                            until: keepUntil)
                    )
                ]
        case 195..<200:
            return Array(taken.prefix(2)) + [(1, handler, .giveBack(reason: "该事项不属于本单位职责范围"))]
        case 200..<205:
            return Array(taken.prefix(2))
        case 205..<208:
            return [taken[0]]
        case 208..<211:
            return []
        case 211..<214:
            return [(1, dispatcher, .reject(reason: "属于企业内部经营事项，不属于涉企问题"))]
        case 214:
            return [(1, dispatcher, .escalate(reason: "涉及区级规划调整，需区优化营商环境专班协调"))]
        case 215:
            return [(1, dispatcher, .accept(category: nil))]
        case 216..<238:
            return
                taken + [(working, handler, .resolve(result: "建议已采纳，纳入园区服务举措并组织实施", kind: .adopted))]
                + closedAfterRevisit
        case 238..<244:
            return
                taken + [(working, handler, .resolve(result: "经研究暂不具备实施条件，已向企业说明", kind: .notAdopted))]
                + [
                    (1, revisitor, .revisit(satisfaction: .basicallySatisfied, comment: nil)),
                    (0, dispatcher, .close(overrideReason: nil)),
                ]
        default:
            return taken
        }
    }
}
/// A problem still 待受理, as `loadEveryState` takes it through the loop.
private struct SubmittedProblem: Decodable {
    let id: UUID
    let kind: String
    let description: String
    let submittedOn: String
    let liaison: UUID?
}

/// The paths `loadEveryState` takes the park's problems through, fourteen in turn, so that each state,
/// view and flag has examples.
private struct EveryStatePaths {
    typealias Step = (Int, Actor, ProblemAction)

    let dispatcher: Actor
    let handler: Actor
    let revisitor: Actor
    let leader: Actor
    let taken: [Step]
    let resolve: Step
    let today: LocalDate

    /// `mergeTarget` is the first problem closed so far, which a later duplicate merges into.
    func steps(for index: Int, id: UUID, mergeTarget: UUID?) -> [Step] {
        switch index % 14 {
        case 0: return []
        case 1: return [taken[0]]
        case 2: return Array(taken.prefix(2))
        case 3: return taken + [(1, handler, .progress(text: "已约企业负责人面谈，梳理具体诉求"))]
        case 4:
            return
                taken + [
                    (1, handler, .progress(text: "需协调上级部门，正在等待答复")), (0, dispatcher, .setFlag(.supervised, on: true)),
                ]
        case 5: return Array(taken.prefix(2)) + [(1, handler, .giveBack(reason: "该事项属于区级部门职责"))]
        case 6:
            return
                taken + [
                    (
                        2, handler,
                        .keepWorking(
                            plan: "结合园区道路提质改造工程分期实施", responsibleUnit: "住房和建设管理局", until: today.adding(days: 90))
                    )
                ]
        case 7: return taken + [resolve]
        case 8, 9:
            let closed: [Step] =
                taken + [
                    resolve, (1, revisitor, .revisit(satisfaction: .satisfied, comment: nil)),
                    (0, dispatcher, .close(overrideReason: nil)),
                ]
            let typical = index % 14 == 8 && index < 14
            return typical ? closed + [(0, dispatcher, .setFlag(.typicalCase, on: true))] : closed
        case 10: return [(0, dispatcher, .reject(reason: "属于企业之间的民事纠纷，建议通过司法途径解决"))]
        case 11: return [(0, dispatcher, .escalate(reason: "涉及跨区协调，需区优化营商环境专班统筹"))]
        case 12:
            return mergeTarget.map { [(0, dispatcher, .merge(into: $0, ownID: id))] } ?? []
        default:
            return
                taken + [
                    resolve,
                    (1, revisitor, .revisit(satisfaction: .dissatisfied, comment: "实际问题没有解决，希望再跟进")),
                    (0, leader, .setFlag(.leaderCase, on: true)),
                ]
        }
    }
}
