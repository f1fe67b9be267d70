import Vapor

/// `jieyou demo`: migrates and loads the demo park into an empty database, then prints the accounts.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Loads a realistic demo park into an empty database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        if try await DemoLoader.isDatabaseEmpty(app.db) {
            try await DemoLoader(app: app).load()
            context.console.print(DemoLoader.accountsText)
        } else {
            context.console.print("数据库中已有数据，未加载演示数据。")
        }
    }
}

/// `jieyou serve [--demo]`: Vapor's `serve` after what the server needs first, done when the command
/// runs rather than when the app boots, so `--help` and a mistyped option leave the database alone:
/// migrate, with `--demo` load the demo park into an empty database, and start the housekeeping jobs.
struct PreparedServeCommand: AsyncCommand {
    typealias Signature = ServeCommand.Signature

    let serve: ServeCommand
    let loadDemo: Bool
    let jobs: [HourlyJob]

    var help: String {
        "Migrates the database, starts the daily jobs and serves the app over HTTP (--demo: load the demo park into an empty database first)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        if loadDemo {
            if try await DemoLoader.isDatabaseEmpty(app.db) {
                app.logger.notice("Loading the demo park …")
                try await DemoLoader(app: app).load()
            }
            print(DemoLoader.accountsText)
        }
        for job in jobs {
            // Registered for shutdown, which cancels it.
            app.lifecycle.use(job)
            job.start(app)
        }
        try await serve.run(using: context, signature: signature)
    }
}
