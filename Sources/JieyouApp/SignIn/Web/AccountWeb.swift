import JieyouDomain
import Vapor

/// The signed-in user's own account: change password.
struct AccountWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.password, use: showPassword)
        routes.post(SiteURL.password, use: changePassword)
    }

    struct PasswordForm: Content {
        var currentPassword: String?
        var newPassword: String?
        var confirmPassword: String?
    }

    @Sendable func showPassword(req: Request) async throws -> Response {
        try await req.page("修改密码", self.form(req, errors: []), flash: req.flash)
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let form = try req.content.decode(PasswordForm.self)
        if (form.newPassword ?? "") != (form.confirmPassword ?? "") {
            return try await req.page(
                "修改密码", self.form(req, errors: [FieldError(field: "confirmPassword", message: "两次输入的新密码不一致")]),
                status: .badRequest)
        }
        do {
            try await req.authService.changePassword(
                ofUser: signedIn.userID, current: form.currentPassword ?? "", new: form.newPassword ?? "",
                keepSession: signedIn.sessionID)
        } catch let failure as ValidationFailure {
            return try await req.page("修改密码", self.form(req, errors: failure.errors), status: .badRequest)
        }
        // A one-time password changed: the person is let in, to the home page.
        let next = signedIn.mustChangePassword ? WebPath.home : WebPath.password
        return req.redirect(to: next + "?done=\(FlashMessage.passwordChanged.rawValue)")
    }

    private func form(_ req: Request, errors: [FieldError]) throws -> HTML {
        let signedIn = try req.requireSignedIn()
        return PasswordFormView(errors: errors, csrf: FormFields.csrf(signedIn)).html
    }
}
