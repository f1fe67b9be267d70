import Foundation
import JieyouDomain
import SQLKit

/// The problem loop's statements on one problem: its row and co-departments, its events, its progress
/// entries and the links it has. The ledger's statements are `ProblemLedger`'s, a new problem's
/// `ProblemIntake`'s; nothing outside `Problems/Store` writes SQL on problems for the loop.
struct ProblemStore {
    let sql: any SQLDatabase

    /// The problem's row and the workflow's view of it, with its co-departments.
    func load(_ id: UUID) async throws -> (record: ProblemRecord, snapshot: ProblemSnapshot)? {
        guard
            let record = try await sql.raw(
                "SELECT \(unsafeRaw: ProblemRecord.columns) FROM problems WHERE id = \(bind: id)"
            ).first(decoding: ProblemRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
        else { return nil }
        struct Co: Decodable {
            let departmentId: UUID
            let deadline: String
        }
        let co = try await sql.raw(
            "SELECT department_id, deadline FROM problem_co_departments WHERE problem_id = \(bind: id)"
        ).all(decoding: Co.self, keyDecodingStrategy: ColumnNames.snakeCase)
        var snapshot = record.snapshot
        for item in co { snapshot.coDepartments[item.departmentId] = LocalDate(iso: item.deadline) }
        return (record, snapshot)
    }

    /// Writes the snapshot back, only if nobody changed the problem since it was read at `version`;
    /// false when the row's version moved on (another action won the race).
    func update(_ id: UUID, from version: Int, to p: ProblemSnapshot, now: Date) async throws -> Bool {
        let flags = p.flags.isEmpty ? "" : "," + p.flags.map(\.rawValue).sorted().joined(separator: ",") + ","
        let changed = try await sql.raw(
            """
            UPDATE problems SET state = \(bind: p.state.rawValue), category_code = \(bind: p.categoryCode),
              lead_department_id = \(bind: p.leadDepartment), screened_on = \(bind: p.screenedOn?.iso),
              assigned_on = \(bind: p.assignedOn?.iso), sign_by = \(bind: p.signBy?.iso),
              signed_on = \(bind: p.signedOn?.iso), deadline = \(bind: p.deadline?.iso),
              paused_since = \(bind: p.pausedSince?.iso), extension_days = \(bind: p.pendingExtension?.workingDays),
              extension_reason = \(bind: p.pendingExtension?.reason), return_reason = \(bind: p.returnReason),
              return_count = \(bind: p.returnCount), reopen_count = \(bind: p.reopenCount),
              root_cause = \(bind: p.rootCause), result = \(bind: p.result), result_kind = \(bind: p.resultKind?.rawValue),
              reply_method = \(bind: p.replyMethod?.rawValue),
              resolved_on = \(bind: p.resolvedOn?.iso), revisit_by = \(bind: p.revisitBy?.iso),
              satisfaction = \(bind: p.satisfaction?.rawValue), closed_on = \(bind: p.closedOn?.iso),
              close_override = \(bind: p.closeOverride), ongoing_plan = \(bind: p.ongoing?.plan),
              ongoing_unit = \(bind: p.ongoing?.responsibleUnit), ongoing_until = \(bind: p.ongoing?.until.iso),
              merged_into = \(bind: p.mergedInto), flags = \(bind: flags), version = version + 1,
              updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version)
            RETURNING version
            """
        ).all()
        guard !changed.isEmpty else { return false }
        try await sql.raw("DELETE FROM problem_co_departments WHERE problem_id = \(bind: id)").run()
        if !p.coDepartments.isEmpty {
            var insert = sql.insert(into: "problem_co_departments").columns("problem_id", "department_id", "deadline")
            for (department, deadline) in p.coDepartments.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                insert = insert.values(SQLBind(id), SQLBind(department), SQLBind(deadline.iso))
            }
            try await insert.run()
        }
        return true
    }

    /// A progress entry (进展) of `department`, written by `user`.
    func addProgress(to problem: UUID, department: UUID?, user: UUID, text: String, now: Date) async throws {
        try await sql.insert(into: "problem_progress")
            .columns("id", "problem_id", "department_id", "user_id", "text", "created_at")
            .values(SQLBind(UUID()), SQLBind(problem), SQLBind(department), SQLBind(user), SQLBind(text), SQLBind(now))
            .run()
    }

