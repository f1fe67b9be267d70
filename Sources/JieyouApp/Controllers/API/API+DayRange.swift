import JieyouDomain
import SQLKit
import Vapor

extension Request {
    /// The `from` and `to` query parameters (both optional, both included) as conditions on a text
    /// day column; a malformed date is a 400 naming the parameter.
    func dayRangeConditions(on column: String, of table: String) throws -> [SQLQueryString] {
        var v = Validator()
        let from = v.optionalDay(query[String.self, at: "from"], field: "from", label: "起始日期")
        let to = v.optionalDay(query[String.self, at: "to"], field: "to", label: "截止日期")
        try v.throwIfFailed()
        var conditions: [SQLQueryString] = []
        let day = SQLColumn(column, table: table)
        if let from { conditions.append("\(day) >= \(bind: from.iso)") }
        if let to { conditions.append("\(day) <= \(bind: to.iso)") }
        return conditions
    }
}
