import JieyouDomain
import Vapor

/// 工作日历: the holidays and adjusted working days in force, and a form to add a year's schedule when
/// the State Council publishes it (usually in November for the next year).
struct CalendarWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.calendar, use: index)
        routes.post(SiteURL.calendar, use: add)
    }

    struct Form: Content {
        var schedule: String?
    }

    @Sendable func index(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        return try await req.page("工作日历", try await content(req, ctx, schedule: nil, errors: []), flash: req.flash)
    }

    @Sendable func add(req: Request) async throws -> Response {
        let ctx = try await AdminContext.load(req)
        let form = try req.content.decode(Form.self)
        let text = form.schedule ?? ""
        do {
            try await req.calendarService.add(scheduleText: text, by: ctx.actor)
            return req.redirect(to: WebPath.calendar + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            return try await req.page(
                "工作日历", try await content(req, ctx, schedule: text, errors: error.fieldErrors), status: error.status)
        }
    }

    private func content(_ req: Request, _ ctx: AdminContext, schedule: String?, errors: [FieldError]) async throws
        -> HTML
    {
        CalendarView(
            calendar: try await req.calendarService.calendar(), year: LocalDate(req.now, in: .chinaStandard).year,
            schedule: schedule, errors: errors, csrf: FormFields.csrf(ctx.signedIn)
        ).html
    }
}
