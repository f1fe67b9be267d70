import JieyouDomain
import Vapor

/// What every admin page needs: the admin, the tree, and the scope, checked once.
struct AdminContext {
    let signedIn: SignedIn
    let tree: OrgTree
    let scope: [UUID]
    /// The organisation's reads, scoped to this admin.
    let desk: OrgDesk

    var actor: Actor { signedIn.actor }

    static func load(_ req: Request, _ capability: Capability = .manageOrganisation) async throws -> AdminContext {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, capability) else { throw AppError.forbidden() }
        let desk = try await req.orgDesk()
        return AdminContext(signedIn: signedIn, tree: desk.tree, scope: desk.scope, desk: desk)
    }

    /// Units in scope, depth-first, labelled with their indentation, for selects.
    func unitOptions(where include: (OrgTree.Node) -> Bool = { _ in true }) -> [(value: String, label: String)] {
        UnitChoices.options(under: actor.orgUnitID, tree: tree, where: include)
    }
}

extension Request {
    /// The `:id` path parameter as a UUID, or 404.
    func idParameter(_ what: String) throws -> UUID {
        guard let text = parameters.get("id"), let id = UUID(uuidString: text) else { throw AppError.notFound(what) }
        return id
    }
}

/// Turns an empty form string into nil and a UUID string into a UUID ("" means "not chosen").
func formUUID(_ text: String?) -> UUID? {
    guard let text, !text.isEmpty else { return nil }
    return UUID(uuidString: text)
}
