import Fluent
import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit

/// What a 问题清单 import did.
struct ProblemListImportReport: Codable, Sendable {
    let problems: Int
    let enterprisesMatched: Int
    let enterprisesCreated: Int
    let numbers: [String]
}

/// Takes a 问题清单 in seed 000's layout into the ledger, all or nothing: cadres' Excel ledgers of
/// the problems they collected. Each enterprise is found in the importer's subtree by name (or by the
/// credit code of a 统一社会信用代码 column), or created when the sheet gives a valid credit code;
/// categories are matched by name, 交办单位 by the names of the problem's unit's departments. Each
/// problem then goes through the workflow as it would have by hand (受理, 交办, 签收, 办结, 销号 up
/// to the state its 办理进展 names), so its deadlines follow the unit's time limits from the day it
/// was assigned, and every step is checked.
struct ProblemListImport {
    let database: any Database
    let actor: Actor
    let now: Date
    let calendar: WorkCalendar
    static let maxProblems = 10_000

    private var sql: any SQLDatabase { database.sql }

    /// The problem, its enterprise and its unit, ready to write.
    private struct Planned {
        let entry: ProblemListSheet.Entry
        let enterprise: EnterpriseRef
        let category: String?
        let lead: UUID?
        let co: [UUID]
        let state: ProblemState
    }

    private enum EnterpriseRef {
        case existing(UUID, unit: UUID)
        case new(EnterpriseValues)
    }

    /// Imports into the ledgers of `target`'s subtree; new enterprises are registered in `target`.
    func run(file url: URL, into target: UUID) async throws -> ProblemListImportReport {
        let tree = try await OrgDirectory.tree(on: database)
        guard AccessPolicy.has(actor, .importProblemLists) else {
            throw AppError.forbidden("只有服务小组或系统管理员可以导入问题清单")
        }
        guard tree.isWithin(target, subtreeOf: actor.orgUnitID) else { throw AppError.notFound("导入目标单位") }
        let table = try TableFile.uploaded(url)
        var sheet = ProblemListSheet()
        var entries: [ProblemListSheet.Entry] = []
        try table.forEachUploadedRow { number, cells in
            if let entry = sheet.read(row: number, cells: cells) { entries.append(entry) }
        }
        sheet.finish(entriesRead: entries.count)
        if entries.count > Self.maxProblems {
            throw AppError.invalid("file", "一次最多导入\(Self.maxProblems)个问题，本表有\(entries.count)个，请分表导入")
        }
        if sheet.errorCount > 0 { throw AppError.sheet(sheet.errors, count: sheet.errorCount) }

        let enterprises = try await resolveEnterprises(entries, target: target, tree: tree, sheet: &sheet)
        var planned: [Planned] = []
        var categoriesByUnit: [UUID: [ProblemCategory]] = [:]
        var departmentsByUnit: [UUID: [String: UUID]] = [:]
        for entry in entries {
            guard let enterprise = enterprises[entry.enterpriseName] else { continue }
            let unit: UUID
            switch enterprise {
            case .existing(_, let owner): unit = owner
            case .new: unit = target
            }
            if categoriesByUnit[unit] == nil {
                categoriesByUnit[unit] = try await ProblemCategoryStore.available(in: unit, tree: tree, on: sql)
                departmentsByUnit[unit] = try await departments(of: unit)
            }
            if let item = plan(
                entry, enterprise: enterprise, categories: categoriesByUnit[unit]!,
                departments: departmentsByUnit[unit]!,
                sheet: &sheet)
            {
                planned.append(item)
            }
        }
        if sheet.errorCount > 0 { throw AppError.sheet(sheet.errors, count: sheet.errorCount) }
        return try await write(planned, target: target, tree: tree)
    }

    // MARK: Matching

