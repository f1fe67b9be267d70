import Vapor

extension Request {
    /// The field-work desk for the signed-in reader.
    func fieldWorkDesk() async throws -> FieldWorkDesk {
        FieldWorkDesk(
            database: db, signedIn: try requireSignedIn(), tree: try await OrgDirectory.tree(on: db), now: now)
    }
}
