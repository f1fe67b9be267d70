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
}
