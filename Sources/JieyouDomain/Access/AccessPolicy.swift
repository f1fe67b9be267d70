import Foundation

/// The permission rules: who may do what, where. Pure and total, so it is tested exhaustively.
public enum AccessPolicy {
    /// The roles that hold each capability. An upper-level task force (`upper`) and leaders read; only
    /// admins change the organisation.
    public static func roles(for capability: Capability) -> Set<Role> {
        switch capability {
        case .manageOrganisation: [.admin]
        case .readDirectory: Set(Role.allCases.filter(\.isStaff))
        case .readUsers: [.admin]
        case .readAuditLog: [.admin]
        case .readEnterprises: [.admin, .dispatcher, .cadre, .leader, .upper]
        case .manageEnterprises: [.admin, .dispatcher]
        case .seeContactPhones: [.admin, .dispatcher, .cadre]
        case .recordFieldWork: [.admin, .dispatcher, .cadre]
        case .manageCampaigns: [.admin]
        case .readPolicies: [.admin, .dispatcher, .handler, .cadre, .leader, .upper]
        case .managePolicies: [.admin, .dispatcher]
        case .readPlans: Set(Role.allCases.filter(\.isStaff))
        case .managePlans: [.admin, .dispatcher]
        case .reportPlanProgress: [.admin, .dispatcher, .handler]
        case .readStatistics: [.dispatcher, .admin, .leader, .cadre, .upper, .handler]
        case .importProblemLists: [.admin, .dispatcher]
        }
    }

    public static func has(_ actor: Actor, _ capability: Capability) -> Bool {
        !actor.roles.isDisjoint(with: roles(for: capability))
    }

    /// May `actor` exercise `capability` on something that belongs to `orgUnit`? Only inside the
    /// actor's own subtree: a park admin never reaches another park, a county reaches its parks.
    public static func may(_ actor: Actor, _ capability: Capability, at orgUnit: UUID, in tree: OrgTree) -> Bool {
        has(actor, capability) && tree.isWithin(orgUnit, subtreeOf: actor.orgUnitID)
    }

    /// May `actor` change the org unit itself (rename, move, recode)? Inside the subtree, but never the
    /// actor's own unit or a unit above it, so an admin cannot lift its own scope.
    public static func mayEditOrgUnit(_ actor: Actor, _ orgUnit: UUID, in tree: OrgTree) -> Bool {
        may(actor, .manageOrganisation, at: orgUnit, in: tree) && orgUnit != actor.orgUnitID
    }

    /// Roles an admin may grant in `orgUnit`: never `upper` at a park (a park has nothing below it to
    /// receive reports from). The rest of the combination rules are in `UserRules`.
    public static func grantableRoles(by actor: Actor, at level: OrgLevel) -> [Role] {
        guard actor.has(.admin) else { return [] }
        return Role.allCases.filter { $0 != .upper || level != .park }
    }
}
