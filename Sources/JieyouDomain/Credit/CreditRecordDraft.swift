import Foundation

/// A 双公示 record as a department's form, the API or a sheet row sends it, checked field by field.
/// The fields are the standard's data items (`CreditDecision.swift`); the identity numbers of a 自然人
/// (证件号码) and of a legal representative are not among them on purpose: Jieyou keeps no ID numbers.
public struct CreditRecordDraft: Sendable {
    public var kind: String?
    public var counterpartyName: String?
    public var counterpartyCategory: String?
    public var creditCode: String?
    public var legalRepresentative: String?
    public var documentNumber: String?
    public var licenceCategory: String?
    public var licenceContent: String?
    public var licenceNumber: String?
    public var violationType: String?
    public var violationFacts: String?
    public var penaltyBasis: String?
    public var penaltyCategories: [String]?
    public var penaltyContent: String?
    /// 罚款金额 and 没收违法所得、没收非法财物的金额, in 万元 as the standard writes them.
    public var fineWan: String?
    public var confiscatedWan: String?
    public var severity: String?
    public var decidedOn: String?
    public var validFrom: String?
    public var validUntil: String?
    public var authority: String?
    public var authorityCode: String?

    public init() {}

    /// What a record holds once checked.
    public struct Values: Hashable, Sendable {
        public var kind: CreditDecisionKind
        public var counterpartyName: String
        public var counterpartyCategory: CounterpartyCategory
        public var creditCode: String?
        public var legalRepresentative: String?
        public var documentNumber: String
        public var licenceCategory: LicenceCategory?
        public var licenceContent: String?
        public var licenceNumber: String?
        public var violationType: String?
        public var violationFacts: String?
        public var penaltyBasis: String?
        public var penaltyCategories: [PenaltyCategory]
        public var penaltyContent: String?
        public var fineYuan: Int64?
        public var confiscatedYuan: Int64?
        public var severity: CreditSeverity?
        public var decidedOn: LocalDate
        public var validFrom: LocalDate?
        public var validUntil: LocalDate?
        public var authority: String
        public var authorityCode: String?

        /// 公示截止期 (`CreditPublication.publicUntil`).
        public var publicUntil: LocalDate {
            CreditPublication.publicUntil(
                kind: kind, decidedOn: decidedOn, severity: severity, validUntil: validUntil)
        }

        /// The values as the event log keeps them.
        public var auditValues: [String: String?] {
            [
                "kind": kind.rawValue, "counterpartyName": counterpartyName,
                "counterpartyCategory": counterpartyCategory.rawValue, "creditCode": creditCode,
                "legalRepresentative": legalRepresentative, "documentNumber": documentNumber,
                "licenceCategory": licenceCategory?.rawValue, "licenceContent": licenceContent,
                "licenceNumber": licenceNumber, "violationType": violationType, "violationFacts": violationFacts,
                "penaltyBasis": penaltyBasis,
                "penaltyCategories": penaltyCategories.isEmpty
                    ? nil : penaltyCategories.map(\.rawValue).joined(separator: ","),
                "penaltyContent": penaltyContent, "fineYuan": fineYuan.map(String.init),
                "confiscatedYuan": confiscatedYuan.map(String.init), "severity": severity?.rawValue,
                "decidedOn": decidedOn.iso, "validFrom": validFrom?.iso, "validUntil": validUntil?.iso,
                "authority": authority, "authorityCode": authorityCode, "publicUntil": publicUntil.iso,
            ]
        }
    }

