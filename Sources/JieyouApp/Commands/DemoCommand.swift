import Vapor

/// `jieyou demo`: migrates and loads the demo park into an empty database, then prints the accounts.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Loads a realistic demo park into an empty database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        if try await DemoLoader.isDatabaseEmpty(app.db) {
            try await DemoLoader(app: app).load()
            context.console.print(DemoLoader.accountsText)
        } else {
            context.console.print("数据库中已有数据，未加载演示数据。")
        }
    }
}

/// What `serve` does before it listens: migrate, and with `--demo` load the demo into an empty database.
struct ServePreparation: LifecycleHandler {
    let loadDemo: Bool

    func didBootAsync(_ app: Application) async throws {
        try await app.autoMigrate()
        if loadDemo {
            if try await DemoLoader.isDatabaseEmpty(app.db) {
                app.logger.notice("Loading the demo park …")
                try await DemoLoader(app: app).load()
            }
            print(DemoLoader.accountsText)
        }
    }
}
