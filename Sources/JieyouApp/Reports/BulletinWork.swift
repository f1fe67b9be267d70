import Foundation
import JieyouDomain
import SQLKit

/// What a 通报 reports of the campaign's work besides the problems (issue 22, item 3): visits and the
/// running campaign's coverage against its requirement, policies delivered and their 知晓率, 兑现,
/// 项目申报, 融资, and the 攻坚 plans' tasks behind schedule — each for the period and the one before
/// it, so that every section says what changed. Which sections appear is the unit's choice
/// (`BulletinSection`).
struct BulletinWork: Codable, Sendable {
    /// One period's counts over the unit's subtree.
    struct Figures: Codable, Sendable, Equatable {
        var visits = 0
        var enterprisesVisited = 0
        var cadresActive = 0
        var deliveries = 0
        var enterprisesReached = 0
        var benefits = 0
        /// 万元, as `CampaignPolicyFigures` writes it.
        var benefitAmount = Amount.zero.wan
        var projectsApplied = 0
        var projectsListed = 0
        var projectsDisbursed = 0
        var projectGranted = Amount.zero
        var financingRaised = 0
        var financingAsked = Amount.zero
        var financingLent = 0
        var financingLentAmount = Amount.zero
    }

    /// A campaign running at the period's end: how far its visits have reached so far.
    struct Coverage: Codable, Sendable {
        let campaignName: String
        let asOf: LocalDate
        let figures: CoverageFigures
    }

    /// A plan's tasks as they stood at the end of the period and of the one before.
    struct PlanStanding: Codable, Sendable {
        let title: String
        let tasks: Int
        let done: Int
        let behind: Int
        let behindBefore: Int
        /// The tasks behind, as `任务（牵头单位）`, the first few.
        let behindTasks: [String]
    }

    let sections: [BulletinSection]
    let current: Figures
    let previous: Figures
    /// Of the enterprises that qualify for the policies delivered in the period, the share that know
    /// them (as `CampaignPolicyFigures` counts it); nil when none was delivered.
    let awareness: Share?
    let coverage: Coverage?
    let plans: [PlanStanding]

    static let behindListed = 5

    /// One paragraph per section, in the unit's order, each with the change against the period before.
    var paragraphs: [(section: BulletinSection, text: String)] {
        sections.map { ($0, text(of: $0)) }
    }

    func text(of section: BulletinSection) -> String {
        let (c, p) = (current, previous)
        switch section {
        case .visits:
            var text =
                c.visits == 0
                ? "本期未登记走访企业（上期\(p.visits)次）"
                : "本期\(c.cadresActive)名干部走访企业\(c.visits)次、覆盖企业\(c.enterprisesVisited)家，走访次数\(Self.change(c.visits, p.visits, unit: "次"))"
            if let coverage {
                let f = coverage.figures
                text +=
                    "。截至\(coverage.asOf.month)月\(coverage.asOf.day)日，\(coverage.campaignName)应走访企业\(f.enterprisesInScope)家，"
                text += "已走访\(f.visitedAtLeastOnce)家，覆盖率\(f.coverage.percentText)"
                if f.requiredVisits > 1 {
                    text += "，达到走访\(f.requiredVisits)次要求的\(f.visitedAsRequired)家（\(f.completion.percentText)）"
                }
                if f.neverVisited > 0 { text += "，尚有\(f.neverVisited)家未走访" }
            }
            return text + "。"
        case .policies:
            var text =
                c.deliveries == 0
                ? "本期未登记送达政策（上期\(p.deliveries)次）"
                : "本期送达政策\(c.deliveries)次、覆盖企业\(c.enterprisesReached)家，送达次数\(Self.change(c.deliveries, p.deliveries, unit: "次"))"
            if let awareness, awareness.total > 0 {
                text += "；所送政策知晓率\(awareness.percentText)（符合条件的\(awareness.total)家次中\(awareness.count)家次已知晓）"
            }
            return text + "。"
        case .benefits:
            guard c.benefits > 0 || p.benefits > 0 else { return "本期和上期均未登记政策兑现。" }
            return "本期兑现政策\(c.benefits)笔、金额\(c.benefitAmount)万元（上期\(p.benefits)笔、\(p.benefitAmount)万元）。"
        case .projects:
            if [c.projectsApplied, c.projectsListed, c.projectsDisbursed, p.projectsApplied].allSatisfy({ $0 == 0 }) {
                return "本期和上期均无项目申报进展。"
            }
            var text = "本期新申报项目\(c.projectsApplied)个，\(Self.change(c.projectsApplied, p.projectsApplied, unit: "个"))"
            text += "；入库（立项）\(c.projectsListed)个，资金拨付\(c.projectsDisbursed)个"
            if c.projectsDisbursed > 0 { text += "、金额\(c.projectGranted.wan)万元" }
            return text + "。"
        case .financing:
            if [c.financingRaised, c.financingLent, p.financingRaised, p.financingLent].allSatisfy({ $0 == 0 }) {
                return "本期和上期均未收集融资诉求，也无放款。"
            }
            var text = "本期新收集融资诉求\(c.financingRaised)个、金额\(c.financingAsked.wan)万元，"
            text += Self.change(c.financingRaised, p.financingRaised, unit: "个")
            text +=
                "；放款\(c.financingLent)笔、\(c.financingLentAmount.wan)万元（上期\(p.financingLent)笔、\(p.financingLentAmount.wan)万元）"
            return text + "。"
        case .plans:
            guard !plans.isEmpty else { return "本单位暂无在推进的攻坚方案。" }
            return plans.map { plan in
                var text = "《\(plan.title)》共有任务\(plan.tasks)项，已完成\(plan.done)项，滞后\(plan.behind)项"
                text += "（上期末\(plan.behindBefore)项）"
                if !plan.behindTasks.isEmpty {
                    text += "，滞后任务：\(plan.behindTasks.joined(separator: "；"))"
                    if plan.behind > plan.behindTasks.count { text += "等" }
                }
                return text + "。"
            }.joined()
        }
    }

