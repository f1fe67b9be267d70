import Fluent
import Foundation
import JieyouDomain

/// The `departments` table as pages and forms read it. Writes go through `DepartmentService`.
struct DepartmentStore {
    let database: any Database

    /// The departments of `units` by name; `activeOnly` leaves out those that no longer take work.
    func list(in units: [UUID], activeOnly: Bool = false) async throws -> [DepartmentModel] {
        var query = DepartmentModel.query(on: database).filter(\.$orgUnit.$id ~~ units)
        if activeOnly { query = query.filter(\.$active == true) }
        return try await query.sort(\.$name).all()
    }

    func find(_ id: UUID) async throws -> DepartmentModel? {
        try await DepartmentModel.find(id, on: database)
    }

    func count(in units: [UUID], activeOnly: Bool = false) async throws -> Int {
        var query = DepartmentModel.query(on: database).filter(\.$orgUnit.$id ~~ units)
        if activeOnly { query = query.filter(\.$active == true) }
        return try await query.count()
    }

    /// (id, name) of the active departments of `units`, for a select.
    func activeChoices(in units: [UUID]) async throws -> [(String, String)] {
        try await list(in: units, activeOnly: true).map { ($0.id!.uuidString, $0.name) }
    }

    func names(of ids: Set<UUID>) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for department in try await DepartmentModel.query(on: database).filter(\.$id ~~ ids).all() {
            names[department.id!] = department.name
        }
        return names
    }
}
