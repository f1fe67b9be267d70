import Vapor

/// Holds an account signed in with a one-time password (`AccountImport`) at the password page until
/// it chooses its own: a page request is sent there with a note, an API request (other than changing
/// the password, `me` and signing out, which `AuthAPI` serves outside this gate) is refused with
/// `passwordChangeRequired`.
struct PasswordChangeGate: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let signedIn = request.signedIn, signedIn.mustChangePassword else {
            return try await next.respond(to: request)
        }
        if request.url.path.hasPrefix("/api/") {
            throw AppError(
                status: .forbidden, code: "passwordChangeRequired",
                message: "请先修改初始密码（POST /api/v1/auth/password）后再使用其他功能")
        }
        if request.url.path == WebPath.password { return try await next.respond(to: request) }
        return request.redirect(to: WebPath.password + "?done=\(FlashMessage.firstPassword.rawValue)")
    }
}
