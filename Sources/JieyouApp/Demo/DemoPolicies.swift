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
        let db = app.db
        let sql = db.sql
        let today = LocalDate(now, in: .chinaStandard)
        let signedInEnterprise = try await describeSignedInEnterprise(gaoxin: gaoxin, on: sql)

        func rule(_ json: String) throws -> EligibilityRuleDraft {
            try JSONDecoder().decode(EligibilityRuleDraft.self, from: Data(json.utf8))
        }
        let service = PolicyService(database: db, now: now)
        let economy = departments["gaoxin/经济发展局"]
        let drafts: [(PolicyDraft, String, UUID?, UUID)] = [
            (
                PolicyDraft(
                    title: "长沙高新区支持企业设备更新和技术改造的若干措施", documentNumber: "长高新管发〔2024〕18号",
                    issuer: "长沙高新区管委会", level: "park", themes: ["两新", "设备更新", "数字化改造"],
                    summary: "对规上工业企业设备更新和技术改造项目按设备投资额的8%给予补贴；数字化智能化改造项目在基础标准上提高20%。",
                    validFrom: today.adding(days: -120).iso, validUntil: today.adding(days: 600).iso,
                    benefitKind: "subsidy", columns: ["两重两新"]),
                #"{"all":[{"field":"industry","op":"in","values":["C"]},{"field":"scale","op":"in","values":["规上"]}]}"#,
                economy, gaoxin
            ),
            (
                PolicyDraft(
                    title: "设备更新再贷款财政贴息政策", documentNumber: "湘财金〔2024〕12号", issuer: "湖南省财政厅",
                    level: "provincial", themes: ["两新", "设备更新", "融资"],
                    summary: "对使用设备更新再贷款的经营主体，按贷款本金的1.5%给予财政贴息，期限2年。",
                    validFrom: today.adding(days: -200).iso, validUntil: today.adding(days: 400).iso,
                    benefitKind: "loan", columns: ["两重两新"]),
                #"{"all":[{"field":"industry","op":"in","values":["制造业"]},{"any":[{"field":"scale","op":"in","values":["规上"]},{"field":"revenue","op":"atLeast","values":["2000"]}]}]}"#,
                nil, province
            ),
            (
                PolicyDraft(
                    title: "消费品以旧换新补贴实施细则", documentNumber: "湘商消〔2024〕9号", issuer: "湖南省商务厅",
                    level: "provincial", themes: ["两新", "以旧换新"],
                    summary: "参与家电、汽车以旧换新的销售企业，按销售额给予补贴，资金由企业代垫后申请清算。",
                    validFrom: today.adding(days: -90).iso, validUntil: today.adding(days: 40).iso,
                    benefitKind: "subsidy", columns: ["两重两新"]),
                #"{"all":[{"field":"industry","op":"in","values":["F"]}]}"#, nil, province
            ),
            (
                PolicyDraft(
                    title: "高新技术企业认定奖励（免申即享）", documentNumber: "长高新管发〔2024〕05号",
                    issuer: "长沙高新区管委会", level: "park", themes: ["科技创新", "人才"],
                    summary: "对新认定或重新认定的高新技术企业给予一次性奖励，无需企业申请，由园区依据认定名单直接兑现。",
                    validFrom: today.adding(days: -300).iso, benefitKind: "award", automatic: true,
                    columns: ["科技创新"]),
                #"{"all":[{"field":"tag","op":"hasAny","values":["高新技术企业"]},{"not":{"field":"whitelisted","op":"is","values":["是"]}}]}"#,
                departments["gaoxin/科技创新办公室"] ?? economy, gaoxin
            ),
            (
                PolicyDraft(
                    title: "增值税增量留抵退税政策", documentNumber: "财政部 税务总局公告2022年第14号",
                    issuer: "财政部 国家税务总局", level: "national", themes: ["税费"],
                    summary: "符合条件的制造业等行业企业，可按月向主管税务机关申请退还增量留抵税额。",
                    benefitKind: "reduction", sourceURL: "https://www.chinatax.gov.cn/"),
                #"{"all":[]}"#, nil, province
            ),
            (
                PolicyDraft(
                    title: "专精特新中小企业培育奖励", documentNumber: "长高新管发〔2024〕21号", issuer: "长沙高新区管委会",
                    level: "park", themes: ["科技创新"],
                    summary: "对成立3年以上、新获评省级专精特新中小企业或国家级专精特新“小巨人”企业给予奖励。",
                    validFrom: today.adding(days: -60).iso, benefitKind: "award", automatic: true,
                    columns: ["科技创新"]),
                #"{"all":[{"field":"tag","op":"hasAny","values":["专精特新","小巨人"]},{"field":"yearsRegistered","op":"atLeast","values":[3]}]}"#,
                economy, gaoxin
            ),
            (
                PolicyDraft(
                    title: "吸纳就业社会保险补贴", documentNumber: "长人社发〔2024〕7号", issuer: "长沙市人力资源和社会保障局",
                    level: "city", themes: ["稳岗就业"],
                    summary: "中小微企业新招用高校毕业生并缴纳社会保险的，按实际缴费额给予补贴。",
                    validFrom: today.adding(days: -150).iso, validUntil: today.adding(days: 210).iso,
                    benefitKind: "subsidy"),
                #"{"all":[{"field":"employees","op":"between","values":[10,300]},{"field":"scale","op":"in","values":["规下"]}]}"#,
                nil, gaoxin
            ),
        ]
        var ids: [UUID] = []
        for (draft, json, department, unit) in drafts {
            ids.append(
                try await service.create(
                    draft, rule: try rule(json), department: unit == gaoxin ? department : nil, orgUnit: unit,
                    by: actor))
        }

        // 政策小组 of the park pushes the equipment policy; cadres brought the high-tech award on visits;
        // the briefing presented the re-lending policy.
        let dispatcher = Actor(userID: users["gx_dispatcher"]!, roles: [.dispatcher], orgUnitID: gaoxin)
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

        // Last quarter's 兑现, each line for one of the park's enterprises that qualifies.
        let ledger = BenefitLedger(database: db, now: now)
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
        try await DemoProjects(app: app, now: now).load(
            dispatcher: dispatcher, equipment: ids[0], relending: ids[1],
            enterprises: (candidates[0] ?? []).isEmpty ? key : candidates[0]!, signedInEnterprise: signedInEnterprise)
        try await financingDemands(
            dispatcher: dispatcher, enterprises: Array(key.dropFirst(20).prefix(6)), today: today)
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
