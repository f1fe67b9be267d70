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
    /// For 投诉, 诉求 and 咨询: who brought it and what it is about; ignored for other kinds.
    var requester: RequesterInput?
}

/// The requester (诉求人) as sent, before `ProblemRequester.parse` checks it.
struct RequesterInput: Sendable {
    var name: String?
    var phone: String?
    var confidential = false
    var concern: String?
    var respondentDepartmentID: UUID?
    var respondent: String?
}

/// The problem loop's use cases: take a problem in, take a step on it, show it, list the ledger.
/// Plain inputs in (the actor, ids, what was typed), view values out; the API and the web pages are
/// thin adapters over it. Every step goes through `ProblemWorkflow`, is written only if nobody changed
/// the problem meanwhile, and leaves an event.
struct ProblemDesk {
    let database: any Database
    let now: Date
    let calendar: WorkCalendar

    private var sql: any SQLDatabase { database.sql }
    private var store: ProblemStore { ProblemStore(sql: sql) }
    private var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    /// Records a new problem (待受理) in the owning org's ledger with the next number.
    func submit(_ input: ProblemInput, orgUnit: UUID?, by actor: Actor) async throws -> UUID {
        let tree = try await OrgDirectory.tree(on: database)
        var v = Validator()
        let kind = ProblemKind(rawValue: input.kind ?? ProblemKind.problem.rawValue)
        if kind == nil { v.fail("kind", "类型应为\(ProblemKind.namesForMessages)") }
        let description = v.requiredText(input.description, field: "description", label: "问题描述", maxLength: 2000)
        // Who may submit, and from where: an enterprise only for itself, online; a monitor as a
        // monitor; staff for enterprises of their subtree.
        var unit = orgUnit ?? actor.orgUnitID
        var enterpriseID = input.enterpriseID
        var source: ProblemSource
        guard ProblemAccess.maySubmit(actor) else {
            throw AppError.forbidden("只有服务小组、联点干部、企业或监测员可以登记问题")
        }
        // A source is one of the ledger's, whoever sends it; sheets come in through the import only.
        let asked = input.source.map(ProblemSource.init(rawValue:))
        if let asked, asked == nil || asked == .sheet { v.fail("source", "问题来源无效") }
        if actor.has(.enterprise) {
            guard let own = actor.enterpriseID else { throw AppError.forbidden() }
            enterpriseID = own
            source = .online
        } else if actor.has(.monitor) {
            // A monitor reports what it met, or what it found 暗访 (unannounced); the count tells them apart.
            source = asked.flatMap { $0 } == .incognito ? .incognito : .monitor
        } else {
            source = asked.flatMap { $0 } ?? .dispatcher
        }
        if let id = enterpriseID {
            guard let enterprise = try await StoredEnterprise.load(id, on: sql),
                actor.has(.enterprise) || tree.isWithin(enterprise.row.orgUnitId, subtreeOf: actor.orgUnitID)
            else { throw AppError.notFound("企业") }
            unit = enterprise.row.orgUnitId
        } else if !actor.has(.monitor) && kind?.hasRequester != true {
            // A complaint, request or question may come from a person with no enterprise behind it.
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
        var requester: ProblemRequester?
        if let kind, kind.hasRequester {
            requester = try await self.requester(
                input.requester ?? RequesterInput(), kind: kind, unit: unit, by: actor, &v)
        } else if let kind, input.requester != nil {
            // Sent with a problem or a suggestion, it would be dropped unread: say so instead.
            v.fail("requester", "\(kind.chineseName)不填写诉求人；投诉、诉求、咨询才有诉求人")
        }
        try v.throwIfFailed()

        let problem = ProblemIntake.NewProblem(
            orgUnit: unit, enterpriseID: enterpriseID, kind: kind!, category: category, source: source,
            description: description!, campaignID: campaignID, reportedBy: actor.userID,
            reporterHidden: actor.has(.monitor), requester: requester)
        let now = now
        let calendar = calendar
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await ProblemIntake.insert(
                problem, now: now, calendar: calendar, on: tx.sql, log: log
            ).id
        }
    }

