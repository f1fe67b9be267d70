import Fluent
import Foundation
import JieyouDomain

/// What the 兑现台账 and 项目申报 lists ask alike: a period (`from`, `to`), one enterprise, and the
/// unit below which to look (`orgUnit`), each checked with its field named; and the enterprises the
/// actor reaches there.
struct PolicyListQuery {
    var from: LocalDate?
    var to: LocalDate?
    var enterprise: UUID?
    var orgUnit: UUID?

    init(_ text: (String) -> String?, _ v: inout Validator) {
        from = v.optionalDay(text("from"), field: "from", label: "起始日期")
        to = v.optionalDay(text("to"), field: "to", label: "截止日期")
        enterprise = v.optionalID(text("enterprise"), field: "enterprise", label: "企业")
        orgUnit = v.optionalID(text("orgUnit"), field: "orgUnit", label: "组织")
    }

    /// The actor's own enterprise, or its subtree's below `orgUnit`.
    func reach(of actor: Actor, on database: any Database) async throws -> EnterpriseReach {
        try await EnterpriseReach.policyLists(of: actor, under: orgUnit, on: database)
    }
}
