import Foundation
import JieyouDomain
import Testing

@Suite struct AuditChainTests {
    func chain(_ count: Int) -> [AuditRecord] {
        var head: (sequence: Int64, hash: String) = (0, AuditRecord.genesisHash)
        var records: [AuditRecord] = []
        for i in 0..<count {
            var changes = ChangeSet()
            changes.record("name", before: i == 0 ? nil : "部门\(i - 1)", after: "部门\(i)")
            let record = AuditRecord.next(
                after: head, occurredAtMillis: 1_725_408_000_000 + Int64(i), actorID: nil, orgUnitID: nil,
                entityType: "department",
                entityID: "d\(i)", action: "update", changes: changes)
            records.append(record)
            head = (record.sequence, record.hash)
        }
        return records
    }

    func verify(_ records: [AuditRecord], head: (Int64, String)? = nil) -> AuditChainVerifier.Break? {
        var verifier = AuditChainVerifier()
        for record in records { verifier.check(record) }
        let h = head ?? (records.last?.sequence ?? 0, records.last?.hash ?? AuditRecord.genesisHash)
        return verifier.finish(headSequence: h.0, headHash: h.1)
    }

    @Test func anIntactChainVerifies() {
        #expect(verify(chain(50)) == nil)
        #expect(verify([]) == nil)
    }

    @Test func anEditedRecordIsNamed() {
        var records = chain(10)
        let r = records[4]
        records[4] = AuditRecord(
            sequence: r.sequence, occurredAtMillis: r.occurredAtMillis, actorID: r.actorID, orgUnitID: r.orgUnitID,
            entityType: r.entityType,
            entityID: r.entityID, action: r.action, changes: #"{"name":{"after":"篡改"}}"#, previousHash: r.previousHash,
            hash: r.hash)
        #expect(verify(records) == .contentAltered(sequence: 5))
    }

    @Test func aRehashedRecordBreaksTheNextLink() {
        var records = chain(10)
        let r = records[4]
        let forged = AuditRecord.next(
            after: (r.sequence - 1, r.previousHash), occurredAtMillis: r.occurredAtMillis, actorID: r.actorID,
            orgUnitID: r.orgUnitID,
            entityType: r.entityType, entityID: r.entityID, action: "delete", changes: ChangeSet())
        records[4] = forged
        #expect(verify(records) == .linkBroken(sequence: 6))
    }

    @Test func movingAnEventToAnotherOrgUnitIsDetected() {
        var records = chain(5)
        let r = records[2]
        records[2] = AuditRecord(
            sequence: r.sequence, occurredAtMillis: r.occurredAtMillis, actorID: r.actorID, orgUnitID: UUID(),
            entityType: r.entityType, entityID: r.entityID, action: r.action, changes: r.changes,
            previousHash: r.previousHash, hash: r.hash)
        #expect(verify(records) == .contentAltered(sequence: 3))
    }

    @Test func aDeletedRecordIsAGap() {
        var records = chain(10)
        records.remove(at: 3)
        #expect(verify(records) == .gap(expected: 4, found: 5))
    }

    @Test func aTruncatedTailDisagreesWithTheHead() {
        let records = chain(10)
        #expect(
            verify(Array(records.prefix(8)), head: (10, records[9].hash))
                == .headMismatch(expectedSequence: 10, foundSequence: 8))
    }

    @Test func changeSetsAreCanonical() throws {
        var a = ChangeSet()
        a.record("b", before: "1", after: "2")
        a.record("a", before: nil, after: "x/y")
        a.record("same", before: "v", after: "v")
        #expect(a.canonicalJSON == #"{"a":{"after":"x/y"},"b":{"after":"2","before":"1"}}"#)
        #expect(try ChangeSet(canonicalJSON: a.canonicalJSON) == a)
    }

    /// The hand-built JSON is byte for byte what JSONEncoder writes with the same options, for text
    /// that needs escaping, so events written before and after the change read alike.
    @Test func canonicalJSONMatchesJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let texts = [
            "临湘浮标科技有限公司", "quote \" and back\\slash", "line\nbreak\r\ttab", "bell\u{07}nul\u{00}esc\u{1B}",
            "\u{08}\u{0C}", "a/b", "😀 emoji", "", "de\u{0301}composed",
        ]
        for (i, text) in texts.enumerated() {
            var set = ChangeSet()
            set.record("k\(i)", before: i % 2 == 0 ? nil : "旧值", after: text)
            set.record("zz", before: text, after: nil)
            set.record("Ab", before: "x", after: "y")
            let expected = String(decoding: try encoder.encode(set.fields), as: UTF8.self)
            #expect(set.canonicalJSON == expected, "\(text)")
            #expect(try ChangeSet(canonicalJSON: set.canonicalJSON) == set)
        }
    }
}
