import Foundation

/// The time limits of the loop, in working days (PRODUCT.md §3): the shipped defaults, changed by
/// each org unit for itself and the units below it, and a sub-category's own limit.
public struct ProblemTimeLimits: Hashable, Sendable, Codable {
    public var acceptDays = 1
    public var signDays = 1
    /// Per category code. A sub-category not listed takes its shipped parent's; a problem without a
    /// category takes `defaultResolveDays`.
    public var resolveDays: [String: Int]
    public var defaultResolveDays = 10
    /// Per kind brought by a requester (投诉, 诉求, 咨询), by its code: such a kind runs on its own limit
    /// whatever its category, as the hotline and the 营商环境 desk set them.
    public var kindResolveDays: [String: Int] = ProblemTimeLimits.shippedKindResolveDays
    public var revisitDays = 3
    /// A department added later (加派) has this long from the day it is added.
    public var addedDepartmentDays = 5

    public init(resolveDays: [String: Int] = ProblemTimeLimits.shippedResolveDays) {
        self.resolveDays = resolveDays
    }

    public static let shippedResolveDays = Dictionary(
        uniqueKeysWithValues: ProblemCategory.shipped.map { ($0.code, $0.resolveDays) })

    /// The shipped limits of the requester kinds. A question is answered within 2 working days and a
    /// request for help within 5, as 12345 hotlines commonly set them (国办发〔2020〕53号 leaves the
    /// numbers to each hotline; these are the usual ones); a complaint about a department or an
    /// official is settled within 10 working days, as Hunan's cities set it for 营商环境 complaints
    /// (e.g. 张家界, 2020: "10个工作日内限时办结"). Each unit sets its own.
    public static let shippedKindResolveDays: [String: Int] = [
        ProblemKind.complaint.rawValue: 10, ProblemKind.request.rawValue: 5, ProblemKind.inquiry.rawValue: 2,
    ]

    /// What an admin may set: at least one working day, at most three months of them.
    public static let allowedDays = 1...60

    /// The working days to resolve a problem of `kind` in `category`: a requester kind's own limit,
    /// else the category's.
    public func resolveDays(for category: String?, kind: ProblemKind = .problem) -> Int {
        if kind.hasRequester, let days = kindResolveDays[kind.rawValue] { return days }
        guard let category else { return defaultResolveDays }
        return resolveDays[category] ?? resolveDays[ProblemCategory.topCode(of: category)] ?? defaultResolveDays
    }

    /// The limits in force in a unit: the shipped defaults, then the overrides of each unit on the
    /// way down from the root (`lineage`, root first), each replacing what it sets; sub-categories
    /// keep their own limit, which is more specific than any unit's limit for their parent.
    public static func inForce(lineage: [Overrides], subCategories: [ProblemCategory]) -> ProblemTimeLimits {
        var limits = ProblemTimeLimits()
        for overrides in lineage {
            if let days = overrides.acceptDays { limits.acceptDays = days }
            if let days = overrides.signDays { limits.signDays = days }
            if let days = overrides.revisitDays { limits.revisitDays = days }
            if let days = overrides.addedDepartmentDays { limits.addedDepartmentDays = days }
            limits.resolveDays.merge(overrides.resolveDays) { $1 }
            limits.kindResolveDays.merge(overrides.kindResolveDays) { $1 }
        }
        for category in subCategories where !category.isShipped {
            limits.resolveDays[category.code] = category.resolveDays
        }
        return limits
    }

    /// What one unit sets for itself; nil (or a missing category) keeps what the unit above has.
    /// Stored in `org_settings` as one named value each.
    public struct Overrides: Hashable, Sendable, Codable {
        public var acceptDays: Int?
        public var signDays: Int?
        public var revisitDays: Int?
        public var addedDepartmentDays: Int?
        /// Shipped category codes only: a sub-category's limit is set on the sub-category.
        public var resolveDays: [String: Int]
        /// The requester kinds' codes only (`complaint`, `request`, `inquiry`).
        public var kindResolveDays: [String: Int]

        public init(
            acceptDays: Int? = nil, signDays: Int? = nil, revisitDays: Int? = nil, addedDepartmentDays: Int? = nil,
            resolveDays: [String: Int] = [:], kindResolveDays: [String: Int] = [:]
        ) {
            self.acceptDays = acceptDays
            self.signDays = signDays
            self.revisitDays = revisitDays
            self.addedDepartmentDays = addedDepartmentDays
            self.resolveDays = resolveDays
            self.kindResolveDays = kindResolveDays
        }

        public var isEmpty: Bool { self == Overrides() }

        /// The prefix of every setting name, so that one query reads them all.
        public static let settingPrefix = "limits."
        static let resolvePrefix = settingPrefix + "resolve."
        static let kindPrefix = settingPrefix + "kind."

        /// The fields an admin sets, with their labels, in the order forms show them.
        public static let fields: [(field: String, label: String)] = [
            ("acceptDays", "受理时限"), ("signDays", "签收时限"), ("revisitDays", "回访时限"),
            ("addedDepartmentDays", "加派单位办理时限"),
        ]

        private static var scalarKeys: [String: WritableKeyPath<Overrides, Int?>] {
            [
                "acceptDays": \.acceptDays, "signDays": \.signDays, "revisitDays": \.revisitDays,
                "addedDepartmentDays": \.addedDepartmentDays,
            ]
        }

