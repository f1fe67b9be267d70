import Vapor

extension Request {
    /// The group robots of the signed-in admin's unit.
    func channelDesk() throws -> ChannelDesk {
        ChannelDesk(database: db, actor: try requireSignedIn().actor, now: now)
    }
}
