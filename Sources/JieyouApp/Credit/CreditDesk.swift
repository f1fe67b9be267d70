import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// What the 双公示 pages and the API do: departments enter and publish their decisions, staff read
/// them by department and period, anyone reads the public page, and penalties are repaired on
/// application (`CreditDesk+Repair`).
struct CreditDesk {
    let database: any Database
    let now: Date
    let calendar: WorkCalendar

    var sql: any SQLDatabase { database.sql }
    var store: CreditStore { CreditStore(sql: sql) }
    var today: LocalDate { LocalDate(now, in: .chinaStandard) }

    /// A record as sent: the draft, the unit and department it is filed under (the actor's when
    /// left out), and whether it goes public at once.
    struct Input: Sendable {
        var draft: CreditRecordDraft
        var orgUnitID: UUID?
        var departmentID: UUID?
        var publish: Bool
    }

    /// The records the actor may read, narrowed by `filter` (its units are replaced by the actor's
    /// reach).
    func list(_ filter: CreditStore.Filter, for actor: Actor, limit: Int, offset: Int) async throws -> (
        rows: [CreditStore.Row], total: Int
    ) {
        let narrowed = try await reach(filter, for: actor)
        return (
            try await store.list(narrowed, limit: limit, offset: offset), try await store.count(narrowed)
        )
    }

    /// `filter` within the actor's reach: its subtree, and for a handler only its department's records.
    func reach(_ filter: CreditStore.Filter, for actor: Actor) async throws -> CreditStore.Filter {
        guard CreditAccess.readsRecords(actor) else { throw AppError.forbidden() }
        let tree = try await OrgDirectory.tree(on: database)
        var narrowed = filter
        let scope = tree.subtree(of: actor.orgUnitID)
        narrowed.units = filter.units.isEmpty ? Array(scope) : filter.units.filter(scope.contains)
        guard actor.roles.isDisjoint(with: CreditAccess.readers) else { return narrowed }
        if actor.has(.enterprise) {
            // Its own records wherever they were filed (a record names the enterprise by its code).
            narrowed.units = Array(tree.nodes.keys)
            narrowed.enterprise = actor.enterpriseID ?? UUID()
        } else if actor.has(.handler), let department = actor.departmentID {
            narrowed.department = department
        } else {
            narrowed.linkedOnly = true
        }
        return narrowed
    }

    /// One record the actor may read.
    func record(_ id: UUID, for actor: Actor) async throws -> CreditStore.Row {
        let tree = try await OrgDirectory.tree(on: database)
        guard let row = try await store.load(id),
            CreditAccess.mayRead(
                actor, department: row.departmentId, enterprise: row.enterpriseId, at: row.orgUnitId, in: tree)
        else { throw AppError.notFound("双公示信息") }
        return row
    }

