import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// The names behind the ids an event page mentions (users, departments, enterprises, org units),
/// fetched once per page.
struct EventNames {
    var users: [UUID: String] = [:]
    var departments: [UUID: String] = [:]
    var enterprises: [UUID: String] = [:]
    /// Problems by their number (问题 CSGXQ-2026-0120), for the log's records and the ids in changes.
    var problems: [UUID: String] = [:]
    var tree: OrgTree

    static func load(for events: [EventModel], tree: OrgTree, on database: any Database) async throws -> EventNames {
        var ids = Set(events.compactMap(\.actorID))
        for event in events {
            ids.formUnion([UUID(uuidString: event.entityID)].compactMap { $0 })
            if let changes = try? ChangeSet(canonicalJSON: event.changes) {
                for change in changes.fields.values {
                    ids.formUnion([change.before, change.after].compactMap { $0.flatMap(UUID.init(uuidString:)) })
                }
            }
        }
        var names = EventNames(tree: tree)
        names.users = try await UserStore(database: database).labels(of: ids)
        names.departments = try await DepartmentStore(database: database).names(of: ids)
        names.enterprises = try await EnterpriseLookup.names(of: ids, on: database.sql)
        if !ids.isEmpty {
            for row in try await database.sql.raw(
                "SELECT id, number FROM problems WHERE id IN (\(binds: Array(ids)))"
            ).all() {
                names.problems[try row.decode(column: "id", as: UUID.self)] = try row.decode(
                    column: "number", as: String.self)
            }
        }
        return names
    }

    func name(of id: UUID) -> String? {
        users[id] ?? departments[id] ?? enterprises[id] ?? problems[id] ?? tree[id]?.name
    }
}
