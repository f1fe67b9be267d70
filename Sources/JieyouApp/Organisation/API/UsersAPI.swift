import JieyouDomain
import Vapor

/// `/api/v1/users`: accounts of the caller's subtree (admins only).
struct UsersAPI: RouteCollection {
    static let maxLimit = 200

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users")
        users.get(use: list)
        users.post(use: create)
        users.get(":id", use: show)
        users.patch(":id", use: update)
        users.on(.POST, "import", body: .collect(maxSize: UploadedFile.maxSize), use: importSheet)
    }

    /// `POST /api/v1/users/import?orgUnit=`: accounts from a sheet (admins; multipart field `file`), all
    /// or nothing, every bad cell named; the answer lists each new account with its one-time password,
    /// the only time it is given out.
    @Sendable func importSheet(req: Request) async throws -> AccountImportReport {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .manageOrganisation) else { throw AppError.forbidden() }
        var target = signedIn.orgUnitID
        if let text = req.queryText("orgUnit") {
            guard let id = UUID(uuidString: text) else { throw AppError.notFound("导入目标单位") }
            target = id
        }
        let upload = try UploadedFile(req)
        defer { upload.remove() }
        return try await AccountImport(
            database: req.db, now: req.now, actor: signedIn.actor, threadPool: req.application.threadPool
        ).run(file: upload.url, into: target)
    }

    /// Paged by username with an opaque cursor (the last username, base64): stable under inserts.
    @Sendable func list(req: Request) async throws -> API.Page<API.UserDTO> {
        let ctx = try await AdminContext.load(req, .readUsers)
        let limit = try req.pageLimit(maximum: Self.maxLimit)
        var unit: UUID?
        if let text = req.queryText("orgUnit") {
            guard let id = UUID(uuidString: text) else { throw AppError.notFound("组织") }
            unit = id
        }
        var role: Role?
        if let roleName = req.queryText("role") {
            guard let known = Role(rawValue: roleName) else { throw AppError.invalid("role", "角色“\(roleName)”不存在") }
            role = known
        }
        var after: String?
        if let cursor = req.queryText("cursor") {
            guard let data = Data(base64Encoded: cursor), let username = String(data: data, encoding: .utf8) else {
                throw AppError.invalid("cursor", "分页游标无效")
            }
            after = username
        }
        let users = try await ctx.desk.users(
            matching: req.queryText("q"), role: role, under: unit, after: after, limit: limit + 1)
        let page = Array(users.prefix(limit))
        let next = users.count > limit ? page.last.map { Data($0.username.utf8).base64EncodedString() } : nil
        return API.Page(items: page.map { API.UserDTO($0) }, nextCursor: next)
    }

    @Sendable func show(req: Request) async throws -> API.UserDTO {
        let ctx = try await AdminContext.load(req, .readUsers)
        let id = try req.idParameter("用户")
        return API.UserDTO(try await ctx.desk.user(id))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .manageOrganisation) else { throw AppError.forbidden() }
        let body = try req.content.decode(API.UserCreate.self)
        let user = try await req.userService
            .create(body.input, by: signedIn.actor)
        return try await API.UserDTO(user).encodeResponse(status: .created, for: req)
    }

    @Sendable func update(req: Request) async throws -> API.UserDTO {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .manageOrganisation) else { throw AppError.forbidden() }
        let id = try req.idParameter("用户")
        let body = try req.content.decode(API.UserPatch.self)
        // JSON null and an absent key both decode to nil, so unlinking uses the raw body: a key that is
        // present with null clears the link.
        let raw =
            (try? JSONSerialization.jsonObject(with: Data(buffer: req.body.data ?? ByteBuffer()))) as? [String: Any]
            ?? [:]
        let input = UserInput(
            username: body.username, password: body.password, displayName: body.displayName, phone: body.phone,
            roles: body.roles, orgUnitID: body.orgUnitId, departmentID: body.departmentId,
            enterpriseID: body.enterpriseId, active: body.active,
            clearDepartment: raw["departmentId"] is NSNull, clearEnterprise: raw["enterpriseId"] is NSNull)
        let user = try await req.userService
            .update(id, input, by: signedIn.actor)
        return API.UserDTO(user)
    }
}
