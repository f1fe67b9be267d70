import Fluent
import SQLKit

/// An account opened with a one-time password (`AccountImport`) must choose its own at its first
/// sign-in: until then it reaches only the password page (`PasswordChangeGate`).
struct RequirePasswordChange: AsyncMigration {
    var name: String { "019_RequirePasswordChange" }

    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("must_change_password", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("must_change_password").update()
    }
}
