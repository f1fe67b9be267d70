import Foundation
import JieyouDomain
import Vapor

/// The signed-in user of a request and its session, as plain values. Every authenticated request
/// needs them, so they are read in one SQL join (`SessionStore.find`) rather than as Fluent models,
/// whose reflection-based decoding costs far more than the query itself.
struct SignedIn: Sendable {
    let sessionID: UUID
    /// Echoed in every form of the session and checked on every unsafe web request.
    let csrfToken: String
    let userID: UUID
    let username: String
    let displayName: String
    let phone: String?
    let roles: Set<Role>
    let orgUnitID: UUID
    let departmentID: UUID?
    let enterpriseID: UUID?
    /// Signed in with a one-time password: only the password page (and signing out) until it is changed.
    var mustChangePassword = false

    var actor: Actor {
        Actor(
            userID: userID, roles: roles, orgUnitID: orgUnitID, departmentID: departmentID, enterpriseID: enterpriseID)
    }
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
