import Vapor

extension Request {
    /// The campaign desk for the signed-in actor.
    func campaignDesk() async throws -> CampaignDesk {
        CampaignDesk(
            database: db, actor: try requireSignedIn().actor, tree: try await OrgDirectory.tree(on: db), now: now)
    }
}