        /// Reads stored settings; names it does not know and values out of range are left out, so a
        /// bad row can never produce a zero-day deadline.
        public init(settings: [String: String]) {
            self.init()
            for (name, value) in settings {
                guard name.hasPrefix(Self.settingPrefix), let days = Int(value), ProblemTimeLimits.allowedDays ~= days
                else { continue }
                if name.hasPrefix(Self.resolvePrefix) {
                    let code = String(name.dropFirst(Self.resolvePrefix.count))
                    if ProblemTimeLimits.shippedResolveDays[code] != nil { resolveDays[code] = days }
                } else if name.hasPrefix(Self.kindPrefix) {
                    let code = String(name.dropFirst(Self.kindPrefix.count))
                    if ProblemTimeLimits.shippedKindResolveDays[code] != nil { kindResolveDays[code] = days }
                } else if let key = Self.scalarKeys[String(name.dropFirst(Self.settingPrefix.count))] {
                    self[keyPath: key] = days
                }
            }
        }

        /// The settings to store: one name and value per limit set.
        public var settings: [String: String] {
            var result: [String: String] = [:]
            for (field, key) in Self.scalarKeys {
                if let days = self[keyPath: key] { result[Self.settingPrefix + field] = "\(days)" }
            }
            for (code, days) in resolveDays { result[Self.resolvePrefix + code] = "\(days)" }
            for (code, days) in kindResolveDays { result[Self.kindPrefix + code] = "\(days)" }
            return result
        }

        /// Reads what an admin typed: `fields` by field name (`acceptDays`, `resolveDays.hardship` …),
        /// a blank meaning "as the unit above". Every bad value is named at once.
        public static func parse(_ fields: [String: String]) -> Result<Overrides, ValidationFailure> {
            var overrides = Overrides()
            var errors: [FieldError] = []
            func days(_ field: String, _ label: String) -> Int? {
                let text = (fields[field] ?? "").trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { return nil }
                guard let value = Int(text) else {
                    errors.append(FieldError(field: field, message: outOfRange(label)))
                    return nil
                }
                return value
            }
            for (field, label) in Self.fields { overrides[keyPath: scalarKeys[field]!] = days(field, label) }
            for category in ProblemCategory.shipped {
                let field = "resolveDays." + category.code
                if let value = days(field, Self.label(of: field)) { overrides.resolveDays[category.code] = value }
            }
            for kind in ProblemKind.requesterKinds {
                let field = "kindResolveDays." + kind.rawValue
                if let value = days(field, Self.label(of: field)) { overrides.kindResolveDays[kind.rawValue] = value }
            }
            errors += overrides.problems().filter { problem in !errors.contains { $0.field == problem.field } }
            let order =
                Self.fields.map(\.field) + ProblemCategory.shipped.map { "resolveDays." + $0.code }
                + ProblemKind.requesterKinds.map { "kindResolveDays." + $0.rawValue }
            errors.sort {
                (order.firstIndex(of: $0.field) ?? order.count) < (order.firstIndex(of: $1.field) ?? order.count)
            }
            return errors.isEmpty ? .success(overrides) : .failure(ValidationFailure(errors))
        }

        /// Every limit out of range, and every category that is not one of the shipped ten.
        public func problems() -> [FieldError] {
            var errors: [FieldError] = []
            for (field, _) in Self.fields {
                if let days = self[keyPath: Self.scalarKeys[field]!], !(ProblemTimeLimits.allowedDays ~= days) {
                    errors.append(FieldError(field: field, message: Self.outOfRange(Self.label(of: field))))
                }
            }
            for (code, days) in resolveDays.sorted(by: { $0.key < $1.key }) {
                let field = "resolveDays." + code
                if ProblemTimeLimits.shippedResolveDays[code] == nil {
                    errors.append(FieldError(field: field, message: "“\(code)”不是十类问题类别之一；子类的时限在子类上设置"))
                } else if !(ProblemTimeLimits.allowedDays ~= days) {
                    errors.append(FieldError(field: field, message: Self.outOfRange(Self.label(of: field))))
                }
            }
            for (code, days) in kindResolveDays.sorted(by: { $0.key < $1.key }) {
                let field = "kindResolveDays." + code
                if ProblemTimeLimits.shippedKindResolveDays[code] == nil {
                    errors.append(FieldError(field: field, message: "“\(code)”不是投诉、诉求或咨询"))
                } else if !(ProblemTimeLimits.allowedDays ~= days) {
                    errors.append(FieldError(field: field, message: Self.outOfRange(Self.label(of: field))))
                }
            }
            return errors
        }

        /// The Chinese label of a field: 受理时限, or “困难求助”办理时限.
        public static func label(of field: String) -> String {
            if let label = fields.first(where: { $0.field == field })?.label { return label }
            if field.hasPrefix("kindResolveDays.") {
                let code = String(field.dropFirst("kindResolveDays.".count))
                return "“\(ProblemKind(rawValue: code)?.chineseName ?? code)”办理时限"
            }
            let code = field.hasPrefix("resolveDays.") ? String(field.dropFirst("resolveDays.".count)) : field
            let name = ProblemCategory.shipped.first { $0.code == code }?.name ?? code
            return "“\(name)”办理时限"
        }

        private static func outOfRange(_ label: String) -> String {
            let range = ProblemTimeLimits.allowedDays
            return "\(label)应为\(range.lowerBound)至\(range.upperBound)之间的整数（工作日），留空则沿用上级设置"
        }
    }
}
