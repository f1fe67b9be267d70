import Vapor

extension Request {
    /// The policy desk for the signed-in actor.
    func policyDesk() async throws -> PolicyDesk {
        PolicyDesk(
            database: db, actor: try requireSignedIn().actor, tree: try await OrgDirectory.tree(on: db), now: now)
    }
}
