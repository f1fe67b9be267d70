import Foundation
import JieyouDomain
import Vapor

/// The filters a 双公示 list, its export and the API read from the query string, every bad one named:
/// `kind`, `department`, `orgUnit`, `q` (name, code or document number), `from`/`to` (decision
/// days), `unpublished`, `offset`.
struct CreditQuery {
    var filter: CreditStore.Filter
    var offset: Int
    /// The period the counts per department cover: the filter's days, or this year so far.
    var period: ClosedRange<LocalDate>

    /// `kind`, when given: licence or penalty, else named in `v`.
    static func kind(_ req: Request, _ v: inout JieyouDomain.Validator) -> CreditDecisionKind? {
        let text = req.queryText("kind")
        let kind = text.flatMap(CreditDecisionKind.init(rawValue:))
        if text != nil, kind == nil { v.fail("kind", "类别应为 licence（行政许可）或 penalty（行政处罚）") }
        return kind
    }

    init(_ req: Request) throws {
        var v = Validator()
        let kind = Self.kind(req, &v)
        let department = req.queryID("department", "部门", &v)
        let unit = req.queryID("orgUnit", "组织", &v)
        let from = v.optionalDay(req.queryText("from"), field: "from", label: "决定日期起")
        let to = v.optionalDay(req.queryText("to"), field: "to", label: "决定日期止")
        if let from, let to, to < from { v.fail("to", "决定日期止不能早于起") }
        let offsetText = req.queryText("offset")
        let offset = offsetText.flatMap(Int.init) ?? 0
        if offsetText != nil && (Int(offsetText!) == nil || offset < 0) { v.fail("offset", "offset 应为非负整数") }
        let unpublished: Bool?
        do { unpublished = try req.queryFlag("unpublished") } catch {
            v.fail("unpublished", "“unpublished”应为 true 或 false")
            unpublished = nil
        }
        let text = req.queryText("q")
        if let text, text.count > 100 { v.fail("q", "查询内容不能超过100个字") }
        try v.throwIfFailed()
        let today = LocalDate(req.now, in: .chinaStandard)
        filter = CreditStore.Filter(
            units: unit.map { [$0] } ?? [], department: department, kind: kind, unpublishedOnly: unpublished ?? false,
            text: text, decidedFrom: from, decidedThrough: to)
        self.offset = offset
        let start = from ?? LocalDate(year: today.year, month: 1, day: 1)!
        period = start...max(start, to ?? today)
    }
}