    /// Every bad field named at once. A decision lies in the past (at most `today`); a licence names
    /// what it permits, a penalty the breach, its legal basis, its kinds and what it imposes, and its
    /// fine when it fines.
    public func validated(today: LocalDate) -> Result<Values, ValidationFailure> {
        var v = Validator()
        let kind = kind.flatMap(CreditDecisionKind.init(rawValue:))
        if kind == nil { v.fail("kind", "类别应为行政许可或行政处罚") }
        let name = v.requiredText(counterpartyName, field: "counterpartyName", label: "行政相对人名称", maxLength: 200)
        let category = counterpartyCategory.flatMap(CounterpartyCategory.init(rawValue:))
        if category == nil {
            v.fail(
                "counterpartyCategory",
                "行政相对人类别应为\(CounterpartyCategory.allCases.map(\.chineseName).joined(separator: "、"))之一")
        }
        var code = v.optionalText(creditCode, field: "creditCode", label: "统一社会信用代码", maxLength: 18)?.uppercased()
        if let category {
            if category.hasCreditCode {
                if let c = code {
                    if let problem = CreditCode.problem(with: c) { v.fail("creditCode", problem) }
                } else if (creditCode ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    v.fail("creditCode", "\(category.chineseName)应填写统一社会信用代码")
                }
            } else {
                if code != nil { v.fail("creditCode", "自然人不填统一社会信用代码（本系统不保存身份证件号码）") }
                code = nil
            }
        }
        var representative = v.optionalText(
            legalRepresentative, field: "legalRepresentative", label: "法定代表人", maxLength: 50)
        if category == .naturalPerson { representative = nil }
        let document = v.requiredText(documentNumber, field: "documentNumber", label: "决定文书号", maxLength: 100)
        let decided = v.optionalDay(decidedOn, field: "decidedOn", label: "决定日期")
        if (decidedOn ?? "").trimmingCharacters(in: .whitespaces).isEmpty { v.fail("decidedOn", "请填写决定日期") }
        if let decided, decided > today { v.fail("decidedOn", "决定日期不能晚于今天") }
        let from = v.optionalDay(validFrom, field: "validFrom", label: "有效期自")
        let until = v.optionalDay(validUntil, field: "validUntil", label: "有效期至")
        if let until, let start = from ?? decided, until < start { v.fail("validUntil", "有效期至不能早于有效期自") }
        let authority = v.requiredText(authority, field: "authority", label: "决定机关", maxLength: 100)
        let authorityCode = v.optionalText(
            authorityCode, field: "authorityCode", label: "决定机关统一社会信用代码", maxLength: 18)?.uppercased()
        if let authorityCode, let problem = CreditCode.problem(with: authorityCode) {
            v.fail("authorityCode", "决定机关" + problem)
        }

        var values = Values(
            kind: kind ?? .licence, counterpartyName: name ?? "", counterpartyCategory: category ?? .organisation,
            creditCode: code, legalRepresentative: representative, documentNumber: document ?? "",
            penaltyCategories: [], decidedOn: decided ?? today, validFrom: from, validUntil: until,
            authority: authority ?? "", authorityCode: authorityCode)
        switch kind {
        case .licence: checkLicence(&v, &values)
        case .penalty: checkPenalty(&v, &values)
        case nil: break
        }
        guard v.errors.isEmpty else { return .failure(ValidationFailure(v.errors)) }
        return .success(values)
    }

    private func checkLicence(_ v: inout Validator, _ values: inout Values) {
        values.licenceCategory = licenceCategory.flatMap(LicenceCategory.init(rawValue:))
        if values.licenceCategory == nil {
            v.fail(
                "licenceCategory", "许可类别应为\(LicenceCategory.allCases.map(\.chineseName).joined(separator: "、"))之一")
        }
        values.licenceContent = v.requiredText(licenceContent, field: "licenceContent", label: "许可内容", maxLength: 2000)
        values.licenceNumber = v.optionalText(licenceNumber, field: "licenceNumber", label: "许可编号", maxLength: 100)
    }

    private func checkPenalty(_ v: inout Validator, _ values: inout Values) {
        values.violationType = v.requiredText(
            violationType, field: "violationType", label: "违法行为类型", maxLength: 200)
        values.violationFacts = v.requiredText(
            violationFacts, field: "violationFacts", label: "违法事实", maxLength: 2000)
        values.penaltyBasis = v.requiredText(penaltyBasis, field: "penaltyBasis", label: "处罚依据", maxLength: 2000)
        values.penaltyContent = v.requiredText(
            penaltyContent, field: "penaltyContent", label: "处罚内容", maxLength: 2000)
        let sent = (penaltyCategories ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let categories = sent.compactMap(PenaltyCategory.init(rawValue:))
        if sent.isEmpty {
            v.fail("penaltyCategories", "请选择至少一种处罚类别")
        } else if categories.count != sent.count {
            v.fail("penaltyCategories", "处罚类别应为\(PenaltyCategory.allCases.map(\.chineseName).joined(separator: "、"))")
        }
        values.penaltyCategories = PenaltyCategory.allCases.filter(categories.contains)
        values.fineYuan = amount(fineWan, field: "fineWan", label: "罚款金额", &v)
        if values.penaltyCategories.contains(.fine), values.fineYuan == nil, (fineWan ?? "").isEmpty {
            v.fail("fineWan", "处罚类别含罚款，请填写罚款金额（万元）")
        }
        values.confiscatedYuan = amount(confiscatedWan, field: "confiscatedWan", label: "没收金额", &v)
        let severity = (severity ?? "").isEmpty ? nil : CreditSeverity(rawValue: severity!)
        if severity == nil { v.fail("severity", "请选择失信程度：一般失信或严重失信") }
        values.severity = severity
    }

    private func amount(_ text: String?, field: String, label: String, _ v: inout Validator) -> Int64? {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let yuan = Money.yuan(fromWan: trimmed) else {
            v.fail(field, "\(label)应为以万元计的数字，如 0.5 或 12.3456")
            return nil
        }
        return yuan
    }
}
