import JieyouDomain
import Vapor

/// `POST /api/v1/auth/login`, `POST /api/v1/auth/logout`, `GET /api/v1/me`.
struct AuthAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "login", use: login)
        let signedIn = routes.grouped(RequireSignInMiddleware())
        signedIn.post("auth", "logout", use: logout)
        signedIn.get("me", use: me)
    }

    @Sendable func login(req: Request) async throws -> API.LoginResponse {
        let body = try req.content.decode(API.LoginRequest.self)
        let config = req.appConfiguration
        let auth = AuthService(
            database: req.db, now: req.now, hashing: req.application.passwordHashing,
            threshold: config.lockoutThreshold, lockoutMinutes: config.lockoutMinutes)
        switch try await auth.authenticate(username: body.username, password: body.password) {
        case .failure(let failure):
            let code =
                switch failure {
                case .invalidCredentials: "invalidCredentials"
                case .locked: "locked"
                case .disabled: "disabled"
                }
            throw AppError(status: .unauthorized, code: code, message: failure.message)
        case .success(let user):
            let issued = try await SessionStore.issue(
                .api, for: user.id!, now: req.now, userAgent: req.headers.first(name: .userAgent), on: req.db)
            return API.LoginResponse(token: issued.token, user: API.UserDTO(user))
        }
    }

    @Sendable func logout(req: Request) async throws -> HTTPStatus {
        let signedIn = try req.requireSignedIn()
        try await SessionStore.revoke(signedIn.sessionID, now: req.now, on: req.db)
        return .noContent
    }

    @Sendable func me(req: Request) async throws -> API.MeResponse {
        let signedIn = try req.requireSignedIn()
        let tree = try await OrgDirectory.tree(on: req.db)
        guard let unit = try await OrgUnitStore(database: req.db).find(signedIn.orgUnitID) else {
            throw AppError.notFound("组织")
        }
        let capabilities = Capability.allCases.filter { AccessPolicy.has(signedIn.actor, $0) }.map(\.rawValue)
        return API.MeResponse(
            user: API.UserDTO(signedIn), orgUnit: API.OrgUnitDTO(unit, tree: tree), capabilities: capabilities)
    }
}
