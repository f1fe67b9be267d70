import Fluent
import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// Writes the demo organisation through the same services the pages use, so every record has its
/// event and `jieyou audit verify` passes on a fresh demo.
struct DemoLoader {
    let app: Application

    static func isDatabaseEmpty(_ db: any Database) async throws -> Bool {
        try await OrgUnitModel.query(on: db).count() == 0
    }

    func load() async throws {
        let db = app.db
        let now = app.clock.now()
        let hashing = app.passwordHashing
        var unitIDs: [String: UUID] = [:]

        let root = DemoPark.units[0]
        let rootUnit = try await OrgUnitService(database: db, now: now).createRoot(
            OrgUnitInput(level: root.level.rawValue, name: root.name, code: root.code), actorID: nil)
        unitIDs[root.key] = rootUnit.id
        // The province administrator creates everything else, as a real admin would.
        let first = DemoPark.accounts[0]
        let admin = try await UserService(database: db, now: now, hashing: hashing).create(
            UserInput(
                username: first.username, password: DemoPark.password, displayName: first.name, phone: first.phone,
                roles: first.roles.map(\.rawValue), orgUnitID: rootUnit.id),
            by: nil)
        let actor = admin.actor

        for unit in DemoPark.units.dropFirst() {
            let created = try await OrgUnitService(database: db, now: now).create(
                OrgUnitInput(
                    parentID: unitIDs[unit.parent!], level: unit.level.rawValue, name: unit.name, code: unit.code),
                by: actor)
            unitIDs[unit.key] = created.id
        }

        var departmentIDs: [String: UUID] = [:]  // "unitKey/name"
        let departments = DepartmentService(database: db, now: now)
        for unit in DemoPark.units where unit.level == .park {
            for (name, kind, phone) in DemoPark.parkDepartments {
                let d = try await departments.create(
                    DepartmentInput(orgUnitID: unitIDs[unit.key], name: name, kind: kind.rawValue, phone: phone),
                    by: actor)
                departmentIDs["\(unit.key)/\(name)"] = d.id
            }
        }
        for entry in DemoPark.upperDepartments {
            let d = try await departments.create(
                DepartmentInput(orgUnitID: unitIDs[entry.unit], name: entry.name, kind: entry.kind.rawValue), by: actor)
            departmentIDs["\(entry.unit)/\(entry.name)"] = d.id
        }

        var codes = DemoCreditCodes(seed: 20_240_904)
        let enterprises = DemoPark.enterprises.map { entry in
            EnterpriseModel(orgUnitID: unitIDs[entry.unit]!, creditCode: codes.next(), name: entry.name)
        }
        try await db.writing(actorID: admin.id, now: now) { tx, log in
            for enterprise in enterprises {
                try await enterprise.create(on: tx)
                try await log.record(
                    "enterprise", id: enterprise.id!.uuidString, "create", .created(enterprise.auditValues),
                    orgUnit: enterprise.$orgUnit.id)
            }
        }
        let enterpriseIDs = Dictionary(uniqueKeysWithValues: enterprises.map { ($0.name, $0.id!) })

        let users = UserService(database: db, now: now, hashing: hashing)
        var userIDs: [String: UUID] = [first.username: admin.id!]
        for account in DemoPark.accounts.dropFirst() {
            userIDs[account.username] = try await users.create(
                UserInput(
                    username: account.username, password: DemoPark.password, displayName: account.name,
                    phone: account.phone,
                    roles: account.roles.map(\.rawValue), orgUnitID: unitIDs[account.unit],
                    departmentID: account.department.flatMap { departmentIDs["\(account.unit)/\($0)"] },
                    enterpriseID: account.enterprise.flatMap { enterpriseIDs[$0] }),
                by: actor
            ).id
        }
        try await loadRegistry(
            units: unitIDs, departments: departmentIDs, users: userIDs, existing: Set(enterpriseIDs.keys),
            actor: actor, now: now)
    }

