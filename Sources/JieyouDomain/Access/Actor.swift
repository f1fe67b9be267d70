import Foundation

/// Who is acting: the signed-in user as the permission rules see it.
public struct Actor: Sendable, Hashable {
    public let userID: UUID
    public let roles: Set<Role>
    /// The org unit the user belongs to; the user acts within its subtree.
    public let orgUnitID: UUID
    /// For handlers: the department whose assignments they work on.
    public let departmentID: UUID?
    /// For enterprise contacts: their enterprise.
    public let enterpriseID: UUID?

    public init(userID: UUID, roles: Set<Role>, orgUnitID: UUID, departmentID: UUID? = nil, enterpriseID: UUID? = nil) {
        self.userID = userID
        self.roles = roles
        self.orgUnitID = orgUnitID
        self.departmentID = departmentID
        self.enterpriseID = enterpriseID
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }
    public var isStaff: Bool { roles.contains { $0.isStaff } }
}