    /// Links an escalated problem to the problem it opened in the parent org's ledger.
    func markEscalated(_ id: UUID, to parent: UUID) async throws {
        try await sql.raw("UPDATE problems SET escalated_to = \(bind: parent) WHERE id = \(bind: id)").run()
    }

    /// Is `user` a stationed cadre (驻企干部) of `enterprise`?
    func isLiaisonCadre(_ user: UUID, of enterprise: UUID) async throws -> Bool {
        try await sql.raw(
            """
            SELECT 1 AS one FROM enterprise_liaisons
            WHERE enterprise_id = \(bind: enterprise) AND user_id = \(bind: user) AND kind = 'cadre'
            """
        ).first() != nil
    }

    /// Which of `ids` are departments of `unit`.
    func departments(among ids: [UUID], of unit: UUID) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        return Set(
            try await sql.raw(
                "SELECT id FROM departments WHERE org_unit_id = \(bind: unit) AND id IN (\(binds: ids))"
            ).all().map { try $0.decode(column: "id", as: UUID.self) })
    }

    /// The active departments of `unit` by name: whom its problems are assigned to.
    func activeDepartments(of unit: UUID) async throws -> [(id: UUID, name: String)] {
        struct Row: Decodable {
            let id: UUID
            let name: String
        }
        return try await sql.raw(
            "SELECT id, name FROM departments WHERE org_unit_id = \(bind: unit) AND active = \(bind: true) ORDER BY name"
        ).all(decoding: Row.self).map { ($0.id, $0.name) }
    }

    /// The problem numbered `number` (a merge names its target by number on the page).
    func id(ofNumber number: String) async throws -> UUID? {
        try await sql.raw("SELECT id FROM problems WHERE number = \(bind: number)").first()?
            .decode(column: "id", as: UUID.self)
    }

    /// A problem linked to another by 上报, as it stands.
    func linked(_ id: UUID?) async throws -> ProblemView.Linked? {
        guard let id, let (record, snapshot) = try await load(id) else { return nil }
        return ProblemView.Linked(
            id: id, number: record.number, state: snapshot.state, result: snapshot.result,
            resultKind: snapshot.resultKind)
    }

    /// The problem's events, oldest first. A monitor's report does not name the monitor when
    /// `hideMonitor` (to anyone but the dispatcher).
    func timeline(of id: UUID, hideMonitor: Bool) async throws -> [ProblemView.Event] {
        struct Row: Decodable {
            let sequence: Int64
            let occurredAtMs: Int64
            let actorName: String?
            let action: String
            let changes: String
        }
        let rows = try await sql.raw(
            """
            SELECT e.sequence, e.occurred_at_ms, u.display_name AS actor_name, e.action, e.changes
            FROM events e LEFT JOIN users u ON u.id = e.actor_id
            WHERE e.entity_type = 'problem' AND e.entity_id = \(bind: id.uuidString)
            ORDER BY e.sequence
            """
        ).all(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase)
        return rows.map { row in
            ProblemView.Event(
                sequence: row.sequence, at: Date(timeIntervalSince1970: Double(row.occurredAtMs) / 1000),
                actor: hideMonitor && row.action == "submit" ? "监测员" : row.actorName, action: row.action,
                changes: (try? ChangeSet(canonicalJSON: row.changes))?.fields ?? [:])
        }
    }
}

extension ProblemSnapshot {
    /// The fields an event shows for a change, as text.
    var auditValues: [String: String?] {
        [
            "state": state.rawValue, "category": categoryCode, "leadDepartmentId": leadDepartment?.uuidString,
            "coDepartmentIds": coDepartments.isEmpty
                ? nil
                : coDepartments.map { "\($0.key.uuidString)@\($0.value.iso)" }.sorted().joined(separator: ","),
            "deadline": deadline?.iso, "signBy": signBy?.iso, "pausedSince": pausedSince?.iso,
            "extension": pendingExtension.map { "\($0.workingDays)个工作日：\($0.reason)" },
            "returnReason": returnReason, "rootCause": rootCause, "result": result,
            "resultKind": resultKind?.rawValue, "replyMethod": replyMethod?.rawValue,
            "satisfaction": satisfaction?.rawValue,
            "closeOverride": closeOverride,
            "ongoing": ongoing.map { "\($0.plan)（\($0.responsibleUnit)，\($0.until.iso)）" },
            "mergedInto": mergedInto?.uuidString,
            "flags": flags.isEmpty ? nil : flags.map(\.rawValue).sorted().joined(separator: ","),
        ]
    }
}
