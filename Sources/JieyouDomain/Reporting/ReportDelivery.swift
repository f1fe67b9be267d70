import Foundation

/// 报送: where a unit's issued report goes and whether it went in time. A park's 旬通报 goes to the
/// nearest unit above it that has a task force (its dispatchers, leaders or 上级专班): a county that
/// is only a level of the tree, with nobody in it, is passed over on the way to the city.
public enum ReportDelivery {
    /// How a unit's report on a period stands against its due day.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Issued on or before the due day.
        case onTime
        /// Issued after it.
        case late
        /// Not issued, and the due day has passed.
        case missing

        public var chineseName: String {
            switch self {
            case .onTime: "按期报送"
            case .late: "逾期报送"
            case .missing: "未报送"
            }
        }
    }

    public static func status(dueOn: LocalDate, issuedOn: LocalDate?) -> Status {
        guard let issuedOn else { return .missing }
        return issuedOn <= dueOn ? .onTime : .late
    }

    /// The latest period of `kind` whose due day is before `today`: the one a unit that has not
    /// reported is now late with. (A report due today is not late yet.)
    public static func lastDue(_ kind: ReportPeriod.Kind, before today: LocalDate) -> ReportPeriod {
        var period = ReportPeriod.lastEnded(on: today, kind: kind)
        while period.dueDate >= today { period = period.previous }
        return period
    }

    /// The unit `unit`'s reports go to: the nearest ancestor in `staffed` (the units with a task
    /// force); nil at the top, or when nobody above has one.
    public static func receiver(of unit: UUID, in tree: OrgTree, staffed: Set<UUID>) -> UUID? {
        tree.lineage(of: unit).dropFirst().first { staffed.contains($0.id) }?.id
    }
}
