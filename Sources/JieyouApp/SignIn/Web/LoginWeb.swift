import Vapor

/// Sign-in and sign-out pages.
struct LoginWeb: RouteCollection {
    /// Before sign-in there is no session to hold a CSRF token, so the login form uses a double-submit
    /// cookie: the form's token must equal this cookie's.
    static let loginCSRFCookie = "jy_login_csrf"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.login, use: show)
        routes.post(SiteURL.login, use: submit)
        routes.grouped(RequireSignInMiddleware(), CSRFMiddleware()).post(SiteURL.logout, use: logout)
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
        var _csrf: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        if req.signedIn != nil { return req.redirect(to: WebPath.home) }
        return try await render(req, username: nil, next: req.query[String.self, at: "next"], error: nil)
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let cookieToken = req.cookies[Self.loginCSRFCookie]?.string ?? ""
        guard !cookieToken.isEmpty, Tokens.constantTimeEquals(form._csrf ?? "", cookieToken) else {
            return try await render(
                req, username: form.username, next: form.next, error: "页面已过期，请重新输入后登录", status: .forbidden)
        }
        let result = try await req.authService.signIn(
            username: form.username ?? "", password: form.password ?? "", kind: .web,
            userAgent: req.headers.first(name: .userAgent), replacing: req.signedIn?.sessionID)
        switch result {
        case .failure(let failure):
            return try await render(
                req, username: form.username, next: form.next, error: failure.message, status: .unauthorized)
        case .success(let signedIn):
            let target = form.next.flatMap { SignInTarget.page($0, routes: req.application.routes) } ?? WebPath.home
            let response = req.redirect(to: target, redirectType: .normal)
            response.cookies[WebSessionMiddleware.cookieName] = WebSessionMiddleware.cookie(
                signedIn.token, secure: req.cameOverHTTPS)
            response.cookies[Self.loginCSRFCookie] = HTTPCookies.Value(
                string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: WebPath.loginPath,
                isHTTPOnly: true, sameSite: .strict)
            return response
        }
    }

    @Sendable func logout(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        try await req.authService.signOut(signedIn.sessionID)
        let response = req.redirect(to: WebPath.loginPath, redirectType: .normal)
        response.cookies[WebSessionMiddleware.cookieName] = WebSessionMiddleware.expiredCookie
        return response
    }

    private func render(
        _ req: Request, username: String?, next: String?, error: String?, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let token = Tokens.make()
        let view = LoginView(
            username: username, next: next.flatMap { SignInTarget.page($0, routes: req.application.routes) },
            error: error,
            token: token
        )
        let response = try await req.page("登录", view.html, status: status)
        response.cookies[Self.loginCSRFCookie] = HTTPCookies.Value(
            string: token, path: WebPath.loginPath, isSecure: req.cameOverHTTPS, isHTTPOnly: true,
            sameSite: .strict)
        return response
    }
}
