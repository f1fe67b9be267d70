import Fluent
import Foundation
import JieyouDomain

/// A stored event of the log (see `AuditRecord`). Rows are only ever inserted.
final class EventModel: Model, @unchecked Sendable {
    static let schema = "events"

    @ID(custom: "sequence", generatedBy: .user) var id: Int64?
    @Field(key: "occurred_at_ms") var occurredAtMillis: Int64
    @OptionalField(key: "actor_id") var actorID: UUID?
    @OptionalField(key: "org_unit_id") var orgUnitID: UUID?
    @Field(key: "entity_type") var entityType: String
    @Field(key: "entity_id") var entityID: String
    @Field(key: "action") var action: String
    @Field(key: "changes") var changes: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    init(_ record: AuditRecord) {
        self.id = record.sequence
        self.occurredAtMillis = record.occurredAtMillis
        self.actorID = record.actorID
        self.orgUnitID = record.orgUnitID
        self.entityType = record.entityType
        self.entityID = record.entityID
        self.action = record.action
        self.changes = record.changes
        self.previousHash = record.previousHash
        self.hash = record.hash
    }

    var record: AuditRecord {
        AuditRecord(
            sequence: id ?? 0, occurredAtMillis: occurredAtMillis, actorID: actorID, orgUnitID: orgUnitID,
            entityType: entityType, entityID: entityID, action: action, changes: changes, previousHash: previousHash,
            hash: hash)
    }

    var occurredAt: Date { Date(timeIntervalSince1970: Double(occurredAtMillis) / 1000) }
}
