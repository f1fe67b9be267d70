import JieyouDomain
import Vapor

/// `POST /api/v1/auth/login`, `POST /api/v1/auth/logout`, `POST /api/v1/auth/password`, `GET /api/v1/me`.
struct AuthAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "login", use: login)
        let signedIn = routes.grouped(RequireSignInMiddleware())
        signedIn.post("auth", "logout", use: logout)
        signedIn.post("auth", "password", use: changePassword)
        signedIn.get("me", use: me)
    }

    @Sendable func login(req: Request) async throws -> API.LoginResponse {
        let body = try req.content.decode(API.LoginRequest.self)
        let result = try await req.authService.signIn(
            username: body.username, password: body.password, kind: .api, userAgent: req.headers.first(name: .userAgent)
        )
        switch result {
        case .failure(let failure):
            let code =
                switch failure {
                case .invalidCredentials: "invalidCredentials"
                case .locked: "locked"
                case .disabled: "disabled"
                }
            throw AppError(status: .unauthorized, code: code, message: failure.message)
        case .success(let signedIn):
            return API.LoginResponse(
                token: signedIn.token, user: API.UserDTO(signedIn.user),
                mustChangePassword: signedIn.user.mustChangePassword)
        }
    }

    /// `POST /api/v1/auth/password`: the signed-in user's own password; the other sessions end.
    @Sendable func changePassword(req: Request) async throws -> HTTPStatus {
        let signedIn = try req.requireSignedIn()
        let body = try req.content.decode(API.PasswordChange.self)
        try await req.authService.changePassword(
            ofUser: signedIn.userID, current: body.currentPassword, new: body.newPassword,
            keepSession: signedIn.sessionID)
        return .noContent
    }

    @Sendable func logout(req: Request) async throws -> HTTPStatus {
        let signedIn = try req.requireSignedIn()
        try await req.authService.signOut(signedIn.sessionID)
        return .noContent
    }

    @Sendable func me(req: Request) async throws -> API.MeResponse {
        let signedIn = try req.requireSignedIn()
        let desk = try await req.orgDesk()
        let unit = try await desk.orgUnit(signedIn.orgUnitID)
        let capabilities = Capability.allCases.filter { AccessPolicy.has(signedIn.actor, $0) }.map(\.rawValue)
        return API.MeResponse(
            user: API.UserDTO(signedIn), orgUnit: API.OrgUnitDTO(unit, tree: desk.tree), capabilities: capabilities)
    }
}
