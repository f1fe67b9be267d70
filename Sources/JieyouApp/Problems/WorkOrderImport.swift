import Fluent
import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit

/// What a work-order import did.
struct WorkOrderImportReport: Codable, Sendable {
    /// New entries in the ledger, and of those the ones the sheet already assigned to a department.
    let created: Int
    let assigned: Int
    /// Orders already in the ledger whose content or requester the sheet corrected, and those it
    /// repeated unchanged.
    let updated: Int
    let unchanged: Int
    /// The new entries' ledger numbers.
    let numbers: [String]
}

/// Takes the work-order sheet of the 12345 hotline or the province's 营商环境 platform into a unit's
/// ledger, all or nothing (`WorkOrderSheet` reads it). Each new order is a complaint, request or
/// question from its requester, with its 工单编号 and platform, registered on the day it came in; one
/// the sheet gives a 办理单位 is accepted and assigned to that department of the unit, due by the
/// sheet's 办结时限 (or the kind's limit). An order already imported — the same 工单编号 in the same
/// ledger — is corrected, never added twice, and keeps its place in the loop.
struct WorkOrderImport {
    let database: any Database
    let actor: Actor
    let now: Date
    let calendar: WorkCalendar
    static let maxOrders = 10_000

    private var sql: any SQLDatabase { database.sql }

    private struct Planned {
        let entry: WorkOrderSheet.Entry
        let lead: UUID?
        let enterprise: UUID?
        let existing: WorkOrderStore.Existing?
    }

    func run(file url: URL, into target: UUID, platform: String?) async throws -> WorkOrderImportReport {
        let tree = try await OrgDirectory.tree(on: database)
        guard AccessPolicy.has(actor, .importProblemLists) else {
            throw AppError.forbidden("只有服务小组或系统管理员可以导入工单")
        }
        guard tree.isWithin(target, subtreeOf: actor.orgUnitID) else { throw AppError.notFound("导入目标单位") }
        let table = try TableFile.uploaded(url)
        var sheet = WorkOrderSheet(today: LocalDate(now, in: .chinaStandard))
        var entries: [WorkOrderSheet.Entry] = []
        try table.forEachUploadedRow { number, cells in
            if let entry = sheet.read(row: number, cells: cells) { entries.append(entry) }
        }
        sheet.finish(entriesRead: entries.count)
        if entries.count > Self.maxOrders {
            throw AppError.invalid("file", "一次最多导入\(Self.maxOrders)个工单，本表有\(entries.count)个，请分表导入")
        }
        if sheet.errorCount > 0 { throw AppError.sheet(sheet.errors, count: sheet.errorCount) }

        let departments = Dictionary(
            try await ProblemStore(sql: sql).activeDepartments(of: target).map { ($0.name, $0.id) },
            uniquingKeysWith: { first, _ in first })
        let enterprises = try await EnterpriseLookup.resolve(
            entries.compactMap(\.enterprise), units: Array(tree.subtree(of: target)), on: sql)
        let existing = try await WorkOrderStore(sql: sql).existing(entries.map(\.number), in: target)
        var planned: [Planned] = []
        for entry in entries {
            var lead: UUID?
            if let name = entry.department {
                lead = departments[name]
                if lead == nil {
                    sheet.report(row: entry.row, .department, "办理单位“\(name)”不是本单位的部门（请与部门名称一致）")
                }
            }
            var enterprise: UUID?
            if let name = entry.enterprise {
                enterprise = enterprises[name]?.id
                if enterprise == nil {
                    sheet.report(row: entry.row, .enterprise, "涉及企业“\(name)”未在本单位及下级单位的企业名录中登记")
                }
            }
            planned.append(Planned(entry: entry, lead: lead, enterprise: enterprise, existing: existing[entry.number]))
        }
        if sheet.errorCount > 0 { throw AppError.sheet(sheet.errors, count: sheet.errorCount) }
        return try await write(planned, target: target, platform: platform, tree: tree)
    }

    private func write(_ planned: [Planned], target: UUID, platform: String?, tree: OrgTree) async throws
        -> WorkOrderImportReport
    {
        let (actor, now, calendar) = (actor, now, calendar)
        let today = LocalDate(now, in: .chinaStandard)
        let workflow = try await ProblemRules.workflow(for: target, tree: tree, calendar: calendar, on: sql)
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            let (store, orders) = (ProblemStore(sql: sql), WorkOrderStore(sql: sql))
            var numbers: [String] = []
            var (assigned, updated, unchanged) = (0, 0, 0)
            for item in planned {
                let entry = item.entry
                if let existing = item.existing {
                    var changes = ChangeSet()
                    if existing.description != entry.content {
                        changes.record("description", before: existing.description, after: entry.content)
                    }
                    if existing.name != entry.requester {
                        changes.record("requesterName", before: existing.name, after: entry.requester)
                    }
                    if existing.phone != entry.phone {
                        changes.record("requesterPhone", before: existing.phone, after: entry.phone)
                    }
                    guard !changes.isEmpty else {
                        unchanged += 1
                        continue
                    }
                    try await orders.correct(
                        existing.id, description: entry.content, name: entry.requester, phone: entry.phone, now: now)
                    changes.record("note", before: nil, after: "工单\(entry.number)重新导入（第\(entry.row)行）")
                    try await log.record("problem", id: existing.id.uuidString, "import", changes, orgUnit: target)
                    updated += 1
                    continue
                }
                let (id, number) = try await ProblemIntake.insert(
                    .init(
                        orgUnit: target, enterpriseID: item.enterprise, kind: entry.kind, category: nil,
                        source: .hotline, description: entry.content, reportedBy: actor.userID,
                        requester: ProblemRequester(name: entry.requester, phone: entry.phone),
                        externalNumber: entry.number, externalPlatform: entry.platform ?? platform),
                    now: ChinaTime.morning(of: entry.receivedOn), calendar: calendar, on: sql, log: log)
                numbers.append(number)
                // The platform already named the department: accepted and assigned as it says.
                guard let lead = item.lead, let (record, before) = try await store.load(id) else { continue }
                var after = before
                let deadline = entry.dueOn.map { max($0, today) }
                let assign = ProblemAction.assign(lead: lead, co: [], deadline: deadline)
                for action in [ProblemAction.accept(category: nil), assign] {
                    switch workflow.apply(action, to: after, by: [.dispatcher], on: today) {
                    case .success(let next): after = next
                    case .failure(let refusal):
                        throw AppError.sheet(
                            [SheetError(row: entry.row, column: nil, header: nil, message: refusal.message)], count: 1)
                    }
                }
                // The department hears of it as of any assignment: it must sign for it.
                try await ProblemNoticeDelivery(sql: sql).send(
                    ProblemNotice.of(assign, number: number, before: before, after: after), number: number, about: id,
                    unit: target, enterprise: item.enterprise, actor: actor.userID, now: now)
                _ = try await store.update(id, from: record.version, to: after, now: now)
                var changes = ChangeSet.diff(before.auditValues, after.auditValues)
                changes.record("note", before: nil, after: "工单\(entry.number)导入，按工单交办（第\(entry.row)行）")
                try await log.record("problem", id: id.uuidString, "import", changes, orgUnit: target)
                assigned += 1
            }
            return WorkOrderImportReport(
                created: numbers.count, assigned: assigned, updated: updated, unchanged: unchanged, numbers: numbers)
        }
    }
}