    /// Each enterprise name of the sheet, found or to be created; what cannot be is reported on the
    /// first row that names it.
    private func resolveEnterprises(
        _ entries: [ProblemListSheet.Entry], target: UUID, tree: OrgTree, sheet: inout ProblemListSheet
    ) async throws -> [String: EnterpriseRef] {
        var firstRows: [String: ProblemListSheet.Entry] = [:]
        for entry in entries where firstRows[entry.enterpriseName] == nil { firstRows[entry.enterpriseName] = entry }
        let units = Array(tree.subtree(of: actor.orgUnitID))
        let keys = firstRows.values.flatMap { [$0.enterpriseName] + ($0.creditCode.map { [$0] } ?? []) }
        let found = try await EnterpriseLookup.resolve(keys, units: units, on: sql)
        let owners = try await owningUnits(of: found.values.map(\.id))
        let registered = try await EnterpriseImport.existing(
            codes: firstRows.values.compactMap { $0.creditCode?.uppercased() }, on: sql)
        var result: [String: EnterpriseRef] = [:]
        for (name, entry) in firstRows.sorted(by: { $0.value.row < $1.value.row }) {
            if let ref = entry.creditCode.flatMap({ found[$0] }) ?? found[name], let unit = owners[ref.id] {
                result[name] = .existing(ref.id, unit: unit)
                continue
            }
            guard let code = entry.creditCode else {
                sheet.report(
                    row: entry.row, .list(.enterpriseName),
                    "企业“\(name)”未在本单位及下级单位的企业名录中登记；请先登记该企业，或在表中加“统一社会信用代码”列以便导入时新建")
                continue
            }
            if let other = registered[code.uppercased()] {
                sheet.report(row: entry.row, .creditCode, "统一社会信用代码\(code)已由其他单位登记（\(other.row.name)）")
                continue
            }
            let draft = EnterpriseDraft(
                creditCode: code, name: name, industry: entry.industry, region: entry.region,
                relatedInfo: entry.relatedInfo)
            switch EnterpriseRules.validate(draft, knownTags: []) {
            case .success(let values): result[name] = .new(values)
            case .failure(let failure):
                for error in failure.errors {
                    let field: ProblemListSheet.Field =
                        switch error.field {
                        case "creditCode": .creditCode
                        case "industry": .list(.industry)
                        case "region": .list(.region)
                        case "relatedInfo": .list(.relatedInfo)
                        default: .list(.enterpriseName)
                        }
                    sheet.report(row: entry.row, field, error.message)
                }
            }
        }
        return result
    }

    private func owningUnits(of enterprises: [UUID]) async throws -> [UUID: UUID] {
        var owners: [UUID: UUID] = [:]
        for chunk in enterprises.chunked(into: 500) {
            for row in try await sql.raw(
                "SELECT id, org_unit_id FROM enterprises WHERE id IN (\(binds: Array(chunk)))"
            ).all() {
                owners[try row.decode(column: "id", as: UUID.self)] = try row.decode(
                    column: "org_unit_id", as: UUID.self)
            }
        }
        return owners
    }

    /// A unit's departments by name: those a dispatcher assigns its problems to.
    private func departments(of unit: UUID) async throws -> [String: UUID] {
        var names: [String: UUID] = [:]
        for row in try await sql.raw("SELECT id, name FROM departments WHERE org_unit_id = \(bind: unit)").all() {
            names[try row.decode(column: "name", as: String.self)] = try row.decode(column: "id", as: UUID.self)
        }
        return names
    }

    /// The state, category and departments of one row, or its errors reported.
    private func plan(
        _ entry: ProblemListSheet.Entry, enterprise: EnterpriseRef, categories: [ProblemCategory],
        departments: [String: UUID], sheet: inout ProblemListSheet
    ) -> Planned? {
        let before = sheet.errorCount
        var category: String?
        if let label = entry.category {
            let (name, parent) = ProblemList.categoryName(in: label)
            let parentCode = parent.flatMap { parent in categories.first { $0.isShipped && $0.name == parent }?.code }
            category =
                categories.first { $0.name == name && (parent == nil || $0.parentCode == parentCode) }?.code
                ?? categories.first { $0.name == label }?.code
            if category == nil {
                sheet.report(
                    row: entry.row, .list(.category),
                    "问题类别“\(label)”不存在；应为\(ProblemCategory.shipped.map(\.name).joined(separator: "、"))之一，或本单位的子类")
            }
        }
        var units: [UUID] = []
        for assignment in entry.assignments {
            if let id = departments[assignment.unit] {
                if units.contains(id) {
                    sheet.report(row: entry.row, .list(.assignment), "交办单位“\(assignment.unit)”重复")
                }
                units.append(id)
            } else {
                sheet.report(row: entry.row, .list(.assignment), "交办单位“\(assignment.unit)”不是本单位的部门")
            }
        }
        let importable: [ProblemState] = [.submitted, .accepted, .assigned, .inProgress, .resolved, .closed]
        var state = entry.state
        if let named = state, !importable.contains(named) {
            sheet.report(
                row: entry.row, .list(.progress),
                "“\(named.chineseName)”的问题不能导入；办理进展应以\(importable.map(\.chineseName).joined(separator: "、"))之一开头，或只写进展")
            return nil
        }
        if state == nil {
            state =
                !entry.assignments.isEmpty
                ? (entry.progress == nil ? .assigned : .inProgress) : category == nil ? .submitted : .accepted
        }
        let needsUnit = state.map { $0.isWithDepartment || $0 == .resolved || $0 == .closed } ?? false
        if needsUnit && entry.assignments.isEmpty {
            sheet.report(row: entry.row, .list(.assignment), "“\(state!.chineseName)”的问题须填写交办单位")
        }
        if !needsUnit && !entry.assignments.isEmpty {
            sheet.report(row: entry.row, .list(.assignment), "“\(state!.chineseName)”的问题尚未交办，不应填写交办单位")
        }
        if state != .submitted && entry.category == nil {
            sheet.report(row: entry.row, .list(.category), "已受理的\(entry.kind == .problem ? "问题" : "建议")须填写问题类别")
        }
        guard sheet.errorCount == before, let state else { return nil }
        return Planned(
            entry: entry, enterprise: enterprise, category: category, lead: units.first, co: Array(units.dropFirst()),
            state: state)
    }

