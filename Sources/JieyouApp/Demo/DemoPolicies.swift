import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// The demo's 送政策: the seeds' policies (两重两新 equipment renewal, 以旧换新, 科技创新, 留抵退税 …) with
/// their rules, a push and visits that delivered them, a briefing, last quarter's 兑现 with seed
/// 003's figures to the 分 (兑现733.14万元, 减免所得税2448.43万元, 减免增值税1120.90万元, 留抵退税844万元),
/// and seed 004's 26 project applications (`DemoProjects`).
struct DemoPolicies {
    let app: Application
    let actor: Actor
    let now: Date

    /// One benefit of last quarter: (policy index, kind, 万元, day of the quarter).
    static let quarter: [(Int, BenefitKind, String, Int)] = [
        (0, .funds, "200", 12), (0, .funds, "150.5", 30), (3, .funds, "120.64", 45), (3, .funds, "162", 61),
        (5, .funds, "100", 80), (3, .incomeTaxRelief, "1000", 20), (3, .incomeTaxRelief, "800.43", 50),
        (3, .incomeTaxRelief, "648", 75), (4, .vatRelief, "600.9", 25), (4, .vatRelief, "520", 66),
        (4, .vatRefund, "500", 35), (4, .vatRefund, "344", 70),
    ]

    func load(province: UUID, gaoxin: UUID, key: [UUID], users: [String: UUID], departments: [String: UUID])
        async throws
    {
        let today = LocalDate(now, in: .chinaStandard)
        let signedInEnterprise = try await describeSignedInEnterprise(gaoxin: gaoxin, on: app.db.sql)
        let service = PolicyService(database: app.db, now: now)
        var ids: [UUID] = []
        for (draft, json, department, unit) in Self.catalogue(
            province: province, gaoxin: gaoxin, departments: departments, today: today)
        {
            let rule = try JSONDecoder().decode(EligibilityRuleDraft.self, from: Data(json.utf8))
            ids.append(
                try await service.create(
                    draft, rule: rule, department: unit == gaoxin ? department : nil, orgUnit: unit, by: actor))
        }
        let dispatcher = Actor(userID: users["gx_dispatcher"]!, roles: [.dispatcher], orgUnitID: gaoxin)
        try await deliver(ids, gaoxin: gaoxin, departments: departments, by: dispatcher, today: today)
        let candidates = try await grantLastQuarter(ids, gaoxin: gaoxin, key: key, by: dispatcher, today: today)
        try await DemoProjects(app: app, now: now).load(
            dispatcher: dispatcher, equipment: ids[0], relending: ids[1],
            enterprises: candidates.isEmpty ? key : candidates, signedInEnterprise: signedInEnterprise)
        try await financingDemands(
            dispatcher: dispatcher, enterprises: Array(key.dropFirst(20).prefix(6)), today: today)
    }

    /// 政策小组 of the park pushes the equipment policy; cadres brought the high-tech award on visits;
    /// the briefing presented the re-lending policy.
    private func deliver(
        _ ids: [UUID], gaoxin: UUID, departments: [String: UUID], by dispatcher: Actor, today: LocalDate
    ) async throws {
        let db = app.db
        let sql = db.sql
        let economy = departments["gaoxin/经济发展局"]
        let deliveries = PolicyDeliveryService(database: db, now: now)
        _ = try await deliveries.push(ids[0], by: dispatcher)
        let tree = try await OrgDirectory.tree(on: db)
        let matching = PolicyMatching(sql: sql, tree: tree, today: today)
        for (index, policy) in [ids[3], ids[1]].enumerated() {
            let record = try await PolicyQueries.load(policy, on: sql)!
            let eligible = try await matching.reach(of: record, under: gaoxin).eligible.map(\.facts.id)
            let brought = eligible.enumerated().filter { $0.offset % (index == 0 ? 2 : 3) == 0 }.map(\.element)
            guard !brought.isEmpty else { continue }
            if index == 0 {
                _ = try await deliveries.record(
                    policy, enterprises: Array(brought.prefix(200)), channel: .visit, on: today.adding(days: -10),
                    meeting: nil, by: dispatcher)
            } else {
                // Seed 004's 政策解读会: the park's departments explain the 两新 policies to the makers.
                _ = try await MeetingService(database: db, now: now).record(
                    MeetingInput(
                        orgUnitID: gaoxin, kind: MeetingKind.policyBriefing.rawValue, title: "“两重”“两新”送解优政策解读会",
                        heldOn: today.adding(days: -17).iso, place: "麓谷企业广场报告厅", departmentID: economy,
                        notes: "产业发展局组织相关业务部门，逐一解读工业设备更新和技术改造、设备更新再贷款、融资补贴等政策。",
                        enterpriseIDs: Array(brought.prefix(200)), policyIDs: [policy, ids[0]]),
                    by: dispatcher)
            }
        }
    }

