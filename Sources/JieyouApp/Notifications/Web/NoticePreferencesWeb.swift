import Foundation
import JieyouDomain
import Vapor

extension Request {
    /// The signed-in reader's mail desk.
    func mailDesk() async throws -> MailDesk {
        MailDesk(database: db, signedIn: try requireSignedIn(), tree: try await OrgDirectory.tree(on: db), now: now)
    }
}

/// 我的通知设置 over `MailDesk`: everyone chooses what is mailed to them; a refused form comes back
/// with what was typed and the reason beside the field.
struct NoticePreferencesWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.noticePreferences, use: show)
        routes.post(SiteURL.noticePreferences, use: save)
    }

    struct Form: Content {
        var email: String?
        var mode: String?
        var topics: [String]?
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (preferences, serverUnit) = try await req.mailDesk().preferences()
        return try await render(req, preferences, serverUnit: serverUnit, errors: [], status: .ok)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let desk = try await req.mailDesk()
        do {
            try await desk.savePreferences(email: form.email, mode: form.mode, mailed: form.topics ?? [])
            return req.redirect(to: SiteURL.noticePreferences.path + "?done=saved")
        } catch {
            let error = try AppError.forForm(error)
            let typed = NoticePreferences(
                email: form.email, mode: NoticeEmailMode(rawValue: form.mode ?? "") ?? .digest,
                muted: Set(NoticeTopic.allCases).subtracting(
                    (form.topics ?? []).compactMap(NoticeTopic.init(rawValue:))))
            return try await render(
                req, typed, serverUnit: try await desk.preferences().serverUnit, errors: error.fieldErrors,
                status: error.status)
        }
    }

    private func render(
        _ req: Request, _ preferences: NoticePreferences, serverUnit: String?, errors: [FieldError],
        status: HTTPResponseStatus
    ) async throws -> Response {
        let view = NoticePreferencesView(
            preferences: preferences, serverUnit: serverUnit, errors: errors,
            csrf: FormFields.csrf(try req.requireSignedIn()))
        return try await req.page("我的通知设置", view.html, flash: req.flash, status: status)
    }
}
