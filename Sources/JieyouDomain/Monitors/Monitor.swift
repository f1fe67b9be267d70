import Foundation

/// The people and places a park appoints to watch its 营商环境 and its integrity (seed 003: "聘请了42名
/// 企业代表为营商环境监测员和28名“清廉园区”监测员，全面实行雙员监督雙轨监测"): a roster kept by the
/// unit's admins, each with a term. A monitor that has an account files reports (`ProblemSource.monitor`
/// or 暗访) whose reporter the departments never see.
public enum MonitorKind: String, Sendable, Codable, CaseIterable {
    /// 营商环境监督员: mostly enterprise representatives.
    case businessEnvironment
    /// 清廉园区监测点: a person or a place (a window, an enterprise) watching officials' conduct.
    case integrity

    public var chineseName: String {
        switch self {
        case .businessEnvironment: "营商环境监督员"
        case .integrity: "清廉园区监测点"
        }
    }
}

/// Whether a monitor is a person or a place (监测点 at an enterprise, a service window).
public enum MonitorForm: String, Sendable, Codable, CaseIterable {
    case person
    case place

    public var chineseName: String { self == .person ? "个人" : "场所" }
}

/// A monitor as the admin's form or the API sends it, checked field by field.
public struct MonitorDraft: Sendable {
    public var name: String?
    public var kind: String?
    public var form: String?
    public var organisation: String?
    public var phone: String?
    public var termStartsOn: String?
    public var termEndsOn: String?
    public var active: Bool?

    public init(
        name: String? = nil, kind: String? = nil, form: String? = nil, organisation: String? = nil,
        phone: String? = nil, termStartsOn: String? = nil, termEndsOn: String? = nil, active: Bool? = nil
    ) {
        self.name = name
        self.kind = kind
        self.form = form
        self.organisation = organisation
        self.phone = phone
        self.termStartsOn = termStartsOn
        self.termEndsOn = termEndsOn
        self.active = active
    }

    /// What a monitor holds once checked.
    public struct Values: Hashable, Sendable {
        public let name: String
        public let kind: MonitorKind
        public let form: MonitorForm
        public let organisation: String?
        public let phone: String?
        public let term: ClosedRange<LocalDate>
        public let active: Bool

        public init(
            name: String, kind: MonitorKind, form: MonitorForm, organisation: String?, phone: String?,
            term: ClosedRange<LocalDate>, active: Bool
        ) {
            (self.name, self.kind, self.form, self.organisation) = (name, kind, form, organisation)
            (self.phone, self.term, self.active) = (phone, term, active)
        }

        /// The values as the event log keeps them.
        public var auditValues: [String: String?] {
            [
                "name": name, "kind": kind.rawValue, "form": form.rawValue, "organisation": organisation,
                "phone": phone,
                "termStartsOn": term.lowerBound.iso, "termEndsOn": term.upperBound.iso,
                "active": active ? "true" : "false",
            ]
        }
    }

    /// Every bad field named at once. A term is at most five years (appointments run a year or a
    /// 届 of three).
    public func validated() -> Result<Values, ValidationFailure> {
        var v = Validator()
        let name = v.requiredText(name, field: "name", label: "名称", maxLength: 60)
        let kind = kind.flatMap(MonitorKind.init(rawValue:))
        if kind == nil {
            v.fail("kind", "类型应为\(MonitorKind.allCases.map(\.chineseName).joined(separator: "或"))")
        }
        let form = (self.form?.isEmpty ?? true) ? MonitorForm.person : MonitorForm(rawValue: self.form!)
        if form == nil { v.fail("form", "形式应为个人或场所") }
        let organisation = v.optionalText(organisation, field: "organisation", label: "所在单位", maxLength: 100)
        let phone = v.optionalText(phone, field: "phone", label: "联系电话", maxLength: 20)
        if let phone, !ContactRules.isValidPhone(phone) {
            v.fail("phone", "联系电话“\(phone)”格式不正确，应为11位手机号或区号-号码")
        }
        let starts = v.optionalDay(termStartsOn, field: "termStartsOn", label: "聘期开始")
        let ends = v.optionalDay(termEndsOn, field: "termEndsOn", label: "聘期结束")
        if (termStartsOn ?? "").trimmingCharacters(in: .whitespaces).isEmpty { v.fail("termStartsOn", "请填写聘期开始日期") }
        if (termEndsOn ?? "").trimmingCharacters(in: .whitespaces).isEmpty { v.fail("termEndsOn", "请填写聘期结束日期") }
        if let starts, let ends {
            if ends < starts {
                v.fail("termEndsOn", "聘期结束不能早于开始")
            } else if starts.days(until: ends) > 5 * 366 {
                v.fail("termEndsOn", "聘期不能超过五年")
            }
        }
        guard v.errors.isEmpty, let name, let kind, let form, let starts, let ends else {
            return .failure(ValidationFailure(v.errors))
        }
        return .success(
            Values(
                name: name, kind: kind, form: form, organisation: organisation, phone: phone, term: starts...ends,
                active: active ?? true))
    }
}

extension MonitorDraft.Values {
    /// Appointed and in term on `day`.
    public func isServing(on day: LocalDate) -> Bool { active && term.contains(day) }
}