    /// Takes `action` on the problem, as `actor`. A problem the actor may not read is not found; one
    /// it may read but not act on is refused (403); the wrong moment or a lost race is a conflict (409).
    @discardableResult
    func act(_ action: ProblemAction, on id: UUID, note: String?, by actor: Actor) async throws -> UUID {
        let tree = try await OrgDirectory.tree(on: database)
        let (record, snapshot, parties) = try await readable(id, by: actor, tree: tree)
        if case .accept(let code?) = action,
            !(try await Self.categoryIsAvailable(code, in: record.orgUnitId, tree: tree, on: sql))
        {
            throw AppError.invalid("category", "问题类别“\(code)”不存在或不适用于本单位")
        }
        try await checkDepartments(of: action, in: record.orgUnitId)
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
            guard let (other, _) = try await store.load(target), other.orgUnitId == record.orgUnitId
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
            let sql = tx.sql
            let store = ProblemStore(sql: sql)
            guard try await store.update(id, from: record.version, to: after, now: now) else {
                throw AppError.conflict(nil, "问题已被他人处理，请刷新后查看最新状态")
            }
            var escalated: UUID?
            if let parentUnit {
                let parent = try await ProblemIntake.insert(
                    ProblemIntake.NewProblem(
                        orgUnit: parentUnit, enterpriseID: record.enterpriseId, kind: snapshot.kind,
                        category: record.categoryCode, source: ProblemSource(rawValue: record.source) ?? .dispatcher,
                        description: record.description, campaignID: record.campaignId, reportedBy: record.reportedBy,
                        reporterHidden: record.reporterHidden,
                        requester: try await ProblemRequesterStore(sql: sql).load(id)?.requester,
                        escalatedFrom: (id, record.number, text)),
                    now: now, calendar: calendar, on: sql, log: log)
                try await store.markEscalated(id, to: parent.id)
                escalated = parent.id
            }
            if case .progress = action {
                try await store.addProgress(
                    to: id, department: actor.departmentID, user: actor.userID, text: text ?? "", now: now)
            }
            var changes = ChangeSet.diff(snapshot.auditValues, after.auditValues)
            if let text { changes.record("note", before: nil, after: text) }
            try await log.record("problem", id: id.uuidString, action.name.rawValue, changes, orgUnit: record.orgUnitId)
            // Whoever the step hands the problem to hears of it in the same transaction.
            try await ProblemNoticeDelivery(sql: sql).send(
                ProblemNotice.of(
                    action, number: record.number, before: snapshot, after: after, escalatedTo: parentUnit),
                number: record.number, about: escalated ?? id, unit: record.orgUnitId, enterprise: record.enterpriseId,
                actor: actor.userID, now: now)
        }
        return id
    }

    /// The problem as `actor` sees it now: where it stands, the steps it may take, its history.
    func show(_ id: UUID, to actor: Actor) async throws -> ProblemView {
        try await show(id, to: actor, tree: try await OrgDirectory.tree(on: database))
    }

    private func show(_ id: UUID, to actor: Actor, tree: OrgTree) async throws -> ProblemView {
        let (record, snapshot, parties) = try await readable(id, by: actor, tree: tree)
        let today = LocalDate(now, in: .chinaStandard)
        var requester: ProblemView.Requester?
        if let stored = try await ProblemRequesterStore(sql: sql).load(id) {
            requester = ProblemView.Requester(
                shown: stored.requester.shown(to: parties), concern: stored.requester.concern,
                respondentDepartment: stored.departmentName, respondent: stored.requester.respondent)
        }
        return ProblemView(
            record: record, snapshot: snapshot, parties: parties, requester: requester,
            actions: ProblemWorkflow(calendar: calendar).available(to: parties, on: snapshot),
            overdue: snapshot.isOverdue(on: today),
            escalatedTo: try await store.linked(record.escalatedTo),
            escalatedFrom: try await store.linked(record.escalatedFrom),
            timeline: try await store.timeline(
                of: id, hideMonitor: record.reporterHidden && !parties.contains(.dispatcher)))
    }

    /// The problem with the names and choices its page shows.
    func page(_ id: UUID, for actor: Actor) async throws -> ProblemPageContext {
        let tree = try await OrgDirectory.tree(on: database)
        let problem = try await show(id, to: actor, tree: tree)
        let unit = problem.record.orgUnitId
        var enterprise: StoredEnterprise?
        if let id = problem.record.enterpriseId { enterprise = try await StoredEnterprise.load(id, on: sql) }
        return ProblemPageContext(
            problem: problem, enterprise: enterprise.map { ($0.row.id, $0.row.name) },
            categoryNames: try await ProblemCategoryStore.names(on: sql),
            categories: try await ProblemCategoryStore.available(in: unit, tree: tree, on: sql),
            departments: try await store.activeDepartments(of: unit))
    }

    /// The problem as `actor` may read it, with how it stands to it; not found when it may not
    /// (`ProblemAccess` decides).
    func readable(_ id: UUID, by actor: Actor, tree: OrgTree) async throws -> (
        record: ProblemRecord, snapshot: ProblemSnapshot, parties: Set<ProblemParty>
    ) {
        guard let (record, snapshot) = try await store.load(id) else { throw AppError.notFound("问题") }
        var liaison = false
        if actor.has(.cadre), let enterprise = record.enterpriseId {
            liaison = try await store.isLiaisonCadre(actor.userID, of: enterprise)
        }
        let parties = ProblemAccess.parties(
            of: actor,
            toward: .init(
                snapshot, orgUnit: record.orgUnitId, enterprise: record.enterpriseId, reportedBy: record.reportedBy),
            isLiaisonCadre: liaison, in: tree)
        guard !parties.isEmpty else { throw AppError.notFound("问题") }
        return (record, snapshot, parties)
    }

    /// One page of the ledger `actor` may read, with the request's filters, view, order and paging.
    func ledger(_ request: LedgerRequest, for actor: Actor, tree: OrgTree) async throws -> LedgerPage {
        let (items, total) = try await ProblemLedger.page(
            request, actor: actor, tree: tree, today: LocalDate(now, in: .chinaStandard), calendar: calendar, on: sql)
        return LedgerPage(items: items, total: total, request: request)
    }

    /// The figures of `actor`'s 工作台: how many problems each of its ledger views holds, one count each
    /// (each answered from the ledger's indexes).
    func queues(for actor: Actor, tree: OrgTree) async throws -> [LedgerQueue] {
        let today = LocalDate(now, in: .chinaStandard)
        var queues: [LedgerQueue] = []
        for view in LedgerView.views(for: actor) {
            var request = LedgerRequest()
            request.view = view
            let count = try await ProblemLedger.count(
                request, actor: actor, tree: tree, today: today, calendar: calendar, on: sql)
            queues.append(LedgerQueue(view: view, count: count))
        }
        return queues
    }

    /// What the ledger's filters offer `actor`.
    func ledgerChoices(for actor: Actor, tree: OrgTree) async throws -> LedgerChoices {
        let names = try await ProblemCategoryStore.names(on: sql)
        guard actor.isStaff else { return LedgerChoices(categoryNames: names, categories: [], departments: []) }
        return LedgerChoices(
            categoryNames: names,
            categories: ProblemCategoryStore.options(
                try await ProblemCategoryStore.available(in: actor.orgUnitID, tree: tree, on: sql)),
            departments: try await DepartmentChoices.options(under: actor.orgUnitID, tree: tree, on: sql))
    }

    /// The problem numbered `number`: a merge's target as the page names it.
    func problemID(number: String) async throws -> UUID {
        guard let id = try await store.id(ofNumber: number) else {
            throw AppError.invalid("targetId", "找不到编号为“\(number)”的问题")
        }
        return id
    }

    /// What the 登记问题 form offers `actor` for `enterprise` (none named: the actor's own enterprise,
    /// or none yet). An enterprise outside the reader's reach is not found.
    func submissionChoices(for actor: Actor, enterprise: UUID?) async throws -> SubmissionChoices {
        guard ProblemAccess.maySubmit(actor) else { throw AppError.forbidden() }
        let tree = try await OrgDirectory.tree(on: database)
        var name: String?
        var unit = actor.orgUnitID
        if actor.has(.enterprise), let own = actor.enterpriseID,
            let stored = try await StoredEnterprise.load(own, on: sql)
        {
            (name, unit) = (stored.row.name, stored.row.orgUnitId)
        } else if let id = enterprise {
            guard AccessPolicy.has(actor, .readEnterprises) else { throw AppError.forbidden() }
            guard let stored = try await StoredEnterprise.load(id, on: sql),
                tree.isWithin(stored.row.orgUnitId, subtreeOf: actor.orgUnitID)
            else { throw AppError.notFound("企业") }
            (name, unit) = (stored.row.name, stored.row.orgUnitId)
        }
        return SubmissionChoices(
            enterpriseName: name,
            categories: ProblemCategoryStore.options(
                try await ProblemCategoryStore.available(in: unit, tree: tree, on: sql)),
            departments: try await store.activeDepartments(of: unit))
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
    private func checkDepartments(of action: ProblemAction, in unit: UUID) async throws {
        let named: [(field: String, label: String, id: UUID)]
        switch action {
        case .assign(let lead, let co, _):
            named = (lead.map { [("leadDepartmentId", "牵头单位", $0)] } ?? []) + co.map { ("coDepartmentIds", "配合单位", $0) }
        case .addDepartment(let id?): named = [("departmentId", "加派单位", id)]
        default: return
        }
        guard !named.isEmpty else { return }
        let own = try await store.departments(among: named.map(\.id), of: unit)
        if let stranger = named.first(where: { !own.contains($0.id) }) {
            throw AppError.invalid(stranger.field, "\(stranger.label)不是本单位的部门")
        }
    }

    /// The requester of a complaint, request or question, checked. An enterprise or a monitor that
    /// leaves it blank brings it in its own name, from its account (a monitor's kept confidential, as
    /// its reports are); the department complained about must be one of the unit's own.
    private func requester(
        _ typed: RequesterInput, kind: ProblemKind, unit: UUID, by actor: Actor, _ v: inout Validator
    ) async throws -> ProblemRequester? {
        var input = typed
        let blank =
            (input.name ?? "").trimmingCharacters(in: .whitespaces).isEmpty
            && (input.phone ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        if blank && (actor.has(.enterprise) || actor.has(.monitor)),
            let user = try await UserModel.find(actor.userID, on: database)
        {
            input.name = user.displayName
            input.phone = user.phone
            if actor.has(.monitor) { input.confidential = true }
        }
        if let department = input.respondentDepartmentID,
            try await store.departments(among: [department], of: unit).isEmpty
        {
            v.fail("requester.respondentDepartmentId", "被投诉单位不是本单位的部门")
        }
        switch ProblemRequester.parse(
            name: input.name, phone: input.phone, confidential: input.confidential, concern: input.concern,
            respondentDepartment: input.respondentDepartmentID, respondent: input.respondent, kind: kind)
        {
        case .success(let requester): return requester
        case .failure(let failure):
            for error in failure.errors { v.fail(error.field, error.message) }
            return nil
        }
    }

    /// A unit files problems under the shipped ten and the sub-categories of its lineage.
    static func categoryIsAvailable(_ code: String, in unit: UUID, tree: OrgTree, on sql: any SQLDatabase) async throws
        -> Bool
    {
        try await ProblemCategoryStore.available(in: unit, tree: tree, on: sql).contains { $0.code == code }
    }
}
