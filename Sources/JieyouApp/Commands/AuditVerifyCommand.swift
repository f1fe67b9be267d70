import SQLKit
import Vapor

/// `jieyou audit verify`: checks the event log's hash chain; exits non-zero naming the first broken event.
struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Verifies the hash chain of the event log." }

    func run(using context: CommandContext, signature: Signature) async throws {
        // Verifying only reads: it does not migrate, and says so when there is no event log to verify.
        try await context.application.openDatabase()
        do {
            _ = try await context.application.db.sql
                .raw("SELECT last_sequence FROM event_chain_head WHERE id = 1").first()
        } catch {
            throw CommandFailure(message: "数据库尚未初始化（找不到事件日志），请先运行 jieyou migrate。")
        }
        let report = try await AuditVerification.run(on: context.application.db)
        if let brk = report.firstBreak {
            throw CommandFailure(message: "事件日志校验失败：\(brk)。此前 \(report.checked) 条事件完好。")
        }
        context.console.print("事件日志完整：共 \(report.checked) 条事件，哈希链校验通过。")
    }
}