    func create(_ input: Input, by actor: Actor) async throws -> CreditStore.Row {
        guard CreditAccess.entersRecords(actor) else {
            throw AppError.forbidden("行政许可和行政处罚信息由作出决定的部门或服务小组登记")
        }
        let tree = try await OrgDirectory.tree(on: database)
        let unit = input.orgUnitID ?? actor.orgUnitID
        guard tree[unit] != nil, tree.isWithin(unit, subtreeOf: actor.orgUnitID) else {
            throw AppError.notFound("所属组织")
        }
        let department = try await department(input.departmentID ?? actor.departmentID, of: unit)
        guard CreditAccess.mayEnter(actor, department: department, at: unit, in: tree) else {
            throw AppError.forbidden("只能登记本部门作出的行政许可和行政处罚")
        }
        let values = try await checked(input.draft, unit: unit, except: nil)
        let id = UUID()
        let place = CreditStore.Placement(
            unit: unit, department: department,
            enterprise: try await store.enterprise(withCode: values.creditCode, in: Array(tree.subtree(of: unit))),
            deadline: CreditPublication.deadline(decidedOn: values.decidedOn, calendar: calendar))
        let (now, today) = (now, today)
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            let store = CreditStore(sql: tx.sql)
            try await store.insert(values, id: id, at: place, publishedOn: nil, by: actor.userID, now: now)
            var audit = values.auditValues
            audit["departmentId"] = department.uuidString
            audit["enterpriseId"] = place.enterprise?.uuidString
            try await log.record("creditRecord", id: id.uuidString, "create", .created(audit), orgUnit: unit)
            if input.publish {
                try await store.publish(id, on: today, now: now)
                try await log.record(
                    "creditRecord", id: id.uuidString, "publish", .created(["publishedOn": today.iso]), orgUnit: unit)
            }
        }
        return try await store.load(id)!
    }

    /// Corrects a record that is not repaired; fields left out keep what it had.
    func update(_ id: UUID, _ draft: CreditRecordDraft, by actor: Actor) async throws -> CreditStore.Row {
        let row = try await record(id, for: actor)
        let tree = try await OrgDirectory.tree(on: database)
        guard CreditAccess.mayEnter(actor, department: row.departmentId, at: row.orgUnitId, in: tree) else {
            throw AppError.forbidden("只能修改本部门登记的双公示信息")
        }
        guard row.repairedOn == nil else { throw AppError.conflict(nil, "该记录已完成信用修复，不能再修改") }
        let values = try await checked(merged(draft, over: row.draft), unit: row.orgUnitId, except: id)
        let enterprise = try await store.enterprise(
            withCode: values.creditCode, in: Array(tree.subtree(of: row.orgUnitId)))
        let deadline = CreditPublication.deadline(decidedOn: values.decidedOn, calendar: calendar)
        let before = (try? row.draft.validated(today: LocalDate(iso: row.decidedOn) ?? today).get())?.auditValues ?? [:]
        let changes = ChangeSet.diff(before, values.auditValues)
        guard !changes.isEmpty else { return row }
        let now = now
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await CreditStore(sql: tx.sql).update(id, values, enterprise: enterprise, deadline: deadline, now: now)
            try await log.record("creditRecord", id: id.uuidString, "update", changes, orgUnit: row.orgUnitId)
        }
        return try await store.load(id)!
    }

    /// Puts a record on the public page today.
    func publish(_ id: UUID, by actor: Actor) async throws -> CreditStore.Row {
        let row = try await record(id, for: actor)
        let tree = try await OrgDirectory.tree(on: database)
        guard CreditAccess.mayEnter(actor, department: row.departmentId, at: row.orgUnitId, in: tree) else {
            throw AppError.forbidden("只能公示本部门登记的双公示信息")
        }
        let status = row.timeline.status(on: today)
        guard status == .awaiting || status == .overdue else {
            throw AppError.conflict(nil, "该记录当前为“\(status.chineseName)”，无需公示")
        }
        let (now, today) = (now, today)
        try await database.writing(actorID: actor.userID, now: now) { tx, log in
            try await CreditStore(sql: tx.sql).publish(id, on: today, now: now)
            try await log.record(
                "creditRecord", id: id.uuidString, "publish", .created(["publishedOn": today.iso]),
                orgUnit: row.orgUnitId)
        }
        return try await store.load(id)!
    }

    /// The department a record is filed under: one of `unit`'s own departments.
    private func department(_ id: UUID?, of unit: UUID) async throws -> UUID {
        guard let id else { throw AppError.invalid("departmentId", "请选择作出决定的部门") }
        let owner = try await sql.raw("SELECT org_unit_id FROM departments WHERE id = \(bind: id)").first()?
            .decode(column: "org_unit_id", as: UUID.self)
        guard owner == unit else { throw AppError.invalid("departmentId", "部门应为所属组织的部门") }
        return id
    }

    /// The draft checked, and its document number unused in the unit for the kind.
    private func checked(_ draft: CreditRecordDraft, unit: UUID, except: UUID?) async throws
        -> CreditRecordDraft.Values
    {
        let values: CreditRecordDraft.Values
        switch draft.validated(today: today) {
        case .success(let checked): values = checked
        case .failure(let failure): throw AppError.validation(failure)
        }
        if try await store.duplicate(unit: unit, kind: values.kind, document: values.documentNumber, except: except)
            != nil
        {
            throw AppError.invalid("documentNumber", "决定文书号“\(values.documentNumber)”已登记过")
        }
        return values
    }

    /// `draft`'s fields where sent, `stored`'s where left out. The kind never changes.
    private func merged(_ draft: CreditRecordDraft, over stored: CreditRecordDraft) -> CreditRecordDraft {
        var m = stored
        func take(_ path: WritableKeyPath<CreditRecordDraft, String?>) {
            if let value = draft[keyPath: path] { m[keyPath: path] = value }
        }
        for path: WritableKeyPath<CreditRecordDraft, String?> in [
            \.counterpartyName, \.counterpartyCategory, \.creditCode, \.legalRepresentative, \.documentNumber,
            \.licenceCategory, \.licenceContent, \.licenceNumber, \.violationType, \.violationFacts, \.penaltyBasis,
            \.penaltyContent, \.fineWan, \.confiscatedWan, \.severity, \.decidedOn, \.validFrom, \.validUntil,
            \.authority, \.authorityCode,
        ] { take(path) }
        if let categories = draft.penaltyCategories { m.penaltyCategories = categories }
        return m
    }

    /// The public page: records in their publication period, optionally of one unit's subtree.
    func publicRecords(unit: UUID?, kind: CreditDecisionKind?, text: String?, limit: Int, offset: Int) async throws
        -> (rows: [CreditStore.Row], total: Int)
    {
        var units: [UUID]?
        if let unit {
            let tree = try await OrgDirectory.tree(on: database)
            guard tree[unit] != nil else { throw AppError.notFound("组织") }
            units = Array(tree.subtree(of: unit))
        }
        return (
            try await store.publicList(
                today: today, units: units, kind: kind, text: text, limit: limit, offset: offset),
            try await store.publicCount(today: today, units: units, kind: kind, text: text)
        )
    }

    /// Counts per department of the records decided in the period, within the actor's reach.
    func tally(from: LocalDate, through: LocalDate, for actor: Actor) async throws -> [CreditStore.Tally] {
        let filter = try await reach(CreditStore.Filter(units: []), for: actor)
        // Counts per department are the departments' and their task forces' figures.
        guard filter.enterprise == nil, !filter.linkedOnly else { return [] }
        let rows = try await store.tally(units: filter.units, from: from, through: through)
        guard let department = filter.department else { return rows }
        return rows.filter { $0.departmentId == department }
    }
}
