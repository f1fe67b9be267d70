import Foundation
import JieyouDomain
import Vapor

extension Request {
    /// A query parameter as typed, trimmed; nil when it is absent or blank (an empty filter field).
    func queryText(_ key: String) -> String? {
        guard let value = query[String.self, at: key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty
        else { return nil }
        return value
    }

    /// A query parameter that must be an id; a malformed one is recorded in `v` under its key, so that
    /// every bad parameter of a request is named at once.
    func queryID(_ key: String, _ label: String, _ v: inout JieyouDomain.Validator) -> UUID? {
        v.optionalID(queryText(key), field: key, label: label)
    }

    /// `limit`: how many rows a list answers, 1…`maximum` (`fallback` when absent or blank); anything
    /// else is refused naming it, rather than quietly clamped to a number the caller did not ask for.
    func pageLimit(default fallback: Int = 50, maximum: Int) throws -> Int {
        guard let text = queryText("limit") else { return fallback }
        guard let limit = Int(text), (1...maximum).contains(limit) else {
            throw AppError.invalid("limit", "每页条数应为1到\(maximum)的整数")
        }
        return limit
    }

    /// A yes-or-no query parameter (`true`, `1` or `on` / `false`, `0` or `off`; nil when absent or
    /// blank); anything else is refused naming it rather than read as no.
    func queryFlag(_ key: String) throws -> Bool? {
        try QueryFlag.parse(queryText(key), field: key)
    }
}

/// The words a yes-or-no parameter may be written with: a form's checkbox sends `on` or its value.
enum QueryFlag {
    static func parse(_ text: String?, field: String) throws -> Bool? {
        guard let text else { return nil }
        switch text.lowercased() {
        case "true", "1", "on": return true
        case "false", "0", "off": return false
        default: throw AppError.invalid(field, "“\(field)”应为 true 或 false")
        }
    }
}
