import Foundation
import JieyouDomain
import Vapor

extension Request {
    /// The problem desk for this request's database, clock and calendar: what the API and the web
    /// pages call.
    func problemDesk() async throws -> ProblemDesk {
        ProblemDesk(database: db, now: now, calendar: try await CalendarStore.calendar(on: db))
    }

    /// The import of a 问题清单 by `actor`.
    func problemListImport(by actor: Actor) async throws -> ProblemListImport {
        ProblemListImport(database: db, actor: actor, now: now, calendar: try await CalendarStore.calendar(on: db))
    }

    /// The time limits and sub-categories the units' admins set.
    var problemSettingsService: ProblemSettingsService { ProblemSettingsService(database: db, now: now) }

    /// The problem and the step a `…/problems/:id/actions/:action` route names; an unknown step is
    /// not found.
    func problemAction() throws -> (id: UUID, name: ProblemAction.Name) {
        let id = try idParameter("问题")
        guard let name = parameters.get("action").flatMap(ProblemAction.Name.init(rawValue:)) else {
            throw AppError.notFound("操作")
        }
        return (id, name)
    }
}
