import Foundation
import JieyouDomain
import SQLKit

/// 湘西高新区's 双公示 with seed 003's figure ("1月-3月共录入“双公示”信息223条"): 223 decisions of one
/// quarter — 168 licences of 行政审批服务局, 35 of 住房和建设管理局 and 20 penalties of 经济发展局 —
/// each entered and published on its day (six late, two still unpublished and flagged), and three
/// 信用修复 applications, one in each state: approved, refused, and waiting for the department.
extension DemoProblems {
    /// The licences a park's bureaus grant most, with their 许可类别 and the years they run.
    static let licences: [(content: String, category: LicenceCategory, years: Int, prefix: String)] = [
        ("食品经营许可（预包装食品销售、热食类食品制售）", .ordinary, 5, "JY1433101"),
        ("建设工程规划许可", .ordinary, 3, "建字第433101"),
        ("公共场所卫生许可（住宿场所）", .ordinary, 4, "湘卫公证字"),
        ("道路货物运输经营许可", .ordinary, 4, "湘交运管许可吉字"),
        ("危险化学品经营许可（不带储存设施）", .ordinary, 3, "湘吉危化经字"),
        ("酒类商品零售许可", .ordinary, 3, "湘酒零"),
        ("特种设备使用登记（压力容器）", .registration, 5, "容1湘U"),
        ("城镇污水排入排水管网许可", .ordinary, 5, "吉排水字"),
    ]

    static let constructionLicences: [(content: String, category: LicenceCategory, years: Int, prefix: String)] = [
        ("建筑工程施工许可", .ordinary, 3, "433101"),
        ("建筑业企业资质（施工总承包三级）", .approval, 5, "D3433"),
        ("商品房预售许可", .ordinary, 3, "吉预售"),
    ]

    /// The breaches the park's 经济发展局 (安全生产, 环保) fines for, with the law behind each.
    static let breaches:
        [(type: String, facts: String, basis: String, categories: [PenaltyCategory], wan: String, content: String)] = [
            (
                "未按规定开展安全生产教育和培训", "经查，该单位未对新入职的12名员工进行岗前安全生产教育和培训即安排上岗作业。", "《中华人民共和国安全生产法》第九十七条第（三）项",
                [.warning, .fine], "2", "警告，并处罚款人民币贰万元"
            ),
            (
                "生产经营场所未设置明显的安全警示标志", "经现场检查，该单位有限空间作业场所未设置明显的安全警示标志。", "《中华人民共和国安全生产法》第九十九条第（一）项",
                [.fine], "1.5", "罚款人民币壹万伍仟元，责令限期改正"
            ),
            (
                "未按规定贮存危险废物", "经查，该单位将废矿物油露天堆放，未按规定设置危险废物贮存场所。", "《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（六）项",
                [.fine], "10", "罚款人民币壹拾万元，责令改正违法行为"
            ),
            (
                "未按规定如实记录安全生产教育和培训情况", "经查，该单位安全生产教育和培训档案缺少2026年度记录。", "《中华人民共和国安全生产法》第九十七条第（四）项",
                [.warning], "", "警告，责令限期改正"
            ),
            (
                "超标排放大气污染物", "经监测，该单位锅炉烟气颗粒物排放浓度超过地方标准限值。", "《中华人民共和国大气污染防治法》第九十九条第（二）项",
                [.fine, .suspendedBusiness], "20", "罚款人民币贰拾万元，责令停产整治"
            ),
        ]

    /// The bureaus' own 统一社会信用代码 (机关 codes begin with 11).
    static let authorityCodes = [
        "经济发展局": "11433101MB1D32105K", "行政审批服务局": "11433101MB1D32113E", "住房和建设管理局": "11433101MB1D321219",
    ]

    /// The quarter the records were decided in: the last one that ended at least a month before
    /// today, so that its earliest penalties are past their three months and may be repaired.
    var creditQuarter: ClosedRange<LocalDate> {
        let anchor = today.adding(months: -4)
        let start = LocalDate(year: anchor.year, month: (anchor.month - 1) / 3 * 3 + 1, day: 1)!
        return start...start.adding(months: 3).adding(days: -1)
    }

