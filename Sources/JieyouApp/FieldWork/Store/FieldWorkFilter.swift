import Foundation
import JieyouDomain
import SQLKit

/// What a list of visits or meetings is narrowed to: the reader's reach (its units, or one
/// enterprise: an enterprise's page lists that enterprise's visits and meetings whoever made them),
/// an enterprise, a kind of meeting, and the days (both included). Read from a query by `FieldWorkFilter.init(query:reach:)`;
/// the queries turn it into their own conditions.
struct FieldWorkFilter: Sendable {
    var reach: EnterpriseReach
    var enterprise: UUID?
    var meetingKind: MeetingKind?
    var from: LocalDate?
    var to: LocalDate?

    init(reach: EnterpriseReach, enterprise: UUID? = nil) {
        self.reach = reach
        self.enterprise = enterprise
    }

    /// `enterprise`, `kind` (a meeting's) and `from`/`to` as typed; each bad one is named.
    init(query text: (String) -> String?, reach: EnterpriseReach) throws {
        self.init(reach: reach)
        var v = Validator()
        if let id = text("enterprise") {
            enterprise = UUID(uuidString: id)
            if enterprise == nil { v.fail("enterprise", "企业参数无效") }
        }
        if let kind = text("kind") {
            meetingKind = MeetingKind(rawValue: kind)
            if meetingKind == nil { v.fail("kind", "活动类型“\(kind)”无效") }
        }
        from = v.optionalDay(text("from"), field: "from", label: "起始日期")
        to = v.optionalDay(text("to"), field: "to", label: "截止日期")
        try v.throwIfFailed()
    }

    /// The filter as conditions on a table `alias` whose unit, enterprise and day columns are named.
    func conditions(alias: String, day: String, enterpriseLink: (UUID) -> SQLQueryString) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        switch reach {
        case .enterprise(let id): conditions.append(enterpriseLink(id))
        case .units(let units): conditions.append("\(SQLColumn("org_unit_id", table: alias)) IN (\(binds: units))")
        }
        if let enterprise { conditions.append(enterpriseLink(enterprise)) }
        if let meetingKind { conditions.append("\(SQLColumn("kind", table: alias)) = \(bind: meetingKind.rawValue)") }
        if let from { conditions.append("\(SQLColumn(day, table: alias)) >= \(bind: from.iso)") }
        if let to { conditions.append("\(SQLColumn(day, table: alias)) <= \(bind: to.iso)") }
        return conditions
    }
}
