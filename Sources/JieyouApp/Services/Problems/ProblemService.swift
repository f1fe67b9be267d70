import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// Where a problem came from (问题来源).
enum ProblemSource: String, Sendable, CaseIterable {
    case visit, meeting, online, monitor, hotline, incognito, dispatcher, sheet

    var chineseName: String {
        switch self {
        case .visit: "走访"
        case .meeting: "座谈会"
        case .online: "企业线上提交"
        case .monitor: "监测员"
        case .hotline: "热线/省平台导入"
        case .incognito: "暗访"
        case .dispatcher: "服务小组登记"
        case .sheet: "问题清单导入"
        }
    }
}

/// A problem as the dispatcher's form, an enterprise or a monitor sends it, fields still as sent.
struct ProblemInput: Sendable {
    var enterpriseID: UUID?
    var kind: String?
    var category: String?
    var source: String?
    var description: String?
    var campaignID: UUID?
}

/// Takes problems in and moves them through the loop: every action goes through `ProblemWorkflow`,
/// is written only if nobody changed the problem meanwhile, and leaves an event.
struct ProblemService {
    let database: any Database
    let now: Date
    let calendar: WorkCalendar

    private var sql: any SQLDatabase { database as! any SQLDatabase }
    private var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    /// Records a new problem (待受理) in the owning org's ledger with the next number.
    func submit(_ input: ProblemInput, orgUnit: UUID?, by actor: Actor) async throws -> UUID {
        let tree = try await OrgDirectory.tree(on: database)
        var v = Validator()
        let kind = ProblemKind(rawValue: input.kind ?? ProblemKind.problem.rawValue)
        if kind == nil { v.fail("kind", "类型应为问题诉求或意见建议") }
        let description = v.requiredText(input.description, field: "description", label: "问题描述", maxLength: 2000)
        // Who may submit, and from where: an enterprise only for itself, online; a monitor as a
        // monitor; staff for enterprises of their subtree.
        var unit = orgUnit ?? actor.orgUnitID
        var enterpriseID = input.enterpriseID
        var source: ProblemSource
        if actor.has(.enterprise) {
            guard let own = actor.enterpriseID else { throw AppError.forbidden() }
            enterpriseID = own
            source = .online
        } else if actor.has(.monitor) {
            source = .monitor
        } else if actor.has(.dispatcher) || actor.has(.cadre) {
            source = input.source.flatMap(ProblemSource.init(rawValue:)) ?? .dispatcher
            if input.source != nil && ProblemSource(rawValue: input.source!) == nil || source == .sheet {
                v.fail("source", "问题来源无效")
            }
        } else {
            throw AppError.forbidden("只有服务小组、联点干部、企业或监测员可以登记问题")
        }
        if let id = enterpriseID {
            guard let enterprise = try await StoredEnterprise.load(id, on: sql),
                actor.has(.enterprise) || tree.isWithin(enterprise.row.orgUnitId, subtreeOf: actor.orgUnitID)
            else { throw AppError.notFound("企业") }
            unit = enterprise.row.orgUnitId
        } else if !actor.has(.monitor) {
            v.fail("enterpriseId", "请选择企业")
        }
        guard tree.isWithin(unit, subtreeOf: actor.orgUnitID) || actor.has(.enterprise) else {
            throw AppError.notFound("组织")
        }
        var category: String?
        if let code = input.category?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            if try await Self.categoryIsAvailable(code, in: unit, tree: tree, on: sql) {
                category = code
            } else {
                v.fail("category", "问题类别“\(code)”不存在或不适用于本单位")
            }
        }
        // A campaign the problem was collected in must be one the submitter works in.
        var campaignID: UUID?
        if let id = input.campaignID, actor.isStaff {
            guard (try? await CampaignService.readable(id, by: actor, in: tree, on: sql)) != nil else {
                throw AppError.invalid("campaignId", "专项行动不存在或不在本单位范围内")
            }
            campaignID = id
        }
        try v.throwIfFailed()

