import Fluent
import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit

/// What a 双公示 import did.
struct CreditImportReport: Codable, Sendable {
    let kind: String
    /// New records, and of those the ones public now.
    let created: Int
    let published: Int
    /// Records already entered (the same document number in the unit) that the sheet corrected, and
    /// those it repeated unchanged.
    let updated: Int
    let unchanged: Int
}

/// Takes a sheet of 行政许可 or 行政处罚 records into a unit, all or nothing (`CreditSheet` reads it):
/// each row filed under the department its 数据来源单位 names (or the one chosen for the file), public
/// on the day its 公示日期 says or, when the file asks, today. A record already entered — the same
/// document number in the unit — is corrected in place unless it was repaired; the sheet the export
/// writes comes back unchanged.
struct CreditImport {
    let database: any Database
    let actor: Actor
    let now: Date
    let calendar: WorkCalendar
    static let maxRecords = 10_000

    private var sql: any SQLDatabase { database.sql }

    private struct Planned: Sendable {
        let entry: CreditSheet.Entry
        let department: UUID
        let enterprise: UUID?
        let existing: CreditStore.Row?
    }

    func run(file url: URL, into unit: UUID, department chosen: UUID?, publish: Bool) async throws
        -> CreditImportReport
    {
        guard CreditAccess.entersRecords(actor) else {
            throw AppError.forbidden("行政许可和行政处罚信息由作出决定的部门或服务小组导入")
        }
        let tree = try await OrgDirectory.tree(on: database)
        guard tree[unit] != nil, tree.isWithin(unit, subtreeOf: actor.orgUnitID) else {
            throw AppError.notFound("导入目标单位")
        }
        let today = LocalDate(now, in: .chinaStandard)
        let table = try TableFile.uploaded(url)
        var sheet = CreditSheet(today: today)
        var entries: [CreditSheet.Entry] = []
        try table.forEachUploadedRow { number, cells in
            if let entry = sheet.read(row: number, cells: cells) { entries.append(entry) }
        }
        sheet.finish(entriesRead: entries.count)
        if entries.count > Self.maxRecords {
            throw AppError.invalid("file", "一次最多导入\(Self.maxRecords)条，本表有\(entries.count)条，请分表导入")
        }
        // Without a header there is nothing to resolve; otherwise the good rows' departments and
        // documents are checked too, so that one refusal names every bad cell.
        guard let kind = sheet.kind, sheet.headerRow != nil else {
            throw AppError.sheet(sheet.errors, count: sheet.errorCount)
        }

        let departments = try await sql.raw(
            "SELECT id, name FROM departments WHERE org_unit_id = \(bind: unit) AND active = \(bind: true)"
        ).all().reduce(into: [String: UUID]()) {
            $0[try $1.decode(column: "name", as: String.self)] = try $1.decode(column: "id", as: UUID.self)
        }
        if let chosen, !departments.values.contains(chosen) {
            throw AppError.invalid("departmentId", "部门应为导入单位的部门")
        }
        let store = CreditStore(sql: sql)
        let units = Array(tree.subtree(of: unit))
        var planned: [Planned] = []
        for entry in entries {
            // 数据来源单位 as the export writes it, or the unit's full name of the department.
            let named = entry.department.flatMap { name in
                departments[name] ?? departments.first { name.hasSuffix($0.key) }?.value
            }
            if let name = entry.department, named == nil {
                sheet.report(row: entry.row, .department, "数据来源单位“\(name)”不是导入单位的部门（请与部门名称一致）")
                continue
            }
            guard let department = named ?? chosen ?? actor.departmentID else {
                sheet.report(row: entry.row, .department, "请填写数据来源单位，或在上传时选择部门")
                continue
            }
            guard CreditAccess.mayEnter(actor, department: department, at: unit, in: tree) else {
                sheet.report(row: entry.row, .department, "只能导入本部门作出的决定")
                continue
            }
            var existing: CreditStore.Row?
            if let id = try await store.duplicate(
                unit: unit, kind: kind, document: entry.values.documentNumber, except: nil)
            {
                existing = try await store.load(id)
            }
            if let existing, existing.repairedOn != nil {
                sheet.report(
                    row: entry.row, kind == .penalty ? .penaltyDocument : .licenceDocument,
                    "“\(entry.values.documentNumber)”已完成信用修复，不能再导入修改")
                continue
            }
            planned.append(
                Planned(
                    entry: entry, department: department,
                    enterprise: try await store.enterprise(withCode: entry.values.creditCode, in: units),
                    existing: existing))
        }
        if sheet.errorCount > 0 { throw AppError.sheet(sheet.errors, count: sheet.errorCount) }
        return try await write(planned, kind: kind, unit: unit, publish: publish, today: today)
    }

    private func write(_ planned: [Planned], kind: CreditDecisionKind, unit: UUID, publish: Bool, today: LocalDate)
        async throws -> CreditImportReport
    {
        let (actor, now, calendar) = (actor, now, calendar)
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let store = CreditStore(sql: tx.sql)
            var (created, published, updated, unchanged) = (0, 0, 0, 0)
            for item in planned {
                let values = item.entry.values
                let deadline = CreditPublication.deadline(decidedOn: values.decidedOn, calendar: calendar)
                if let existing = item.existing {
                    let before =
                        (try? existing.draft.validated(today: LocalDate(iso: existing.decidedOn) ?? today).get())?
                        .auditValues ?? [:]
                    var changes = ChangeSet.diff(before, values.auditValues)
                    guard !changes.isEmpty else {
                        unchanged += 1
                        continue
                    }
                    try await store.update(
                        existing.id, values, enterprise: item.enterprise, deadline: deadline, now: now)
                    changes.record("note", before: nil, after: "重新导入（第\(item.entry.row)行）")
                    try await log.record(
                        "creditRecord", id: existing.id.uuidString, "import.update", changes, orgUnit: unit)
                    updated += 1
                    continue
                }
                let id = UUID()
                try await store.insert(
                    values, id: id,
                    at: CreditStore.Placement(
                        unit: unit, department: item.department, enterprise: item.enterprise, deadline: deadline),
                    publishedOn: nil, by: actor.userID, now: now)
                var audit = values.auditValues
                audit["departmentId"] = item.department.uuidString
                audit["enterpriseId"] = item.enterprise?.uuidString
                audit["note"] = "导入（第\(item.entry.row)行）"
                try await log.record("creditRecord", id: id.uuidString, "import.create", .created(audit), orgUnit: unit)
                created += 1
                if let day = item.entry.publishedOn ?? (publish ? today : nil) {
                    try await store.publish(id, on: day, now: now)
                    try await log.record(
                        "creditRecord", id: id.uuidString, "publish", .created(["publishedOn": day.iso]), orgUnit: unit)
                    published += 1
                }
            }
            return CreditImportReport(
                kind: kind.rawValue, created: created, published: published, updated: updated, unchanged: unchanged)
        }
    }
}
