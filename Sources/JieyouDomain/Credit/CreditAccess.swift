import Foundation

/// Who enters, reads and repairs 双公示 records. A record belongs to a park (its org unit) and to the
/// department that decided it.
public enum CreditAccess {
    /// Staff who read every record of their subtree.
    public static let readers: Set<Role> = [.admin, .dispatcher, .leader, .upper]

    /// The service group and the admins enter records for any department of their unit; a handler for
    /// its own department only.
    public static func mayEnter(_ actor: Actor, department: UUID, at unit: UUID, in tree: OrgTree) -> Bool {
        guard tree.isWithin(unit, subtreeOf: actor.orgUnitID) else { return false }
        if actor.has(.admin) || actor.has(.dispatcher) { return true }
        return actor.has(.handler) && actor.departmentID == department
    }

    /// Whether the actor may ever enter a record (the menu, the form).
    public static func entersRecords(_ actor: Actor) -> Bool {
        actor.has(.admin) || actor.has(.dispatcher) || (actor.has(.handler) && actor.departmentID != nil)
    }

    /// Whether the actor reads a records list at all (403 otherwise): staff their reach (a handler its
    /// department's, a cadre those naming enterprises), an enterprise its own. Monitors do not.
    public static func readsRecords(_ actor: Actor) -> Bool {
        !actor.roles.isDisjoint(with: readers) || entersRecords(actor) || actor.has(.cadre)
            || (actor.has(.enterprise) && actor.enterpriseID != nil)
    }

    /// A record's readers: staff of the subtree; a handler its department's records; the enterprise
    /// the record names; a cadre the records of enterprises in its subtree.
    public static func mayRead(
        _ actor: Actor, department: UUID, enterprise: UUID?, at unit: UUID, in tree: OrgTree
    ) -> Bool {
        if actor.has(.enterprise) { return enterprise != nil && actor.enterpriseID == enterprise }
        guard tree.isWithin(unit, subtreeOf: actor.orgUnitID) else { return false }
        if !actor.roles.isDisjoint(with: readers) { return true }
        if actor.has(.handler), actor.departmentID == department { return true }
        return actor.has(.cadre) && enterprise != nil
    }

    /// The enterprise itself, or a cadre serving enterprises of the record's unit, applies for repair.
    public static func mayApply(_ actor: Actor, enterprise: UUID?, at unit: UUID, in tree: OrgTree) -> Bool {
        guard let enterprise else { return false }
        if actor.has(.enterprise) { return actor.enterpriseID == enterprise }
        return actor.has(.cadre) && tree.isWithin(unit, subtreeOf: actor.orgUnitID)
    }

    /// The deciding department's handlers review applications.
    public static func mayReview(_ actor: Actor, department: UUID, at unit: UUID, in tree: OrgTree) -> Bool {
        actor.has(.handler) && actor.departmentID == department && tree.isWithin(unit, subtreeOf: actor.orgUnitID)
    }
}
