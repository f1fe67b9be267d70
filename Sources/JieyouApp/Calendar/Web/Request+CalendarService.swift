import Vapor

extension Request {
    /// The working calendar's use cases for this request's database and clock.
    var calendarService: CalendarService { CalendarService(database: db, now: now) }
}
