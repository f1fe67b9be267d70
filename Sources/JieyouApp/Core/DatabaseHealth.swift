import Fluent
import SQLKit

/// Whether the database answers: `/healthz` asks it the smallest question there is.
enum DatabaseHealth {
    static func check(on database: any Database) async throws {
        _ = try await database.sql.raw("SELECT 1 AS ok").first()
    }
}
