import Vapor

extension Request {
    /// The home page's reads for this request's database and clock.
    var homeDesk: HomeDesk { HomeDesk(database: db, now: now) }
}
