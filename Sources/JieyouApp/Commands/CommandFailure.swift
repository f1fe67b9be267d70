/// A command that ends with a non-zero exit status and a message for the operator.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }

    /// The operator's view of a service error: each rejected field named by the command-line option
    /// that set it (`--role`, not `roles`). Errors that are not about input are rethrown as they are.
    static func from(_ error: any Error, options: [String: String]) throws -> CommandFailure {
        let classified = ErrorResponseMiddleware.classify(error)
        guard classified.status.code < 500 else { throw error }
        let lines = classified.fieldErrors.map { "\(options[$0.field] ?? $0.field): \($0.message)" }
        return CommandFailure(message: lines.joined(separator: "\n"))
    }
}
