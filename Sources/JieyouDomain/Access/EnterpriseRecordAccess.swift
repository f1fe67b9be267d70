import Foundation

/// Who may read a record that belongs to an enterprise (a 融资诉求, a 项目申报 …): the enterprise's
/// own account, and staff holding the record kind's capability whose subtree holds the record. One
/// rule for every such kind, so that a list and a record's page cannot disagree.
public enum EnterpriseRecordAccess {
    public enum Verdict: Sendable, Equatable {
        case readable
        /// The actor's roles never read this kind of record (403).
        case forbidden
        /// The record is someone else's: not found, so that its existence is not revealed (404).
        case hidden
    }

    public static func verdict(
        for actor: Actor, enterprise: UUID, orgUnit: UUID, staffCapability: Capability, in tree: OrgTree
    ) -> Verdict {
        if actor.has(.enterprise) { return actor.enterpriseID == enterprise ? .readable : .hidden }
        guard AccessPolicy.has(actor, staffCapability) else { return .forbidden }
        return tree.isWithin(orgUnit, subtreeOf: actor.orgUnitID) ? .readable : .hidden
    }
}