    /// The registry of several hundred enterprises, liaison for every 规上 enterprise of 长沙高新区, and
    /// eight weeks of visits by its cadres with what they found.
    private func loadRegistry(
        units: [String: UUID], departments: [String: UUID], users: [String: UUID], existing: Set<String>,
        actor: Actor, now: Date
    ) async throws {
        let db = app.db
        let entries = DemoEnterprises.generate(skipping: existing)
        let rows = entries.map { entry in
            (EnterpriseRow(id: UUID(), orgUnitID: units[entry.unit]!, values: entry.values, now: now), entry.values)
        }
        try await db.writing(actorID: actor.userID, now: now) { tx, log in
            try await EnterpriseWriter.insert(rows, on: tx.sql)
            for (row, values) in rows {
                var audit = values.auditValues
                audit["orgUnitId"] = row.orgUnitId.uuidString
                try await log.record(
                    "enterprise", id: row.id.uuidString, "create", .created(audit), orgUnit: row.orgUnitId)
            }
        }
        let gaoxin = units["gaoxin"]!
        let cadres = ["gx_cadre", "gx_cadre2", "gx_cadre3"].map { users[$0]! }
        let key = rows.filter { $0.0.orgUnitId == gaoxin && $0.1.scale == .above }.map(\.0.id)
        let liaison = LiaisonService(database: db, now: now)
        for (index, id) in key.enumerated() {
            try await liaison.set(
                enterpriseID: id,
                LiaisonAssignment(
                    leaderID: users["gx_leader"], departmentID: departments["gaoxin/经济发展局"],
                    cadreIDs: [cadres[index % cadres.count]]),
                by: actor)
        }
        var random = DemoRandom(seed: 7)
        let today = LocalDate(now, in: .chinaStandard)
        let problems = DemoProblems.visitFindings
        let suggestions = ["建议园区定期举办政银企对接会", "建议简化项目申报材料", "建议增设员工子女入学咨询窗口"]
        for (index, id) in key.enumerated() where random.next(100) < 80 {
            let cadre = cadres[index % cadres.count]
            let visitsHere = 1 + random.next(3)
            for n in 0..<visitsHere {
                let day = today.adding(days: -(n * 14 + random.next(14)))
                var findings: [(kind: String?, text: String?)] = []
                if random.next(100) < 35 {
                    // Each enterprise words the same difficulty its own way, as cadres write it down.
                    let wordings = problems[random.next(problems.count)]
                    findings.append(("problem", wordings[(index + n) % wordings.count]))
                }
                if random.next(100) < 15 {
                    findings.append(("suggestion", suggestions[random.next(suggestions.count)]))
                }
                let purposes = [VisitPurpose.survey, .policyBriefing, .problemFinding, .demandCollection]
                    .filter { _ in random.next(2) == 0 }.map(\.rawValue)
                // Recorded on the day of the visit, so what was found there came in that day.
                _ = try await VisitService(database: db, now: DemoProblems.time(on: day)).record(
                    VisitInput(
                        enterpriseID: id, visitedOn: day.iso,
                        purposes: purposes.isEmpty ? [VisitPurpose.problemFinding.rawValue] : purposes,
                        notes: "企业生产经营正常，宣讲了设备更新和以旧换新政策。", cadreIDs: [], findings: findings),
                    by: Actor(userID: cadre, roles: [.cadre], orgUnitID: gaoxin))
            }
        }
        try await DemoCampaign(app: app, actor: actor, now: now).load(
            gaoxin: gaoxin, key: key, users: users, departments: departments)
        try await DemoPolicies(app: app, actor: actor, now: now).load(
            province: units[DemoPark.units[0].key]!, gaoxin: gaoxin, key: key, users: users, departments: departments)
        try await loadProblems(
            units: units, departments: departments, users: users,
            wangchengEnterprises: rows.filter { $0.0.orgUnitId == units["wangchengpark"] }.map(\.0.id), actor: actor,
            now: now)
        try await DemoReports(app: app, now: now).load(
            [
                DemoReports.Park(
                    unit: gaoxin,
                    dispatcher: Actor(userID: users["gx_dispatcher"]!, roles: [.dispatcher], orgUnitID: gaoxin),
                    tenDayDelays: [0, 0, -1], weekDelay: 0),
                DemoReports.Park(
                    unit: units["wangchengpark"]!,
                    dispatcher: Actor(
                        userID: users["wc_dispatcher"]!, roles: [.dispatcher], orgUnitID: units["wangchengpark"]!),
                    tenDayDelays: [nil, 2, 0], weekDelay: nil),
            ],
            reader: Actor(userID: users["cs_upper"]!, roles: [.upper], orgUnitID: units["changsha"]!))
        try await DemoPlan(app: app, now: now).load(
            dispatcher: Actor(
                userID: users["gx_dispatcher"]!, roles: [.dispatcher], orgUnitID: gaoxin,
                departmentID: departments["gaoxin/服务小组"]),
            handler: Actor(
                userID: users["gx_handler"]!, roles: [.handler], orgUnitID: gaoxin,
                departmentID: departments["gaoxin/经济发展局"]))
    }

