import Vapor

extension Request {
    /// The plan desk for this request's database and clock: what the API, the pages and the downloads
    /// call.
    func planDesk() -> PlanDesk { PlanDesk(database: db, now: now) }
}
