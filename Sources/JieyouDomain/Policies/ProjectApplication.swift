/// Project applications (项目申报, PRODUCT.md §2): a park helps its enterprises apply for higher-level
/// funds for their projects and follows each application until the money arrives (seed 004: 26 projects,
/// about 4.4亿元 asked, one approved for 2000余万元 of 国债 funds).

/// The fund a project applies to (资金渠道).
public enum ProjectFund: String, Sendable, CaseIterable, Codable {
    case ultraLongBonds, centralBudget, specialBonds, equipmentRelending, provincialFunds, other

    public var chineseName: String {
        switch self {
        case .ultraLongBonds: "超长期特别国债"
        case .centralBudget: "中央预算内投资"
        case .specialBonds: "地方政府专项债"
        case .equipmentRelending: "设备更新再贷款贴息"
        case .provincialFunds: "省级专项资金"
        case .other: "其他"
        }
    }

    /// The raw value, the full name, or a name people shorten (国债, 专项债, 再贷款).
    public static func parse(_ text: String) -> ProjectFund? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        if let exact = allCases.first(where: { $0.rawValue == t || $0.chineseName == t }) { return exact }
        switch t {
        case "国债", "超长期国债", "特别国债": return .ultraLongBonds
        case "专项债": return .specialBonds
        case "再贷款", "再贷款贴息", "设备更新贷款贴息": return .equipmentRelending
        case "中央预算内": return .centralBudget
        default: return nil
        }
    }
}

/// Where an application stands: 申报 → 审核 → 入库 → 兑现, or 未通过 at any step before 兑现.
public enum ProjectStage: String, Sendable, CaseIterable, Codable, Comparable {
    case applied, reviewing, listed, disbursed, rejected

    public var chineseName: String {
        switch self {
        case .applied: "已申报"
        case .reviewing: "审核中"
        case .listed: "已入库"
        case .disbursed: "已兑现"
        case .rejected: "未通过"
        }
    }

    /// The name of the step that leads here, as the buttons say it.
    public var actionName: String {
        switch self {
        case .applied: "申报"
        case .reviewing: "送审"
        case .listed: "入库"
        case .disbursed: "兑现"
        case .rejected: "未通过"
        }
    }

    public var isFinal: Bool { self == .disbursed || self == .rejected }

    /// The stages an application may move to from here: the next step, or 未通过.
    public var nextStages: [ProjectStage] {
        switch self {
        case .applied: [.reviewing, .rejected]
        case .reviewing: [.listed, .rejected]
        case .listed: [.disbursed, .rejected]
        case .disbursed, .rejected: []
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: ProjectStage, b: ProjectStage) -> Bool { a.order < b.order }

    public static func parse(_ text: String) -> ProjectStage? {
        let t = text.trimmingCharacters(in: .whitespaces)
        return allCases.first { $0.rawValue == t || $0.chineseName == t || $0.actionName == t }
    }
}

/// A new application as typed; the enterprise and the policy are chosen apart (they are records).
public struct ProjectApplicationDraft: Sendable {
    public var name: String?
    public var fund: String?
    /// In 万元.
    public var amountAsked: String?
    public var appliedOn: String?
    public var note: String?

    public init(name: String?, fund: String?, amountAsked: String?, appliedOn: String?, note: String? = nil) {
        self.name = name
        self.fund = fund
        self.amountAsked = amountAsked
        self.appliedOn = appliedOn
        self.note = note
    }
}

public struct ProjectApplicationValues: Hashable, Sendable {
    public var name: String
    public var fund: ProjectFund
    public var amountAsked: Amount
    public var appliedOn: LocalDate
    public var note: String?
}

/// One step of an application as typed: where it moves, on which day, and what goes with it
/// (the amount approved for 兑现, the reason for 未通过).
public struct ProjectStepDraft: Sendable {
    public var stage: String?
    public var on: String?
    /// In 万元; only for 兑现.
    public var amountGranted: String?
    public var reason: String?

    public init(stage: String?, on: String?, amountGranted: String? = nil, reason: String? = nil) {
        self.stage = stage
        self.on = on
        self.amountGranted = amountGranted
        self.reason = reason
    }
}

public struct ProjectStep: Hashable, Sendable {
    public var stage: ProjectStage
    public var on: LocalDate
    public var amountGranted: Amount?
    public var reason: String?
}

public enum ProjectApplicationRules {
    /// The largest amount one project may ask: 100亿元, far above any park project, so a slip of the
    /// unit (元 typed as 万元) is caught.
    public static let maxAsked = Amount(fen: 1_000_000_000_000)

