import JieyouDomain
import Vapor

/// The signed-in user of a request and the session that carries it.
struct SignedIn: Sendable {
    let user: UserModel
    let session: SessionModel

    var actor: Actor { user.actor }
}

extension Request {
    private struct SignedInKey: StorageKey {
        typealias Value = SignedIn
    }

    var signedIn: SignedIn? {
        get { storage[SignedInKey.self] }
        set { storage[SignedInKey.self] = newValue }
    }

    /// The signed-in user, or 401 (which web pages turn into a redirect to the login page).
    func requireSignedIn() throws -> SignedIn {
        guard let signedIn else { throw AppError.unauthenticated }
        return signedIn
    }

    var appConfiguration: AppConfiguration { application.appConfiguration }
}
