import Foundation

/// An application for 信用修复 of a penalty record: the enterprise (or the cadre serving it) applies
/// once the shortest 公示期 is over (`CreditTimeline.repairRefusal`), with its 材料 attached (申请书,
/// 信用承诺书 and proof that the penalty was carried out, as 58号令 asks); the department that decided
/// the penalty approves it, and the record leaves the public page, or refuses it with a reason, and
/// the subject may apply again.
public enum CreditRepairState: String, Sendable, Codable, CaseIterable {
    case pending
    case approved
    case refused

    public var chineseName: String {
        switch self {
        case .pending: "待审核"
        case .approved: "已修复"
        case .refused: "未通过"
        }
    }
}

/// What an applicant sends, checked.
public struct CreditRepairApplication: Sendable, Hashable {
    public let statement: String
    public let contact: String?
    public let phone: String?

    /// 申请说明 (how the breach was corrected and the penalty carried out) and, optionally, who the
    /// department may call about it. The applicant must declare that the penalty has been carried out.
    public static func parse(
        statement: String?, fulfilled: Bool, contact: String?, phone: String?
    ) -> Result<CreditRepairApplication, ValidationFailure> {
        var v = Validator()
        let text = v.requiredText(statement, field: "statement", label: "申请说明", maxLength: 1000)
        if !fulfilled { v.fail("fulfilled", "请确认已履行行政处罚决定、纠正失信行为") }
        let contact = v.optionalText(contact, field: "contact", label: "联系人", maxLength: 50)
        let phone = v.optionalText(phone, field: "phone", label: "联系电话", maxLength: 20)
        if let phone, !ContactRules.isValidPhone(phone) {
            v.fail("phone", "联系电话“\(phone)”格式不正确，应为11位手机号或区号-号码")
        }
        guard v.errors.isEmpty, let text else { return .failure(ValidationFailure(v.errors)) }
        return .success(CreditRepairApplication(statement: text, contact: contact, phone: phone))
    }
}

/// The department's decision on an application: approval, or refusal with its reason.
public struct CreditRepairDecision: Sendable, Hashable {
    public let approve: Bool
    public let reason: String?

    public static func parse(decision: String?, reason: String?) -> Result<CreditRepairDecision, ValidationFailure> {
        var v = Validator()
        let approve: Bool? =
            switch decision {
            case "approve": true
            case "refuse": false
            default: nil
            }
        if approve == nil { v.fail("decision", "请选择同意修复或不予修复") }
        let reason = v.optionalText(reason, field: "reason", label: "审核意见", maxLength: 500)
        if approve == false, reason == nil, v.errors.allSatisfy({ $0.field != "reason" }) {
            v.fail("reason", "不予修复须写明理由")
        }
        guard v.errors.isEmpty, let approve else { return .failure(ValidationFailure(v.errors)) }
        return .success(CreditRepairDecision(approve: approve, reason: reason))
    }
}
