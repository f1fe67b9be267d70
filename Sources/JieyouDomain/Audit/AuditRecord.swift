import Crypto
import Foundation

/// One event of the append-only log (全程回溯): who did what to which record, when, and which fields
/// changed. Each record carries the SHA-256 of its content chained to the hash of the record before it,
/// so editing, deleting or reordering any stored event breaks the chain from that point on.
public struct AuditRecord: Hashable, Sendable {
    /// Position in the chain, from 1, without gaps.
    public let sequence: Int64
    /// Milliseconds since 1970 (UTC); stored as an integer so the hashed value survives every database.
    public let occurredAtMillis: Int64
    /// The acting user, or nil for the system (demo loader, migrations, scheduled jobs).
    public let actorID: UUID?
    /// The org unit the record belongs to: whose admins may read the event (nil: the whole system).
    public let orgUnitID: UUID?
    /// `orgUnit`, `department`, `user` …
    public let entityType: String
    public let entityID: String
    /// `create`, `update`, `login.locked`, `password.change` …
    public let action: String
    /// The canonical JSON of the `ChangeSet`.
    public let changes: String
    public let previousHash: String
    public let hash: String

    /// The hash of the first record's predecessor.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Makes the next record after `previous` (sequence and hash) in the chain.
    public static func next(
        after previous: (sequence: Int64, hash: String),
        occurredAtMillis: Int64, actorID: UUID?, orgUnitID: UUID?, entityType: String, entityID: String,
        action: String, changes: ChangeSet
    ) -> AuditRecord {
        let sequence = previous.sequence + 1
        let json = changes.canonicalJSON
        let hash = computeHash(
            sequence: sequence, occurredAtMillis: occurredAtMillis, actorID: actorID, orgUnitID: orgUnitID,
            entityType: entityType, entityID: entityID, action: action, changes: json, previousHash: previous.hash)
        return AuditRecord(
            sequence: sequence, occurredAtMillis: occurredAtMillis, actorID: actorID, orgUnitID: orgUnitID,
            entityType: entityType, entityID: entityID, action: action, changes: json, previousHash: previous.hash,
            hash: hash)
    }

    public init(
        sequence: Int64, occurredAtMillis: Int64, actorID: UUID?, orgUnitID: UUID?, entityType: String,
        entityID: String, action: String, changes: String, previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.occurredAtMillis = occurredAtMillis
        self.actorID = actorID
        self.orgUnitID = orgUnitID
        self.entityType = entityType
        self.entityID = entityID
        self.action = action
        self.changes = changes
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash this record should carry given its content.
    public var expectedHash: String {
        Self.computeHash(
            sequence: sequence, occurredAtMillis: occurredAtMillis, actorID: actorID, orgUnitID: orgUnitID,
            entityType: entityType, entityID: entityID, action: action, changes: changes, previousHash: previousHash)
    }

    /// SHA-256 over the fields joined by newlines (none of the fixed fields can contain one; the
    /// changes JSON escapes its own), hex-encoded.
    static func computeHash(
        sequence: Int64, occurredAtMillis: Int64, actorID: UUID?, orgUnitID: UUID?, entityType: String,
        entityID: String, action: String, changes: String, previousHash: String
    ) -> String {
        let content = [
            String(sequence), String(occurredAtMillis), actorID?.uuidString.lowercased() ?? "-",
            orgUnitID?.uuidString.lowercased() ?? "-", entityType, entityID, action, changes, previousHash,
        ].joined(separator: "\n")
        let digest = SHA256.hash(data: Data(content.utf8))
        let hexDigits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
