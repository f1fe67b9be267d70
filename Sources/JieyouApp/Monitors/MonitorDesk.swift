import Fluent
import Foundation
import JieyouDomain
import JieyouOffice
import SQLKit

/// What the monitor pages and the API do: the roster a unit's admins keep (each monitor with its term,
/// its account and the reports it filed), and its sheets.
struct MonitorDesk {
    let database: any Database
    let now: Date

    private var sql: any SQLDatabase { database.sql }
    private var store: MonitorStore { MonitorStore(sql: sql) }

    /// A monitor as sent, with the account it files reports through.
    struct Input: Sendable {
        var draft: MonitorDraft
        var orgUnitID: UUID?
        var userID: UUID?
    }

    /// The roster of `unit`'s subtree (the actor's own unit when nil).
    func roster(in unit: UUID?, for actor: Actor) async throws -> [MonitorStore.Row] {
        let tree = try await OrgDirectory.tree(on: database)
        let root = unit ?? actor.orgUnitID
        guard MonitorAccess.mayRead(actor, at: root, in: tree) else {
            if tree.isWithin(root, subtreeOf: actor.orgUnitID) { throw AppError.forbidden() }
            throw AppError.notFound("组织")
        }
        return try await store.list(in: Array(tree.subtree(of: root)))
    }

    /// One roster line the actor may read.
    func monitor(_ id: UUID, for actor: Actor) async throws -> MonitorStore.Row {
        let tree = try await OrgDirectory.tree(on: database)
        guard let row = try await store.load(id), MonitorAccess.mayRead(actor, at: row.orgUnitId, in: tree) else {
            throw AppError.notFound("监测员")
        }
        return row
    }

