import Foundation
import JieyouDomain

/// 修改密码: the current password and the new one twice; nothing typed is shown back.
struct PasswordFormView {
    let errors: [FieldError]
    let csrf: HTML

    var html: HTML {
        let f = FormFields(errors: errors)
        return """
            <h1>修改密码</h1>
            <form method="post" action="\(WebPath.password)" class="card">
            \(csrf)\(f.summary)
            \(f.text("currentPassword", "当前密码", value: nil, type: "password", required: true, autocomplete: "current-password"))
            \(f.text("newPassword", "新密码", value: nil, type: "password", required: true, hint: "至少8位，须同时包含字母和数字", autocomplete: "new-password"))
            \(f.text("confirmPassword", "再次输入新密码", value: nil, type: "password", required: true, autocomplete: "new-password"))
            <div class="actions"><button type="submit">修改密码</button></div>
            </form>
            """
    }
}
