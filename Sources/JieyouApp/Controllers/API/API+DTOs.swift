import Foundation
import JieyouDomain
import Vapor

/// The JSON shapes of `/api/v1`. Field names are lowerCamelCase English; enumerations use the code
/// names (`park`, `bureau`, `handler`); no Fluent model is ever encoded directly.
enum API {
    struct LoginRequest: Content {
        let username: String
        let password: String
    }

    struct LoginResponse: Content {
        let token: String
        let user: UserDTO
        /// A one-time password: only `POST /api/v1/auth/password`, `me` and logout until it is changed.
        let mustChangePassword: Bool
    }

    struct PasswordChange: Content {
        let currentPassword: String
        let newPassword: String
    }

    struct OrgUnitDTO: Content {
        let id: UUID
        let parentId: UUID?
        let level: String
        let name: String
        let code: String?
        let path: String

        init(_ unit: OrgUnitModel, tree: OrgTree) {
            id = unit.id!
            parentId = unit.$parent.id
            level = unit.level
            name = unit.name
            code = unit.code
            path = tree.pathName(of: unit.id!)
        }
    }

    struct OrgUnitCreate: Content {
        let parentId: UUID?
        let level: String?
        let name: String?
        let code: String?

        var input: OrgUnitInput { OrgUnitInput(parentID: parentId, level: level, name: name, code: code) }
    }

    struct DepartmentDTO: Content {
        let id: UUID
        let orgUnitId: UUID
        let name: String
        let kind: String
        let phone: String?
        let active: Bool

        init(_ d: DepartmentModel) {
            id = d.id!
            orgUnitId = d.$orgUnit.id
            name = d.name
            kind = d.kind
            phone = d.phone
            active = d.active
        }
    }

    struct DepartmentWrite: Content {
        let orgUnitId: UUID?
        let name: String?
        let kind: String?
        let phone: String?
        let active: Bool?

        var input: DepartmentInput {
            DepartmentInput(orgUnitID: orgUnitId, name: name, kind: kind, phone: phone, active: active)
        }
    }

    struct UserDTO: Content {
        let id: UUID
        let username: String
        let displayName: String
        let phone: String?
        let roles: [String]
        let orgUnitId: UUID
        let departmentId: UUID?
        let enterpriseId: UUID?
        let active: Bool
        /// Still on the one-time password of an account import.
        let mustChangePassword: Bool

        init(_ s: SignedIn) {
            id = s.userID
            username = s.username
            displayName = s.displayName
            phone = s.phone
            roles = s.roles.sorted().map(\.rawValue)
            orgUnitId = s.orgUnitID
            departmentId = s.departmentID
            enterpriseId = s.enterpriseID
            active = true
            mustChangePassword = s.mustChangePassword
        }

        init(_ u: UserModel) {
            id = u.id!
            username = u.username
            displayName = u.displayName
            phone = u.phone
            roles = u.roles.sorted().map(\.rawValue)
            orgUnitId = u.$orgUnit.id
            departmentId = u.$department.id
            enterpriseId = u.$enterprise.id
            active = u.active
            mustChangePassword = u.mustChangePassword
        }
    }

    struct UserCreate: Content {
        let username: String?
        let password: String?
        let displayName: String?
        let phone: String?
        let roles: [String]?
        let orgUnitId: UUID?
        let departmentId: UUID?
        let enterpriseId: UUID?

        var input: UserInput {
            UserInput(
                username: username, password: password, displayName: displayName, phone: phone, roles: roles,
                orgUnitID: orgUnitId, departmentID: departmentId, enterpriseID: enterpriseId)
        }
    }

    struct UserPatch: Content {
        let displayName: String?
        let password: String?
        let phone: String?
        let roles: [String]?
        let orgUnitId: UUID?
        let departmentId: UUID?
        let enterpriseId: UUID?
        let active: Bool?
        let username: String?
    }

    struct MeResponse: Content {
        let user: UserDTO
        let orgUnit: OrgUnitDTO
        let capabilities: [String]
    }

    /// A page of results with the cursor of the next page (absent on the last page).
    struct Page<Item: Content>: Content {
        let items: [Item]
        let nextCursor: String?
    }
}