        let problem = ProblemIntake.NewProblem(
            orgUnit: unit, enterpriseID: enterpriseID, kind: kind!, category: category, source: source,
            description: description!, campaignID: campaignID, reportedBy: actor.userID,
            reporterHidden: actor.has(.monitor))
        let now = now
        let calendar = calendar
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await ProblemIntake.insert(
                problem, now: now, calendar: calendar, on: tx as! any SQLDatabase, log: log
            ).id
        }
    }

    /// Takes `action` on the problem, as `actor`. A problem the actor may not read is not found; one
    /// it may read but not act on is refused (403); the wrong moment or a lost race is a conflict (409).
    func act(_ action: ProblemAction, on id: UUID, note: String?, by actor: Actor) async throws -> UUID {
        let tree = try await OrgDirectory.tree(on: database)
        let (record, snapshot, parties) = try await ProblemParties.readable(id, by: actor, tree: tree, on: sql)
        if case .accept(let code?) = action,
            !(try await Self.categoryIsAvailable(code, in: record.orgUnitId, tree: tree, on: sql))
        {
            throw AppError.invalid("category", "问题类别“\(code)”不存在或不适用于本单位")
        }
        try await Self.checkDepartments(of: action, in: record.orgUnitId, on: sql)
        let workflow = try await ProblemRules.workflow(
            for: record.orgUnitId, tree: tree, calendar: calendar, on: sql)
        let after: ProblemSnapshot
        switch workflow.apply(action, to: snapshot, by: parties, on: today) {
        case .success(let next): after = next
        case .failure(let refusal):
            switch refusal.kind {
            case .forbidden: throw AppError.forbidden(refusal.message)
            case .conflict: throw AppError.conflict(nil, refusal.message)
            case .invalid(let field): throw AppError.invalid(field, refusal.message)
            }
        }
        // A duplicate is merged into a problem of the same ledger.
        if case .merge(let target?, _) = action {
            guard let (other, _) = try await ProblemRecord.load(target, on: sql), other.orgUnitId == record.orgUnitId
            else { throw AppError.invalid("targetId", "要合并到的问题不存在，或不在本单位的台账中") }
        }
        // 上报 hands the problem to the parent org, where a linked problem opens in its ledger.
        var escalateTo: UUID?
        if case .escalate = action {
            guard let parent = tree[record.orgUnitId]?.parentID else {
                throw AppError.conflict(nil, "本单位已是最高层级，不能再上报")
            }
            escalateTo = parent
        }
        let parentUnit = escalateTo
        let now = now
        let calendar = calendar
        let text = Self.note(for: action) ?? note
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx as! any SQLDatabase
            guard try await ProblemWriter.update(id, from: record.version, to: after, now: now, on: sql) else {
                throw AppError.conflict(nil, "问题已被他人处理，请刷新后查看最新状态")
            }
            if let parentUnit {
                let parent = try await ProblemIntake.insert(
                    ProblemIntake.NewProblem(
                        orgUnit: parentUnit, enterpriseID: record.enterpriseId, kind: snapshot.kind,
                        category: record.categoryCode, source: ProblemSource(rawValue: record.source) ?? .dispatcher,
                        description: record.description, campaignID: record.campaignId, reportedBy: record.reportedBy,
                        reporterHidden: record.reporterHidden, escalatedFrom: (id, record.number, text)),
                    now: now, calendar: calendar, on: sql, log: log)
                try await sql.raw("UPDATE problems SET escalated_to = \(bind: parent.id) WHERE id = \(bind: id)").run()
            }
            if case .progress = action {
                try await sql.insert(into: "problem_progress")
                    .columns("id", "problem_id", "department_id", "user_id", "text", "created_at")
                    .values(
                        SQLBind(UUID()), SQLBind(id), SQLBind(actor.departmentID), SQLBind(actor.userID),
                        SQLBind(text ?? ""), SQLBind(now)
                    ).run()
            }
            var changes = ChangeSet.diff(ProblemWriter.auditValues(snapshot), ProblemWriter.auditValues(after))
            if let text { changes.record("note", before: nil, after: text) }
            try await log.record("problem", id: id.uuidString, action.name.rawValue, changes, orgUnit: record.orgUnitId)
        }
        return id
    }

    /// The text an action carries, kept in its event (a reason, a progress entry, a comment).
    static func note(for action: ProblemAction) -> String? {
        switch action {
        case .reject(let reason), .giveBack(let reason), .escalate(let reason), .pause(let reason): reason
        case .progress(let text): text
        case .ruleOnReturn(_, let note): note
        case .revisit(_, let comment): comment
        case .requestExtension(_, let reason): reason
        default: nil
        }
    }

    /// A problem is assigned (and 加派) only to departments of its own unit, as the page's selects
    /// offer: a department elsewhere would have its handlers see another unit's problem.
    static func checkDepartments(of action: ProblemAction, in unit: UUID, on sql: any SQLDatabase) async throws {
        let named: [(field: String, label: String, id: UUID)]
        switch action {
        case .assign(let lead, let co, _):
            named = (lead.map { [("leadDepartmentId", "牵头单位", $0)] } ?? []) + co.map { ("coDepartmentIds", "配合单位", $0) }
        case .addDepartment(let id?): named = [("departmentId", "加派单位", id)]
        default: return
        }
        guard !named.isEmpty else { return }
        let own = Set(
            try await sql.raw(
                "SELECT id FROM departments WHERE org_unit_id = \(bind: unit) AND id IN (\(binds: named.map(\.id)))"
            ).all().map { try $0.decode(column: "id", as: UUID.self) })
        if let stranger = named.first(where: { !own.contains($0.id) }) {
            throw AppError.invalid(stranger.field, "\(stranger.label)不是本单位的部门")
        }
    }

    /// A unit files problems under the shipped ten and the sub-categories of its lineage.
    static func categoryIsAvailable(_ code: String, in unit: UUID, tree: OrgTree, on sql: any SQLDatabase) async throws
        -> Bool
    {
        try await ProblemCategoryStore.available(in: unit, tree: tree, on: sql).contains { $0.code == code }
    }
}
