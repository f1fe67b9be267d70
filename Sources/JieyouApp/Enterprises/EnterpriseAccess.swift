import Fluent
import Foundation
import JieyouDomain
import SQLKit

/// Who may read which enterprises: government readers their subtree, an enterprise account only its
/// own enterprise, everyone else nothing.
struct EnterpriseAccess {
    let signedIn: SignedIn
    let tree: OrgTree
    let reach: EnterpriseReach

    var actor: Actor { signedIn.actor }
    var seesPhones: Bool { AccessPolicy.has(actor, .seeContactPhones) || actor.has(.enterprise) }
    var mayManage: Bool { AccessPolicy.has(actor, .manageEnterprises) }

    /// The reader's access: an enterprise account to its own enterprise, readers of the registry to
    /// their subtree, everyone else refused.
    static func of(_ signedIn: SignedIn, tree: OrgTree) throws -> EnterpriseAccess {
        let actor = signedIn.actor
        if actor.has(.enterprise), let id = actor.enterpriseID {
            return EnterpriseAccess(signedIn: signedIn, tree: tree, reach: .enterprise(id))
        }
        guard AccessPolicy.has(actor, .readEnterprises) else { throw AppError.forbidden() }
        return EnterpriseAccess(
            signedIn: signedIn, tree: tree, reach: .units(OrgDirectory.scope(of: actor, in: tree)))
    }

    func canRead(_ row: EnterpriseRow) -> Bool {
        switch reach {
        case .enterprise(let id): row.id == id
        case .units: tree.isWithin(row.orgUnitId, subtreeOf: actor.orgUnitID)
        }
    }

    /// The enterprise, or 404 when it does not exist or is not the reader's.
    func enterprise(_ id: UUID, on db: any Database) async throws -> StoredEnterprise {
        guard let stored = try await StoredEnterprise.load(id, on: db.sql), canRead(stored.row) else {
            throw AppError.notFound("企业")
        }
        return stored
    }

    /// A unit the reader named to narrow a list; 404 outside its scope.
    func narrowing(_ text: String?) throws -> UUID? {
        guard let text, !text.isEmpty else { return nil }
        guard let id = UUID(uuidString: text), case .units(let units) = reach, units.contains(id) else {
            throw AppError.notFound("组织")
        }
        return id
    }

    func phone(_ phone: String?) -> String? {
        guard let phone else { return nil }
        return seesPhones ? phone : ContactRules.maskedPhone(phone)
    }
}
