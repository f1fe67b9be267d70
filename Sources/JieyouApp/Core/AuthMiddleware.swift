import Vapor

/// Web pages: the session cookie. API: the bearer token. Each side accepts only its own credential, so
/// a browser's cookie can never drive the API (no CSRF there) and a token never opens a page.
struct WebSessionMiddleware: AsyncMiddleware {
    static let cookieName = "jy_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[Self.cookieName]?.string {
            let idle = TimeInterval(request.appConfiguration.webSessionIdleMinutes * 60)
            request.signedIn = try await SessionStore.find(
                token: token, kind: .web, idleLimit: idle, now: request.now, on: request.db)
        }
        return try await next.respond(to: request)
    }

    static func cookie(_ token: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    static var expiredCookie: HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isHTTPOnly: true, sameSite: .lax)
    }
}

struct BearerTokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            let idle = TimeInterval(request.appConfiguration.apiTokenIdleMinutes * 60)
            guard
                let signedIn = try await SessionStore.find(
                    token: bearer.token, kind: .api, idleLimit: idle, now: request.now, on: request.db)
            else {
                throw AppError(status: .unauthorized, code: "invalidToken", message: "登录凭证无效或已过期，请重新登录")
            }
            request.signedIn = signedIn
        }
        return try await next.respond(to: request)
    }
}

/// Refuses requests without a signed-in user.
struct RequireSignInMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        _ = try request.requireSignedIn()
        return try await next.respond(to: request)
    }
}

/// Every unsafe web request must echo the session's CSRF token in the `_csrf` form field.
struct CSRFMiddleware: AsyncMiddleware {
    static let fieldName = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method != .GET && request.method != .HEAD {
            let signedIn = try request.requireSignedIn()
            // The token is in the body, which a large upload still streams at this point: collect it
            // here (uploads up to their route's limit, forms up to 1 MB) so the field can be read.
            if request.body.data == nil {
                let isUpload = request.headers.contentType?.type == "multipart"
                let limit = isUpload ? UploadedFile.maxSize.value : 1 << 20
                _ = try await request.body.collect(max: limit).get()
            }
            // Text the guard refuses (`TextInputGuard`) is a 400 naming the field, not a stale page.
            let sent: String
            do {
                sent = try request.content.get(String.self, at: Self.fieldName)
            } catch let refused as AppError {
                throw refused
            } catch {
                sent = ""
            }
            guard Tokens.constantTimeEquals(sent, signedIn.csrfToken) else {
                throw AppError(status: .forbidden, code: "csrf", message: "页面已过期或来源不明，请刷新页面后重试")
            }
        }
        return try await next.respond(to: request)
    }
}
