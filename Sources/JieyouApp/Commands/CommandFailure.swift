/// A command that ends with a non-zero exit status and a message for the operator.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
