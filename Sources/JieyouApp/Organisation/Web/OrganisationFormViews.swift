import Foundation
import JieyouDomain

/// 新增用户 / 编辑用户: the account, its roles and where it belongs.
struct UserFormView {
    let form: UsersWeb.Form
    let id: UUID?
    let errors: [FieldError]
    let csrf: HTML
    let unitOptions: [(value: String, label: String)]
    let departments: [(value: String, label: String)]

    var html: HTML {
        let f = FormFields(errors: errors)
        let roles = Role.allCases.map { ($0.rawValue, $0.chineseName) }
        return """
            <h1>\(id == nil ? "新增用户" : "编辑用户")</h1>
            <form method="post" action="\(id.map(WebPath.user) ?? WebPath.users)" class="card">
            \(csrf)\(f.summary)
            \(id == nil ? f.text("username", "用户名", value: form.username, required: true, hint: "3到32位字母、数字、“_”“.”或“-”，创建后不能修改", autocomplete: "off") : HTML("<p><b>用户名：</b>\(form.username ?? "")</p>"))
            \(f.text("displayName", "姓名", value: form.displayName, required: true))
            \(f.text("phone", "手机号", value: form.phone, type: "tel"))
            \(f.text("password", id == nil ? "初始密码" : "重置密码", value: nil, type: "password", required: id == nil, hint: id == nil ? "至少8位，须同时包含字母和数字" : "留空则不修改；重置后该用户所有登录将退出", autocomplete: "new-password"))
            \(f.checkboxes("roles", "角色", options: roles, selected: Set(form.roles ?? [])))
            \(f.select("orgUnitId", "所属组织", options: unitOptions, selected: form.orgUnitId, required: true))
            \(f.select("departmentId", "所属部门", options: departments, selected: form.departmentId, blank: "无（责任单位经办人必选）"))
            \(f.text("enterpriseCreditCode", "所属企业（统一社会信用代码）", value: form.enterpriseCreditCode, hint: "仅企业联系人填写"))
            \(f.error(for: "enterpriseId"))
            \(id == nil ? .empty : f.checkbox("active", "启用", checked: form.active == "true"))
            <div class="actions"><button type="submit">保存</button><a class="button secondary" href="\(WebPath.users)">取消</a></div>
            </form>
            """
    }
}

/// 新增部门 / 编辑部门.
struct DepartmentFormView {
    let form: DepartmentsWeb.Form
    let id: UUID?
    let errors: [FieldError]
    let csrf: HTML
    let unitOptions: [(value: String, label: String)]

    var html: HTML {
        let f = FormFields(errors: errors)
        let kinds = DepartmentKind.allCases.map { ($0.rawValue, $0.chineseName) }
        return """
            <h1>\(id == nil ? "新增部门" : "编辑部门")</h1>
            <form method="post" action="\(id.map(WebPath.department) ?? WebPath.departments)" class="card">
            \(csrf)\(f.summary)
            \(f.select("orgUnitId", "所属组织", options: unitOptions, selected: form.orgUnitId, required: true))
            \(f.text("name", "部门名称", value: form.name, required: true, hint: "如：经济发展局、行政审批服务局、服务小组"))
            \(f.select("kind", "类型", options: kinds, selected: form.kind, required: true))
            \(f.text("phone", "联系电话", value: form.phone, type: "tel"))
            \(id == nil ? .empty : f.checkbox("active", "启用（停用后不再接收交办）", checked: form.active == "true"))
            <div class="actions"><button type="submit">保存</button><a class="button secondary" href="\(WebPath.departments)">取消</a></div>
            </form>
            """
    }
}

/// 新增组织 / 编辑组织: a unit under a city or county (parks hold no units).
struct OrgUnitFormView {
    let form: OrgUnitsWeb.Form
    let id: UUID?
    let errors: [FieldError]
    let csrf: HTML
    /// The units the new or edited one may sit under.
    let parents: [(value: String, label: String)]

    var html: HTML {
        let f = FormFields(errors: errors)
        let levels = OrgLevel.allCases.filter { $0 != .province }.map { ($0.rawValue, $0.chineseName) }
        return """
            <h1>\(id == nil ? "新增组织" : "编辑组织")</h1>
            <form method="post" action="\(id.map(WebPath.orgUnit) ?? WebPath.orgUnits)" class="card">
            \(csrf)\(f.summary)
            \(f.select("parentId", "上级组织", options: parents, selected: form.parentId, required: true))
            \(f.select("level", "级别", options: levels, selected: form.level, required: true))
            \(f.text("name", "名称", value: form.name, required: true))
            \(f.text("code", "区划代码", value: form.code, hint: "县级以上填6位行政区划代码（GB/T 2260）；园区可填本地编码"))
            <div class="actions"><button type="submit">保存</button><a class="button secondary" href="\(WebPath.orgUnits)">取消</a></div>
            </form>
            """
    }
}
