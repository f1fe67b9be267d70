import Foundation

/// One 兑现 as typed: the enterprise and the policy are chosen apart (they are records).
public struct BenefitDraft: Sendable {
    public var kind: String?
    /// In 万元.
    public var amount: String?
    public var grantedOn: String?
    public var note: String?

    public init(kind: String?, amount: String?, grantedOn: String?, note: String? = nil) {
        self.kind = kind
        self.amount = amount
        self.grantedOn = grantedOn
        self.note = note
    }
}

public struct BenefitValues: Hashable, Sendable {
    public var kind: BenefitKind
    public var amount: Amount
    public var grantedOn: LocalDate
    public var note: String?
}

public enum BenefitRules {
    public static func validate(_ d: BenefitDraft, today: LocalDate) -> Result<BenefitValues, ValidationFailure> {
        var v = Validator()
        var kind: BenefitKind?
        if let text = d.kind, !text.isEmpty {
            kind = BenefitKind.parse(text)
            if kind == nil {
                v.fail(
                    "kind", "无法识别的兑现类型“\(text)”，可选：\(BenefitKind.allCases.map(\.chineseName).joined(separator: "、"))")
            }
        } else {
            v.fail("kind", "请选择兑现类型")
        }
        var amount: Amount?
        let text = (d.amount ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            v.fail("amount", "请填写兑现金额（万元）")
        } else if let parsed = Amount(wan: text), parsed.fen > 0 {
            amount = parsed
        } else {
            v.fail("amount", "兑现金额“\(text)”应为大于0的数，单位万元，最多六位小数（如 733.14）")
        }
        let day = v.pastDay(
            d.grantedOn, field: "grantedOn", label: "兑现日期", today: today, maxAgeDays: 3_660, oldest: "十年前")
        let note = v.optionalText(d.note, field: "note", label: "备注", maxLength: 500)
        guard v.errors.isEmpty, let kind, let amount else { return .failure(ValidationFailure(v.errors)) }
        return .success(BenefitValues(kind: kind, amount: amount, grantedOn: day, note: note))
    }
}

/// Sums of 兑现 by kind, exact to the 分: the figures of a quarter's report (seed 003).
public struct BenefitTotals: Hashable, Sendable {
    public private(set) var byKind: [BenefitKind: Amount] = [:]
    public private(set) var count = 0

    public init() {}

    /// Adds `count` benefits of `kind` that together come to `amount`.
    public mutating func add(_ kind: BenefitKind, _ amount: Amount, count: Int = 1) {
        byKind[kind, default: .zero] += amount
        self.count += count
    }

    public var total: Amount { byKind.values.sum() }

    /// The kinds with money, in the order of `BenefitKind`.
    public var lines: [(kind: BenefitKind, amount: Amount)] {
        BenefitKind.allCases.compactMap { kind in byKind[kind].map { (kind, $0) } }
    }

    /// A report's sentence: 兑现各类优惠政策733.14万元，减免所得税2448.43万元，…
    public var sentence: String {
        lines.map { line in
            line.kind == .funds ? "兑现各类优惠政策\(line.amount.wan)万元" : "\(line.kind.chineseName)\(line.amount.wan)万元"
        }.joined(separator: "，")
    }
}