    func loadSeed003Credit(
        xiangxi: UUID, departments: [String: UUID], entrant: [String: Actor], enterprise: Actor, cadre: Actor
    ) async throws {
        var random = DemoRandom(seed: 223)
        let sql = app.db.sql
        struct Registered: Decodable {
            let id: UUID
            let name: String
            let creditCode: String
        }
        let registry = try await sql.raw(
            "SELECT id, name, credit_code FROM enterprises WHERE org_unit_id = \(bind: xiangxi) ORDER BY credit_code"
        ).all(decoding: Registered.self, keyDecodingStrategy: ColumnNames.snakeCase)
        let own = registry.first { $0.id == enterprise.enterpriseID }!
        let quarter = creditQuarter
        let days = quarter.lowerBound.days(until: quarter.upperBound)
        let workingDays = (0...days).map { quarter.lowerBound.adding(days: $0) }.filter(calendar.isWorkingDay)

        // (department, draft, published on); the penalties of 武陵山酒业 and two others come first:
        // the three that are repaired, refused and waiting.
        var records:
            [(department: String, values: CreditRecordDraft.Values, enterpriseID: UUID, published: LocalDate?)] =
                []
        let late: Set<Int> = [17, 58, 99, 140, 181, 212]
        let unpublished: Set<Int> = [203, 219]
        for index in 0..<223 {
            let department: String
            var d = CreditRecordDraft()
            let decided: LocalDate
            let subject: Registered
            if index < 20 {
                department = "经济发展局"
                subject = index == 2 ? own : registry[(index * 7) % registry.count]
                decided = index < 3 ? workingDays[3 + index * 5] : workingDays[random.next(workingDays.count)]
                let breach = Self.breaches[index < 3 ? index : random.next(Self.breaches.count)]
                d.kind = CreditDecisionKind.penalty.rawValue
                d.documentNumber = "湘西高新经罚〔\(decided.year)〕\(index + 1)号"
                d.violationType = breach.type
                d.violationFacts = breach.facts
                d.penaltyBasis = breach.basis
                d.penaltyCategories = breach.categories.map(\.rawValue)
                d.penaltyContent = breach.content
                d.fineWan = breach.wan
                d.severity =
                    (breach.categories.contains(.suspendedBusiness) ? CreditSeverity.serious : .general).rawValue
                d.authority = "湘西高新区经济发展局"
            } else {
                let construction = index >= 188
                department = construction ? "住房和建设管理局" : "行政审批服务局"
                subject = registry[random.next(registry.count)]
                decided = workingDays[random.next(workingDays.count)]
                let pool = construction ? Self.constructionLicences : Self.licences
                let licence = pool[random.next(pool.count)]
                d.kind = CreditDecisionKind.licence.rawValue
                d.documentNumber = "\(construction ? "湘西高新建许" : "湘西高新审批许")〔\(decided.year)〕\(index + 1)号"
                d.licenceCategory = licence.category.rawValue
                d.licenceContent = licence.content
                d.licenceNumber = "\(licence.prefix)\(String(format: "%05d", 1000 + index))"
                d.validUntil = decided.adding(months: 12 * licence.years).adding(days: -1).iso
                d.authority = "湘西高新区\(department)"
            }
            d.authorityCode = Self.authorityCodes[department]
            d.counterpartyName = subject.name
            d.counterpartyCategory = CounterpartyCategory.organisation.rawValue
            d.creditCode = subject.creditCode
            d.legalRepresentative =
                DemoEnterprises.surnames[random.next(DemoEnterprises.surnames.count)]
                + DemoEnterprises.given[random.next(DemoEnterprises.given.count)]
            d.decidedOn = decided.iso
            let values = try d.validated(today: today).get()
            let deadline = CreditPublication.deadline(decidedOn: decided, calendar: calendar)
            let published: LocalDate? =
                unpublished.contains(index)
                ? nil
                : late.contains(index)
                    ? deadline.adding(days: 1 + random.next(3))
                    : calendar.addingWorkingDays(1 + random.next(5), to: decided)
            records.append((department, values, subject.id, published))
        }

        // Each day's records entered and published together by the department's account.
        let byDay = Dictionary(grouping: records.indices) { records[$0].published ?? records[$0].values.decidedOn }
        var ids: [Int: UUID] = [:]
        for day in byDay.keys.sorted() {
            let indices = byDay[day]!
            for department in Set(indices.map { records[$0].department }).sorted() {
                let actor = entrant[department]!
                let chosen = indices.filter { records[$0].department == department }
                let now = Self.time(on: day)
                let placed = chosen.map { index -> (Int, CreditDemoRecord, UUID, CreditStore.Placement) in
                    let r = records[index]
                    return (
                        index, CreditDemoRecord(values: r.values, published: r.published), UUID(),
                        CreditStore.Placement(
                            unit: xiangxi, department: departments[department]!, enterprise: r.enterpriseID,
                            deadline: CreditPublication.deadline(decidedOn: r.values.decidedOn, calendar: calendar))
                    )
                }
                try await app.db.writing(actorID: actor.userID, now: now) { tx, log in
                    let store = CreditStore(sql: tx.sql)
                    for (_, r, id, place) in placed {
                        try await store.insert(
                            r.values, id: id, at: place, publishedOn: nil, by: actor.userID, now: now)
                        var audit = r.values.auditValues
                        audit["departmentId"] = place.department.uuidString
                        audit["enterpriseId"] = place.enterprise?.uuidString
                        try await log.record(
                            "creditRecord", id: id.uuidString, "create", .created(audit), orgUnit: xiangxi)
                        if let published = r.published {
                            try await store.publish(id, on: published, now: now)
                            try await log.record(
                                "creditRecord", id: id.uuidString, "publish", .created(["publishedOn": published.iso]),
                                orgUnit: xiangxi)
                        }
                    }
                }
                for (index, _, id, _) in placed { ids[index] = id }
            }
        }

        // The three applications: a cadre for two enterprises (approved; refused for want of proof),
        // and 武陵山酒业 itself, waiting for the department.
        let reviewer = entrant["经济发展局"]!
        let statement = "已按期缴清罚款，完成问题整改，并作出信用承诺。"
        let approve = try CreditRepairDecision.parse(decision: "approve", reason: "整改到位，材料齐全，同意修复").get()
        let refuse = try CreditRepairDecision.parse(decision: "refuse", reason: "未提供罚款缴纳凭证，请补充后重新申请").get()
        let applications: [(Int, Actor, CreditRepairDecision?)] = [
            (0, cadre, approve), (1, cadre, refuse), (2, enterprise, nil),
        ]
        for (index, applicant, decision) in applications {
            let isEnterprise = applicant.roles.contains(Role.enterprise)
            let record = records[index]
            let from = CreditPublication.repairableFrom(decidedOn: record.values.decidedOn, severity: .general)
            let applied = decision == nil ? today.adding(days: -2) : min(from.adding(days: 3), today.adding(days: -6))
            let application = try CreditRepairApplication.parse(
                statement: statement, fulfilled: true, contact: isEnterprise ? "武陵山酒业综合部" : nil,
                phone: isEnterprise ? "0743-8123456" : nil
            ).get()
            let repair = try await CreditDesk(database: app.db, now: Self.time(on: applied), calendar: calendar)
                .apply(to: ids[index]!, application, by: applicant)
            if let decision {
                _ = try await CreditDesk(
                    database: app.db, now: Self.time(on: applied.adding(days: 4)), calendar: calendar
                ).decide(repair.id, decision, by: reviewer)
            }
        }
    }
}

/// What a day's transaction writes of a demo record.
private struct CreditDemoRecord: Sendable {
    let values: CreditRecordDraft.Values
    let published: LocalDate?
}
