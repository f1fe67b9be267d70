import Foundation

/// Who may read a problem and how each reader stands to it: the one definition, used for a single
/// problem (`parties`) and, translated into SQL by the problem store, for every list (`reach`).
/// `ProblemAccessTests` checks that the two never disagree.
public enum ProblemAccess {
    /// One way an actor reaches problems; it reads a problem when any of its ways holds.
    public enum Reach: Hashable, Sendable {
        /// Every problem owned by this unit or a unit below it: the staff who read the org's ledger.
        case subtree(of: UUID)
        /// The problems this department leads or helps with (牵头 or 配合): its handlers.
        case heldBy(department: UUID)
        /// The enterprise's own problems: its account.
        case enterprise(UUID)
        /// What this user reported: a monitor.
        case reportedBy(UUID)
    }

    /// The roles that read the whole ledger of their unit's subtree.
    public static let ledgerReaders: Set<Role> = [.dispatcher, .admin, .leader, .cadre, .upper]

    /// The roles that may put a problem into a ledger: staff for an enterprise of their subtree, an
    /// enterprise for itself, a monitor for what it saw.
    public static let submitters: Set<Role> = [.dispatcher, .cadre, .enterprise, .monitor]

    /// May `actor` submit problems at all (the form, the 登记问题 button)?
    public static func maySubmit(_ actor: Actor) -> Bool { !actor.roles.isDisjoint(with: submitters) }

    /// May `actor` read a department's work (部门工作台)? Its own handlers, and the staff who read the
    /// ledger of the department's unit.
    public static func mayReadWork(of department: UUID, at unit: UUID, by actor: Actor, in tree: OrgTree) -> Bool {
        if actor.departmentID == department { return true }
        return !actor.roles.isDisjoint(with: ledgerReaders) && tree.isWithin(unit, subtreeOf: actor.orgUnitID)
    }

    /// Every way `actor` reaches problems; empty when it reads none.
    public static func reach(of actor: Actor) -> [Reach] {
        var ways: [Reach] = []
        if !actor.roles.isDisjoint(with: ledgerReaders) { ways.append(.subtree(of: actor.orgUnitID)) }
        if actor.has(.handler), let department = actor.departmentID { ways.append(.heldBy(department: department)) }
        if actor.has(.enterprise), let enterprise = actor.enterpriseID { ways.append(.enterprise(enterprise)) }
        if actor.has(.monitor) { ways.append(.reportedBy(actor.userID)) }
        return ways
    }

    /// What a single problem shows of itself to the access rule.
    public struct Facts: Sendable {
        public var orgUnit: UUID
        public var leadDepartment: UUID?
        public var coDepartments: Set<UUID>
        public var enterprise: UUID?
        public var reportedBy: UUID?

        public init(
            orgUnit: UUID, leadDepartment: UUID?, coDepartments: Set<UUID>, enterprise: UUID?, reportedBy: UUID?
        ) {
            self.orgUnit = orgUnit
            self.leadDepartment = leadDepartment
            self.coDepartments = coDepartments
            self.enterprise = enterprise
            self.reportedBy = reportedBy
        }

        public init(_ snapshot: ProblemSnapshot, orgUnit: UUID, enterprise: UUID?, reportedBy: UUID?) {
            self.init(
                orgUnit: orgUnit, leadDepartment: snapshot.leadDepartment,
                coDepartments: Set(snapshot.coDepartments.keys), enterprise: enterprise, reportedBy: reportedBy)
        }
    }

    /// Does `way` reach the problem? The store's SQL for each case says the same.
    public static func holds(_ way: Reach, for problem: Facts, in tree: OrgTree) -> Bool {
        switch way {
        case .subtree(let root): tree.isWithin(problem.orgUnit, subtreeOf: root)
        case .heldBy(let department):
            problem.leadDepartment == department || problem.coDepartments.contains(department)
        case .enterprise(let id): problem.enterprise == id
        case .reportedBy(let user): problem.reportedBy == user
        }
    }

    /// How `actor` stands to the problem; empty when it may not read it (then the problem is not
    /// found, so its existence is not revealed). `isLiaisonCadre` says whether the actor is a stationed
    /// cadre (驻企干部) of the problem's enterprise, which the store looks up only for cadres.
    public static func parties(
        of actor: Actor, toward problem: Facts, isLiaisonCadre: Bool, in tree: OrgTree
    ) -> Set<ProblemParty> {
        var parties: Set<ProblemParty> = []
        let inSubtree = tree.isWithin(problem.orgUnit, subtreeOf: actor.orgUnitID)
        if actor.has(.dispatcher) {
            // The owning org's service group acts; a dispatcher above reads (it acts once escalated).
            if actor.orgUnitID == problem.orgUnit {
                parties.insert(.dispatcher)
            } else if inSubtree {
                parties.insert(.reader)
            }
        }
        if actor.has(.leader) && inSubtree { parties.insert(.leader) }
        if actor.has(.handler), let department = actor.departmentID {
            if problem.leadDepartment == department { parties.insert(.leadHandler) }
            if problem.coDepartments.contains(department) { parties.insert(.coHandler) }
        }
        if actor.has(.enterprise), let enterprise = actor.enterpriseID, enterprise == problem.enterprise {
            parties.insert(.enterprise)
        }
        if actor.has(.cadre) {
            // A cadre is stationed only at enterprises of its own subtree (三联 takes cadres from the
            // enterprise's park or the units above it), so its reach is its subtree either way.
            if isLiaisonCadre && problem.enterprise != nil {
                parties.insert(.liaisonCadre)
            } else if inSubtree {
                parties.insert(.reader)
            }
        }
        if (actor.has(.admin) || actor.has(.upper)) && inSubtree { parties.insert(.reader) }
        if actor.has(.monitor) && problem.reportedBy == actor.userID { parties.insert(.reportingMonitor) }
        return parties
    }
}
