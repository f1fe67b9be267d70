import Vapor

extension EnterpriseAccess {
    /// The signed-in reader's access to the registry (`EnterpriseAccess.of`).
    static func load(_ req: Request) async throws -> EnterpriseAccess {
        try of(try req.requireSignedIn(), tree: try await OrgDirectory.tree(on: req.db))
    }
}

extension Request {
    /// The registry's reads for the signed-in reader.
    func enterpriseDesk() async throws -> EnterpriseDesk {
        EnterpriseDesk(
            database: db, signedIn: try requireSignedIn(), tree: try await OrgDirectory.tree(on: db), now: now)
    }
}
