import Vapor

/// `jieyou audit verify`: checks the event log's hash chain; exits non-zero naming the first broken event.
struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Verifies the hash chain of the event log." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let report = try await AuditVerification.run(on: context.application.db)
        if let brk = report.firstBreak {
            throw CommandFailure(message: "事件日志校验失败：\(brk)。此前 \(report.checked) 条事件完好。")
        }
        context.console.print("事件日志完整：共 \(report.checked) 条事件，哈希链校验通过。")
    }
}
