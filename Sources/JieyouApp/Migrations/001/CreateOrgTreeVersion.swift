import Fluent
import Foundation
import SQLKit

/// A counter bumped with every change to the org tree, so each app instance can keep the tree in
/// memory and reload it only when it changed. The database id tells databases apart in one process.
struct CreateOrgTreeVersion: AsyncMigration {
    var name: String { "001_CreateOrgTreeVersion" }

    func prepare(on database: any Database) async throws {
        try await database.schema("org_tree_version")
            .field("id", .int, .identifier(auto: false))
            .field("database_id", .string, .required)
            .field("version", .int64, .required)
            .create()
        try await database.sql.insert(into: "org_tree_version")
            .columns("id", "database_id", "version")
            .values(SQLBind(1), SQLBind(UUID().uuidString), SQLBind(Int64(0)))
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("org_tree_version").delete()
    }
}
