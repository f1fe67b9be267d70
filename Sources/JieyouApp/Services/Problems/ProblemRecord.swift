import Foundation
import JieyouDomain
import SQLKit

/// A `problems` row as SQLKit reads it, with its co-departments.
struct ProblemRecord: Codable, Sendable {
    let id: UUID
    let orgUnitId: UUID
    let number: String
    let enterpriseId: UUID?
    let kind: String
    let categoryCode: String?
    let source: String
    let description: String
    let campaignId: UUID?
    let findingId: UUID?
    let state: String
    let leadDepartmentId: UUID?
    let submittedOn: String?
    let acceptBy: String?
    let screenedOn: String?
    let assignedOn: String?
    let signBy: String?
    let signedOn: String?
    let deadline: String?
    let pausedSince: String?
    let extensionDays: Int?
    let extensionReason: String?
    let returnReason: String?
    let returnCount: Int
    let reopenCount: Int
    let rootCause: String?
    let result: String?
    let resultKind: String?
    let resolvedOn: String?
    let revisitBy: String?
    let satisfaction: String?
    let closedOn: String?
    let closeOverride: String?
    let ongoingPlan: String?
    let ongoingUnit: String?
    let ongoingUntil: String?
    let mergedInto: UUID?
    let flags: String
    let escalatedTo: UUID?
    let escalatedFrom: UUID?
    let reportedBy: UUID?
    let reporterHidden: Bool
    let version: Int
    let createdAt: Date
    let updatedAt: Date

    static let columns = """
        id, org_unit_id, number, enterprise_id, kind, category_code, source, description, campaign_id, finding_id,
        state, lead_department_id, submitted_on, accept_by, screened_on, assigned_on, sign_by, signed_on, deadline,
        paused_since, extension_days, extension_reason,
        return_reason, return_count, reopen_count, root_cause, result, result_kind, resolved_on, revisit_by,
        satisfaction, closed_on, close_override, ongoing_plan, ongoing_unit, ongoing_until, merged_into, flags,
        escalated_to, escalated_from, reported_by, reporter_hidden, version, created_at, updated_at
        """

    static func load(_ id: UUID, on sql: any SQLDatabase) async throws -> (ProblemRecord, ProblemSnapshot)? {
        guard
            let record = try await sql.raw("SELECT \(unsafeRaw: columns) FROM problems WHERE id = \(bind: id)")
                .first(decoding: ProblemRecord.self, keyDecodingStrategy: ColumnNames.snakeCase)
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

    /// The workflow's view of the row (co-departments are added by `load`).
    var snapshot: ProblemSnapshot {
        func day(_ text: String?) -> LocalDate? { text.flatMap(LocalDate.init(iso:)) }
        var p = ProblemSnapshot(
            state: ProblemState(rawValue: state) ?? .submitted, kind: ProblemKind(rawValue: kind) ?? .problem,
            categoryCode: categoryCode)
        p.leadDepartment = leadDepartmentId
        p.acceptBy = day(acceptBy)
        p.screenedOn = day(screenedOn)
        p.assignedOn = day(assignedOn)
        p.signBy = day(signBy)
        p.signedOn = day(signedOn)
        p.deadline = day(deadline)
        p.pausedSince = day(pausedSince)
        if let days = extensionDays, let reason = extensionReason {
            p.pendingExtension = ExtensionRequest(workingDays: days, reason: reason)
        }
        p.returnReason = returnReason
        p.returnCount = returnCount
        p.reopenCount = reopenCount
        p.rootCause = rootCause
        p.result = result
        p.resultKind = resultKind.flatMap(ResultKind.init(rawValue:))
        p.resolvedOn = day(resolvedOn)
        p.revisitBy = day(revisitBy)
        p.satisfaction = satisfaction.flatMap(Satisfaction.init(rawValue:))
        p.closedOn = day(closedOn)
        p.closeOverride = closeOverride
        if let plan = ongoingPlan, let unit = ongoingUnit, let until = day(ongoingUntil) {
            p.ongoing = OngoingPlan(plan: plan, responsibleUnit: unit, until: until)
        }
        p.mergedInto = mergedInto
        p.flags = Set(flags.split(separator: ",").compactMap { ProblemFlag(rawValue: String($0)) })
        return p
    }
}

/// Writes a problem's snapshot back, only if nobody changed the problem since it was read.
enum ProblemWriter {
    /// False when the row's version moved on: another action won the race.
    static func update(
        _ id: UUID, from version: Int, to p: ProblemSnapshot, now: Date, on sql: any SQLDatabase
    ) async throws -> Bool {
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

    /// The fields an event shows for a change, as text.
    static func auditValues(_ p: ProblemSnapshot) -> [String: String?] {
        [
            "state": p.state.rawValue, "category": p.categoryCode, "leadDepartmentId": p.leadDepartment?.uuidString,
            "coDepartmentIds": p.coDepartments.isEmpty
                ? nil
                : p.coDepartments.map { "\($0.key.uuidString)@\($0.value.iso)" }.sorted().joined(separator: ","),
            "deadline": p.deadline?.iso, "signBy": p.signBy?.iso, "pausedSince": p.pausedSince?.iso,
            "extension": p.pendingExtension.map { "\($0.workingDays)个工作日：\($0.reason)" },
            "returnReason": p.returnReason, "rootCause": p.rootCause, "result": p.result,
            "resultKind": p.resultKind?.rawValue, "satisfaction": p.satisfaction?.rawValue,
            "closeOverride": p.closeOverride,
            "ongoing": p.ongoing.map { "\($0.plan)（\($0.responsibleUnit)，\($0.until.iso)）" },
            "mergedInto": p.mergedInto?.uuidString,
            "flags": p.flags.isEmpty ? nil : p.flags.map(\.rawValue).sorted().joined(separator: ","),
        ]
    }
}
