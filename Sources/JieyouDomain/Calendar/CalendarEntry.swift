/// One day whose status differs from the plain Monday–Friday rule.
public struct CalendarEntry: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// 法定节假日（含调休放假）: a weekday that is not worked.
        case holiday
        /// 调休上班: a Saturday or Sunday that is worked.
        case workday

        public var chineseName: String {
            switch self {
            case .holiday: "放假"
            case .workday: "调休上班"
            }
        }
    }

    public let date: LocalDate
    public let kind: Kind
    /// The holiday it belongs to, e.g. 国庆节.
    public let name: String

    public init(date: LocalDate, kind: Kind, name: String) {
        self.date = date
        self.kind = kind
        self.name = name
    }
}
