import Fluent
import Foundation

/// The `org_units` rows as pages read them (the tree itself comes from `OrgDirectory`, cached).
/// Writes go through `OrgUnitService`.
struct OrgUnitStore {
    let database: any Database

    func list(_ ids: [UUID]) async throws -> [OrgUnitModel] {
        try await OrgUnitModel.query(on: database).filter(\.$id ~~ ids).all()
    }

    func find(_ id: UUID) async throws -> OrgUnitModel? {
        try await OrgUnitModel.find(id, on: database)
    }
}
