import JieyouDomain
import Vapor

extension Request {
    /// The org tree (cached; see `OrgDirectory`): the context every scope check of a request needs.
    func orgTree() async throws -> OrgTree {
        try await OrgDirectory.tree(on: db)
    }
}
