import Foundation
import Testing

@testable import JieyouDomain

/// One rule for the records an enterprise owns: its own account reads them, staff with the kind's
/// capability read those of their subtree, others are refused or kept from knowing they exist.
@Suite struct EnterpriseRecordAccessTests {
    static let city = UUID()
    static let park = UUID()
    static let otherPark = UUID()
    static let enterprise = UUID()
    static let tree = OrgTree([
        OrgTree.Node(id: city, parentID: nil, level: .city, name: "岳阳市"),
        OrgTree.Node(id: park, parentID: city, level: .park, name: "临湘高新区"),
        OrgTree.Node(id: otherPark, parentID: city, level: .park, name: "平江高新区"),
    ])

    func verdict(_ roles: Set<Role>, at unit: UUID, enterprise: UUID? = nil) -> EnterpriseRecordAccess.Verdict {
        EnterpriseRecordAccess.verdict(
            for: Actor(userID: UUID(), roles: roles, orgUnitID: unit, enterpriseID: enterprise),
            enterprise: Self.enterprise, orgUnit: Self.park, staffCapability: .readEnterprises, in: Self.tree)
    }

    @Test func theEnterpriseReadsItsOwnAndNoOneElses() {
        #expect(verdict([.enterprise], at: Self.park, enterprise: Self.enterprise) == .readable)
        #expect(verdict([.enterprise], at: Self.park, enterprise: UUID()) == .hidden)
    }

    @Test func staffReadTheirSubtreeWithTheCapability() {
        #expect(verdict([.cadre], at: Self.park) == .readable)
        #expect(verdict([.upper], at: Self.city) == .readable, "a unit above reads its parks' records")
        #expect(verdict([.cadre], at: Self.otherPark) == .hidden)
        #expect(verdict([.handler], at: Self.park) == .forbidden, "a handler does not read the registry")
    }
}
