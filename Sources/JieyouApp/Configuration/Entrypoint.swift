import Foundation
import Logging
import Vapor

/// The program: parses the command line and the environment, builds the app, runs the command.
public enum Entrypoint {
    /// What the command line asks of `serve` beyond Vapor's own options.
    struct LaunchOptions {
        var isServe: Bool
        var loadDemo: Bool

        /// Removes `--demo` (which Vapor's `serve` does not know) from `arguments`.
        static func extract(from arguments: inout [String]) -> LaunchOptions {
            let command = arguments.dropFirst().first
            let isServe = command == nil || command == "serve" || command!.hasPrefix("-")
            let loadDemo = isServe && arguments.contains("--demo")
            if loadDemo { arguments.removeAll { $0 == "--demo" } }
            return LaunchOptions(isServe: isServe, loadDemo: loadDemo)
        }
    }

    public static func main() async {
        var arguments = CommandLine.arguments
        let launch = LaunchOptions.extract(from: &arguments)
        let config: AppConfiguration
        do {
            config = try AppConfiguration.fromEnvironment()
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
        do {
            var env = try Environment.detect(arguments: arguments)
            try LoggingSystem.bootstrap(from: &env)
            try await run(env, config: config, loadDemo: launch.loadDemo)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("\(failure.message)\n".utf8))
            exit(1)
        } catch {
            FileHandle.standardError.write(Data("error: \(String(reflecting: error))\n".utf8))
            exit(1)
        }
    }

    /// Builds the app for `env`'s command line and runs its command. Nothing before the command runs
    /// touches the database (see `Application.openDatabase()`): help and argument errors leave no file.
    static func run(_ env: Environment, config: AppConfiguration, loadDemo: Bool) async throws {
        let app = try await Application.make(env)
        do {
            try await configure(app, config)
            app.asyncCommands.use(
                PreparedServeCommand(
                    serve: await app.servers.asyncCommand, loadDemo: loadDemo, jobs: HourlyJob.serverJobs),
                as: "serve", isDefault: true)
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
