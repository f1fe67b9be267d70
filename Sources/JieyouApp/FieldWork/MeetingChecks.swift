import Fluent
import Foundation
import JieyouDomain

/// A meeting whose every field passed its check: what `MeetingWriter` stores.
struct CheckedMeeting: Sendable {
    let id = UUID()
    let unit: UUID
    let kind: MeetingKind
    let title: String
    let day: LocalDate
    let place: String?
    let department: UUID?
    let notes: String?
    /// The enterprises named as attending, and any an outcome names, in the order first named.
    let attending: [UUID]
    /// The unit each attending enterprise belongs to.
    let owners: [UUID: UUID]
    let findings: [(enterprise: UUID, kind: FindingKind, text: String)]
    let financings: [(enterprise: UUID, bank: String, intendedYuan: Int64, lentYuan: Int64)]
    let deals: [(enterprise: UUID, counterpart: String, subject: String, amountYuan: Int64?)]
    let policies: [PolicyRecord]
}

extension MeetingService {
    /// Every check of `input`, collected into one refusal; the enterprises an outcome names join the
    /// attending ones.
    func check(_ input: MeetingInput, unit: UUID, by actor: Actor, tree: OrgTree) async throws -> CheckedMeeting {
        var v = Validator()
        let kind = Self.kind(input.kind, &v)
        let title = v.requiredText(input.title, field: "title", label: "活动名称", maxLength: 80)
        let day = v.pastDay(
            input.heldOn, field: "heldOn", label: "活动日期", today: LocalDate(now, in: .chinaStandard), maxAgeDays: 731,
            oldest: "两年前")
        let place = v.optionalText(input.place, field: "place", label: "活动地点", maxLength: 100)
        let notes = v.optionalText(input.notes, field: "notes", label: "活动情况", maxLength: 4000)
        if let department = input.departmentID {
            let line = tree.lineage(of: unit).map(\.id)
            let found = try await DepartmentStore(database: database).find(department)
            if found.map({ line.contains($0.$orgUnit.id) }) != true {
                v.fail("departmentId", "组织部门不存在，或不属于本单位及上级单位")
            }
        }
        var attending = Attendance(input.enterpriseIDs)
        let findings = Self.findings(input.findings, &attending, &v)
        let financings = Self.financings(input.financings, kind: kind, &attending, &v)
        let deals = Self.deals(input.deals, kind: kind, &attending, &v)
        let policies = try await policies(input.policyIDs, kind: kind, actor: actor, tree: tree, &v)
        if attending.ids.count > Self.maxEnterprises {
            v.fail("enterpriseIds", "一次活动最多记录\(Self.maxEnterprises)家企业")
        }
        if findings.count + financings.count + deals.count > Self.maxOutcomes {
            v.fail("findings", "一次活动最多记录\(Self.maxOutcomes)条成果")
        }
        let owners = try await EnterpriseOwners.load(attending.ids, on: database.sql)
        if let index = EnterpriseOwners.outside(attending.ids, owners: owners, unit: unit, tree: tree).first {
            v.fail("enterpriseIds[\(index)]", "参会企业中有企业不存在，或不属于本单位")
        }
        try v.throwIfFailed()
        return CheckedMeeting(
            unit: unit, kind: kind!, title: title!, day: day, place: place, department: input.departmentID,
            notes: notes, attending: attending.ids, owners: owners, findings: findings, financings: financings,
            deals: deals, policies: policies)
    }

    /// The attending enterprises in the order first named, each once.
    struct Attendance {
        private(set) var ids: [UUID] = []

        init(_ named: [UUID]) { named.forEach { add($0) } }

        mutating func add(_ id: UUID) { if !ids.contains(id) { ids.append(id) } }
    }

    private static func kind(_ text: String?, _ v: inout Validator) -> MeetingKind? {
        let text = (text ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            v.fail("kind", "请选择活动类型")
        } else if let kind = MeetingKind(rawValue: text) {
            return kind
        } else {
            v.fail("kind", "活动类型“\(text)”无效")
        }
        return nil
    }

    /// Problems and suggestions raised at the meeting; a blank row is skipped.
    private static func findings(
        _ items: [MeetingInput.Finding], _ attending: inout Attendance, _ v: inout Validator
    ) -> [(enterprise: UUID, kind: FindingKind, text: String)] {
        var findings: [(enterprise: UUID, kind: FindingKind, text: String)] = []
        for (index, finding) in items.enumerated() {
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
            attending.add(enterprise)
            findings.append((enterprise, kind, text))
        }
        return findings
    }

    /// 融资意向 of a 政银企对接会: bank, intended amount, and what was lent on the spot.
    private static func financings(
        _ items: [MeetingInput.Financing], kind: MeetingKind?, _ attending: inout Attendance, _ v: inout Validator
    ) -> [(enterprise: UUID, bank: String, intendedYuan: Int64, lentYuan: Int64)] {
        if !items.isEmpty && kind != nil && kind?.recordsFinancing != true {
            v.fail("financings", "只有政银企对接会记录融资意向")
        }
        guard kind?.recordsFinancing == true else { return [] }
        var financings: [(enterprise: UUID, bank: String, intendedYuan: Int64, lentYuan: Int64)] = []
        for (index, item) in items.enumerated() {
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
            attending.add(enterprise)
            if let bank, let intended, intended > 0 { financings.append((enterprise, bank, intended, lent)) }
        }
        return financings
    }

    /// 签约对接 of a 供需对接会: the other party, the subject, and the amount when known.
    private static func deals(
        _ items: [MeetingInput.Deal], kind: MeetingKind?, _ attending: inout Attendance, _ v: inout Validator
    ) -> [(enterprise: UUID, counterpart: String, subject: String, amountYuan: Int64?)] {
        if !items.isEmpty && kind != nil && kind?.recordsDeals != true {
            v.fail("deals", "只有供需对接会记录签约对接")
        }
        guard kind?.recordsDeals == true else { return [] }
        var deals: [(enterprise: UUID, counterpart: String, subject: String, amountYuan: Int64?)] = []
        for (index, item) in items.enumerated() {
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
            attending.add(enterprise)
            if let counterpart, let subject { deals.append((enterprise, counterpart, subject, amount)) }
        }
        return deals
    }

    /// The policies a 政策宣讲会/解读会 presented: in force for the recorder (its unit's or above).
    private func policies(
        _ ids: [UUID], kind: MeetingKind?, actor: Actor, tree: OrgTree, _ v: inout Validator
    ) async throws -> [PolicyRecord] {
        if !ids.isEmpty && kind != nil && kind != .policyBriefing {
            v.fail("policyIds", "只有政策宣讲会/解读会记录宣讲的政策")
            return []
        }
        if ids.count > Self.maxPolicies {
            v.fail("policyIds", "一次宣讲最多记录\(Self.maxPolicies)项政策")
            return []
        }
        guard kind == .policyBriefing else { return [] }
        let visible = Set(PolicyService.visibleUnits(of: actor, in: tree))
        var presented: [PolicyRecord] = []
        for (index, policyID) in ids.enumerated() {
            guard let policy = try await PolicyQueries.load(policyID, on: database.sql),
                visible.contains(policy.orgUnitId)
            else {
                v.fail("policyIds[\(index)]", "宣讲的第\(index + 1)项政策不存在，或不是本单位及上级单位的政策")
                continue
            }
            if !presented.contains(where: { $0.id == policyID }) { presented.append(policy) }
        }
        return presented
    }
}