    /// `较上期增加3次`, `较上期减少…`, `与上期持平`.
    static func change(_ now: Int, _ before: Int, unit: String) -> String {
        if now == before { return "与上期持平" }
        return "较上期\(now > before ? "增加" : "减少")\(abs(now - before))\(unit)"
    }
}

/// Reads a bulletin's `BulletinWork` for a unit and a period.
struct BulletinWorkComposer {
    let tree: OrgTree
    let sql: any SQLDatabase
    let today: LocalDate

    func compose(unit: UUID, period: ReportPeriod) async throws -> BulletinWork {
        let sections = try await BulletinSettings.inForce(at: unit, tree: tree, on: sql)
        let units = Array(tree.subtree(of: unit))
        let wanted = Set(sections)
        let (current, awareness) = try await figures(
            units, unit: unit, from: period.start, to: period.end, awareness: wanted.contains(.policies))
        let (previous, _) = try await figures(
            units, unit: unit, from: period.previous.start, to: period.previous.end, awareness: false)
        return BulletinWork(
            sections: sections, current: current, previous: previous, awareness: awareness,
            coverage: wanted.contains(.visits) ? try await coverage(unit: unit, units: units, on: period.end) : nil,
            plans: wanted.contains(.plans) ? try await plans(under: unit, period: period) : [])
    }

