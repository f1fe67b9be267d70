/// 融资诉求 (PRODUCT.md §2, issue 6): an enterprise needs money for something; the park brings it to
/// banks (most often at a 政银企对接会) and follows it until a loan is made or it is given up.

/// Where a demand stands: 待对接 → 对接中 → 已放款, or 未达成 before a loan.
public enum FinancingStatus: String, Sendable, CaseIterable, Codable {
    case open, matching, lent, failed

    public var chineseName: String {
        switch self {
        case .open: "待对接"
        case .matching: "对接中"
        case .lent: "已放款"
        case .failed: "未达成"
        }
    }

    public var isFinal: Bool { self == .lent || self == .failed }

    /// A loan may come straight from 待对接 (a bank the enterprise found itself).
    public var nextStatuses: [FinancingStatus] {
        switch self {
        case .open: [.matching, .lent, .failed]
        case .matching: [.lent, .failed]
        case .lent, .failed: []
        }
    }

    public static func parse(_ text: String) -> FinancingStatus? {
        let t = text.trimmingCharacters(in: .whitespaces)
        return allCases.first { $0.rawValue == t || $0.chineseName == t }
    }
}

/// A demand as typed; the enterprise is chosen apart (it is a record).
public struct FinancingDemandDraft: Sendable {
    /// In 万元.
    public var amount: String?
    public var purpose: String?
    public var raisedOn: String?
    public var note: String?

    public init(amount: String?, purpose: String?, raisedOn: String?, note: String? = nil) {
        self.amount = amount
        self.purpose = purpose
        self.raisedOn = raisedOn
        self.note = note
    }
}

public struct FinancingDemandValues: Hashable, Sendable {
    public var amount: Amount
    public var purpose: String
    public var raisedOn: LocalDate
    public var note: String?
}

/// A step of a demand as typed: the new status, its day, the bank (for 对接中 and 已放款), the amount
/// lent (for 已放款) and the reason (for 未达成).
public struct FinancingStepDraft: Sendable {
    public var status: String?
    public var on: String?
    public var bank: String?
    /// In 万元.
    public var amountLent: String?
    public var reason: String?

    public init(status: String?, on: String?, bank: String? = nil, amountLent: String? = nil, reason: String? = nil) {
        self.status = status
        self.on = on
        self.bank = bank
        self.amountLent = amountLent
        self.reason = reason
    }
}

public struct FinancingStep: Hashable, Sendable {
    public var status: FinancingStatus
    public var on: LocalDate
    public var bank: String?
    public var amountLent: Amount?
    public var reason: String?

    /// A step already checked (a 政银企对接会's financing moving a demand on).
    public init(status: FinancingStatus, on: LocalDate, bank: String?, amountLent: Amount?, reason: String?) {
        self.status = status
        self.on = on
        self.bank = bank
        self.amountLent = amountLent
        self.reason = reason
    }
}

public enum FinancingDemandRules {
    public static func validate(_ d: FinancingDemandDraft, today: LocalDate)
        -> Result<FinancingDemandValues, ValidationFailure>
    {
        var v = Validator()
        let amount = wan(d.amount, field: "amount", label: "融资需求", &v)
        let purpose = v.requiredText(d.purpose, field: "purpose", label: "资金用途", maxLength: 200)
        let day = v.pastDay(
            d.raisedOn, field: "raisedOn", label: "提出日期", today: today, maxAgeDays: 1_830, oldest: "五年前")
        let note = v.optionalText(d.note, field: "note", label: "备注", maxLength: 500)
        guard v.errors.isEmpty, let amount, let purpose else { return .failure(ValidationFailure(v.errors)) }
        return .success(FinancingDemandValues(amount: amount, purpose: purpose, raisedOn: day, note: note))
    }

