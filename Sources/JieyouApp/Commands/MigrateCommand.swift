import Fluent
import Vapor

/// `jieyou migrate`: brings the database schema up to date (no prompt; safe to run repeatedly).
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Runs the pending database migrations." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.prepareDatabase()
        context.console.print("数据库已是最新结构。")
    }
}
