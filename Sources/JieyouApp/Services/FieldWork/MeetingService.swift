import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// A meeting as a form or the API sends it, fields still as sent. Amounts are text in 万元.
struct MeetingInput: Sendable {
    struct Finding: Sendable {
        var enterpriseID: UUID?
        var kind: String?
        var text: String?
    }

    struct Financing: Sendable {
        var enterpriseID: UUID?
        var bank: String?
        var intendedWan: String?
        var lentWan: String?
    }

    struct Deal: Sendable {
        var enterpriseID: UUID?
        var counterpart: String?
        var subject: String?
        var amountWan: String?
    }

    var orgUnitID: UUID?
    var kind: String?
    var title: String?
    var heldOn: String?
    var place: String?
    var departmentID: UUID?
    var notes: String?
    var enterpriseIDs: [UUID] = []
    var findings: [Finding] = []
    var financings: [Financing] = []
    var deals: [Deal] = []
    /// The policies a 政策宣讲会/解读会 presented: each attending enterprise gets them as delivered (宣讲会).
    var policyIDs: [UUID] = []
}

/// Records 活动 (座谈会, 政银企对接会, 供需对接会 …) with the enterprises that attended and what came
/// of it. Problems raised there go to `findings`, the same as a visit's, for the ledger to take in.
struct MeetingService {
    let database: any Database
    let now: Date

    static let maxEnterprises = 500
    static let maxOutcomes = 500
    static let maxPolicies = 30