    // MARK: Writing

    private func write(_ planned: [Planned], target: UUID, tree: OrgTree) async throws -> ProblemListImportReport {
        let (actor, now, calendar) = (actor, now, calendar)
        let today = LocalDate(now, in: .chinaStandard)
        return try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let sql = tx.sql
            var limits: [UUID: ProblemWorkflow] = [:]
            var matched: Set<UUID> = []
            var created = 0
            var numbers: [String] = []
            var newIDs: [String: UUID] = [:]
            for item in planned {
                let enterprise: UUID
                let unit: UUID
                switch item.enterprise {
                case .existing(let id, let owner):
                    (enterprise, unit) = (id, owner)
                    matched.insert(id)
                case .new(let values):
                    if let id = newIDs[values.creditCode] {
                        enterprise = id
                    } else {
                        enterprise = UUID()
                        newIDs[values.creditCode] = enterprise
                        try await EnterpriseWriter.insert(
                            [(EnterpriseRow(id: enterprise, orgUnitID: target, values: values, now: now), values)],
                            on: sql)
                        var audit = values.auditValues
                        audit["orgUnitId"] = target.uuidString
                        try await log.record(
                            "enterprise", id: enterprise.uuidString, "import.create", .created(audit), orgUnit: target)
                        created += 1
                    }
                    unit = target
                }
                let entry = item.entry
                let (id, number) = try await ProblemIntake.insert(
                    .init(
                        orgUnit: unit, enterpriseID: enterprise, kind: entry.kind, category: nil, source: .sheet,
                        description: entry.description, reportedBy: actor.userID),
                    now: now, calendar: calendar, on: sql, log: log)
                numbers.append(number)
                guard item.state != .submitted else { continue }
                if limits[unit] == nil {
                    limits[unit] = try await ProblemRules.workflow(for: unit, tree: tree, calendar: calendar, on: sql)
                }
                let store = ProblemStore(sql: sql)
                guard let (record, before) = try await store.load(id) else { continue }
                let after = try Self.replay(item, on: before, workflow: limits[unit]!, today: today)
                _ = try await store.update(id, from: record.version, to: after, now: now)
                if let text = entry.progress, item.state == .assigned || item.state == .inProgress {
                    try await store.addProgress(to: id, department: item.lead, user: actor.userID, text: text, now: now)
                }
                // One that waits for its department to sign is work to be done now: the department hears of
                // it. Work already under way or done when the sheet was kept is not news to anyone.
                if item.state == .assigned {
                    try await ProblemNoticeDelivery(sql: sql).send(
                        ProblemNotice.of(
                            .assign(lead: item.lead, co: item.co, deadline: nil), number: number, before: before,
                            after: after),
                        number: number, about: id, unit: unit, enterprise: enterprise, actor: actor.userID, now: now)
                }
                var changes = ChangeSet.diff(before.auditValues, after.auditValues)
                changes.record("note", before: nil, after: "问题清单导入（第\(entry.row)行）")
                try await log.record("problem", id: id.uuidString, "import", changes, orgUnit: unit)
            }
            return ProblemListImportReport(
                problems: numbers.count, enterprisesMatched: matched.count, enterprisesCreated: created,
                numbers: numbers)
        }
    }

    /// The problem taken through the workflow to the state the sheet names: accepted and assigned
    /// (and signed) on the day the sheet gives for the assignment, or today; resolved and closed today.
    private static func replay(
        _ item: Planned, on problem: ProblemSnapshot, workflow: ProblemWorkflow, today: LocalDate
    ) throws -> ProblemSnapshot {
        let assignedOn = item.entry.assignments.first?.day ?? today
        let day = min(assignedOn, today)
        var steps: [(ProblemAction, LocalDate)] = [(.accept(category: item.category), day)]
        let order: [ProblemState] = [.accepted, .assigned, .inProgress, .resolved, .closed]
        let reach = order.firstIndex(of: item.state) ?? 0
        if reach >= 1 { steps.append((.assign(lead: item.lead, co: item.co, deadline: nil), day)) }
        if reach >= 2 { steps.append((.sign, day)) }
        if reach >= 3 {
            let result = item.entry.progress ?? "原表记为\(item.state.chineseName)"
            let kind: ResultKind = item.entry.kind == .suggestion ? .adopted : .solved
            steps.append((.resolve(result: result, kind: kind), today))
        }
        if reach >= 4 { steps.append((.close(overrideReason: "问题清单导入：原表记为已销号"), today)) }
        var snapshot = problem
        for (action, day) in steps {
            switch workflow.apply(action, to: snapshot, by: [.dispatcher, .leadHandler], on: day) {
            case .success(let next): snapshot = next
            case .failure(let refusal):
                throw AppError.sheet(
                    [SheetError(row: item.entry.row, column: nil, header: nil, message: refusal.message)], count: 1)
            }
        }
        return snapshot
    }
}
