import Vapor

extension Request {
    /// The problem desk for this request's database, clock and calendar: what the API and the web
    /// pages call.
    func problemDesk() async throws -> ProblemDesk {
        ProblemDesk(database: db, now: now, calendar: try await CalendarStore.calendar(on: db))
    }
}
