import Foundation
import Vapor

/// Deletes sessions and API tokens that have been revoked or idle for `retention`, once an hour while
/// the server runs. Deleting is idempotent, so every instance of a cluster may run it without a lock.
final class SessionSweeper: LifecycleHandler, @unchecked Sendable {
    static let retention: TimeInterval = 30 * 24 * 3600
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        task = Task {
            while !Task.isCancelled {
                do {
                    let removed = try await SessionStore.purge(before: app.clock.now() - Self.retention, on: app.db)
                    if removed > 0 { app.logger.info("Removed \(removed) expired sessions") }
                } catch {
                    app.logger.warning("Session sweep failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(nanoseconds: 3600 * 1_000_000_000)
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
    }
}
