import Foundation
import JieyouDomain

/// The fields any action may carry, as the API's JSON and the page's forms send them; each action
/// reads the ones it needs.
struct ProblemActionFields: Codable, Sendable {
    let category: String?
    let reason: String?
    let leadDepartmentId: UUID?
    let coDepartmentIds: [UUID]?
    let deadline: String?
    let text: String?
    let upheld: Bool?
    let note: String?
    let result: String?
    let resultKind: String?
    let satisfaction: String?
    let comment: String?
    let overrideReason: String?
    let targetId: UUID?
    let plan: String?
    let responsibleUnit: String?
    let until: String?
    let workingDays: Int?
    let approve: Bool?
    let departmentId: UUID?
    let on: Bool?
    let rootCause: String?
    /// How the requester of a complaint, request or question was answered, with `resolve`.
    var replyMethod: String? = nil

    /// The action with its fields; a malformed enum or date names its field.
    func action(_ name: ProblemAction.Name, problemID: UUID) throws -> ProblemAction {
        let b = self
        func day(_ text: String?, _ field: String) throws -> LocalDate? {
            guard let text, !text.isEmpty else { return nil }
            guard let value = LocalDate(iso: text) else { throw AppError.invalid(field, "日期格式应为2024-09-12") }
            return value
        }
        func value<T: RawRepresentable>(_ text: String?, _ field: String, _ type: T.Type, _ label: String) throws -> T?
        where T.RawValue == String {
            guard let text, !text.isEmpty else { return nil }
            guard let value = T(rawValue: text) else { throw AppError.invalid(field, "\(label)“\(text)”无效") }
            return value
        }
        switch name {
        // A form's 问题类别 left at 请选择 sends "": no category, which a complaint, request, question or
        // suggestion may be accepted without (the workflow asks a problem for one).
        case .accept:
            return .accept(category: b.category.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 })
        case .reject: return .reject(reason: b.reason)
        case .assign:
            return .assign(
                lead: b.leadDepartmentId, co: b.coDepartmentIds ?? [], deadline: try day(b.deadline, "deadline"))
        case .sign: return .sign
        case .progress: return .progress(text: b.text)
        case .giveBack: return .giveBack(reason: b.reason)
        case .ruleOnReturn:
            guard let upheld = b.upheld else { throw AppError.invalid("upheld", "请选择是否同意退回") }
            return .ruleOnReturn(upheld: upheld, note: b.note)
        case .resolve:
            return .resolve(
                result: b.result, kind: try value(b.resultKind, "resultKind", ResultKind.self, "办理结果类别"),
                replyMethod: try value(b.replyMethod, "replyMethod", ReplyMethod.self, "答复方式"))
        case .revisit:
            return .revisit(
                satisfaction: try value(b.satisfaction, "satisfaction", Satisfaction.self, "满意度"), comment: b.comment)
        case .close: return .close(overrideReason: b.overrideReason)
        case .escalate: return .escalate(reason: b.reason)
        case .merge: return .merge(into: b.targetId, ownID: problemID)
        case .keepWorking:
            return .keepWorking(plan: b.plan, responsibleUnit: b.responsibleUnit, until: try day(b.until, "until"))
        case .pause: return .pause(reason: b.reason)
        case .resume: return .resume
        case .requestExtension: return .requestExtension(workingDays: b.workingDays, reason: b.reason)
        case .decideExtension:
            guard let approve = b.approve else { throw AppError.invalid("approve", "请选择是否批准延期") }
            return .decideExtension(approve: approve)
        case .addDepartment: return .addDepartment(b.departmentId)
        case .flagTypicalCase: return .setFlag(.typicalCase, on: b.on ?? true)
        case .flagSupervised: return .setFlag(.supervised, on: b.on ?? true)
        case .flagLeaderCase: return .setFlag(.leaderCase, on: b.on ?? true)
        case .recordRootCause: return .recordRootCause(b.rootCause)
        // Only for all of a 共性问题's members at once, from the group (`CommonProblemDesk`).
        case .resolveByAnswer:
            throw AppError.conflict(nil, "按上级答复办结须在共性问题中对全部成员问题进行")
        }
    }
}
