import Foundation

/// 登录: the sign-in form, with the reason a try was refused.
struct LoginView {
    let username: String?
    /// Where to go after signing in: a path on this site, already checked.
    let next: String?
    let error: String?
    /// The double-submit token, also set as the login cookie.
    let token: String

    var html: HTML {
        return """
            <section class="login card">
            <h1>登录解优</h1>
            \(error.map { HTML("<div class=\"error-summary\" role=\"alert\" data-testid=\"login-error\">\($0)</div>") })
            <form method="post" action="\(WebPath.loginPath)">
            <input type="hidden" name="_csrf" value="\(token)">
            <input type="hidden" name="next" value="\(next ?? "")">
            <div class="field"><label for="username">用户名</label>
            <input id="username" name="username" type="text" value="\(username ?? "")" autocomplete="username" autocapitalize="none" required></div>
            <div class="field"><label for="password">密码</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required></div>
            <div class="actions"><button type="submit">登录</button></div>
            </form>
            <p class="hint">连续输错5次密码，账号将锁定15分钟。忘记密码请联系本单位系统管理员重置。</p>
            </section>
            """
    }
}
