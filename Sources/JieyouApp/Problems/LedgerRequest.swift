import Foundation
import JieyouDomain

/// A ledger page as asked for in the query, read the same way by `GET /api/v1/problems`, the 问题台账
/// page and the sheets of its query.
struct LedgerRequest: Sendable {
    var filter = LedgerFilter()
    var view: LedgerView?
    var order = LedgerOrder()
    var limit = 50
    var offset = 0
}

extension LedgerRequest {
    /// Reads `state` (or `status`; comma-separated), `kind`, `category`, `department` (lead or
    /// co-department), `enterprise`, `campaign`, `orgUnit`, `flag`, `overdue=true`, `q` (number,
    /// description or enterprise name), `from`, `to` (the days problems came in), `view`, `sort`
    /// (`deadline`, `number`, `submitted`; `-` before it for descending), `limit` (1…`maxLimit`) and
    /// `offset` or the opaque `cursor` of a previous page. Every bad parameter is named in one 400; a
    /// unit outside the reader's reach is not found.
    /// `text` gives a parameter as typed, trimmed, nil when absent or blank.
    init(query text: (String) -> String?, for actor: Actor, tree: OrgTree, maxLimit: Int = 200) throws {
        var v = Validator()
        var ledger = LedgerRequest()
        func id(_ key: String, _ label: String) -> UUID? { v.optionalID(text(key), field: key, label: label) }
        let stateKey = text("state") == nil && text("status") != nil ? "status" : "state"
        for code in (text(stateKey) ?? "").split(separator: ",") {
            if let state = ProblemState(rawValue: String(code).trimmingCharacters(in: .whitespaces)) {
                ledger.filter.states.append(state)
            } else {
                v.fail(stateKey, "状态“\(code)”无效")
            }
        }
        if let kind = text("kind") {
            ledger.filter.kind = ProblemKind(rawValue: kind)
            if ledger.filter.kind == nil {
                v.fail("kind", "类型“\(kind)”无效，应为 \(ProblemKind.allCases.map(\.rawValue).joined(separator: "、"))")
            }
        }
        ledger.filter.category = text("category")
        ledger.filter.departmentID = id("department", "部门")
        ledger.filter.enterpriseID = id("enterprise", "企业")
        ledger.filter.campaignID = id("campaign", "专项行动")
        ledger.filter.orgUnitID = id("orgUnit", "组织")
        if let flag = text("flag") {
            ledger.filter.flag = ProblemFlag(rawValue: flag)
            if ledger.filter.flag == nil { v.fail("flag", "标记“\(flag)”无效") }
        }
        if let overdue = text("overdue") {
            switch overdue {
            case "true", "1", "on": ledger.filter.overdue = true
            case "false", "0": break
            default: v.fail("overdue", "超期参数应为 true 或 false")
            }
        }
        if let q = text("q") {
            if q.count > 50 { v.fail("q", "关键词不能超过50字") } else { ledger.filter.text = q }
        }
        ledger.filter.from = v.optionalDay(text("from"), field: "from", label: "起始日期")
        ledger.filter.to = v.optionalDay(text("to"), field: "to", label: "截止日期")
        if let from = ledger.filter.from, let to = ledger.filter.to, from > to {
            v.fail("to", "截止日期不能早于起始日期")
        }
        if let name = text("view") {
            ledger.view = LedgerView(rawValue: name)
            if ledger.view == nil { v.fail("view", "视图“\(name)”无效") }
        }
        if let sort = text("sort") {
            if let order = LedgerOrder(sort) { ledger.order = order } else { v.fail("sort", "排序“\(sort)”无效") }
        }
        if let text = text("limit") {
            if let limit = Int(text), (1...maxLimit).contains(limit) {
                ledger.limit = limit
            } else {
                v.fail("limit", "每页条数应为1到\(maxLimit)的整数")
            }
        }
        if let cursor = text("cursor") {
            if let offset = LedgerCursor.offset(cursor) { ledger.offset = offset } else { v.fail("cursor", "翻页标记无效") }
        } else if let text = text("offset") {
            if let offset = Int(text), offset >= 0 { ledger.offset = offset } else { v.fail("offset", "偏移量应为非负整数") }
        }
        try v.throwIfFailed()
        if let unit = ledger.filter.orgUnitID, !tree.isWithin(unit, subtreeOf: actor.orgUnitID) {
            throw AppError.notFound("组织")
        }
        self = ledger
    }
}

/// The opaque mark of the next page. It carries a position today; clients pass it back unread, so
/// it may carry a key instead without their noticing.
enum LedgerCursor {
    static func make(offset: Int) -> String {
        Data("o:\(offset)".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    static func offset(_ cursor: String) -> Int? {
        var text = cursor
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), let plain = String(data: data, encoding: .utf8),
            plain.hasPrefix("o:"), let offset = Int(plain.dropFirst(2)), offset >= 0
        else { return nil }
        return offset
    }
}
