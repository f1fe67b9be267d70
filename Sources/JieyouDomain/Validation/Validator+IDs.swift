import Foundation

extension Validator {
    /// An id given as text (a query parameter, a form field): nil when absent; a malformed one is
    /// recorded under `field` as "<label>参数无效", so every bad parameter of a request is named at once.
    public mutating func optionalID(_ text: String?, field: String, label: String) -> UUID? {
        guard let text else { return nil }
        guard let id = UUID(uuidString: text) else {
            fail(field, "\(label)参数无效")
            return nil
        }
        return id
    }
}
