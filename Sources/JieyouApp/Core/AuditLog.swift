import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// Appends events to the hash-chained log inside the caller's transaction, so a change and its event
/// are written together or not at all.
///
/// `begin` first touches the single chain-head row. That write takes PostgreSQL's row lock and SQLite's
/// database write lock before anything else is read, so concurrent writers (on any app instance)
/// queue up there and each transaction extends the chain from the true head: no forks, no gaps.
final class AuditLog: @unchecked Sendable {
    private let database: any SQLDatabase
    private let actorID: UUID?
    private let now: Date
    private var head: (sequence: Int64, hash: String)
    private let startSequence: Int64
    /// Events not yet inserted: they are written in multi-row statements, so an import of 200,000
    /// enterprises does not cost 200,000 round trips for its events.
    private var pending: [AuditRecord] = []
    private static let batchSize = 500

    private init(database: any SQLDatabase, actorID: UUID?, now: Date, head: (Int64, String)) {
        self.database = database
        self.actorID = actorID
        self.now = now
        self.head = head
        self.startSequence = head.0
    }

    static func begin(on database: any Database, actorID: UUID?, now: Date) async throws -> AuditLog {
        let sql = database.sql
        try await sql.raw("UPDATE event_chain_head SET last_sequence = last_sequence WHERE id = 1").run()
        guard let row = try await sql.raw("SELECT last_sequence, last_hash FROM event_chain_head WHERE id = 1").first()
        else {
            throw AppError(status: .internalServerError, code: "internal", message: "事件日志链头缺失")
        }
        let sequence = try row.decode(column: "last_sequence", as: Int64.self)
        let hash = try row.decode(column: "last_hash", as: String.self)
        return AuditLog(database: sql, actorID: actorID, now: now, head: (sequence, hash))
    }

    /// Records one event. `entityType` is a stable code (`orgUnit`, `user` …); `action` says what
    /// happened (`create`, `update`, `password.change` …); `orgUnit` is the unit the record belongs to,
    /// which decides whose admins read the event.
    func record(
        _ entityType: String, id entityID: String, _ action: String, _ changes: ChangeSet, orgUnit: UUID?
    ) async throws {
        let millis = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        let record = AuditRecord.next(
            after: head, occurredAtMillis: millis, actorID: actorID, orgUnitID: orgUnit, entityType: entityType,
            entityID: entityID, action: action, changes: changes)
        pending.append(record)
        head = (record.sequence, record.hash)
        if pending.count >= Self.batchSize { try await flush() }
    }

    private func flush() async throws {
        guard !pending.isEmpty else { return }
        var insert = database.insert(into: "events").columns(
            "sequence", "occurred_at_ms", "actor_id", "org_unit_id", "entity_type", "entity_id", "action", "changes",
            "previous_hash", "hash")
        for r in pending {
            insert = insert.values(
                SQLBind(r.sequence), SQLBind(r.occurredAtMillis), SQLBind(r.actorID), SQLBind(r.orgUnitID),
                SQLBind(r.entityType), SQLBind(r.entityID), SQLBind(r.action), SQLBind(r.changes),
                SQLBind(r.previousHash), SQLBind(r.hash))
        }
        pending.removeAll(keepingCapacity: true)
        try await insert.run()
    }

    /// Stores the new chain head; called once at the end of the transaction.
    fileprivate func finish() async throws {
        try await flush()
        guard head.sequence != startSequence else { return }
        try await database.update("event_chain_head")
            .set("last_sequence", to: SQLBind(head.sequence))
            .set("last_hash", to: SQLBind(head.hash))
            .where("id", .equal, SQLBind(1))
            .run()
    }
}

extension Database {
    /// Runs `body` in a transaction with an `AuditLog` for its events. Every change to a domain record
    /// goes through here.
    ///
    /// Writers queue in this process's `WriteGate` before they take a connection: every write transaction
    /// starts by locking the event chain's head, so only one can proceed anyway, and a writer that waited
    /// on that lock inside the pool would hold a connection that readers need (and a queue longer than
    /// the pool's request timeout would fail). Between instances the head's row lock still decides.
    func writing<T: Sendable>(
        actorID: UUID?, now: Date, _ body: @escaping @Sendable (any Database, AuditLog) async throws -> T
    ) async throws -> T {
        try await WriteGate.shared.run {
            try await self.transaction { tx in
                let log = try await AuditLog.begin(on: tx, actorID: actorID, now: now)
                let result = try await body(tx, log)
                try await log.finish()
                return result
            }
        }
    }
}