    /// The period's counts, and the 知晓率 of the policies delivered in it when `awareness`.
    private func figures(_ units: [UUID], unit: UUID, from: LocalDate, to: LocalDate, awareness: Bool)
        async throws -> (BulletinWork.Figures, Share?)
    {
        var f = BulletinWork.Figures()
        let visits = try await CoverageQuery.figures(
            CoverageScope(
                units: units, enterpriseCondition: "1 = 1", from: from, to: to, requiredVisits: 1,
                talliedCampaign: nil),
            on: sql)
        f.visits = visits.visits
        f.enterprisesVisited = visits.visitedAtLeastOnce
        f.cadresActive = visits.cadresActive
        // Policies and 兑现 as a campaign's summary counts them.
        let policies = try await CampaignPolicyFigures.read(
            root: unit, from: from, to: to, tree: tree, today: today, measuringAwareness: awareness, on: sql)
        f.deliveries = policies.deliveries
        f.enterprisesReached = policies.enterprisesReached
        f.benefits = policies.benefits
        f.benefitAmount = policies.benefitAmount
        // Each ledger read once: a count, or a sum of 分, of the rows whose step fell in the period.
        // Sums are cast to BIGINT: exact on both databases.
        func within(_ day: String) -> SQLQueryString {
            "\(unsafeRaw: day) >= \(bind: from.iso) AND \(unsafeRaw: day) <= \(bind: to.iso)"
        }
        func count(_ day: String, _ name: String) -> SQLQueryString {
            "CAST(COALESCE(SUM(CASE WHEN \(within(day)) THEN 1 ELSE 0 END), 0) AS BIGINT) AS \(unsafeRaw: name)"
        }
        func sum(_ fen: String, _ day: String, _ name: String) -> SQLQueryString {
            "CAST(COALESCE(SUM(CASE WHEN \(within(day)) THEN \(unsafeRaw: fen) ELSE 0 END), 0) AS BIGINT) AS \(unsafeRaw: name)"
        }
        let inUnits: SQLQueryString = "org_unit_id IN (\(binds: units))"
        if let row = try await sql.raw(
            """
            SELECT \(count("applied_on", "applied")), \(count("listed_on", "listed")),
              \(count("disbursed_on", "disbursed")), \(sum("amount_granted_fen", "disbursed_on", "granted"))
            FROM project_applications WHERE \(inUnits)
            """
        ).first() {
            f.projectsApplied = try row.decode(column: "applied", as: Int.self)
            f.projectsListed = try row.decode(column: "listed", as: Int.self)
            f.projectsDisbursed = try row.decode(column: "disbursed", as: Int.self)
            f.projectGranted = Amount(fen: try row.decode(column: "granted", as: Int64.self))
        }
        if let row = try await sql.raw(
            """
            SELECT \(count("raised_on", "raised")), \(sum("amount_fen", "raised_on", "asked")),
              \(count("lent_on", "lent")), \(sum("lent_fen", "lent_on", "lent_fen"))
            FROM financing_demands WHERE \(inUnits)
            """
        ).first() {
            f.financingRaised = try row.decode(column: "raised", as: Int.self)
            f.financingAsked = Amount(fen: try row.decode(column: "asked", as: Int64.self))
            f.financingLent = try row.decode(column: "lent", as: Int.self)
            f.financingLentAmount = Amount(fen: try row.decode(column: "lent_fen", as: Int64.self))
        }
        return (f, policies.awareness)
    }

    /// The campaign running on `day` nearest the unit (its own before the city's), its coverage from
    /// its first day to `day`.
    private func coverage(unit: UUID, units: [UUID], on day: LocalDate) async throws -> BulletinWork.Coverage? {
        let running = try await CoverageTallies.campaigns(over: [unit], day: day, tree: tree, on: sql)
        guard let campaign = CampaignQueries.nearestFirst(running, tree: tree).first else { return nil }
        let figures = try await CoverageQuery.figures(
            CoverageScope(
                units: units, enterpriseCondition: campaign.enterpriseCondition, from: campaign.schedule.startsOn,
                to: day, requiredVisits: campaign.requiredVisits, talliedCampaign: nil),
            on: sql)
        return BulletinWork.Coverage(campaignName: campaign.name, asOf: day, figures: figures)
    }

    /// The plans of the unit's subtree issued this year or last, with their tasks at the end of the
    /// period and of the one before.
    private func plans(under unit: UUID, period: ReportPeriod) async throws -> [BulletinWork.PlanStanding] {
        let plans = try await PlanStore.plans(since: period.end.year - 1, on: sql).filter {
            tree.isWithin($0.orgUnitId, subtreeOf: unit)
        }
        var standings: [BulletinWork.PlanStanding] = []
        for plan in plans {
            // Only the tasks' standings: what the plan's own 通报 adds (旬调度 reporting, targets) is not
            // read here.
            let detail = try await PlanStore.detail(plan, on: sql)
            let now = try await PlanBulletin.taskLines(detail, period: period, on: sql)
            guard !now.isEmpty else { continue }
            let before = try await PlanBulletin.taskLines(detail, period: period.previous, on: sql)
            let behind = now.filter { $0.standing == .behind }
            standings.append(
                BulletinWork.PlanStanding(
                    title: plan.title, tasks: now.count, done: now.filter { $0.standing == .done }.count,
                    behind: behind.count, behindBefore: before.filter { $0.standing == .behind }.count,
                    behindTasks: behind.prefix(BulletinWork.behindListed).map { line in
                        "\(line.task.title)（\(line.task.leads.map(\.name).joined(separator: "、"))）"
                    }))
        }
        return standings
    }
}
