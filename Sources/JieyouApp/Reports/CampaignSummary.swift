import Foundation
import JieyouDomain
import SQLKit

/// A campaign's 总结报告 (seed 000 五(三), PRODUCT.md §4): how far the visits reached, what became of
/// the problems the campaign collected, the suggestions adopted, two or three typical cases, and the
/// problems still open with the units that answer for them. Its figures are `GET /api/v1/stats`'s
/// and `GET /api/v1/coverage`'s for the campaign.
struct CampaignSummary: Codable, Sendable {
    let title: String
    let campaignID: UUID
    let campaignName: String
    let unitName: String
    let from: LocalDate
    let to: LocalDate
    /// The day the figures were read.
    let asOf: LocalDate
    let coverage: CoverageFigures
    let problems: StatsReport
    let typicalCases: [Bulletin.Item]
    /// Open problems now; `unresolved` lists the first `listLimit` by lead department and deadline, the
    /// ones not yet assigned last.
    let unresolvedCount: Int
    let unresolved: [Bulletin.Item]
    /// 送政策 during the campaign; absent in summaries drafted before policies existed.
    let policies: CampaignPolicyFigures?
    /// The opening paragraph, drafted from the figures; the dispatcher may rewrite it before issuing.
    var summary: String
    /// 下步工作, for what the campaign leaves open.
    var nextSteps: String

    static let listLimit = 200
}

/// What the campaign brought of policies (PRODUCT.md §4: policies delivered, funds disbursed): the
/// deliveries made in its days within the unit's subtree, and the 兑现 granted in them, exact to the 分.
struct CampaignPolicyFigures: Codable, Sendable {
    /// Policy × enterprise deliveries (one per channel).
    let deliveries: Int
    let enterprisesReached: Int
    let benefits: Int
    /// 万元.
    let benefitAmount: String
    /// 兑现各类优惠政策…万元，减免所得税…万元.
    let benefitSentence: String
    /// 知晓率 of the policies the campaign brought: over each policy delivered in its scope and days,
    /// the enterprises of the scope that qualify (count) and those of them that know it. Optional so
    /// that summaries stored before it existed still read.
    let awareness: Share?

    /// The policies counted in `awareness`: the most delivered, as each costs a match over the scope.
    static let awarenessPolicies = 50

    var sentence: String {
        var text = "送达政策\(deliveries)次，覆盖企业\(enterprisesReached)家"
        if let awareness, awareness.total > 0 {
            text += "，所送政策知晓率\(awareness.percentText)（符合条件的\(awareness.total)家次中\(awareness.count)家次已知晓）"
        }
        text += benefits == 0 ? "。" : "；\(benefitSentence)，合计\(benefitAmount)万元。"
        return text
    }

    /// The figures of the deliveries in `root`'s subtree between the two days; the 知晓率, which costs a
    /// match of each policy over the scope, only when `measuringAwareness`.
    static func read(
        root: UUID, from: LocalDate, to: LocalDate, tree: OrgTree, today: LocalDate, measuringAwareness: Bool = true,
        on sql: any SQLDatabase
    ) async throws -> CampaignPolicyFigures {
        let units = Array(tree.subtree(of: root))
        let row = try await sql.raw(
            """
            SELECT COUNT(*) AS n, COUNT(DISTINCT enterprise_id) AS e FROM policy_deliveries
            WHERE org_unit_id IN (\(binds: units)) AND delivered_on >= \(bind: from.iso) AND delivered_on <= \(bind: to.iso)
            """
        ).first()
        let ledger = try await BenefitLedger.summary(
            reach: .units(units), filter: BenefitFilter(from: from, to: to), on: sql)
        let delivered =
            measuringAwareness
            ? try await sql.raw(
                """
                SELECT CAST(policy_id AS TEXT) AS policy_id, COUNT(*) AS n FROM policy_deliveries
                WHERE org_unit_id IN (\(binds: units)) AND delivered_on >= \(bind: from.iso) AND delivered_on <= \(bind: to.iso)
                GROUP BY policy_id ORDER BY n DESC, policy_id LIMIT \(literal: awarenessPolicies)
                """
            ).all().compactMap { UUID(uuidString: try $0.decode(column: "policy_id", as: String.self)) } : []
        var known = 0
        var eligible = 0
        let matching = PolicyMatching(sql: sql, tree: tree, today: today)
        for id in delivered {
            guard let policy = try await PolicyQueries.load(id, on: sql) else { continue }
            // The campaign's scope within the policy's: a park's policy seen from the city covers the park.
            let scope = tree.isWithin(policy.orgUnitId, subtreeOf: root) ? policy.orgUnitId : root
            let reach = try await matching.reach(of: policy, under: scope, cached: true)
            eligible += reach.eligible.count
            known += reach.known
        }
        return CampaignPolicyFigures(
            deliveries: try row?.decode(column: "n", as: Int.self) ?? 0,
            enterprisesReached: try row?.decode(column: "e", as: Int.self) ?? 0, benefits: ledger.totals.count,
            benefitAmount: ledger.totals.total.wan, benefitSentence: ledger.totals.sentence,
            awareness: delivered.isEmpty ? nil : Share(known, of: eligible))
    }
}

