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
        return req.redirect(to: WebPath.password + "?done=\(FlashMessage.passwordChanged.rawValue)")
    }

    private func form(_ req: Request, errors: [FieldError]) throws -> HTML {
        let signedIn = try req.requireSignedIn()
        let f = FormFields(errors: errors)
        return """
            <h1>修改密码</h1>
            <form method="post" action="\(WebPath.password)" class="card">
            \(FormFields.csrf(signedIn))\(f.summary)
            \(f.text("currentPassword", "当前密码", value: nil, type: "password", required: true, autocomplete: "current-password"))
            \(f.text("newPassword", "新密码", value: nil, type: "password", required: true, hint: "至少8位，须同时包含字母和数字", autocomplete: "new-password"))
            \(f.text("confirmPassword", "再次输入新密码", value: nil, type: "password", required: true, autocomplete: "new-password"))
            <div class="actions"><button type="submit">修改密码</button></div>
            </form>
            """
    }
}