    /// The problem ledgers of two parks (`DemoProblems`): 望城经开区's campaign with seed 004's figures,
    /// and 长沙高新区's findings taken to every state.
    private func loadProblems(
        units: [String: UUID], departments: [String: UUID], users: [String: UUID], wangchengEnterprises: [UUID],
        actor: Actor, now: Date
    ) async throws {
        let db = app.db
        let today = LocalDate(now, in: .chinaStandard)
        func person(_ username: String) -> Actor {
            let account = DemoPark.accounts.first { $0.username == username }!
            return Actor(
                userID: users[username]!, roles: account.roles, orgUnitID: units[account.unit]!,
                departmentID: account.department.flatMap { departments["\(account.unit)/\($0)"] })
        }
        func cast(_ dispatcher: String, _ handlers: [String]) -> DemoProblems.Cast {
            var byDepartment: [String: Actor] = [:]
            for username in handlers {
                let department = DemoPark.accounts.first { $0.username == username }!.department!
                byDepartment[department] = person(username)
            }
            return DemoProblems.Cast(dispatcher: person(dispatcher), handlers: byDepartment)
        }
        // 长沙高新区's admin files power connections and financing needs under sub-categories of its own.
        let settings = ProblemSettingsService(database: db, now: now)
        for (parent, name, days) in [("governmentService", "用电报装", "4"), ("hardship", "融资需求", "")] {
            _ = try await settings.addSubCategory(
                parentCode: parent, name: name, resolveDays: days, in: units["gaoxin"]!, by: person("gx_admin"))
        }
        let problems = DemoProblems(app: app, calendar: try await CalendarStore.calendar(on: db), today: today)
        try await problems.loadEveryState(
            gaoxin: units["gaoxin"]!, cast: cast("gx_dispatcher", ["gx_handler", "gx_handler_tax"]),
            leader: person("gx_leader"))

        // Seed 004: the campaign began eleven weeks ago; a cadre is the liaison of every enterprise.
        let wangcheng = units["wangchengpark"]!
        let started = today.adding(days: -77)
        let campaign = try await CampaignService(database: db, now: now).create(
            CampaignDraft(
                name: "望城经开区“两重”“两新”送解优专项行动", startsOn: started.iso,
                mobilisationEndsOn: started.adding(days: 7).iso, actionEndsOn: today.adding(days: 20).iso,
                endsOn: today.adding(days: 40).iso, scope: CampaignScope.all.rawValue, requiredVisits: 1,
                cadences: [ReportingCadence.weekly.rawValue, ReportingCadence.tenDay.rawValue]),
            orgUnit: wangcheng, by: actor)
        let liaison = LiaisonService(database: db, now: now)
        for id in wangchengEnterprises {
            try await liaison.set(
                enterpriseID: id,
                LiaisonAssignment(
                    leaderID: nil, departmentID: departments["wangchengpark/服务小组"], cadreIDs: [users["wc_cadre"]!]),
                by: actor)
        }
        // The park's cadre visited its enterprises over the campaign: most once, some twice, a few not
        // yet (the coverage page's 未走访 list). What was found at them is seed 004's ledger below.
        var random = DemoRandom(seed: 4)
        let notes = [
            "企业生产经营正常，宣讲了设备更新和以旧换新政策。", "了解企业用工和融资需求，已登记。",
            "送达“两重”“两新”政策汇编，企业表示将申报设备更新项目。", "企业反映订单充足，产能有待提升。",
        ]
        let cadre = Actor(userID: users["wc_cadre"]!, roles: [.cadre], orgUnitID: wangcheng)
        for id in wangchengEnterprises where random.next(100) < 88 {
            for _ in 0..<(random.next(100) < 30 ? 2 : 1) {
                let day = started.adding(days: 7 + random.next(69))
                _ = try await VisitService(database: db, now: DemoProblems.time(on: day)).record(
                    VisitInput(
                        enterpriseID: id, visitedOn: day.iso,
                        purposes: [VisitPurpose.policyBriefing.rawValue, VisitPurpose.problemFinding.rawValue],
                        notes: notes[random.next(notes.count)], cadreIDs: [], findings: []),
                    by: cadre)
            }
        }
        try await problems.loadSeed004(
            campaign: campaign, started: started, enterprises: wangchengEnterprises,
            cast: cast(
                "wc_dispatcher",
                [
                    "wc_handler", "wc_handler_approval", "wc_handler_housing", "wc_handler_hr", "wc_handler_power",
                    "wc_handler_tax",
                ]),
            revisitor: person("wc_cadre"))
        try await DemoCommonProblems.load(app, dispatcher: person("wc_dispatcher"), today: today)

        // Seed 003: 湘西高新区's complaints, requests and questions.
        let xiangxi = units["xiangxipark"]!
        let xiangxiEnterprises = try await app.db.sql.raw(
            "SELECT id FROM enterprises WHERE org_unit_id = \(bind: xiangxi) ORDER BY credit_code"
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        try await problems.loadSeed003(
            xiangxi: xiangxi, enterprises: xiangxiEnterprises,
            cast: cast("xx_dispatcher", ["xx_handler", "xx_handler_approval"]))
        let xiangxiNames = try await app.db.sql.raw(
            "SELECT name FROM enterprises WHERE org_unit_id = \(bind: xiangxi) ORDER BY credit_code"
        ).all().map { try $0.decode(column: "name", as: String.self) }
        try await problems.loadSeed003Monitors(
            xiangxi: xiangxi, enterprises: xiangxiNames, monitorAccount: person("xx_monitor"), admin: actor)
        // Seed 003's 223 双公示 records and a 信用修复 in each state.
        let wuling = try await app.db.sql.raw(
            "SELECT id FROM enterprises WHERE name = \(bind: "湘西武陵山酒业有限公司")"
        ).first()!.decode(column: "id", as: UUID.self)
        let owner = person("xx_enterprise")
        try await problems.loadSeed003Credit(
            xiangxi: xiangxi,
            departments: Dictionary(
                uniqueKeysWithValues: ["经济发展局", "行政审批服务局", "住房和建设管理局"].map { ($0, departments["xiangxipark/\($0)"]!) }),
            entrant: [
                "经济发展局": person("xx_handler"), "行政审批服务局": person("xx_handler_approval"),
                "住房和建设管理局": person("xx_dispatcher"),
            ],
            enterprise: Actor(userID: owner.userID, roles: owner.roles, orgUnitID: xiangxi, enterpriseID: wuling),
            cadre: person("xx_cadre"))
    }

    /// One line per account; the names are padded to the longest, never cut (a cut name does not sign in).
    static var accountsText: String {
        let width = DemoPark.accounts.map(\.username.count).max() ?? 0
        let rows = DemoPark.accounts.map { account in
            let roles = account.roles.sorted().map(\.chineseName).joined(separator: "、")
            let unit = DemoPark.units.first { $0.key == account.unit }!.name
            return "  \(account.username.padding(toLength: width, withPad: " ", startingAt: 0)) \(roles)（\(unit)）"
        }
        return (["演示账号（密码均为 \(DemoPark.password)）："] + rows).joined(separator: "\n")
    }
}

/// Valid 统一社会信用代码 for demo enterprises: registered in Changsha (430100), from a fixed seed so
/// every demo has the same codes.
struct DemoCreditCodes {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> String {
        var body = "91430100"
        for _ in 0..<9 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            body.append(CreditCode.alphabet[Int((state >> 33) % 31)])
        }
        return body + String(CreditCode.checkCharacter(for: body)!)
    }
}