    public static func validate(_ d: ProjectApplicationDraft, today: LocalDate)
        -> Result<ProjectApplicationValues, ValidationFailure>
    {
        var v = Validator()
        let name = v.requiredText(d.name, field: "name", label: "项目名称", maxLength: 100)
        var fund: ProjectFund?
        if let text = d.fund?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            fund = ProjectFund.parse(text)
            if fund == nil {
                v.fail(
                    "fund", "无法识别的资金渠道“\(text)”，可选：\(ProjectFund.allCases.map(\.chineseName).joined(separator: "、"))")
            }
        } else {
            v.fail("fund", "请选择资金渠道")
        }
        let asked = amount(d.amountAsked, field: "amountAsked", label: "申报资金", &v)
        let day = v.pastDay(
            d.appliedOn, field: "appliedOn", label: "申报日期", today: today, maxAgeDays: 3_660, oldest: "十年前")
        let note = v.optionalText(d.note, field: "note", label: "备注", maxLength: 500)
        guard v.errors.isEmpty, let name, let fund, let asked else { return .failure(ValidationFailure(v.errors)) }
        return .success(
            ProjectApplicationValues(name: name, fund: fund, amountAsked: asked, appliedOn: day, note: note))
    }

    /// Checks one step of an application now at `current`, whose last step was on `lastOn`: the stage
    /// must follow from the current one, the day may not precede the last step nor pass today, 兑现
    /// needs the amount approved and 未通过 its reason.
    public static func validate(
        _ d: ProjectStepDraft, from current: ProjectStage, lastOn: LocalDate, today: LocalDate
    ) -> Result<ProjectStep, ValidationFailure> {
        var v = Validator()
        var stage: ProjectStage?
        if let text = d.stage?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            stage = ProjectStage.parse(text)
            if stage == nil { v.fail("stage", "无法识别的阶段“\(text)”") }
        } else {
            v.fail("stage", "请选择下一步")
        }
        if let target = stage, !current.nextStages.contains(target) {
            v.fail(
                "stage",
                current.isFinal
                    ? "项目\(current.chineseName)，不能再变更"
                    : "项目\(current.chineseName)，下一步只能是\(current.nextStages.map(\.actionName).joined(separator: "或"))")
        }
        let day = v.pastDay(d.on, field: "on", label: "办理日期", today: today, maxAgeDays: 3_660, oldest: "十年前")
        if day < lastOn { v.fail("on", "办理日期不能早于上一步（\(lastOn.iso)）") }
        var granted: Amount?
        if stage == .disbursed {
            granted = amount(d.amountGranted, field: "amountGranted", label: "兑现资金", &v)
        } else if !(d.amountGranted ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            v.fail("amountGranted", "只有兑现时填写兑现资金")
        }
        var reason: String?
        if stage == .rejected {
            reason = v.requiredText(d.reason, field: "reason", label: "未通过原因", maxLength: 500)
        } else {
            reason = v.optionalText(d.reason, field: "reason", label: "说明", maxLength: 500)
        }
        guard v.errors.isEmpty, let stage else { return .failure(ValidationFailure(v.errors)) }
        return .success(ProjectStep(stage: stage, on: day, amountGranted: granted, reason: reason))
    }

    private static func amount(_ text: String?, field: String, label: String, _ v: inout Validator) -> Amount? {
        let t = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else {
            v.fail(field, "请填写\(label)（万元）")
            return nil
        }
        guard let parsed = Amount(wan: t), parsed.fen > 0 else {
            v.fail(field, "\(label)“\(t)”应为大于0的数，单位万元，最多六位小数（如 2000.5）")
            return nil
        }
        guard parsed <= maxAsked else {
            v.fail(field, "\(label)“\(t)”万元超过100亿元，请确认单位是万元")
            return nil
        }
        return parsed
    }
}

/// Counts and sums of applications by stage, exact to the 分: what a report says of them.
public struct ProjectTotals: Hashable, Sendable {
    public struct StageFigures: Hashable, Sendable {
        public var count = 0
        public var asked = Amount.zero

        public init() {}
    }

    public private(set) var count = 0
    public private(set) var asked = Amount.zero
    public private(set) var granted = Amount.zero
    public private(set) var byStage: [ProjectStage: StageFigures] = [:]

    public init() {}

    public mutating func add(_ stage: ProjectStage, count: Int = 1, asked: Amount, granted: Amount = .zero) {
        self.count += count
        self.asked += asked
        self.granted += granted
        byStage[stage, default: StageFigures()].count += count
        byStage[stage, default: StageFigures()].asked += asked
    }

    public func count(_ stage: ProjectStage) -> Int { byStage[stage]?.count ?? 0 }

    /// Applications that passed review (入库 or beyond).
    public var listedOrBeyond: Int { count(.listed) + count(.disbursed) }

    /// 组织26个项目申报，申报资金需求4.4亿元；已入库3个，已兑现1个、兑现资金2036万元
    public var sentence: String {
        guard count > 0 else { return "" }
        var text = "组织\(count)个项目申报，申报资金需求\(asked.yi)亿元"
        var after: [String] = []
        if listedOrBeyond > 0 { after.append("已入库\(listedOrBeyond)个") }
        if count(.disbursed) > 0 { after.append("已兑现\(count(.disbursed))个、兑现资金\(granted.wan)万元") }
        if count(.rejected) > 0 { after.append("未通过\(count(.rejected))个") }
        if !after.isEmpty { text += "；" + after.joined(separator: "，") }
        return text
    }
}
