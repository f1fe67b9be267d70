import Fluent
import Foundation
import JieyouDomain

/// A person who signs in.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    /// bcrypt digest; never leaves the server.
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "display_name") var displayName: String
    @OptionalField(key: "phone") var phone: String?
    /// Role codes, stored as `,admin,dispatcher,` so that one role can be found with `LIKE '%,admin,%'`.
    @Field(key: "roles") var storedRoles: String
    @Parent(key: "org_unit_id") var orgUnit: OrgUnitModel
    @OptionalParent(key: "department_id") var department: DepartmentModel?
    @OptionalParent(key: "enterprise_id") var enterprise: EnterpriseModel?
    @Field(key: "active") var active: Bool
    /// Consecutive failed sign-ins; reset by a successful one.
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @OptionalField(key: "password_changed_at") var passwordChangedAt: Date?
    /// Set for a one-time password: the account reaches only the password page until it changes it.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, username: String, passwordHash: String, displayName: String, phone: String?,
        roles: Set<Role>, orgUnitID: UUID, departmentID: UUID?, enterpriseID: UUID?
    ) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.displayName = displayName
        self.phone = phone
        self.storedRoles = Self.encode(roles)
        self.$orgUnit.id = orgUnitID
        self.$department.id = departmentID
        self.$enterprise.id = enterpriseID
        self.active = true
        self.failedLogins = 0
        self.mustChangePassword = false
    }

    var roles: Set<Role> {
        get { Set(storedRoles.split(separator: ",").compactMap { Role(rawValue: String($0)) }) }
        set { storedRoles = Self.encode(newValue) }
    }

    static func encode(_ roles: Set<Role>) -> String {
        "," + roles.sorted().map(\.rawValue).joined(separator: ",") + ","
    }

    var actor: Actor {
        Actor(
            userID: id!, roles: roles, orgUnitID: $orgUnit.id, departmentID: $department.id,
            enterpriseID: $enterprise.id)
    }

    func isLocked(at now: Date) -> Bool {
        if let until = lockedUntil { return until > now }
        return false
    }

    /// Audited fields; the password digest is represented only by whether it changed.
    var auditValues: [String: String?] {
        [
            "username": username, "displayName": displayName, "phone": phone,
            "roles": roles.sorted().map(\.rawValue).joined(separator: ","), "orgUnitId": $orgUnit.id.uuidString,
            "departmentId": $department.id?.uuidString, "enterpriseId": $enterprise.id?.uuidString,
            "active": String(active),
        ]
    }
}