    /// Last quarter's 兑现, each line for one of the park's enterprises that qualifies; returns those
    /// that qualify for the equipment policy (the applications' applicants).
    private func grantLastQuarter(_ ids: [UUID], gaoxin: UUID, key: [UUID], by dispatcher: Actor, today: LocalDate)
        async throws -> [UUID]
    {
        let sql = app.db.sql
        let matching = PolicyMatching(sql: sql, tree: try await OrgDirectory.tree(on: app.db), today: today)
        let ledger = BenefitLedger(database: app.db, now: now)
        let quarterEnd = LocalDate(year: today.year, month: (today.month - 1) / 3 * 3 + 1, day: 1)!.adding(days: -1)
        let quarterStart = LocalDate(year: quarterEnd.year, month: quarterEnd.month - 2, day: 1)!
        var candidates: [Int: [UUID]] = [:]
        for (offset, line) in Self.quarter.enumerated() {
            let policy = try await PolicyQueries.load(ids[line.0], on: sql)!
            if candidates[line.0] == nil {
                candidates[line.0] = try await matching.reach(of: policy, under: gaoxin).eligible.map(\.facts.id)
            }
            let pool = candidates[line.0]!.isEmpty ? key : candidates[line.0]!
            _ = try await ledger.add(
                BenefitDraft(
                    kind: line.1.rawValue, amount: line.2,
                    grantedOn: min(quarterStart.adding(days: line.3), quarterEnd).iso),
                enterprise: pool[offset * 7 % pool.count], policy: ids[line.0], by: dispatcher)
        }
        return candidates[0] ?? []
    }

    /// 融资诉求 gathered on visits, followed to loans at the banks: two lent, two 对接中, one waiting, one
    /// given up.
    private func financingDemands(dispatcher: Actor, enterprises: [UUID], today: LocalDate) async throws {
        let service = FinancingDemands(database: app.db, now: now)
        let demands: [(String, String, [FinancingStepDraft])] = [
            (
                "1500", "设备更新和技术改造",
                [
                    FinancingStepDraft(status: "matching", on: today.adding(days: -30).iso, bank: "中国工商银行长沙分行"),
                    FinancingStepDraft(
                        status: "lent", on: today.adding(days: -12).iso, bank: "中国工商银行长沙分行", amountLent: "1200"),
                ]
            ),
            (
                "800", "流动资金",
                [FinancingStepDraft(status: "lent", on: today.adding(days: -20).iso, bank: "长沙银行", amountLent: "800")]
            ),
            (
                "3000", "新建厂房",
                [FinancingStepDraft(status: "matching", on: today.adding(days: -8).iso, bank: "中国建设银行湖南省分行")]
            ),
            ("450", "研发投入", [FinancingStepDraft(status: "matching", on: today.adding(days: -5).iso, bank: "华融湘江银行")]),
            ("260", "原材料采购", []),
            (
                "600", "以旧换新设备采购",
                [FinancingStepDraft(status: "failed", on: today.adding(days: -3).iso, reason: "企业暂缓设备采购计划")]
            ),
        ]
        for (index, (amount, purpose, steps)) in demands.enumerated() where index < enterprises.count {
            let id = try await service.create(
                FinancingDemandDraft(amount: amount, purpose: purpose, raisedOn: today.adding(days: -40 + index).iso),
                enterprise: enterprises[index], by: dispatcher)
            for step in steps { try await service.advance(id, step, by: dispatcher) }
        }
    }

    /// The signed-in demo enterprise (gx_enterprise's) gets the facts policies look at, so its account
    /// has matches to show.
    private func describeSignedInEnterprise(gaoxin: UUID, on sql: any SQLDatabase) async throws -> UUID? {
        let name = "湖南麓谷新材料科技有限公司"
        return try await app.db.writing(actorID: actor.userID, now: now) { tx, log -> UUID? in
            let sql = tx.sql
            guard
                let id = try await sql.raw("SELECT id FROM enterprises WHERE name = \(bind: name)").first()?.decode(
                    column: "id", as: UUID.self)
            else { return nil }
            try await sql.update("enterprises").set("industry_code", to: "30").set("scale", to: "above")
                .set("region_code", to: "430104").set("registered_on", to: "2015-06-18")
                .set("revenue_fen", to: Int64(26_800) * 1_000_000).set("employees", to: 420)
                .where("id", .equal, id).run()
            for tag in ["高新技术企业", "专精特新中小企业"] {
                try await sql.insert(into: "enterprise_tags").columns("id", "enterprise_id", "tag")
                    .values(SQLBind(UUID()), SQLBind(id), SQLBind(tag)).run()
            }
            var changes = ChangeSet()
            for (field, value) in [
                ("industry", "30"), ("scale", "above"), ("region", "430104"), ("registeredOn", "2015-06-18"),
                ("revenue", "26800"), ("employees", "420"), ("tags", "专精特新中小企业、高新技术企业"),
            ] {
                changes.record(field, before: nil, after: value)
            }
            try await log.record("enterprise", id: id.uuidString, "update", changes, orgUnit: gaoxin)
            return id
        }
    }
}