    /// Checks a step of a demand now at `current` whose last step was on `lastOn`.
    public static func validate(
        _ d: FinancingStepDraft, from current: FinancingStatus, lastOn: LocalDate, today: LocalDate
    ) -> Result<FinancingStep, ValidationFailure> {
        var v = Validator()
        var status: FinancingStatus?
        if let text = d.status?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            status = FinancingStatus.parse(text)
            if status == nil { v.fail("status", "无法识别的进展“\(text)”") }
        } else {
            v.fail("status", "请选择进展")
        }
        if let target = status, !current.nextStatuses.contains(target) {
            v.fail(
                "status",
                current.isFinal
                    ? "融资诉求\(current.chineseName)，不能再变更"
                    : "融资诉求\(current.chineseName)，下一步只能是\(current.nextStatuses.map(\.chineseName).joined(separator: "、"))"
            )
        }
        let day = v.pastDay(d.on, field: "on", label: "办理日期", today: today, maxAgeDays: 1_830, oldest: "五年前")
        if day < lastOn { v.fail("on", "办理日期不能早于上一步（\(lastOn.iso)）") }
        var bank: String?
        if status == .matching || status == .lent {
            bank = v.requiredText(d.bank, field: "bank", label: "对接银行", maxLength: 60)
        } else {
            bank = v.optionalText(d.bank, field: "bank", label: "对接银行", maxLength: 60)
        }
        var lent: Amount?
        if status == .lent {
            lent = wan(d.amountLent, field: "amountLent", label: "放款金额", &v)
        } else if !(d.amountLent ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            v.fail("amountLent", "只有放款时填写放款金额")
        }
        let reason =
            status == .failed
            ? v.requiredText(d.reason, field: "reason", label: "未达成原因", maxLength: 500)
            : v.optionalText(d.reason, field: "reason", label: "说明", maxLength: 500)
        guard v.errors.isEmpty, let status else { return .failure(ValidationFailure(v.errors)) }
        return .success(FinancingStep(status: status, on: day, bank: bank, amountLent: lent, reason: reason))
    }

    private static func wan(_ text: String?, field: String, label: String, _ v: inout Validator) -> Amount? {
        let t = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else {
            v.fail(field, "请填写\(label)（万元）")
            return nil
        }
        guard let amount = Amount(wan: t), amount.fen > 0 else {
            v.fail(field, "\(label)“\(t)”应为大于0的数，单位万元，最多六位小数（如 500 或 85.5）")
            return nil
        }
        guard amount <= ProjectApplicationRules.maxAsked else {
            v.fail(field, "\(label)“\(t)”万元超过100亿元，请确认单位是万元")
            return nil
        }
        return amount
    }
}

/// Counts and sums of demands by status, exact to the 分.
public struct FinancingTotals: Hashable, Sendable {
    public private(set) var count = 0
    public private(set) var asked = Amount.zero
    public private(set) var lent = Amount.zero
    public private(set) var byStatus: [FinancingStatus: Int] = [:]

    public init() {}

    public mutating func add(_ status: FinancingStatus, count: Int = 1, asked: Amount, lent: Amount = .zero) {
        self.count += count
        self.asked += asked
        self.lent += lent
        byStatus[status, default: 0] += count
    }

    public func count(_ status: FinancingStatus) -> Int { byStatus[status] ?? 0 }

    /// 收集融资诉求12项、需求金额12000万元；已放款5项、放款金额4800万元，对接中4项
    public var sentence: String {
        guard count > 0 else { return "" }
        var text = "收集融资诉求\(count)项、需求金额\(asked.wan)万元"
        var after: [String] = []
        if count(.lent) > 0 { after.append("已放款\(count(.lent))项、放款金额\(lent.wan)万元") }
        if count(.matching) > 0 { after.append("对接中\(count(.matching))项") }
        if count(.open) > 0 { after.append("待对接\(count(.open))项") }
        if count(.failed) > 0 { after.append("未达成\(count(.failed))项") }
        return after.isEmpty ? text : text + "；" + after.joined(separator: "，")
    }
}
