import Foundation
import JieyouDomain
import Testing

@testable import JieyouApp

/// The sign-in and password pages rendered from fixed values, compared with the HTML kept in `Golden/`
/// (see `Golden.check`).
@Suite struct SignInPagesGoldenTests {
    @Test func aRefusedSignInKeepsTheUsernameAndWhereItWasGoing() throws {
        let view = LoginView(username: "gx_<admin>", next: "/problems?view=toAccept", error: "用户名或密码错误", token: "t0ken")
        try Golden.check(view.html.description, "login.html")
    }

    @Test func thePasswordFormShowsNothingTyped() throws {
        let view = PasswordFormView(
            errors: [FieldError(field: "confirmPassword", message: "两次输入的新密码不一致")],
            csrf: HTML(raw: "<input type=\"hidden\" name=\"_csrf\" value=\"csrf-token\">"))
        try Golden.check(view.html.description, "password.html")
    }
}