    func record(_ input: MeetingInput, by actor: Actor) async throws -> UUID {
        guard AccessPolicy.has(actor, .recordFieldWork) else { throw AppError.forbidden() }
        let tree = try await OrgDirectory.tree(on: database)
        let sql = database.sql
        let unit = input.orgUnitID ?? actor.orgUnitID
        guard AccessPolicy.may(actor, .recordFieldWork, at: unit, in: tree) else { throw AppError.notFound("组织") }
        var v = Validator()
        var kind: MeetingKind?
        let kindText = (input.kind ?? "").trimmingCharacters(in: .whitespaces)
        if kindText.isEmpty {
            v.fail("kind", "请选择活动类型")
        } else if let parsed = MeetingKind(rawValue: kindText) {
            kind = parsed
        } else {
            v.fail("kind", "活动类型“\(kindText)”无效")
        }
        let title = v.requiredText(input.title, field: "title", label: "活动名称", maxLength: 80)
        let today = LocalDate(now, in: .chinaStandard)
        let day = v.pastDay(
            input.heldOn, field: "heldOn", label: "活动日期", today: today, maxAgeDays: 731, oldest: "两年前")
        let place = v.optionalText(input.place, field: "place", label: "活动地点", maxLength: 100)
        let notes = v.optionalText(input.notes, field: "notes", label: "活动情况", maxLength: 4000)
        if let department = input.departmentID {
            let line = tree.lineage(of: unit).map(\.id)
            let found = try await DepartmentModel.query(on: database).filter(\.$id == department)
                .filter(\.$orgUnit.$id ~~ line).first()
            if found == nil { v.fail("departmentId", "组织部门不存在，或不属于本单位及上级单位") }
        }

        // Attending enterprises: those named, plus any named in an outcome.
        var attending: [UUID] = []
        func attend(_ id: UUID) { if !attending.contains(id) { attending.append(id) } }
        input.enterpriseIDs.forEach(attend)
        var findings: [(UUID, FindingKind, String)] = []
        for (index, finding) in input.findings.enumerated() {
            let text = (finding.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            guard let enterprise = finding.enterpriseID else {
                v.fail("findings[\(index)].enterpriseId", "第\(index + 1)条问题请注明是哪家企业提出的")
                continue
            }
            guard let kind = FindingKind(rawValue: finding.kind ?? FindingKind.problem.rawValue) else {
                v.fail("findings[\(index)].kind", "类别应为问题诉求或意见建议")
                continue
            }
            if text.count > 500 { v.fail("findings[\(index)].text", "每条问题或建议不能超过500字") }
            attend(enterprise)
            findings.append((enterprise, kind, text))
        }
        var financings: [(UUID, String, Int64, Int64)] = []
        if !input.financings.isEmpty && kind != nil && kind?.recordsFinancing != true {
            v.fail("financings", "只有政银企对接会记录融资意向")
        }
        for (index, item) in input.financings.enumerated() where kind?.recordsFinancing == true {
            let field = "financings[\(index)]"
            let bank = v.requiredText(item.bank, field: "\(field).bank", label: "第\(index + 1)条融资的银行", maxLength: 60)
            let intended = Money.yuan(fromWan: item.intendedWan ?? "")
            if intended == nil || intended == 0 {
                v.fail("\(field).intendedWan", "第\(index + 1)条融资的意向金额应为大于0的万元数，如 1500 或 85.5")
            }
            var lent: Int64 = 0
            if let text = item.lentWan, !text.trimmingCharacters(in: .whitespaces).isEmpty {
                if let parsed = Money.yuan(fromWan: text) {
                    lent = parsed
                } else {
                    v.fail("\(field).lentWan", "第\(index + 1)条融资的现场放款应为万元数，没有放款留空")
                }
            }
            guard let enterprise = item.enterpriseID else {
                v.fail("\(field).enterpriseId", "第\(index + 1)条融资请选择企业")
                continue
            }
            attend(enterprise)
            if let bank, let intended, intended > 0 { financings.append((enterprise, bank, intended, lent)) }
        }
        var deals: [(UUID, String, String, Int64?)] = []
        if !input.deals.isEmpty && kind != nil && kind?.recordsDeals != true {
            v.fail("deals", "只有供需对接会记录签约对接")
        }
        for (index, item) in input.deals.enumerated() where kind?.recordsDeals == true {
            let field = "deals[\(index)]"
            let counterpart = v.requiredText(
                item.counterpart, field: "\(field).counterpart", label: "第\(index + 1)条对接的对方单位", maxLength: 80)
            let subject = v.requiredText(
                item.subject, field: "\(field).subject", label: "第\(index + 1)条对接的内容", maxLength: 200)
            var amount: Int64?
            if let text = item.amountWan, !text.trimmingCharacters(in: .whitespaces).isEmpty {
                amount = Money.yuan(fromWan: text)
                if amount == nil { v.fail("\(field).amountWan", "第\(index + 1)条对接的金额应为万元数，不确定时留空") }
            }
            guard let enterprise = item.enterpriseID else {
                v.fail("\(field).enterpriseId", "第\(index + 1)条对接请选择企业")
                continue
            }
            attend(enterprise)
            if let counterpart, let subject { deals.append((enterprise, counterpart, subject, amount)) }
        }
        var presented: [PolicyRecord] = []
        if !input.policyIDs.isEmpty && kind != nil && kind != .policyBriefing {
            v.fail("policyIds", "只有政策宣讲会/解读会记录宣讲的政策")
        } else if input.policyIDs.count > Self.maxPolicies {
            v.fail("policyIds", "一次宣讲最多记录\(Self.maxPolicies)项政策")
        } else if kind == .policyBriefing {
            let visible = Set(PolicyService.visibleUnits(of: actor, in: tree))
            for (index, policyID) in input.policyIDs.enumerated() {
                guard let policy = try await PolicyQueries.load(policyID, on: sql), visible.contains(policy.orgUnitId)
                else {
                    v.fail("policyIds[\(index)]", "宣讲的第\(index + 1)项政策不存在，或不是本单位及上级单位的政策")
                    continue
                }
                if !presented.contains(where: { $0.id == policyID }) { presented.append(policy) }
            }
        }
        if attending.count > Self.maxEnterprises { v.fail("enterpriseIds", "一次活动最多记录\(Self.maxEnterprises)家企业") }
        if findings.count + financings.count + deals.count > Self.maxOutcomes {
            v.fail("findings", "一次活动最多记录\(Self.maxOutcomes)条成果")
        }
        let owners = try await EnterpriseOwners.load(attending, on: sql)
        if let index = EnterpriseOwners.outside(attending, owners: owners, unit: unit, tree: tree).first {
            v.fail("enterpriseIds[\(index)]", "参会企业中有企业不存在，或不属于本单位")
        }
        try v.throwIfFailed()

        let id = UUID()
        let now = now
        let values = (kind: kind!, title: title!, day: day, place: place, notes: notes)
        let department = input.departmentID
        let outcomes = (findings: findings, financings: financings, deals: deals)
        let presentedPolicies = presented
        let enterprises = attending
        let ownerOf = owners
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            try await sql.insert(into: "meetings")
                .columns(
                    "id", "org_unit_id", "kind", "title", "held_on", "place", "department_id", "notes", "recorded_by",
                    "created_at"
                )
                .values(
                    SQLBind(id), SQLBind(unit), SQLBind(values.kind.rawValue), SQLBind(values.title),
                    SQLBind(values.day.iso), SQLBind(values.place), SQLBind(department), SQLBind(values.notes),
                    SQLBind(actor.userID), SQLBind(now)
                ).run()
            for chunk in enterprises.chunked(into: 400) {
                var insert = sql.insert(into: "meeting_enterprises").columns("id", "meeting_id", "enterprise_id")
                for enterprise in chunk { insert = insert.values(SQLBind(UUID()), SQLBind(id), SQLBind(enterprise)) }
                try await insert.run()
            }
            for (enterprise, items) in Dictionary(grouping: outcomes.findings, by: \.0) {
                try await FindingStore.insert(
                    items.map { ($0.1, $0.2) }, orgUnit: ownerOf[enterprise]!, enterpriseID: enterprise, visitID: nil,
                    meetingID: id, by: actor.userID, now: now, on: sql, log: log)
            }
            for chunk in outcomes.financings.chunked(into: 300) {
                var insert = sql.insert(into: "meeting_financings").columns(
                    "id", "meeting_id", "enterprise_id", "bank", "intended_yuan", "lent_yuan")
                for (enterprise, bank, intended, lent) in chunk {
                    insert = insert.values(
                        SQLBind(UUID()), SQLBind(id), SQLBind(enterprise), SQLBind(bank), SQLBind(intended),
                        SQLBind(lent))
                }
                try await insert.run()
            }
            // Each financing moves its enterprise's oldest open 融资诉求 (对接中, or 已放款 with a loan).
            for (enterprise, bank, _, lent) in outcomes.financings {
                try await FinancingDemands.match(
                    enterprise: enterprise, bank: bank, lentYuan: lent, meeting: id, on: values.day, now: now, sql: sql,
                    log: log)
            }
            for chunk in outcomes.deals.chunked(into: 300) {
                var insert = sql.insert(into: "meeting_deals").columns(
                    "id", "meeting_id", "enterprise_id", "counterpart", "subject", "amount_yuan")
                for (enterprise, counterpart, subject, amount) in chunk {
                    insert = insert.values(
                        SQLBind(UUID()), SQLBind(id), SQLBind(enterprise), SQLBind(counterpart), SQLBind(subject),
                        SQLBind(amount))
                }
                try await insert.run()
            }
            // A policy reaches the attending enterprises within its own unit's subtree.
            var briefed = 0
            for policy in presentedPolicies {
                let reached = enterprises.filter {
                    ownerOf[$0].map { tree.isWithin($0, subtreeOf: policy.orgUnitId) } ?? false
                }
                briefed += try await PolicyDeliveryService.insert(
                    policy.id, enterprises: reached, owners: ownerOf, channel: .briefing, on: values.day, meeting: id,
                    by: actor, now: now, sql: sql, log: log)
            }
            let intended = outcomes.financings.reduce(Int64(0)) { $0 + $1.2 }
            let lent = outcomes.financings.reduce(Int64(0)) { $0 + $1.3 }
            try await log.record(
                "meeting", id: id.uuidString, "create",
                .created([
                    "kind": values.kind.rawValue, "title": values.title, "heldOn": values.day.iso,
                    "place": values.place, "departmentId": department?.uuidString, "notes": values.notes,
                    "enterprises": "\(enterprises.count)家",
                    "findings": outcomes.findings.isEmpty
                        ? nil : outcomes.findings.map { "[\($0.1.chineseName)]\($0.2)" }.joined(separator: "\n"),
                    "financing": outcomes.financings.isEmpty
                        ? nil
                        : "\(outcomes.financings.count)笔，意向\(Money.wan(intended))万元，现场放款\(Money.wan(lent))万元",
                    "deals": outcomes.deals.isEmpty ? nil : "\(outcomes.deals.count)项",
                    "policies": presentedPolicies.isEmpty
                        ? nil : "\(presentedPolicies.map { "《\($0.title)》" }.joined())，送达\(briefed)家次",
                ]), orgUnit: unit)
            return id
        }
    }
}
