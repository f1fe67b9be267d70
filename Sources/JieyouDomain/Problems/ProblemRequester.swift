import Foundation

/// The person who brought a complaint, a request or a question (诉求人), and what it is about. A
/// complainant may be anyone — an enterprise's employee, a citizen on the hotline — so the name and
/// phone are the requester's own, not an enterprise contact's; a complaint may name the department or
/// the official it is about instead of an enterprise's difficulty.
public struct ProblemRequester: Hashable, Sendable, Codable {
    /// nil for an anonymous requester (投诉举报可以实名或者匿名).
    public var name: String?
    public var phone: String?
    /// 要求保密: the name and phone are shown to the service group only, never to the departments
    /// (the complaint may be about them).
    public var confidential: Bool
    public var concern: RequestConcern
    /// 被投诉单位, when it is one of the unit's departments.
    public var respondentDepartment: UUID?
    /// 被投诉对象 as told: a person, a post, a unit outside the list.
    public var respondent: String?

    public init(
        name: String? = nil, phone: String? = nil, confidential: Bool = false,
        concern: RequestConcern = .enterpriseMatter, respondentDepartment: UUID? = nil, respondent: String? = nil
    ) {
        self.name = name
        self.phone = phone
        self.confidential = confidential
        self.concern = concern
        self.respondentDepartment = respondentDepartment
        self.respondent = respondent
    }

    /// The requester as typed: the fields of the form or the API's `requester` object, under
    /// `requester.` in error names. Every bad field is named at once.
    public static func parse(
        name: String?, phone: String?, confidential: Bool, concern: String?, respondentDepartment: UUID?,
        respondent: String?, kind: ProblemKind
    ) -> Result<ProblemRequester, ValidationFailure> {
        var v = Validator()
        let name = v.optionalText(name, field: "requester.name", label: "诉求人姓名", maxLength: 50)
        let phone = v.optionalText(phone, field: "requester.phone", label: "联系电话", maxLength: 20)
        if let phone, !ContactRules.isValidPhone(phone) {
            v.fail("requester.phone", "联系电话“\(phone)”格式不正确，应为11位手机号或区号-号码")
        }
        // An anonymous requester can be neither answered nor called back unless a number is left.
        if name == nil && phone == nil && kind != .complaint {
            v.fail("requester.name", "\(kind.chineseName)须留下诉求人姓名或联系电话，以便答复")
        }
        var parsedConcern = RequestConcern.enterpriseMatter
        if let text = concern?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let value = RequestConcern(rawValue: text) {
                parsedConcern = value
            } else {
                let names = RequestConcern.allCases.map(\.chineseName).joined(separator: "、")
                v.fail("requester.concern", "反映事项“\(text)”无效，应为\(names)之一")
            }
        }
        let respondent = v.optionalText(respondent, field: "requester.respondent", label: "被投诉对象", maxLength: 100)
        if parsedConcern != .enterpriseMatter && respondentDepartment == nil && respondent == nil {
            v.fail("requester.respondent", "反映\(parsedConcern.chineseName)的，请选择被投诉单位或填写被投诉对象")
        }
        if !v.errors.isEmpty { return .failure(ValidationFailure(v.errors)) }
        return .success(
            ProblemRequester(
                name: name, phone: phone, confidential: confidential, concern: parsedConcern,
                respondentDepartment: respondentDepartment, respondent: respondent))
    }

    /// What `parties` may see of the requester. The service group sees everything; the lead
    /// department sees whom to answer unless the requester asked for confidentiality; everyone else
    /// sees the name (or 保密) and a masked number.
    public func shown(to parties: Set<ProblemParty>) -> Shown {
        let full = parties.contains(.dispatcher)
        let answering = full || (parties.contains(.leadHandler) && !confidential)
        let hidden = confidential && !full
        return Shown(
            name: hidden ? "（保密）" : (name ?? "（匿名）"),
            phone: hidden ? nil : phone.map { answering ? $0 : ContactRules.maskedPhone($0) },
            confidential: confidential)
    }

    /// The requester as one reader sees it.
    public struct Shown: Hashable, Sendable, Codable {
        public let name: String
        public let phone: String?
        public let confidential: Bool

        public init(name: String, phone: String?, confidential: Bool) {
            (self.name, self.phone, self.confidential) = (name, phone, confidential)
        }
    }
}

/// What a complaint, request or question is about (反映事项).
public enum RequestConcern: String, Sendable, Codable, CaseIterable {
    /// An enterprise's or a person's difficulty, as a problem is.
    case enterpriseMatter
    /// A department's service: 不作为、慢作为, a permit not handled, a fee not due.
    case departmentService
    /// An official's conduct (干部作风): 吃拿卡要, 态度生硬, 推诿扯皮.
    case officialConduct

    public var chineseName: String {
        switch self {
        case .enterpriseMatter: "涉企事项"
        case .departmentService: "部门履职"
        case .officialConduct: "干部作风"
        }
    }
}

/// How the requester was answered (答复方式), recorded when a complaint, request or question is
/// resolved.
public enum ReplyMethod: String, Sendable, Codable, CaseIterable {
    case phone
    case sms
    case inPerson
    case letter
    case platform

    public var chineseName: String {
        switch self {
        case .phone: "电话答复"
        case .sms: "短信答复"
        case .inPerson: "当面答复"
        case .letter: "书面答复"
        case .platform: "平台回复"
        }
    }
}
