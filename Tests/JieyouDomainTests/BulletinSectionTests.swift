import JieyouDomain
import Testing

/// The sections a unit's 通报 report besides problem handling, as its setting stores them.
@Suite struct BulletinSectionTests {
    @Test func aChoiceIsStoredInTheSectionsOrderAndReadBack() throws {
        let parsed = try BulletinSection.parse(["plans", "visits", "", "plans"]).get()
        #expect(parsed == [.visits, .plans])
        #expect(BulletinSection.setting(parsed) == "visits,plans")
        #expect(BulletinSection.chosen(bySetting: "visits,plans") == [.visits, .plans])
        // None ticked is a choice of problem handling only; a name no longer known is passed over.
        #expect(BulletinSection.chosen(bySetting: "") == [])
        #expect(BulletinSection.chosen(bySetting: "visits,retired") == [.visits])
    }

    @Test func anUnknownSectionIsRefusedWithTheFieldNamed() {
        guard case .failure(let failure) = BulletinSection.parse(["visits", "gossip"]) else {
            Issue.record("gossip was accepted")
            return
        }
        #expect(failure.errors.map(\.field) == ["sections"])
        #expect(failure.errors.first?.message.hasPrefix("通报内容“gossip”无效") == true)
    }
}
