import Foundation
import JieyouDomain
import SQLKit

/// A `problems` row as SQLKit reads it: the one declaration of the row, which `ProblemStore` reads
/// and the workflow sees as a `ProblemSnapshot`.
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
    let replyMethod: String?
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
        return_reason, return_count, reopen_count, root_cause, result, result_kind, reply_method, resolved_on, revisit_by,
        satisfaction, closed_on, close_override, ongoing_plan, ongoing_unit, ongoing_until, merged_into, flags,
        escalated_to, escalated_from, reported_by, reporter_hidden, version, created_at, updated_at
        """

    /// The workflow's view of the row (`ProblemStore.load` adds the co-departments).
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
        p.replyMethod = replyMethod.flatMap(ReplyMethod.init(rawValue:))
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
