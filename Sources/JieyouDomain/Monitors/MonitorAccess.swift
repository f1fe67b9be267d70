import Foundation

/// Who keeps and who reads a unit's roster of monitors: its admins (and those above) keep it; the
/// service group, the leaders and the upper task forces of the subtree read it. A monitor's reports
/// stay the ledger's (`ProblemAccess`), their reporter hidden from the departments.
public enum MonitorAccess {
    public static let readers: Set<Role> = [.admin, .dispatcher, .leader, .upper]

    public static func mayManage(_ actor: Actor, at unit: UUID, in tree: OrgTree) -> Bool {
        AccessPolicy.may(actor, .manageOrganisation, at: unit, in: tree)
    }

    public static func mayRead(_ actor: Actor, at unit: UUID, in tree: OrgTree) -> Bool {
        !actor.roles.isDisjoint(with: readers) && tree.isWithin(unit, subtreeOf: actor.orgUnitID)
    }
}