/// Puts a campaign's summary together for a reader who may read statistics.
struct CampaignSummaryComposer {
    let actor: Actor
    let tree: OrgTree
    let sql: any SQLDatabase
    let calendar: WorkCalendar
    let today: LocalDate

    func compose(_ campaign: CampaignRecord, unit: UUID) async throws -> CampaignSummary {
        let schedule = campaign.schedule
        let end = min(schedule.endsOn, max(today, schedule.startsOn))
        // The campaign's coverage tallies hold its whole period so far: what the coverage page reads.
        let coverage = try await CoverageQuery.figures(
            CoverageScope(
                units: Array(tree.subtree(of: unit)), enterpriseCondition: campaign.enterpriseCondition,
                from: schedule.startsOn, to: end, requiredVisits: campaign.requiredVisits,
                talliedCampaign: campaign.id),
            on: sql)
        let problems = try await StatsRequest(
            scope: StatsScope(orgUnitID: unit, campaignID: campaign.id), grouping: .department
        ).report(actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
        var ledger = LedgerRequest()
        ledger.filter.orgUnitID = unit
        ledger.filter.campaignID = campaign.id
        let reach = ProblemLedger.condition(ledger, actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
        let bulletin = BulletinComposer(actor: actor, tree: tree, sql: sql, calendar: calendar, today: today)
        let typical = try await bulletin.items(
            "\(reach) AND p.flags <> '' AND p.flags LIKE '%,typicalCase,%' AND p.state IN ('resolved', 'closed')",
            order: "p.resolved_on DESC, p.number", limit: 3)
        let open: [String] = ProblemState.allCases.filter(\.isOpen).map(\.rawValue)
        let openCondition: SQLQueryString = "\(reach) AND p.state IN (\(binds: open))"
        let unresolvedCount =
            try await sql.raw("SELECT COUNT(*) AS n FROM problems p WHERE \(openCondition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let unresolved = try await bulletin.items(
            openCondition,
            order: "CASE WHEN d.name IS NULL THEN 1 ELSE 0 END, d.name, p.deadline, p.number",
            limit: CampaignSummary.listLimit,
            coDepartments: true)
        let policies = try await CampaignPolicyFigures.read(
            root: unit, from: schedule.startsOn, to: end, tree: tree, today: today, on: sql)
        let unitName = tree[unit]?.name ?? ""
        // A campaign is often named after its unit already (望城经开区“两重”“两新”…).
        let title = campaign.name.hasPrefix(unitName) ? "\(campaign.name)总结报告" : "\(unitName)\(campaign.name)总结报告"
        return CampaignSummary(
            title: title, campaignID: campaign.id, campaignName: campaign.name,
            unitName: unitName, from: schedule.startsOn, to: schedule.endsOn, asOf: today, coverage: coverage,
            problems: problems, typicalCases: typical, unresolvedCount: unresolvedCount, unresolved: unresolved,
            policies: policies,
            summary: Self.summary(campaign.name, coverage: coverage, tally: problems.tally, metrics: problems.metrics)
                + policies.sentence,
            nextSteps: Self.nextSteps(unresolved: unresolvedCount, departments: Set(unresolved.compactMap(\.leadName))))
    }

    static func summary(_ name: String, coverage: CoverageFigures, tally: ProblemTally, metrics: ProblemMetrics)
        -> String
    {
        var text = "\(name)开展以来，\(coverage.cadresActive)名干部走访企业\(coverage.visits)次，"
        text +=
            "走访覆盖\(coverage.visitedAtLeastOnce)家企业（应走访\(coverage.enterprisesInScope)家，覆盖率\(coverage.coverage.percentText)），"
        text += "平均每家企业走访\(CoverageFigures.oneDecimal(coverage.visitsPerEnterprise))次；"
        if coverage.requiredVisits > 1 {
            text += "走访达到\(coverage.requiredVisits)次的企业\(coverage.visitedAsRequired)家；"
        }
        text += "共收集企业问题\(tally.problemsRegistered)个、意见建议\(tally.suggestions)条；"
        text += "已交办问题\(tally.problemsAssigned)个，已解决\(tally.problemsResolved)个，"
        text +=
            "办结率\(metrics.resolutionRate.percent)，按期办结率\(metrics.onTimeRate.percent)，满意率\(metrics.satisfactionRate.percent)；"
        text += "采纳企业意见建议\(tally.suggestionsAdopted)条；"
        if let requests = tally.requestsSentence { text += "\(requests)；" }
        text += "累计销号\(tally.closed)件。"
        return text
    }

    static func nextSteps(unresolved: Int, departments: Set<String>) -> String {
        guard unresolved > 0 else {
            return "专项行动收集的问题已全部办结。下一步，将好的做法予以固化，形成长效机制，持续做好“送解优”服务。"
        }
        return "对专项行动结束时尚未解决的\(unresolved)个问题，已明确\(departments.count)个责任单位持续抓好落实，"
            + "坚持“解决一个、销号一个”；对制约企业发展的共性问题，报上级研究出台政策措施；将好的做法予以固化，形成长效机制。"
    }
}