    func create(_ input: Input, by actor: Actor) async throws -> MonitorStore.Row {
        let tree = try await OrgDirectory.tree(on: database)
        let unit = input.orgUnitID ?? actor.orgUnitID
        guard tree[unit] != nil, MonitorAccess.mayManage(actor, at: unit, in: tree) else {
            throw AppError.notFound("所属组织")
        }
        let values = try await checked(input, unit: unit, except: nil)
        let id = UUID()
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await MonitorStore(sql: tx.sql).insert(values, id: id, unit: unit, user: input.userID, now: now)
            var audit = values.auditValues
            audit["userId"] = input.userID?.uuidString
            try await log.record("monitor", id: id.uuidString, "create", .created(audit), orgUnit: unit)
        }
        return try await store.load(id)!
    }

    /// Changes a roster line; fields left out keep what it had.
    func update(_ id: UUID, _ input: Input, by actor: Actor) async throws -> MonitorStore.Row {
        let tree = try await OrgDirectory.tree(on: database)
        guard let row = try await store.load(id), MonitorAccess.mayManage(actor, at: row.orgUnitId, in: tree) else {
            throw AppError.notFound("监测员")
        }
        let d = input.draft
        let merged = Input(
            draft: MonitorDraft(
                name: d.name ?? row.name, kind: d.kind ?? row.kind, form: d.form ?? row.form,
                organisation: d.organisation ?? row.organisation, phone: d.phone ?? row.phone,
                termStartsOn: d.termStartsOn ?? row.termStartsOn, termEndsOn: d.termEndsOn ?? row.termEndsOn,
                active: d.active ?? row.active),
            orgUnitID: row.orgUnitId, userID: input.userID ?? row.userId)
        let values = try await checked(merged, unit: row.orgUnitId, except: id)
        let now = now
        var before = row.values?.auditValues ?? [:]
        before["userId"] = row.userId?.uuidString
        var after = values.auditValues
        after["userId"] = merged.userID?.uuidString
        let changes = ChangeSet.diff(before, after)
        guard !changes.isEmpty else { return row }
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await MonitorStore(sql: tx.sql).update(id, values, user: merged.userID, now: now)
            try await log.record("monitor", id: id.uuidString, "update", changes, orgUnit: row.orgUnitId)
        }
        return try await store.load(id)!
    }

    /// The draft checked, and its account: a monitor account of the same unit that no other line holds.
    private func checked(_ input: Input, unit: UUID, except: UUID?) async throws -> MonitorDraft.Values {
        var errors: [FieldError] = []
        var values: MonitorDraft.Values?
        switch input.draft.validated() {
        case .success(let checked): values = checked
        case .failure(let failure): errors = failure.errors
        }
        if let user = input.userID {
            let account = try await UserModel.find(user, on: database)
            if account == nil || account?.$orgUnit.id != unit || account?.roles.contains(.monitor) != true {
                errors.append(FieldError(field: "userId", message: "关联账号应为本单位的监测员账号"))
            } else if try await store.holder(of: user, except: except) != nil {
                errors.append(FieldError(field: "userId", message: "该账号已关联其他监测员"))
            }
        }
        guard errors.isEmpty, let values else { throw AppError.validation(ValidationFailure(errors)) }
        return values
    }

    /// The roster as a sheet: each monitor with its term, account and reports.
    func rosterFile(in unit: UUID?, for actor: Actor, format: ExportFormat) async throws -> OfficeFile {
        let rows = try await roster(in: unit, for: actor)
        let tree = try await OrgDirectory.tree(on: database)
        let unitName = tree[unit ?? actor.orgUnitID]?.name ?? ""
        let today = LocalDate(now, in: .chinaStandard)
        let export = LedgerExport(
            title: "监测员名册", subtitle: "\(unitName) \(today.iso)",
            columns: [
                ("类型", 14), ("名称", 14), ("形式", 6), ("所在单位", 24), ("联系电话", 13), ("所属组织", 14), ("聘期开始", 11),
                ("聘期结束", 11), ("状态", 7), ("反映（件）", 10), ("办理中（件）", 12), ("暗访（件）", 10),
            ].map { LedgerExport.Column(header: $0.0, width: $0.1) })
        return try await export.write(format) { page in
            try await page(
                rows.map { row in
                    let serving = row.values?.isServing(on: today) == true
                    return [
                        .orEmpty(MonitorKind(rawValue: row.kind)?.chineseName), .text(row.name),
                        .orEmpty(MonitorForm(rawValue: row.form)?.chineseName), .orEmpty(row.organisation),
                        .orEmpty(row.phone), .orEmpty(tree[row.orgUnitId]?.name), .day(iso: row.termStartsOn),
                        .day(iso: row.termEndsOn), .text(serving ? "在聘" : (row.active ? "聘期外" : "已停用")),
                        .number(Double(row.reports)), .number(Double(row.openReports)), .number(Double(row.incognito)),
                    ]
                })
        }
    }

    /// One monitor's reports as a sheet: what it reported and how each stands.
    func reportsFile(of id: UUID, for actor: Actor, format: ExportFormat) async throws -> OfficeFile {
        let row = try await monitor(id, for: actor)
        let export = LedgerExport(
            title: "监测员反映问题", subtitle: "\(row.name) \(LocalDate(now, in: .chinaStandard).iso)",
            columns: [
                ("问题编号", 16), ("反映日期", 11), ("类型", 8), ("方式", 8), ("反映内容", 40), ("办理状态", 9), ("办理结果", 30),
                ("办结日期", 11), ("满意度", 8),
            ].map { LedgerExport.Column(header: $0.0, width: $0.1) })
        let store = store
        return try await export.write(format) { page in
            guard let user = row.userId else { return }
            var offset = 0
            while true {
                let reports = try await store.reports(of: user, after: offset, limit: 500)
                try await page(
                    reports.map {
                        [
                            .text($0.number), .day(iso: $0.submittedOn),
                            .orEmpty(ProblemKind(rawValue: $0.kind)?.chineseName),
                            .text($0.source == ProblemSource.incognito.rawValue ? "暗访" : "反映"), .text($0.description),
                            .orEmpty(ProblemState(rawValue: $0.state)?.chineseName), .orEmpty($0.result),
                            .day(iso: $0.resolvedOn),
                            .orEmpty($0.satisfaction.flatMap { Satisfaction(rawValue: $0)?.chineseName }),
                        ]
                    })
                if reports.count < 500 { break }
                offset += reports.count
            }
        }
    }
}
