import Foundation

/// Which combinations of roles and links make a valid account.
public enum UserRules {
    /// The field errors of an account with these roles at an org unit of `level`.
    /// - `handler` needs a department (the one whose assignments it works on);
    /// - `enterprise` needs an enterprise and cannot be combined with government roles;
    /// - `upper` belongs to a county, city or province task force, never to a park.
    public static func problems(
        roles: Set<Role>, level: OrgLevel, hasDepartment: Bool, hasEnterprise: Bool
    ) -> [FieldError] {
        var errors: [FieldError] = []
        if roles.isEmpty {
            errors.append(FieldError(field: "roles", message: "角色至少选择一个"))
        }
        if roles.contains(.handler) && !hasDepartment {
            errors.append(FieldError(field: "departmentId", message: "责任单位经办人必须指定所属部门"))
        }
        if roles.contains(.enterprise) {
            if !hasEnterprise {
                errors.append(FieldError(field: "enterpriseId", message: "企业联系人必须指定所属企业"))
            }
            if roles.count > 1 {
                errors.append(FieldError(field: "roles", message: "企业联系人不能兼任其他角色"))
            }
        } else if hasEnterprise {
            errors.append(FieldError(field: "enterpriseId", message: "只有企业联系人可以关联企业"))
        }
        if roles.contains(.upper) && level == .park {
            errors.append(FieldError(field: "roles", message: "上级专班账号应设在县、市或省级组织，不能设在园区"))
        }
        return errors
    }
}
