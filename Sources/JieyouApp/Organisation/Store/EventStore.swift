import Fluent
import Foundation

/// The event log as the 操作日志 page reads it. Events are written only by `AuditLog`.
struct EventStore {
    let database: any Database

    /// The newest `limit` events of `units` below sequence `before`. Keyset pagination on the
    /// sequence (index on org_unit_id, sequence) keeps this fast at millions of events.
    func newest(in units: [UUID], before: Int64?, limit: Int) async throws -> [EventModel] {
        var query = EventModel.query(on: database).filter(\.$orgUnitID ~~ units).sort(\.$id, .descending)
            .limit(limit)
        if let before { query = query.filter(\.$id < before) }
        return try await query.all()
    }
}
